package be.loket.portal;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import be.loket.applications.ApplicationFixtures;
import be.loket.applications.ApplicationView;
import be.loket.applications.Applications;
import be.loket.applications.ProofStatus;
import be.loket.committee.Committee;
import be.loket.person.People;
import be.loket.person.PersonDetails;
import be.loket.platform.RunAs;
import be.loket.support.Browser;
import be.loket.support.BrowserTestBase;
import be.loket.support.CapturedMessages;
import be.loket.support.LoketTest;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The rent-allowance story of issue 5, end to end in a real browser: the rights check says "possibly",
 * the worker starts the application there and sends the portal link, the citizen logs in on a phone
 * with the code from their e-mail and sends two proofs (a photo and a PDF), the worker accepts them,
 * the team lead grants EUR 70.00 a month from the application month to December as the delegate, and
 * the payment lists carry the grant; axe-core finds nothing on the portal and application pages.
 */
@LoketTest
class RentAllowanceStoryBrowserTests extends BrowserTestBase {
    private static final AtomicInteger SEQ = new AtomicInteger();
    private static final DateTimeFormatter DMY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @Autowired
    People people;
    @Autowired
    Applications applications;
    @Autowired
    Committee committee;
    @Autowired
    UserDetailsService users;
    @Autowired
    be.loket.letters.LetterDispatch dispatch;

    /** A fresh fictitious citizen of Demodorp who prefers e-mail. */
    UUID newCitizen(String email) {
        int n = SEQ.incrementAndGet();
        return RunAs.user(users.loadUserByUsername("demo-frontdesk"), () -> people.create(new PersonDetails("Maaike", "Verhaegen-Story" + n,
                "1988-06-14", null, "Veldstraat", "12", null, "9990", "Demodorp", "+32 470 55 66 " + (10 + n), email, "EMAIL", "nl",
                false, null), true));
    }

    static String lastLinkSentTo(String email) {
        Pattern link = Pattern.compile("(https?://\\S+/portal/l/[A-Za-z0-9_-]+)");
        for (int i = CapturedMessages.sent().size() - 1; i >= 0; i--) {
            var m = CapturedMessages.sent().get(i).message();
            if (email.equals(m.email())) {
                Matcher found = link.matcher(m.text());
                if (found.find()) {
                    return found.group(1);
                }
            }
        }
        throw new AssertionError("no portal link sent to " + email);
    }

    static Locator proofRow(Page worker, String label) {
        return worker.locator("tbody tr").filter(new Locator.FilterOptions().setHasText(label));
    }

