package be.loket.campaigns.internal;

import be.loket.audit.AuditLog;
import be.loket.dossier.Dossiers;
import be.loket.dossier.NewStep;
import be.loket.dossier.Visibility;
import be.loket.outreach.WorklistEntry;
import be.loket.outreach.Worklists;
import be.loket.person.People;
import be.loket.platform.Actor;
import be.loket.platform.Choices;
import be.loket.platform.Texts;
import be.loket.platform.Validation;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Logging contact attempts. An attempt with a person who has a dossier also becomes an internal step there,
 * and reaching the person marks their worklist entry contacted: all in one transaction, so nothing is half-saved.
 */
@Service
@Transactional
public class ContactAttempts {
    public static final int MAX_MINUTES = 600;

    private final Campaigns campaigns;
    private final JdbcClient jdbc;
    private final Dossiers dossiers;
    private final Worklists worklists;
    private final MessageSource messages;
    private final AuditLog audit;
    private final Clock clock;

    ContactAttempts(Campaigns campaigns, JdbcClient jdbc, Dossiers dossiers, Worklists worklists, MessageSource messages,
            AuditLog audit, Clock clock) {
        this.campaigns = campaigns;
        this.jdbc = jdbc;
        this.dossiers = dossiers;
        this.worklists = worklists;
        this.messages = messages;
        this.audit = audit;
        this.clock = clock;
    }

    public UUID log(UUID campaignId, UUID memberId, NewAttempt a, Locale staffLocale) {
        Actor actor = CampaignAccess.worker();
        Campaign campaign = campaigns.get(campaignId);
        Member member = campaigns.member(campaignId, memberId);
        var v = new Validation().maxLength("note", a.note(), 2000);
        ContactMethod method = choice(v, "method", ContactMethod.class, a.method(), "campaigns.attempt.methodUnknown");
        Outcome outcome = choice(v, "outcome", Outcome.class, a.outcome(), "campaigns.outcome.unknown");
        LocalDate on = null;
        if (Texts.trimToNull(a.date()) == null) {
            v.required("date", null);
        } else {
            on = People.parseDate(a.date()).orElse(null);
            if (on == null) {
                v.add("date", "validation.date");
            } else if (on.isAfter(LocalDate.now(clock))) {
                v.add("date", "campaigns.attempt.future");
            } else if (on.isBefore(campaign.createdAt().atZoneSameInstant(clock.getZone()).toLocalDate())) {
                v.add("date", "campaigns.attempt.beforeCampaign");
            }
        }
        LocalTime at = null;
        if (Texts.trimToNull(a.time()) != null) {
            try {
                at = LocalTime.parse(a.time().strip());
            } catch (DateTimeParseException e) {
                v.add("time", "campaigns.attempt.timeInvalid");
            }
        }
        TimeSlot slot = null;
        if (Texts.trimToNull(a.slot()) != null) {
            slot = choice(v, "slot", TimeSlot.class, a.slot(), "validation.choice");
        }
        if (at != null && slot != null && TimeSlot.of(at) != slot) {
            v.add("slot", "campaigns.attempt.slotConflict");
        } else if (at != null) {
            slot = TimeSlot.of(at);
        } else if (slot == null && !v.hasErrorOn("time") && !v.hasErrorOn("slot")) {
            v.add("slot", "campaigns.attempt.slotRequired");
        }
        Integer minutes = null;
        if (Texts.trimToNull(a.duration()) != null) {
            try {
                minutes = Integer.valueOf(a.duration().strip());
                if (minutes < 0) {
                    v.add("duration", "campaigns.attempt.durationNegative");
                } else if (minutes > MAX_MINUTES) {
                    v.add("duration", "campaigns.attempt.durationTooLong", MAX_MINUTES);
                }
            } catch (NumberFormatException e) {
                v.add("duration", "campaigns.attempt.durationNumber");
            }
        }
        v.throwIfInvalid();

        UUID id = UUID.randomUUID();
        String note = Texts.trimToNull(a.note());
        UUID dossier = member.personId() == null ? null
                : dossiers.currentDossierOf(List.of(member.personId())).getOrDefault(member.personId(), member.dossierId());
        UUID step = null;
        if (dossier != null) {
            String text = messages.getMessage("campaigns.attempt.step", new Object[] {campaign.name(),
                    messages.getMessage("campaigns.method." + method, null, staffLocale),
                    messages.getMessage("campaigns.outcome." + outcome, null, staffLocale),
                    minutes == null ? "" : " " + messages.getMessage("campaigns.attempt.stepMinutes", new Object[] {minutes}, staffLocale),
                    note == null ? "" : " " + note}, staffLocale);
            step = dossiers.addStep(dossier, new NewStep(method.stepKind().name(), Visibility.INTERNAL.name(), text, on.toString()));
        }
        jdbc.sql("""
                insert into campaign_attempt (id, tenant_id, campaign_id, member_id, method, attempted_on, weekday, attempted_at,
                    time_slot, outcome, duration_minutes, note, dossier_step_id, created_at, created_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, actor.tenantId(), campaignId, memberId, method.name(), on, on.getDayOfWeek().getValue(), at, slot.name(),
                        outcome.name(), minutes, note, step, OffsetDateTime.now(clock), actor.username())
                .update();
        if (outcome.reached()) {
            worklists.setStatus(member.entryId(), WorklistEntry.Status.CONTACTED);
        }
        audit.write(AuditLog.Action.CREATE, Campaigns.AUDIT_MEMBER, memberId, "attempt " + method + " " + outcome
                + (step == null ? "" : " dossier=" + dossier));
        return id;
    }

    /** The attempts with one person, newest first. */
    @Transactional(readOnly = true)
    public List<Attempt> attempts(UUID campaignId, UUID memberId) {
        Actor actor = CampaignAccess.worker();
        campaigns.get(campaignId);
        return jdbc.sql("""
                        select * from campaign_attempt where campaign_id = ? and member_id = ? and tenant_id = ?
                        order by attempted_on desc, created_at desc""")
                .params(campaignId, memberId, actor.tenantId())
                .query((rs, n) -> new Attempt(rs.getObject("id", UUID.class), rs.getObject("member_id", UUID.class),
                        ContactMethod.valueOf(rs.getString("method")), rs.getObject("attempted_on", LocalDate.class),
                        rs.getObject("attempted_at", LocalTime.class), TimeSlot.valueOf(rs.getString("time_slot")),
                        Outcome.valueOf(rs.getString("outcome")), (Integer) rs.getObject("duration_minutes"), rs.getString("note"),
                        rs.getObject("dossier_step_id") != null, rs.getObject("created_at", OffsetDateTime.class),
                        rs.getString("created_by")))
                .list();
    }

    /** Like {@link Choices#of} but with the message naming what was wrong. */
    private static <E extends Enum<E>> E choice(Validation v, String field, Class<E> type, String value, String unknownKey) {
        if (Texts.trimToNull(value) == null) {
            v.required(field, null);
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            v.add(field, unknownKey);
            return null;
        }
    }
}
