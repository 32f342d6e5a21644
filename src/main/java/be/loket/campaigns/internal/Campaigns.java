package be.loket.campaigns.internal;

import be.loket.audit.AuditLog;
import be.loket.identity.Directory;
import be.loket.identity.Organisation;
import be.loket.letters.LetterDispatch;
import be.loket.letters.Letterhead;
import be.loket.letters.LetterOrder;
import be.loket.letters.LetterSent;
import be.loket.letters.OutboundChannel.Channel;
import be.loket.outreach.WorklistEntry;
import be.loket.outreach.WorklistInfo;
import be.loket.outreach.Worklists;
import be.loket.person.People;
import be.loket.person.Person;
import be.loket.platform.Actor;
import be.loket.platform.NotFoundException;
import be.loket.platform.Texts;
import be.loket.platform.Validation;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Starting and reading campaigns, and sending their SMS and e-mails. A campaign is saved whole or not at all;
 * letter variants are assigned at random from a seed that is stored, so the assignment can be reproduced.
 */
@Service
@Transactional
public class Campaigns {
    static final String AUDIT_CAMPAIGN = "CAMPAIGN";
    static final String AUDIT_MEMBER = "CAMPAIGN_MEMBER";
    public static final int MAX_VARIANTS = 4;

    private final JdbcClient jdbc;
    private final Worklists worklists;
    private final People people;
    private final Directory directory;
    private final LetterDispatch dispatch;
    private final InvitationValues letterValues;
    private final AuditLog audit;
    private final Clock clock;

    Campaigns(JdbcClient jdbc, Worklists worklists, People people, Directory directory, LetterDispatch dispatch,
            InvitationValues letterValues, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.worklists = worklists;
        this.people = people;
        this.directory = directory;
        this.dispatch = dispatch;
        this.letterValues = letterValues;
        this.audit = audit;
        this.clock = clock;
    }

    // ---------------------------------------------------------------- starting

    private record Pick(WorklistEntry entry, ContactMethod method) {
    }

    public UUID create(NewCampaign command, Locale locale) {
        Actor actor = CampaignAccess.worker();
        var v = new Validation().required("name", command.name()).maxLength("name", command.name(), 200);
        WorklistInfo list = null;
        if (Texts.trimToNull(command.worklistKey()) == null) {
            v.required("worklistKey", null);
        } else {
            list = worklists.lists(locale).stream().filter(l -> l.key().equals(command.worklistKey().strip())).findFirst().orElse(null);
            if (list == null) {
                v.add("worklistKey", "campaigns.worklist.unknown");
            }
        }
        UUID intermediary = intermediary(v, command.intermediaryId());
        List<String> variants = variants(v, command.variants());
        List<Letterhead> letterheads = letterheads(v, variants.size(), command.letterheads());
        List<Pick> picks = picks(v, list, command.methods(), locale);
        v.throwIfInvalid();

        UUID id = UUID.randomUUID();
        long seed = ThreadLocalRandom.current().nextLong();
        jdbc.sql("""
                insert into campaign (id, tenant_id, name, worklist_key, worklist_name, intermediary_id, closed_envelope, variants,
                    variant_letterheads, variant_seed, created_at, created_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, actor.tenantId(), command.name().strip(), list.key(), list.name(), intermediary, command.closedEnvelope(),
                        variants.isEmpty() ? null : String.join("\n", variants),
                        letterheads.isEmpty() ? null : String.join("\n", letterheads.stream().map(Letterhead::name).toList()), seed,
                        OffsetDateTime.now(clock), actor.username())
                .update();
        Integer[] variantOf = assignVariants(picks.stream().map(Pick::method).toList(), variants.size(), seed);
        for (int i = 0; i < picks.size(); i++) {
            Pick p = picks.get(i);
            UUID member = UUID.randomUUID();
            jdbc.sql("""
                    insert into campaign_member (id, tenant_id, campaign_id, entry_id, person_id, person_name, dossier_id, method,
                        variant, position)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(member, actor.tenantId(), id, p.entry().id(), p.entry().personId(), p.entry().personName(),
                            p.entry().dossierId(), p.method().name(), variantOf[i], i)
                    .update();
            audit.write(AuditLog.Action.CREATE, AUDIT_MEMBER, member, "campaign=" + id + " entry=" + p.entry().id()
                    + (p.entry().personId() == null ? "" : " person=" + p.entry().personId()) + " method=" + p.method());
        }
        audit.write(AuditLog.Action.CREATE, AUDIT_CAMPAIGN, id, "worklist=" + list.key() + " people=" + picks.size()
                + " variants=" + variants.size() + " letterheads=" + letterheads + " seed=" + seed);
        return id;
    }