    @Test
    void theRentAllowanceStoryFromRightsCheckToPaymentList() throws Exception {
        String email = "maaike.story" + UUID.randomUUID().toString().substring(0, 8) + "@voorbeeld.example";
        UUID person = newCitizen(email);
        var fx = new ApplicationFixtures(applications, jdbc, users);

        // The worker runs the rights check and sees "possibly" for the rent allowance, and starts the application there.
        Page worker = browser.newPage(base());
        Browser.logIn(worker, "demo-socialworker", "demo");
        worker.navigate("/persons/" + person);
        worker.getByText("Rechtencheck").first().click();
        worker.waitForURL("**/persons/" + person + "/rights");
        Locator possibly = worker.locator("div.alert.info").filter(new Locator.FilterOptions().setHasText("Huurtoelage van Demodorp"));
        assertThat(possibly).hasCount(1);
        Browser.assertAccessible(worker);
        possibly.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Aanvraag starten")).click();
        assertThat(worker.getByLabel("Recht")).hasValue("huurtoelage");
        worker.locator("form.stacked button[type=submit]").click();
        worker.waitForURL("**/applications/*");
        assertThat(worker.locator("h1")).containsText("Huurtoelage van Demodorp");
        UUID application = UUID.fromString(worker.url().substring(worker.url().lastIndexOf('/') + 1));
        Browser.assertAccessible(worker);

        // The worker sends the personal link; it goes to the e-mail address on record.
        worker.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Portaallink sturen")).click();
        assertThat(worker.locator(".portal-link [role=status]")).containsText("verstuurd naar m…@v….example");
        Browser.assertAccessible(worker);
        String link = lastLinkSentTo(email);

        // The citizen, on a phone, opens the link, gets the code by e-mail and sends two proofs.
        Page phone = PortalBrowserTests.phone(browser, base());
        PortalBrowserTests.logIn(phone, link, email);
        assertThat(phone.locator("h1")).hasText("Dag Maaike");
        PortalBrowserTests.assertFitsAndAccessible(phone);
        Locator contract = phone.locator(".proof").filter(new Locator.FilterOptions().setHasText("Uw huurcontract"));
        contract.getByLabel("Maak een foto").setInputFiles(new FilePayload("IMG_0042.jpg", "image/jpeg", TestFiles.image("jpg")));
        contract.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Versturen")).click();
        assertThat(phone.getByRole(AriaRole.STATUS)).containsText("We hebben uw document goed ontvangen.");
        Locator income = phone.locator(".proof").filter(new Locator.FilterOptions().setHasText("Bewijs van uw inkomen"));
        income.getByLabel("Of kies een bestand").setInputFiles(new FilePayload("loonbrieven.pdf", "application/pdf",
                TestFiles.pdf("Loonbrieven augustus tot oktober")));
        income.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Versturen")).click();
        assertThat(phone.getByRole(AriaRole.STATUS)).containsText("We hebben uw document goed ontvangen.");
        assertThat(phone.locator(".proof")).hasCount(2);
        PortalBrowserTests.assertFitsAndAccessible(phone);
        org.assertj.core.api.Assertions.assertThat(jdbc.sql("""
                        select d.content_type from application_proof p join document d on d.id = p.document_id
                        where p.application_id = ? and p.status = 'RECEIVED' order by p.position""").param(application)
                .query(String.class).list()).containsExactly("image/jpeg", "application/pdf");

        // The worker accepts both.
        worker.navigate("/applications/" + application);
        proofRow(worker, "Uw huurcontract").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Aanvaarden")).click();
        assertThat(worker.getByRole(AriaRole.STATUS).first()).containsText("bewaard");
        proofRow(worker, "Bewijs van uw inkomen").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Aanvaarden")).click();
        assertThat(worker.getByRole(AriaRole.STATUS).first()).containsText("bewaard");
        assertThat(proofRow(worker, "Uw huurcontract")).containsText("Aanvaard");
        assertThat(proofRow(worker, "Bewijs van uw inkomen")).containsText("Aanvaard");
        Browser.assertAccessible(worker);

        // The other two proofs were handed in at the desk; the worker records the facts, the report and the proposal.
        fx.run("demo-socialworker", () -> {
            for (ApplicationView.Proof p : applications.get(application).proofs()) {
                if (p.status() == ProofStatus.REQUESTED) {
                    applications.receiveProof(application, fx.version(application), p.id(), null);
                    applications.acceptProof(application, fx.version(application), p.id(), null);
                }
            }
            ApplicationFixtures.singleMotherFacts().forEach((name, value) ->
                    applications.recordFact(application, fx.version(application), name, value, "PROOF"));
            applications.writeReport(application, fx.version(application), "Huur weegt zwaar door; alle bewijzen in orde.",
                    "GRANTED", "70.00", "Toekennen volgens het reglement.");
            applications.changeStatus(application, fx.version(application), "READY_FOR_DECISION");
        });

        // The team lead decides as the delegate: EUR 70.00 a month from the application month to December.
        Page lead = browser.newPage(base());
        Browser.logIn(lead, "demo-teamlead", "demo");
        lead.navigate("/applications/" + application);
        Browser.assertAccessible(lead);
        lead.getByText("Beslissen").first().click();
        lead.waitForURL("**/decide");
        Browser.assertAccessible(lead);
        lead.getByText("Beslissing noteren").click();
        lead.waitForURL("**/applications/" + application);
        assertThat(lead.locator("#application-status")).hasText("Toegekend");
        LocalDate from = LocalDate.now().withDayOfMonth(1);
        LocalDate until = LocalDate.of(from.getYear(), 12, 31);
        assertThat(lead.locator("section[aria-labelledby=grant-title]")).containsText("70,00");
        assertThat(lead.locator("section[aria-labelledby=grant-title]")).containsText(from.format(DMY));
        assertThat(lead.locator("section[aria-labelledby=grant-title]")).containsText(until.format(DMY));
        Browser.assertAccessible(lead);
        var grant = jdbc.sql("select monthly_amount, period_from, period_until from granted_right where application_id = ? and status = 'ACTIVE'")
                .param(application).query((rs, n) -> new Object[] {rs.getBigDecimal(1), rs.getObject(2, LocalDate.class),
                        rs.getObject(3, LocalDate.class)}).single();
        org.assertj.core.api.Assertions.assertThat(grant).containsExactly(new BigDecimal("70.00"), from, until);

        // The citizen sees the decision in plain words.
        phone.navigate("/portal/applications");
        assertThat(phone.locator("main")).containsText("Goedgekeurd");
        assertThat(phone.locator("main")).containsText("U krijgt € 70,00 per maand");
        PortalBrowserTests.assertFitsAndAccessible(phone);

        // Every payment list from the application month to December carries the grant, at EUR 70.00.
        String name = jdbc.sql("select first_name || ' ' || last_name from person where id = ?").param(person).query(String.class).single();
        for (YearMonth m = YearMonth.from(from); !m.isAfter(YearMonth.from(until)); m = m.plusMonths(1)) {
            lead.navigate("/applications/payments?right=huurtoelage&month=" + m);
            Locator line = lead.locator("tbody tr").filter(new Locator.FilterOptions().setHasText(name));
            assertThat(line).hasCount(1);
            assertThat(line).containsText("€ 70,00");
        }
        Browser.assertAccessible(lead);
        // The grant ends in December; next January is paid only after the renewal (issue 5: renewal reminder on 1 November).
        YearMonth january = YearMonth.of(from.getYear() + 1, 1);
        lead.navigate("/applications/payments?right=huurtoelage&month=" + january);
        assertThat(lead.locator("main")).not().containsText(name);

        // Nobody loses January (seed 004): the renewal is prepared from the granted application, its proofs still valid
        // are taken over, and the delegate grants it before the year ends; January's list then carries the grant.
        UUID renewal = fx.as("demo-socialworker", () -> applications.prepareRenewal(application));
        fx.run("demo-socialworker", () -> {
            for (ApplicationView.Proof p : applications.get(renewal).proofs()) {
                if (p.status() == ProofStatus.REQUESTED) {
                    applications.receiveProof(renewal, fx.version(renewal), p.id(), null);
                    applications.acceptProof(renewal, fx.version(renewal), p.id(), null);
                }
            }
            applications.writeReport(renewal, fx.version(renewal), "Verlenging: niets veranderd.", "GRANTED", "70.00", "Verlengen.");
            applications.changeStatus(renewal, fx.version(renewal), "READY_FOR_DECISION");
        });
        fx.run("demo-teamlead", () -> applications.decide(renewal, fx.version(renewal), applications.proposedDecision(renewal)));
        lead.navigate("/applications/payments?right=huurtoelage&month=" + january);
        Locator januaryLine = lead.locator("tbody tr").filter(new Locator.FilterOptions().setHasText(name));
        assertThat(januaryLine).hasCount(1);
        assertThat(januaryLine).containsText("€ 70,00");
    }

