package be.loket.letters;

import be.loket.audit.AuditLog;
import be.loket.letters.OutboundChannel.Channel;
import be.loket.letters.OutboundChannel.Message;
import be.loket.letters.internal.ChannelRouter;
import be.loket.person.People;
import be.loket.person.Person;
import be.loket.platform.Actor;
import be.loket.platform.CurrentActor;
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
 * of letters sent, audited, and announced as {@link LetterSent}.
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

    LetterDispatch(People people, Letters letters, ChannelRouter router, MessageSource messages, AuditLog audit,
            ApplicationEventPublisher events, JdbcClient jdbc, Clock clock) {
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
        Actor actor = CurrentActor.get();
        Person person = people.get(order.personId());
        var values = new HashMap<String, String>(order.values() == null ? Map.of() : order.values());
        values.putIfAbsent("firstName", person.firstName());
        values.putIfAbsent("lastName", person.lastName());
        RenderedLetter letter = letters.render(new LetterRequest(order.code(), person.language(), values, person.fullName(),
                address(person), order.closedEnvelope()));
        Locale locale = Locale.forLanguageTag(person.language());
        String text = messages.getMessage("letters.mail.text", new Object[] {person.firstName(), letter.subject()}, locale);
        var message = new Message(person.fullName(), person.email(), person.phone(), address(person), letter.subject(), text,
                order.shortText(), letter.pdf(), order.closedEnvelope());
        ChannelRouter.Outcome outcome = router.send(actor.tenantId(), preferred(person), message);
        UUID id = UUID.randomUUID();
        OffsetDateTime now = OffsetDateTime.now(clock);
        jdbc.sql("""
                insert into letter_sent (id, tenant_id, person_id, code, language, subject, channel, fell_back, sent_at, sent_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, actor.tenantId(), person.id(), order.code(), person.language(), letter.subject(),
                        outcome.channel().name(), outcome.fellBack(), now, actor.username())
                .update();
        SentLetters.keepPdf(jdbc, actor.tenantId(), id, letter.pdf());
        audit.write(AuditLog.Action.CREATE, "LETTER", id, "person=" + person.id() + " code=" + order.code()
                + " channel=" + outcome.channel() + (outcome.fellBack() ? " fallback" : ""));
        var sent = new LetterSent(actor.tenantId(), id, person.id(), order.code(), letter.subject(), outcome.channel(),
                outcome.fellBack(), now);
        events.publishEvent(sent);
        return sent;
    }

    /** Only e-mail and SMS are channels of their own; a letter for someone who prefers a call or a visit goes by post. */
    static Channel preferred(Person person) {
        return switch (person.preferredChannel()) {
            case EMAIL -> Channel.EMAIL;
            case SMS -> Channel.SMS;
            default -> Channel.POST;
        };
    }

    static List<String> address(Person p) {
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
