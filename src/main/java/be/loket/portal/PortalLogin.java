package be.loket.portal;

import be.loket.audit.AuditLog;
import be.loket.letters.OutboundChannel.Channel;
import be.loket.letters.ShortMessages;
import be.loket.person.ContactChannel;
import be.loket.person.People;
import be.loket.person.Person;
import be.loket.platform.SystemActor;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Logging in with a personal link and a one-time code. The 6-digit code goes to the phone (SMS) or
 * e-mail address on record, is stored hashed, is valid for 10 minutes and allows 5 wrong tries; a link
 * gets at most 3 codes an hour, and one client address a limited number of requests an hour, counted
 * in the database so that every instance applies the same limit. Every login and wrong code is audited.
 */
@Service
@Transactional
public class PortalLogin {
    private static final Logger LOG = LoggerFactory.getLogger(PortalLogin.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Where a code would go: the channel and the address as shown to the citizen (masked). */
    public record Recipient(Channel channel, String address, String masked) {
    }

    public enum Sent { SENT, NO_CONTACT, LINK_LIMIT, CLIENT_LIMIT, FAILED }

    public enum Checked { OK, NO_CODE, EXPIRED, WRONG, BLOCKED, CLIENT_LIMIT }

    /** The answer to a code: on success the logged-in citizen, after a wrong code the tries left. */
    public record Verification(Checked outcome, int triesLeft, CitizenPrincipal citizen) {
    }

    private final JdbcClient jdbc;
    private final People people;
    private final ShortMessages messages;
    private final MessageSource texts;
    private final AuditLog audit;
    private final Clock clock;
    private final Duration codeValidity;
    private final int maxWrong;
    private final int codesPerLinkPerHour;
    private final int sendsPerClientPerHour;
    private final int verifiesPerClientPerHour;

    PortalLogin(JdbcClient jdbc, People people, ShortMessages messages, MessageSource texts, AuditLog audit, Clock clock,
            @Value("${loket.portal.code-validity:10m}") Duration codeValidity,
            @Value("${loket.portal.code-max-wrong:5}") int maxWrong,
            @Value("${loket.portal.codes-per-link-per-hour:3}") int codesPerLinkPerHour,
            @Value("${loket.portal.sends-per-client-per-hour:10}") int sendsPerClientPerHour,
            @Value("${loket.portal.verifies-per-client-per-hour:30}") int verifiesPerClientPerHour) {
        this.jdbc = jdbc;
        this.people = people;
        this.messages = messages;
        this.texts = texts;
        this.audit = audit;
        this.clock = clock;
        this.codeValidity = codeValidity;
        this.maxWrong = maxWrong;
        this.codesPerLinkPerHour = codesPerLinkPerHour;
        this.sendsPerClientPerHour = sendsPerClientPerHour;
        this.verifiesPerClientPerHour = verifiesPerClientPerHour;
    }

    public int codeMinutes() {
        return (int) codeValidity.toMinutes();
    }

    /** Wrong tries after which a code stops working (the texts name the configured number). */
    public int maxWrong() {
        return maxWrong;
    }

    public int codesPerLinkPerHour() {
        return codesPerLinkPerHour;
    }

    /** Where the code for this link goes, or null when the record has no usable phone or e-mail. */
    @Transactional(readOnly = true)
    public Recipient recipient(PersonalLinks.Link link) {
        Person p = person(link);
        return recipient(p);
    }

    public Recipient recipient(Person p) {
        boolean mail = p.email() != null && !p.email().isBlank() && messages.available(Channel.EMAIL);
        boolean sms = p.phone() != null && !p.phone().isBlank() && messages.available(Channel.SMS);
        if (sms && (p.preferredChannel() == ContactChannel.SMS || p.preferredChannel() == ContactChannel.PHONE || !mail)) {
            return new Recipient(Channel.SMS, p.phone(), maskPhone(p.phone()));
        }
        if (mail) {
            return new Recipient(Channel.EMAIL, p.email(), maskEmail(p.email()));
        }
        return null;
    }

    /** Sends a new code for the link, within the limits per link and per client address. */
    public Sent sendCode(PersonalLinks.Link link, String clientAddress) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (!countAttempt(clientAddress, "SEND", sendsPerClientPerHour, now)) {
            return Sent.CLIENT_LIMIT;
        }
        long recent = jdbc.sql("select count(*) from portal_code where link_id = ? and sent_at > ?")
                .params(link.id(), now.minusHours(1)).query(Long.class).single();
        if (recent >= codesPerLinkPerHour) {
            return Sent.LINK_LIMIT;
        }
        Person p = person(link);
        Recipient to = recipient(p);
        if (to == null) {
            return Sent.NO_CONTACT;
        }
        String code = String.format(Locale.ROOT, "%06d", RANDOM.nextInt(1_000_000));
        UUID id = UUID.randomUUID();
        Locale language = Locale.forLanguageTag(p.language() == null ? "nl" : p.language());
        try {
            messages.send(link.tenantId(), to.channel(), p.fullName(), to.address(),
                    texts.getMessage("portal.code.subject", null, language),
                    texts.getMessage("portal.code.text", new Object[] {code, codeMinutes()}, language));
        } catch (RuntimeException e) {
            LOG.warn("Portal code could not be sent by {} ({})", to.channel(), e.getClass().getSimpleName());
            return Sent.FAILED;
        }
        jdbc.sql("""
                insert into portal_code (id, tenant_id, link_id, code_hash, channel, sent_at, expires_at, failed_attempts)
                values (?, ?, ?, ?, ?, ?, ?, 0)""")
                .params(id, link.tenantId(), link.id(), codeHash(id, code), to.channel().name(), now, now.plus(codeValidity)).update();
        asCitizen(link, () -> audit.write(AuditLog.Action.CREATE, "PORTAL_CODE", id, "link=" + link.id() + " channel=" + to.channel()));
        return Sent.SENT;
    }

