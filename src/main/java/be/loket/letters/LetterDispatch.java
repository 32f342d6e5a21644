package be.loket.letters;

import be.loket.audit.AuditLog;
import be.loket.dossier.Dossiers;
import be.loket.dossier.NewStep;
import be.loket.letters.OutboundChannel.Channel;
import be.loket.letters.OutboundChannel.Message;
import be.loket.letters.internal.ChannelRouter;
import be.loket.person.People;
import be.loket.person.Person;
import be.loket.platform.Actor;
import be.loket.platform.CurrentActor;
import be.loket.platform.SystemActor;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sending a letter to a citizen: rendered in their language, addressed from their record, sent by
 * their preferred channel (e-mail or SMS) with printed post as the fallback, written in the register
 * of letters sent, recorded as a LETTER step in the citizen's open dossier, audited, and announced as
 * {@link LetterSent}. An order with a reference is sent at most once per municipality.
 */
@Service
@Transactional
public class LetterDispatch {
    private final People people;
    private final Letters letters;
    private final ChannelRouter router;
    private final MessageSource messages;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final Dossiers dossiers;

    LetterDispatch(People people, Letters letters, ChannelRouter router, MessageSource messages, AuditLog audit,
            ApplicationEventPublisher events, JdbcClient jdbc, Clock clock, Dossiers dossiers) {
        this.dossiers = dossiers;
        this.people = people;
        this.letters = letters;
        this.router = router;
        this.messages = messages;
        this.audit = audit;
        this.events = events;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public LetterSent send(LetterOrder order) {
        return send(order, null);
    }

    /**
     * Sends by the channel the sender chose (e.g. a campaign's SMS) instead of the citizen's preference; post
     * remains the fallback when that channel is not configured or the contact data is missing. Null means the preference.
     */
    public LetterSent send(LetterOrder order, Channel channel) {
        Actor actor = CurrentActor.get();
        String reference = order.reference() == null || order.reference().isBlank() ? null : order.reference().strip();
        if (reference != null) {
            var earlier = sentWith(actor.tenantId(), reference);
            if (earlier != null) {
                return earlier;
            }
        }
        Person person = people.get(order.personId());
        var values = new HashMap<String, String>(order.values() == null ? Map.of() : order.values());
        values.putIfAbsent("firstName", person.firstName());
        values.putIfAbsent("lastName", person.lastName());
        RenderedLetter letter = letters.render(new LetterRequest(order.code(), person.language(), values, person.fullName(),
                address(person), order.closedEnvelope(), order.letterhead()));
        Channel preferred = channel == null ? preferred(person) : channel;
        UUID id = UUID.randomUUID();
        OffsetDateTime now = OffsetDateTime.now(clock);
        // The register row comes first: its unique reference makes a concurrent second sender wait, then insert nothing
        // and return the first letter. ON CONFLICT rather than catching the duplicate: PostgreSQL aborts the transaction.
        int inserted = jdbc.sql("""
                insert into letter_sent (id, tenant_id, person_id, code, language, subject, channel, fell_back, sent_at, sent_by, reference)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing""")
                .params(id, actor.tenantId(), person.id(), order.code(), person.language(), letter.subject(), preferred.name(), false,
                        now, actor.username(), reference)
                .update();
        if (inserted == 0) {
            return sentWith(actor.tenantId(), reference);
        }
        Locale locale = Locale.forLanguageTag(person.language());
        String text = messages.getMessage("letters.mail.text", new Object[] {person.firstName(), letter.subject()}, locale);
        var message = new Message(person.fullName(), person.email(), person.phone(), address(person), letter.subject(), text,
                order.shortText(), letter.pdf(), order.closedEnvelope());
        ChannelRouter.Outcome outcome = router.send(actor.tenantId(), preferred, message);
        jdbc.sql("update letter_sent set channel = ?, fell_back = ? where id = ? and tenant_id = ?")
                .params(outcome.channel().name(), outcome.fellBack(), id, actor.tenantId()).update();
        SentLetters.keepPdf(jdbc, actor.tenantId(), id, letter.pdf());
        audit.write(AuditLog.Action.CREATE, "LETTER", id, "person=" + person.id() + " code=" + order.code()
                + " channel=" + outcome.channel() + (outcome.fellBack() ? " fallback" : ""));
        dossierStep(actor, person.id(), letter.subject(), outcome);
        var sent = new LetterSent(actor.tenantId(), id, person.id(), order.code(), letter.subject(), outcome.channel(),
                outcome.fellBack(), now);
        events.publishEvent(sent);
        return sent;
    }

    /**
     * Every letter is a step in the citizen's open dossier (none open: nothing to add). Written as the
     * system in the sender's name, because the sender need not be a case worker of that dossier.
     */
    private void dossierStep(Actor actor, UUID personId, String subject, ChannelRouter.Outcome outcome) {
        Locale nl = Locale.forLanguageTag("nl");
        String text = messages.getMessage("letters.step.sent", new Object[] {subject,
                messages.getMessage("letters.channel." + outcome.channel().name(), null, nl)}, nl);
        SystemActor.runAs(actor.tenantId(), actor.username(), () -> {
            UUID dossier = dossiers.currentDossierOf(List.of(personId)).get(personId);
            if (dossier != null) {
                dossiers.addStep(dossier, new NewStep("LETTER", "INTERNAL", text, null));
            }
        });
    }

    private LetterSent sentWith(UUID tenant, String reference) {
        return jdbc.sql("select * from letter_sent where tenant_id = ? and reference = ?").params(tenant, reference)
                .query((rs, n) -> new LetterSent(tenant, rs.getObject("id", UUID.class), rs.getObject("person_id", UUID.class),
                        rs.getString("code"), rs.getString("subject"), Channel.valueOf(rs.getString("channel")), rs.getBoolean("fell_back"),
                        rs.getObject("sent_at", OffsetDateTime.class)))
                .optional().orElse(null);
    }

    /** Only e-mail and SMS are channels of their own; a letter for someone who prefers a call or a visit goes by post. */
    static Channel preferred(Person person) {
        return switch (person.preferredChannel()) {
            case EMAIL -> Channel.EMAIL;
            case SMS -> Channel.SMS;
            default -> Channel.POST;
        };
    }

    /** The address lines as printed in the window of the envelope. */
    public static List<String> address(Person p) {
        List<String> lines = new ArrayList<>();
        if (p.street() != null) {
            lines.add(p.street() + (p.houseNumber() == null ? "" : " " + p.houseNumber()) + (p.box() == null ? "" : " bus " + p.box()));
        }
        if (p.city() != null) {
            lines.add((p.postalCode() == null ? "" : p.postalCode() + " ") + p.city());
        }
        return lines;
    }
}