    /** The plumbing the decision letter needs: a letter to a citizen who prefers e-mail reaches the in-process SMTP server with its PDF. */
    @Test
    void aLetterByEmailReachesTheInProcessSmtpServer() throws Exception {
        String email = "maaike.mail" + UUID.randomUUID().toString().substring(0, 8) + "@voorbeeld.example";
        UUID person = newCitizen(email);
        CapturedMessages.forwardEmailTo(smtp.getSmtp().getPort());
        try {
            RunAs.user(users.loadUserByUsername("demo-socialworker"), () -> dispatch.send(
                    new be.loket.letters.LetterOrder(person, "proofs-requested", PortalTests.letterValues(), null, false)));
            MimeMessage[] received = smtp.getReceivedMessages();
            org.assertj.core.api.Assertions.assertThat(received).hasSize(1);
            org.assertj.core.api.Assertions.assertThat(received[0].getAllRecipients()[0].toString()).isEqualTo(email);
            org.assertj.core.api.Assertions.assertThat(received[0].getSubject()).isEqualTo("We hebben nog documenten van u nodig");
            org.assertj.core.api.Assertions.assertThat(((Multipart) received[0].getContent()).getBodyPart(1).isMimeType("application/pdf"))
                    .isTrue();
        } finally {
            CapturedMessages.forwardEmailTo(null);
        }
    }

    /** The decision letter follows ApplicationDecided through the in-process SMTP server, as a PDF attachment, once. */
    @Test
    void decisionLetterArrivesBySmtp() throws Exception {
        String email = "maaike.smtp" + UUID.randomUUID().toString().substring(0, 8) + "@voorbeeld.example";
        UUID person = newCitizen(email);
        var fx = new ApplicationFixtures(applications, jdbc, users);
        UUID application = fx.readyApplication(person);
        CapturedMessages.forwardEmailTo(smtp.getSmtp().getPort());
        try {
            fx.run("demo-teamlead", () -> committee.decideDelegated(application, fx.version(application),
                    applications.proposedDecision(application)));
            org.assertj.core.api.Assertions.assertThat(smtp.waitForIncomingEmail(10_000, 1))
                    .as("the decision letter arrives by e-mail (sent on ApplicationDecided)").isTrue();
            MimeMessage mail = smtp.getReceivedMessages()[0];
            org.assertj.core.api.Assertions.assertThat(mail.getAllRecipients()[0].toString()).isEqualTo(email);
            org.assertj.core.api.Assertions.assertThat(GreenMailUtil.getBody(mail)).contains("Maaike");
            Part pdf = null;
            Multipart parts = (Multipart) mail.getContent();
            for (int i = 0; i < parts.getCount(); i++) {
                if (parts.getBodyPart(i).isMimeType("application/pdf")) {
                    pdf = parts.getBodyPart(i);
                }
            }
            org.assertj.core.api.Assertions.assertThat(pdf).as("the letter as PDF attachment").isNotNull();
            org.assertj.core.api.Assertions.assertThat(new String(pdf.getInputStream().readNBytes(5))).isEqualTo("%PDF-");
            // The mail leaves inside the sender's transaction; its register row is visible once that commits.
            java.util.List<String> channels = java.util.List.of();
            for (long until = System.currentTimeMillis() + 10_000; channels.isEmpty() && System.currentTimeMillis() < until; ) {
                channels = jdbc.sql("select channel from letter_sent where person_id = ? order by sent_at desc").param(person)
                        .query(String.class).list();
                if (channels.isEmpty()) {
                    Thread.sleep(50);
                }
            }
            org.assertj.core.api.Assertions.assertThat(channels).containsExactly("EMAIL");
        } finally {
            CapturedMessages.forwardEmailTo(null);
        }
    }
}