    /** Checks a code against the link's latest one. Only a right code, in time and within the tries, logs in. */
    public Verification verify(PersonalLinks.Link link, String typed, String clientAddress) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (!countAttempt(clientAddress, "VERIFY", verifiesPerClientPerHour, now)) {
            return new Verification(Checked.CLIENT_LIMIT, 0, null);
        }
        record Code(UUID id, String hash, OffsetDateTime expiresAt, int failed) {
        }
        var latest = jdbc.sql("select * from portal_code where link_id = ? and used_at is null order by sent_at desc limit 1")
                .param(link.id())
                .query((rs, n) -> new Code(rs.getObject("id", UUID.class), rs.getString("code_hash"),
                        rs.getObject("expires_at", OffsetDateTime.class), rs.getInt("failed_attempts")))
                .optional();
        if (latest.isEmpty()) {
            return new Verification(Checked.NO_CODE, 0, null);
        }
        Code code = latest.get();
        if (code.failed() >= maxWrong) {
            return new Verification(Checked.BLOCKED, 0, null);
        }
        if (!code.expiresAt().isAfter(now)) {
            return new Verification(Checked.EXPIRED, 0, null);
        }
        String clean = typed == null ? "" : typed.replaceAll("\\s", "");
        if (clean.matches("\\d{6}") && Hashing.same(code.hash(), codeHash(code.id(), clean))) {
            jdbc.sql("update portal_code set used_at = ? where id = ?").params(now, code.id()).update();
            var citizen = new CitizenPrincipal(link.tenantId(), link.personId(), link.id());
            asCitizen(link, () -> audit.write(AuditLog.Action.READ, "PORTAL_LOGIN", link.id(), "login person=" + link.personId()));
            return new Verification(Checked.OK, 0, citizen);
        }
        int failed = code.failed() + 1;
        jdbc.sql("update portal_code set failed_attempts = ? where id = ?").params(failed, code.id()).update();
        asCitizen(link, () -> audit.write(AuditLog.Action.UPDATE, "PORTAL_CODE", code.id(), "wrong code " + failed + "/" + maxWrong));
        return failed >= maxWrong ? new Verification(Checked.BLOCKED, 0, null) : new Verification(Checked.WRONG, maxWrong - failed, null);
    }

    /** Records one request of this client; false when it already made the allowed number this hour. */
    private boolean countAttempt(String clientAddress, String kind, int perHour, OffsetDateTime now) {
        String client = Hashing.sha256("portal-client:" + (clientAddress == null ? "" : clientAddress));
        jdbc.sql("delete from portal_attempt where client_hash = ? and at < ?").params(client, now.minusDays(1)).update();
        long recent = jdbc.sql("select count(*) from portal_attempt where client_hash = ? and kind = ? and at > ?")
                .params(client, kind, now.minusHours(1)).query(Long.class).single();
        if (recent >= perHour) {
            return false;
        }
        jdbc.sql("insert into portal_attempt (id, client_hash, kind, at) values (?, ?, ?, ?)").params(UUID.randomUUID(), client, kind, now)
                .update();
        return true;
    }

    /** Reads the citizen's record in the link's tenant, audited in the citizen's name. */
    private Person person(PersonalLinks.Link link) {
        return SystemActor.runAs(link.tenantId(), CitizenPrincipal.username(link.personId()), () -> people.get(link.personId()));
    }

    private static void asCitizen(PersonalLinks.Link link, Runnable work) {
        new CitizenPrincipal(link.tenantId(), link.personId(), link.id()).run(() -> {
            work.run();
            return null;
        });
    }

    private static String codeHash(UUID codeId, String code) {
        return Hashing.sha256(codeId + ":" + code);
    }

    /** "+32 470 12 34 12" becomes "+32 4xx xx xx 12": enough to recognise one's own number, not to learn it. */
    static String maskPhone(String phone) {
        String digits = phone.replaceAll("\\D", "");
        if (!phone.strip().startsWith("+")) {
            digits = digits.startsWith("00") ? digits.substring(2) : digits.startsWith("0") ? "32" + digits.substring(1) : digits;
        }
        String last = digits.length() >= 2 ? digits.substring(digits.length() - 2) : digits;
        if (digits.startsWith("32") && digits.length() >= 10) {
            return "+32 " + digits.charAt(2) + "xx xx xx " + last;
        }
        return "xxx xx xx " + last;
    }

    /** "mira.voorbeeld@example.be" becomes "m…@e….be". */
    static String maskEmail(String email) {
        int at = email.lastIndexOf('@');
        if (at < 1) {
            return "…";
        }
        String domain = email.substring(at + 1);
        int dot = domain.lastIndexOf('.');
        String tld = dot >= 0 ? domain.substring(dot) : "";
        return email.charAt(0) + "…@" + (domain.isEmpty() ? "" : domain.charAt(0) + "…") + tld;
    }
}
