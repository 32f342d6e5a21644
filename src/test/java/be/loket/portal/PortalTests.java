package be.loket.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import be.loket.applications.ApplicationFixtures;
import be.loket.applications.Applications;
import be.loket.applications.StartApplication;
import be.loket.letters.LetterDispatch;
import be.loket.letters.LetterOrder;
import be.loket.letters.LetterSent;
import be.loket.person.People;
import be.loket.platform.SystemActor;
import be.loket.support.CapturedMessages;
import be.loket.support.LoketTest;
import be.loket.support.Staff;
import be.loket.support.WebTestBase;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.util.AopTestUtils;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The portal's promises through MockMvc: the personal link (random, stored hashed, expiring,
 * revocable), the one-time code (expiry, wrong tries, limits per link and per client address), the
 * separation from staff login, and that a citizen reaches nothing that is not their own (404).
 */
@LoketTest
class PortalTests extends WebTestBase {
    @Autowired
    People people;
    @Autowired
    PersonalLinks links;
    @Autowired
    Applications applications;
    @Autowired
    LetterDispatch dispatch;
    @Autowired
    PortalLogin login;
    @Autowired
    PortalInvitations invitations;

    PortalFixture fx;
    ApplicationFixtures apps;

    @BeforeEach
    void fixtures() {
        fx = new PortalFixture(mvc, jdbc, people, links);
        apps = new ApplicationFixtures(applications, jdbc, users);
    }

    static byte[] pdf() throws Exception {
        try (PDDocument doc = new PDDocument(); var out = new ByteArrayOutputStream()) {
            doc.addPage(new PDPage());
            doc.save(out);
            return out.toByteArray();
        }
    }

    UUID startApplication(UUID person) {
        return apps.as("demo-socialworker", () -> applications.start(new StartApplication(person, "huurtoelage", null)));
    }

    UUID firstProof(UUID application) {
        return jdbc.sql("select id from application_proof where application_id = ? order by position limit 1").param(application)
                .query(UUID.class).single();
    }

    PortalFixture.Visitor sendCode(String link, RequestPostProcessor client) throws Exception {
        PortalFixture.Visitor session = fx.open(link, client);
        session.perform(post("/portal/login/send").with(csrf()))
                .andExpect(redirectedUrl("/portal/login/code?sent"));
        return session;
    }

    @Test
    void theLinkCarriesA256BitTokenThatIsStoredOnlyAsItsHashAndExpiresAfter30Days() throws Exception {
        UUID person = fx.citizen("demodorp", "Lotte");
        String first = fx.link("demodorp", person);
        String second = fx.link("demodorp", person);
        assertThat(first).startsWith("http://localhost:8080/portal/l/");
        assertThat(PortalFixture.token(first)).hasSizeGreaterThanOrEqualTo(43).isNotEqualTo(PortalFixture.token(second));
        String token = PortalFixture.token(first);
        assertThat(jdbc.sql("select count(*) from portal_link where token_hash = ?").param(token).query(Long.class).single()).isZero();
        var row = jdbc.sql("select token_hash, created_at, expires_at from portal_link where token_hash = ?").param(Hashing.sha256(token))
                .query((rs, n) -> new Object[] {rs.getString(1), rs.getObject(2, OffsetDateTime.class), rs.getObject(3, OffsetDateTime.class)})
                .single();
        assertThat(Duration.between((OffsetDateTime) row[1], (OffsetDateTime) row[2])).isEqualTo(Duration.ofDays(30));

        mvc.perform(get("/portal/l/" + token)).andExpect(redirectedUrl("/portal/login"));
        mvc.perform(get("/portal/l/" + token + "x").header("Accept-Language", "nl")).andExpect(status().isNotFound())
                .andExpect(content().string(Matchers.containsString("Deze link werkt niet meer")));
        jdbc.sql("update portal_link set expires_at = ? where token_hash = ?").params(OffsetDateTime.now().minusMinutes(1),
                Hashing.sha256(token)).update();
        mvc.perform(get("/portal/l/" + token)).andExpect(status().isNotFound());

        UUID secondId = jdbc.sql("select id from portal_link where token_hash = ?").param(Hashing.sha256(PortalFixture.token(second)))
                .query(UUID.class).single();
        SystemActor.runAs(fx.tenant("demodorp"), "portal-test", () -> links.revoke(secondId));
        mvc.perform(get("/portal/l/" + PortalFixture.token(second))).andExpect(status().isNotFound());
    }