    /**
     * Letter recipients in campaign order get variants from a shuffled, balanced sequence (0, 1, 0, 1, ...):
     * random per person, yet equal group sizes. The same seed always gives the same assignment.
     */
    public static Integer[] assignVariants(List<ContactMethod> methods, int variantCount, long seed) {
        Integer[] variantOf = new Integer[methods.size()];
        if (variantCount == 0) {
            return variantOf;
        }
        List<Integer> letters = IntStream.range(0, methods.size()).filter(i -> methods.get(i) == ContactMethod.LETTER).boxed().toList();
        List<Integer> order = new ArrayList<>(IntStream.range(0, letters.size()).boxed().toList());
        Collections.shuffle(order, new Random(seed));
        for (int i = 0; i < order.size(); i++) {
            variantOf[letters.get(order.get(i))] = i % variantCount;
        }
        return variantOf;
    }

    private UUID intermediary(Validation v, String text) {
        if (Texts.trimToNull(text) == null) {
            return null;
        }
        UUID id = uuid(text);
        if (id == null || directory.partners().stream().map(Organisation::id).noneMatch(id::equals)) {
            v.add("intermediaryId", "campaigns.intermediary.unknown");
            return null;
        }
        return id;
    }

    private static List<String> variants(Validation v, String text) {
        if (Texts.trimToNull(text) == null) {
            return List.of();
        }
        List<String> names = Arrays.stream(text.split("\\R")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        Set<String> seen = new LinkedHashSet<>();
        for (String n : names) {
            v.maxLength("variants", n, 100);
            if (!seen.add(n.toLowerCase(Locale.ROOT))) {
                v.add("variants", "campaigns.variants.duplicate", n);
            }
        }
        if (names.size() == 1) {
            v.add("variants", "campaigns.variants.atLeastTwo");
        } else if (names.size() > MAX_VARIANTS) {
            v.add("variants", "campaigns.variants.tooMany", MAX_VARIANTS);
        }
        return names;
    }

    /** One letterhead per variant: as chosen, else the default for its position; anything else is refused. */
    private static List<Letterhead> letterheads(Validation v, int variantCount, List<String> chosen) {
        List<Letterhead> letterheads = new ArrayList<>();
        for (int i = 0; i < variantCount; i++) {
            String text = chosen == null || i >= chosen.size() ? null : Texts.trimToNull(chosen.get(i));
            if (text == null) {
                letterheads.add(Campaign.defaultLetterhead(i));
                continue;
            }
            try {
                letterheads.add(Letterhead.valueOf(text));
            } catch (IllegalArgumentException unknown) {
                v.add("letterheads", "campaigns.variants.letterheadUnknown", i + 1);
            }
        }
        return letterheads;
    }

    private List<Pick> picks(Validation v, WorklistInfo list, Map<String, String> methods, Locale locale) {
        List<Pick> picks = new ArrayList<>();
        if (methods != null) {
            for (var e : methods.entrySet()) {
                if (Texts.trimToNull(e.getValue()) == null) {
                    continue;
                }
                UUID entryId = uuid(e.getKey());
                if (entryId == null) {
                    throw new NotFoundException("Worklist entry");
                }
                // Another municipality's entry is "not found", like everything else of theirs.
                WorklistEntry entry = worklists.entry(entryId, locale);
                if (list != null && !list.key().equals(entry.listKey())) {
                    v.add("methods", "campaigns.people.otherList", entry.personName());
                    continue;
                }
                ContactMethod method;
                try {
                    method = ContactMethod.valueOf(e.getValue().strip());
                } catch (IllegalArgumentException unknown) {
                    v.add("methods", "campaigns.method.unknown", entry.personName());
                    continue;
                }
                if (method.needsPerson()) {
                    if (entry.personId() == null) {
                        v.add("methods", "campaigns.method.needsPerson", entry.personName());
                        continue;
                    }
                    Person person = people.get(entry.personId());
                    if (method == ContactMethod.SMS && Texts.trimToNull(person.phone()) == null) {
                        v.add("methods", "campaigns.method.noPhone", entry.personName());
                    } else if (method == ContactMethod.EMAIL && Texts.trimToNull(person.email()) == null) {
                        v.add("methods", "campaigns.method.noEmail", entry.personName());
                    } else if (method == ContactMethod.LETTER && Texts.trimToNull(person.street()) == null) {
                        v.add("methods", "campaigns.method.noAddress", entry.personName());
                    }
                }
                picks.add(new Pick(entry, method));
            }
        }
        if (picks.isEmpty() && !v.hasErrorOn("methods")) {
            v.add("methods", "campaigns.people.none");
        }
        if (list != null && picks.size() > 1) {
            // The form's fields arrive sorted by name; the contact list keeps the worklist's order (most urgent first).
            List<UUID> order = worklists.entries(list.key(), locale).stream().map(WorklistEntry::id).toList();
            picks.sort(java.util.Comparator.comparingInt(p -> order.indexOf(p.entry().id())));
        }
        return picks;
    }

    static UUID uuid(String text) {
        try {
            return text == null ? null : UUID.fromString(text.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    // ---------------------------------------------------------------- reading

    /** Not read-only: the search is audited. */
    public List<Campaign> list() {
        Actor actor = CampaignAccess.worker();
        List<Campaign> list = jdbc.sql(SELECT + " where c.tenant_id = ? order by c.created_at desc").param(actor.tenantId())
                .query(Campaigns::campaign).list();
        audit.write(AuditLog.Action.SEARCH, AUDIT_CAMPAIGN, null, "campaigns=" + list.size());
        return list;
    }

    /** The campaign without its people (no personal data, so no audit event of its own). */
    @Transactional(readOnly = true)
    public Campaign get(UUID id) {
        Actor actor = CampaignAccess.worker();
        Campaign c = jdbc.sql(SELECT + " where c.id = ? and c.tenant_id = ?").params(id, actor.tenantId()).query(Campaigns::campaign)
                .optional().orElseThrow(() -> new NotFoundException("Campaign"));
        if (c.intermediaryId() == null) {
            return c;
        }
        return new Campaign(c.id(), c.name(), c.worklistKey(), c.worklistName(), c.intermediaryId(),
                directory.organisation(c.intermediaryId()).name(), c.closedEnvelope(), c.variants(), c.letterheads(), c.variantSeed(),
                c.createdAt(),
                c.createdBy(), c.people());
    }

    /** The contact list: everyone in the campaign with their method, variant, sending and latest outcome. */
    public List<Member> members(UUID campaignId) {
        Campaign campaign = get(campaignId);
        List<Member> members = memberQuery(campaign, "m.campaign_id = ?", campaignId);
        audit.write(AuditLog.Action.READ, AUDIT_CAMPAIGN, campaignId, "contact list people=" + members.size());
        return members;
    }

    public Member member(UUID campaignId, UUID memberId) {
        Campaign campaign = get(campaignId);
        Member member = memberQuery(campaign, "m.campaign_id = ? and m.id = ?", campaignId, memberId).stream().findFirst()
                .orElseThrow(() -> new NotFoundException("Campaign member"));
        audit.write(AuditLog.Action.READ, AUDIT_MEMBER, memberId, "campaign=" + campaignId);
        return member;
    }

    /** Members of the tenant matching {@code where} (positional parameters), in contact-list order. */
    private List<Member> memberQuery(Campaign campaign, String where, Object... params) {
        Actor actor = CampaignAccess.worker();
        List<Object> all = new ArrayList<>();
        all.add(actor.tenantId());
        all.addAll(List.of(params));
        return jdbc.sql("""
                        select m.*,
                          (select count(*) from campaign_attempt a where a.member_id = m.id and a.tenant_id = m.tenant_id) as attempts,
                          (select a.outcome from campaign_attempt a where a.member_id = m.id and a.tenant_id = m.tenant_id
                             order by a.attempted_on desc, a.created_at desc limit 1) as last_outcome
                        from campaign_member m where m.tenant_id = ? and""" + " " + where + " order by m.position")
                .params(all)
                .query((rs, n) -> {
                    Integer variant = (Integer) rs.getObject("variant");
                    String outcome = rs.getString("last_outcome");
                    return new Member(rs.getObject("id", UUID.class), rs.getObject("campaign_id", UUID.class),
                            rs.getObject("entry_id", UUID.class), rs.getObject("person_id", UUID.class), rs.getString("person_name"),
                            rs.getObject("dossier_id", UUID.class), ContactMethod.valueOf(rs.getString("method")), variant,
                            variant == null || variant >= campaign.variants().size() ? null : campaign.variants().get(variant),
                            rs.getString("sent_channel"), rs.getObject("sent_at", OffsetDateTime.class), rs.getInt("attempts"),
                            outcome == null ? null : Outcome.valueOf(outcome));
                })
                .list();
    }

    // ---------------------------------------------------------------- SMS and e-mail

    /** Sends the SMS and e-mails not sent yet, each by the method chosen for the person; returns how many went out. */
    public int sendMessages(UUID campaignId) {
        Actor actor = CampaignAccess.worker();
        Campaign campaign = get(campaignId);
        List<Member> toSend = memberQuery(campaign, "m.campaign_id = ? and m.method in ('SMS', 'EMAIL') and m.sent_at is null",
                campaignId);
        if (toSend.isEmpty()) {
            return 0;
        }
        InvitationValues.Sender sender = letterValues.sender(campaign);
        for (Member m : toSend) {
            Person person = people.get(m.personId());
            WorklistEntry entry = worklists.entry(m.entryId(), Locale.forLanguageTag(InvitationValues.language(person)));
            var order = new LetterOrder(person.id(), InvitationValues.TEMPLATE, letterValues.values(campaign, sender, person, entry),
                    letterValues.shortText(campaign, sender, person), campaign.closedEnvelope());
            LetterSent sent = dispatch.send(order, m.method() == ContactMethod.SMS ? Channel.SMS : Channel.EMAIL);
            jdbc.sql("update campaign_member set sent_channel = ?, sent_at = ? where id = ? and tenant_id = ?")
                    .params(sent.channel().name(), sent.sentAt(), m.id(), actor.tenantId()).update();
            audit.write(AuditLog.Action.UPDATE, AUDIT_MEMBER, m.id(), "sent " + m.method() + " by " + sent.channel());
        }
        return toSend.size();
    }

    /** Letter recipients are marked as sent by post when their batch is printed. */
    public void markLettersPrinted(UUID campaignId) {
        Actor actor = CampaignAccess.worker();
        jdbc.sql("""
                update campaign_member set sent_channel = 'POST', sent_at = ?
                where campaign_id = ? and tenant_id = ? and method = 'LETTER' and sent_at is null""")
                .params(OffsetDateTime.now(clock), campaignId, actor.tenantId()).update();
    }

    private static final String SELECT = """
            select c.*, (select count(*) from campaign_member m where m.campaign_id = c.id and m.tenant_id = c.tenant_id) as people
            from campaign c""";

    private static Campaign campaign(ResultSet rs, int row) throws SQLException {
        String text = rs.getString("variants");
        List<String> variants = text == null ? List.of() : List.of(text.split("\n"));
        String chosen = rs.getString("variant_letterheads");
        // Campaigns from before the choice existed get the default per position.
        List<Letterhead> letterheads = IntStream.range(0, variants.size())
                .mapToObj(i -> chosen == null ? Campaign.defaultLetterhead(i) : Letterhead.valueOf(chosen.split("\n")[i])).toList();
        return new Campaign(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("worklist_key"),
                rs.getString("worklist_name"), rs.getObject("intermediary_id", UUID.class), null,
                rs.getBoolean("closed_envelope"), variants, letterheads,
                rs.getLong("variant_seed"), rs.getObject("created_at", OffsetDateTime.class), rs.getString("created_by"),
                rs.getInt("people"));
    }
}