    @Test
    void theCodeGoesToTheAddressOnRecordShownMaskedAndLogsInToThePortalOnly() throws Exception {
        UUID person = fx.citizen("demodorp", "Mira");
        PortalFixture.Visitor session = fx.open(fx.link("demodorp", person));
        session.perform(get("/portal/login").header("Accept-Language", "nl")).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("We sturen de code naar uw e-mailadres m…@v….example.")))
                .andExpect(content().string(Matchers.not(Matchers.containsString(fx.emailOf(person)))));
        assertThat(PortalLogin.maskPhone("+32 470 12 34 12")).isEqualTo("+32 4xx xx xx 12");
        assertThat(PortalLogin.maskPhone("0470/12.34.56")).isEqualTo("+32 4xx xx xx 56");

        PortalFixture.Visitor citizen = fx.logIn("demodorp", person);
        citizen.perform(get("/portal/home").header("Accept-Language", "nl")).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Dag Mira")));
        assertThat(jdbc.sql("select count(*) from audit_event where entity_type = 'PORTAL_LOGIN' and username = ?")
                .param("citizen:" + person).query(Long.class).single()).isEqualTo(1);
        // The citizen's session opens no staff page, and a staff login opens no portal page.
        citizen.perform(get("/persons")).andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/login"));
        citizen.perform(get("/")).andExpect(status().is3xxRedirection());
        PortalFixture.Visitor staff = new PortalFixture.Visitor(mvc, PortalFixture.newClient());
        staff.perform(post("/login").param("username", "demo-socialworker").param("password", "demo").with(csrf()))
                .andExpect(redirectedUrl("/"));
        staff.perform(get("/persons")).andExpect(status().isOk());
        staff.perform(get("/portal/home")).andExpect(redirectedUrl("/portal/login"));
        mvc.perform(get("/portal/home").with(Staff.as(users, "demo-socialworker"))).andExpect(status().isForbidden());
        citizen.perform(post("/portal/logout").with(csrf())).andExpect(redirectedUrl("/portal/login/bye"));
        citizen.perform(get("/portal/home")).andExpect(status().is3xxRedirection());
    }

    @Test
    void aCodeOlderThanTenMinutesNoLongerWorks() throws Exception {
        UUID person = fx.citizen("demodorp", "Emre");
        RequestPostProcessor client = PortalFixture.newClient();
        PortalFixture.Visitor session = sendCode(fx.link("demodorp", person), client);
        String code = CapturedMessages.lastCodeFor(fx.emailOf(person)).orElseThrow();
        var sent = jdbc.sql("select c.sent_at, c.expires_at, c.code_hash from portal_code c join portal_link l on l.id = c.link_id where l.person_id = ?")
                .param(person).query((rs, n) -> new Object[] {rs.getObject(1, OffsetDateTime.class), rs.getObject(2, OffsetDateTime.class),
                        rs.getString(3)}).single();
        assertThat(Duration.between((OffsetDateTime) sent[0], (OffsetDateTime) sent[1])).isEqualTo(Duration.ofMinutes(10));
        assertThat((String) sent[2]).hasSize(64).doesNotContain(code);
        jdbc.sql("update portal_code set expires_at = ? where link_id in (select id from portal_link where person_id = ?)")
                .params(OffsetDateTime.now().minusSeconds(1), person).update();
        session.perform(post("/portal/login/code").param("code", code).with(csrf())
                        .header("Accept-Language", "nl"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(Matchers.containsString("Deze code werkt niet meer: ze is ouder dan 10 minuten.")));
        session.perform(get("/portal/home")).andExpect(status().is3xxRedirection());
    }

    @Test
    void fiveWrongCodesBlockTheCodeEvenForTheRightOneAfterwards() throws Exception {
        UUID person = fx.citizen("demodorp", "Jonas");
        RequestPostProcessor client = PortalFixture.newClient();
        PortalFixture.Visitor session = sendCode(fx.link("demodorp", person), client);
        String code = CapturedMessages.lastCodeFor(fx.emailOf(person)).orElseThrow();
        String wrong = code.equals("000000") ? "111111" : "000000";
        for (int i = 1; i <= 4; i++) {
            session.perform(post("/portal/login/code").param("code", wrong).with(csrf())
                            .header("Accept-Language", "en"))
                    .andExpect(status().isUnprocessableContent())
                    .andExpect(content().string(Matchers.containsString("You can try " + (5 - i) + " more times.")));
        }
        session.perform(post("/portal/login/code").param("code", wrong).with(csrf()).header("Accept-Language", "en"))
                .andExpect(content().string(Matchers.containsString("You typed a wrong code 5 times.")));
        session.perform(post("/portal/login/code").param("code", code).with(csrf()).header("Accept-Language", "en"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(Matchers.containsString("You typed a wrong code 5 times.")));
        session.perform(get("/portal/home")).andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select count(*) from audit_event where entity_type = 'PORTAL_CODE' and detail like 'wrong code%' and username = ?")
                .param("citizen:" + person).query(Long.class).single()).isEqualTo(5);
    }

    /**
     * The texts name the configured validity and number of wrong tries, not fixed numbers: with other
     * settings (here set on the shared bean, restored afterwards, so no second context is needed) the
     * pages show the other numbers.
     */
    @Test
    void theCodeTextsNameTheConfiguredMinutesAndWrongTries() throws Exception {
        PortalLogin target = AopTestUtils.getTargetObject(login);
        Object validity = ReflectionTestUtils.getField(target, "codeValidity");
        Object maxWrong = ReflectionTestUtils.getField(target, "maxWrong");
        ReflectionTestUtils.setField(target, "codeValidity", Duration.ofMinutes(25));
        ReflectionTestUtils.setField(target, "maxWrong", 3);
        try {
            UUID person = fx.citizen("demodorp", "Yara");
            PortalFixture.Visitor session = sendCode(fx.link("demodorp", person), PortalFixture.newClient());
            session.perform(get("/portal/login/code?sent").header("Accept-Language", "nl"))
                    .andExpect(content().string(Matchers.containsString("De code werkt 25 minuten.")));
            String code = CapturedMessages.lastCodeFor(fx.emailOf(person)).orElseThrow();
            String wrong = code.equals("000000") ? "111111" : "000000";
            session.perform(post("/portal/login/code").param("code", wrong).with(csrf()).header("Accept-Language", "nl"))
                    .andExpect(content().string(Matchers.containsString("U kunt nog 2 keer proberen.")));
            session.perform(post("/portal/login/code").param("code", wrong).with(csrf()).header("Accept-Language", "nl"));
            session.perform(post("/portal/login/code").param("code", wrong).with(csrf()).header("Accept-Language", "nl"))
                    .andExpect(content().string(Matchers.containsString("U typte 3 keer een verkeerde code.")));

            UUID other = fx.citizen("demodorp", "Youssef");
            PortalFixture.Visitor late = sendCode(fx.link("demodorp", other), PortalFixture.newClient());
            jdbc.sql("update portal_code set expires_at = ? where link_id in (select id from portal_link where person_id = ?)")
                    .params(OffsetDateTime.now().minusSeconds(1), other).update();
            late.perform(post("/portal/login/code").param("code", CapturedMessages.lastCodeFor(fx.emailOf(other)).orElseThrow())
                            .with(csrf()).header("Accept-Language", "fr"))
                    .andExpect(content().string(Matchers.containsString("Ce code ne fonctionne plus : il a plus de 25 minutes.")));
        } finally {
            ReflectionTestUtils.setField(target, "codeValidity", validity);
            ReflectionTestUtils.setField(target, "maxWrong", maxWrong);
        }
    }

    /** The link texts name the configured validity of a personal link (ADR 0600), set here on the shared bean as above. */
    @Test
    void theLinkTextsNameTheConfiguredDays() throws Exception {
        PersonalLinks target = AopTestUtils.getTargetObject(links);
        Object validity = ReflectionTestUtils.getField(target, "validity");
        ReflectionTestUtils.setField(target, "validity", Duration.ofDays(45));
        try {
            mvc.perform(get("/portal/l/no-such-link").header("Accept-Language", "nl")).andExpect(status().isNotFound())
                    .andExpect(content().string(Matchers.containsString("Een link werkt 45 dagen.")));
            mvc.perform(get("/portal/l/no-such-link").header("Accept-Language", "fr"))
                    .andExpect(content().string(Matchers.containsString("Un lien fonctionne 45 jours.")));
            mvc.perform(get("/portal/l/no-such-link").header("Accept-Language", "en"))
                    .andExpect(content().string(Matchers.containsString("A link works for 45 days.")));

            UUID person = fx.citizen("demodorp", "Lotte");
            SystemActor.runAs(fx.tenant("demodorp"), "portal-test", () -> invitations.send(person));
            assertThat(CapturedMessages.sent().stream().map(m -> m.message()).filter(m -> fx.emailOf(person).equals(m.email()))
                    .map(m -> m.text()).toList()).singleElement().asString().contains("De link werkt 45 dagen.");
        } finally {
            ReflectionTestUtils.setField(target, "validity", validity);
        }
    }

    @Test
    void aLinkGetsAtMostThreeCodesAnHour() throws Exception {
        UUID person = fx.citizen("demodorp", "Sara");
        RequestPostProcessor client = PortalFixture.newClient();
        PortalFixture.Visitor session = fx.open(fx.link("demodorp", person), client);
        for (int i = 0; i < 3; i++) {
            session.perform(post("/portal/login/send").with(csrf())).andExpect(redirectedUrl("/portal/login/code?sent"));
        }
        session.perform(post("/portal/login/send").with(csrf()).header("Accept-Language", "fr"))
                .andExpect(status().isTooManyRequests())
                .andExpect(content().string(Matchers.containsString("Vous avez déjà demandé 3 codes dans la dernière heure.")));
    }

    @Test
    void oneClientAddressGetsAtMostTenCodesAnHourOverAllLinks() throws Exception {
        RequestPostProcessor client = PortalFixture.from("10.77.0.1");
        int sent = 0;
        PortalFixture.Visitor session = null;
        for (int link = 0; link < 4; link++) {
            session = fx.open(fx.link("demodorp", fx.citizen("demodorp", "Ilse")), client);
            for (int i = 0; i < 3 && sent < 10; i++, sent++) {
                session.perform(post("/portal/login/send").with(csrf()))
                        .andExpect(redirectedUrl("/portal/login/code?sent"));
            }
        }
        session.perform(post("/portal/login/send").with(csrf()).header("Accept-Language", "nl"))
                .andExpect(status().isTooManyRequests())
                .andExpect(content().string(Matchers.containsString("Er werden van hieruit te veel codes gevraagd.")));
        // Another address is not affected.
        fx.open(fx.link("demodorp", fx.citizen("demodorp", "Ilse"))).perform(post("/portal/login/send").with(csrf()))
                .andExpect(redirectedUrl("/portal/login/code?sent"));
    }

    @Test
    void uploadsAreCheckedLikeAtTheDeskAndARefusedFileLeavesNothing() throws Exception {
        UUID person = fx.citizen("demodorp", "Noor");
        UUID app = startApplication(person);
        UUID proof = firstProof(app);
        PortalFixture.Visitor session = fx.logIn("demodorp", person);
        String url = "/portal/applications/" + app + "/proofs/" + proof;
        byte[] elf = new byte[64];
        elf[0] = 0x7f;
        elf[1] = 'E';
        elf[2] = 'L';
        elf[3] = 'F';
        session.perform(multipart(url).file(new MockMultipartFile("photo", "huurcontract.jpg", "image/jpeg", elf)).with(csrf())
                        .header("Accept-Language", "nl"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(Matchers.containsString("Dit bestand is een programma, geen foto of PDF.")));
        session.perform(multipart(url).file(new MockMultipartFile("file", "huurcontract.pdf", "application/pdf",
                        "%PDF-1.7\nthis is not really a pdf".getBytes())).with(csrf()).header("Accept-Language", "nl"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(Matchers.containsString("Deze PDF is beschadigd en kan niet geopend worden.")));
        byte[] big = new byte[50 * 1024 * 1024];
        big[0] = (byte) 0xFF;
        big[1] = (byte) 0xD8;
        big[2] = (byte) 0xFF;
        session.perform(multipart(url).file(new MockMultipartFile("file", "foto.jpg", "image/jpeg", big)).with(csrf())
                        .header("Accept-Language", "nl"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(Matchers.containsString("Het bestand is te groot: maximaal 10 MB, dit bestand is 50 MB.")));
        session.perform(multipart(url).file(new MockMultipartFile("file", "", "application/octet-stream", new byte[0]))
                        .with(csrf()).header("Accept-Language", "nl"))
                .andExpect(content().string(Matchers.containsString("Kies eerst een foto of een bestand.")));
        assertThat(jdbc.sql("select count(*) from document where owner_id = ?").param(app).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select status from application_proof where id = ?").param(proof).query(String.class).single())
                .isEqualTo("REQUESTED");
        // A request above the servlet's limit is turned away before the portal (documents' filter) to this page, open to citizens too.
        mvc.perform(get("/documents/too-large").param("back", "/portal/home").header("Accept-Language", "nl")).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Het bestand is te groot: maximaal 10 MB per bestand.")));

        session.perform(multipart(url).file(new MockMultipartFile("file", "huurcontract.pdf", "application/pdf", pdf()))
                .with(csrf())).andExpect(redirectedUrl("/portal/home"));
        assertThat(jdbc.sql("select status from application_proof where id = ?").param(proof).query(String.class).single())
                .isEqualTo("RECEIVED");
        assertThat(jdbc.sql("select created_by from document where owner_id = ?").param(app).query(String.class).single())
                .isEqualTo("citizen:" + person);
        assertThat(jdbc.sql("select count(*) from audit_event where entity_type = 'APPLICATION' and entity_id = ? and username = ?")
                .params(app, "citizen:" + person).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void anotherCitizensApplicationsAndLettersAreNotFound() throws Exception {
        UUID mine = fx.citizen("demodorp", "Ans");
        UUID theirs = fx.citizen("demodorp", "Bert");
        UUID theirApp = startApplication(theirs);
        UUID theirProof = firstProof(theirApp);
        UUID myApp = startApplication(mine);
        LetterSent theirLetter = SystemActor.runAs(fx.tenant("demodorp"), "portal-test", () -> dispatch.send(
                new LetterOrder(theirs, "proofs-requested", letterValues(), null, false)));
        LetterSent myLetter = SystemActor.runAs(fx.tenant("demodorp"), "portal-test", () -> dispatch.send(
                new LetterOrder(mine, "proofs-requested", letterValues(), null, false)));
        PortalFixture.Visitor session = fx.logIn("demodorp", mine);

        session.perform(get("/portal/letters").header("Accept-Language", "nl")).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("/portal/letters/" + myLetter.letterId())))
                .andExpect(content().string(Matchers.not(Matchers.containsString(theirLetter.letterId().toString()))));
        session.perform(get("/portal/letters/" + myLetter.letterId())).andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/pdf"));
        session.perform(get("/portal/letters/" + theirLetter.letterId())).andExpect(status().isNotFound());
        session.perform(get("/portal/letters/not-a-uuid")).andExpect(status().isNotFound());
        session.perform(multipart("/portal/applications/" + theirApp + "/proofs/" + theirProof)
                        .file(new MockMultipartFile("file", "a.pdf", "application/pdf", pdf())).with(csrf()))
                .andExpect(status().isNotFound());
        // Their proof under my application is not found either.
        session.perform(multipart("/portal/applications/" + myApp + "/proofs/" + theirProof)
                        .file(new MockMultipartFile("file", "a.pdf", "application/pdf", pdf())).with(csrf()))
                .andExpect(status().isNotFound());
        session.perform(get("/portal/applications").header("Accept-Language", "nl")).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Huurtoelage van Demodorp")));
        assertThat(jdbc.sql("select count(*) from document where owner_id = ?").param(theirApp).query(Long.class).single()).isZero();
    }

    @Test
    void aCitizenOfAnotherMunicipalityReachesNothingOfDemodorp() throws Exception {
        UUID demodorp = fx.citizen("demodorp", "Chris");
        UUID app = startApplication(demodorp);
        UUID proof = firstProof(app);
        LetterSent letter = SystemActor.runAs(fx.tenant("demodorp"), "portal-test", () -> dispatch.send(
                new LetterOrder(demodorp, "proofs-requested", letterValues(), null, false)));
        UUID elsewhere = fx.citizen("voorbeeldegem", "Dana");
        PortalFixture.Visitor session = fx.logIn("voorbeeldegem", elsewhere);
        session.perform(get("/portal/letters/" + letter.letterId())).andExpect(status().isNotFound());
        session.perform(multipart("/portal/applications/" + app + "/proofs/" + proof)
                        .file(new MockMultipartFile("file", "a.pdf", "application/pdf", pdf())).with(csrf()))
                .andExpect(status().isNotFound());
        // A link that names a citizen of another municipality opens nothing.
        PortalFixture.Visitor forged = fx.open(fx.link("voorbeeldegem", demodorp));
        forged.perform(get("/portal/login")).andExpect(status().isNotFound());
        forged.perform(post("/portal/login/send").with(csrf()))
                .andExpect(status().isNotFound());
    }

    @Test
    void contactPreferencesAreSavedOnThePersonRecordWithSpecificMessages() throws Exception {
        UUID person = fx.citizen("demodorp", "Fien");
        PortalFixture.Visitor session = fx.logIn("demodorp", person);
        long version = jdbc.sql("select version from person where id = ?").param(person).query(Long.class).single();
        session.perform(post("/portal/contact").with(csrf()).header("Accept-Language", "nl").param("version", "" + version)
                        .param("preferredChannel", "SMS").param("phone", "").param("email", "fien@voorbeeld.example").param("language", "fr"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(Matchers.containsString("aria-invalid=\"true\"")));
        assertThat(jdbc.sql("select preferred_channel from person where id = ?").param(person).query(String.class).single()).isEqualTo("EMAIL");
        session.perform(post("/portal/contact").with(csrf()).param("version", "" + version).param("preferredChannel", "SMS")
                        .param("phone", "0470 99 88 77").param("email", "fien@voorbeeld.example").param("language", "fr"))
                .andExpect(redirectedUrl("/portal/contact"));
        var saved = jdbc.sql("select preferred_channel, phone, email, language, updated_by from person where id = ?").param(person)
                .query((rs, n) -> Map.of("channel", rs.getString(1), "phone", rs.getString(2), "email", rs.getString(3), "language",
                        rs.getString(4), "by", rs.getString(5))).single();
        assertThat(saved).containsEntry("channel", "SMS").containsEntry("phone", "0470 99 88 77").containsEntry("language", "fr")
                .containsEntry("by", "citizen:" + person);
        session.perform(post("/portal/contact").with(csrf()).param("version", "" + version).param("preferredChannel", "SMS")
                        .param("phone", "0470 99 88 77").param("email", "").param("language", "fr").header("Accept-Language", "nl"))
                .andExpect(status().isConflict());
        assertThat(jdbc.sql("select count(*) from audit_event where entity_type = 'PERSON' and entity_id = ? and action = 'UPDATE' and username = ?")
                .params(person, "citizen:" + person).query(Long.class).single()).isEqualTo(1);
    }

    static Map<String, String> letterValues() {
        return Map.of("rightName", "de huurtoelage", "deadline", "15 april 2026", "proofs", "uw huurcontract",
                "portalLink", "https://loket.demodorp.example/p/abc", "workerName", "Samira Bouhaddi", "workerPhone", "09 000 00 00",
                "workerEmail", "sociale.dienst@demodorp.example", "officeName", "Sociaal Huis Demodorp",
                "officeAddress", "Marktplein 1, 9990 Demodorp", "officeHours", "elke werkdag van 9 tot 12 uur");
    }
}
