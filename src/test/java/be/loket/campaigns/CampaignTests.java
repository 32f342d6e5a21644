package be.loket.campaigns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import be.loket.campaigns.CampaignFixture.Citizen;
import be.loket.campaigns.internal.ContactMethod;
import be.loket.dossier.Dossiers;
import be.loket.dossier.OpenDossier;
import be.loket.person.People;
import be.loket.platform.SystemActor;
import be.loket.support.LoketTest;
import be.loket.support.Staff;
import be.loket.support.WebTestBase;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.text.PDFTextStripper;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Campaigns from the rent-arrears worklist: starting one (whole or not at all, with specific messages), the
 * seeded random letter variants, the tagged letter batch, SMS and e-mail through the letters module.
 */
@LoketTest
class CampaignTests extends WebTestBase {
    @Autowired
    People people;
    @Autowired
    Dossiers dossiers;
    CampaignFixture fx;

    @BeforeEach
    void fixture() {
        fx = new CampaignFixture(mvc, jdbc, users, people);
    }

    @Test
    void aCampaignAssignsLetterVariantsFromItsRecordedSeedAndPrintsAllLettersAsOneTaggedPdf() throws Exception {
        List<Citizen> citizens = List.of(fx.citizen("Anouk", CampaignFixture.unique("Brief"), null, null),
                fx.citizen("Bram", CampaignFixture.unique("Brief"), null, null),
                fx.citizen("Chloé", CampaignFixture.unique("Brief"), null, null),
                fx.citizen("Dries", CampaignFixture.unique("Bel"), "0499 00 12 34", null));
        List<UUID> entries = fx.onArrearsList(citizens);
        UUID campaign = fx.campaign("Huurachterstal november", "met OCMW-logo\nzonder logo",
                CampaignFixture.methods(entries, "LETTER", "LETTER", "LETTER", "PHONE_CALL"));

        List<Integer> variants = jdbc.sql("select variant from campaign_member where campaign_id = ? order by position")
                .param(campaign).query((rs, n) -> (Integer) rs.getObject(1)).list();
        assertThat(variants.subList(0, 3)).containsOnly(0, 1).contains(0, 1);
        assertThat(variants.get(3)).as("a phone call gets no letter variant").isNull();
        long seed = jdbc.sql("select variant_seed from campaign where id = ?").param(campaign).query(Long.class).single();
        assertThat(be.loket.campaigns.internal.Campaigns.assignVariants(List.of(ContactMethod.LETTER, ContactMethod.LETTER,
                ContactMethod.LETTER, ContactMethod.PHONE_CALL), 2, seed)).as("the recorded seed reproduces the assignment")
                .containsExactly(variants.toArray(Integer[]::new));

        mvc.perform(get("/campaigns/" + campaign).with(Staff.as(users, "demo-socialworker")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Alle brieven in één pdf om af te drukken (3)")))
                .andExpect(content().string(Matchers.containsString(citizens.get(3).first() + " " + citizens.get(3).last())));
        byte[] pdf = mvc.perform(get("/campaigns/" + campaign + "/letters.pdf").with(Staff.as(users, "demo-socialworker")))
                .andExpect(status().isOk()).andExpect(header().string("Content-Type", "application/pdf"))
                .andReturn().getResponse().getContentAsByteArray();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            List<String> bookmarks = new java.util.ArrayList<>();
            for (PDOutlineItem item : doc.getDocumentCatalog().getDocumentOutline().children()) {
                bookmarks.add(item.getTitle());
            }
            assertThat(bookmarks).hasSize(3);
            assertThat(bookmarks).allMatch(b -> b.endsWith("met OCMW-logo") || b.endsWith("zonder logo"));
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
            for (Citizen c : citizens.subList(0, 3)) {
                assertThat(text).contains("Beste " + c.first() + ",").contains(c.first() + " " + c.last());
            }
            assertThat(text).doesNotContain(citizens.get(3).last());
            assertThat(text).contains("Je voldoet al aan").contains("Je woont in Demodorp.")
                    .contains("Voldoe je ook aan deze voorwaarden?").contains("Misschien heb je recht op hulp bij je huur");
            // Each letter has its legal page: the batch is three letters of at least two pages each.
            assertThat(doc.getNumberOfPages()).isGreaterThanOrEqualTo(6);
            assertThat(doc.getDocumentCatalog().getMarkInfo().isMarked()).as("the batch stays tagged").isTrue();
            java.nio.file.Files.createDirectories(java.nio.file.Path.of("target/campaigns"));
            java.nio.file.Files.write(java.nio.file.Path.of("target/campaigns/letter-batch.pdf"), pdf);
            // The letters' structure trees are merged: one Document with a Part per letter.
            var top = (PDStructureElement) doc.getDocumentCatalog().getStructureTreeRoot().getKids().get(0);
            assertThat(top.getStructureType()).isEqualTo("Document");
            assertThat(top.getKids()).as("one part per letter").hasSize(3)
                    .allMatch(k -> k instanceof PDStructureElement e && e.getStructureType().equals("Part"));
        }
        assertThat(jdbc.sql("select count(*) from campaign_member where campaign_id = ? and sent_channel = 'POST'").param(campaign)
                .query(Long.class).single()).isEqualTo(3);
        assertThat(jdbc.sql("select count(*) from audit_event where entity_type = 'CAMPAIGN' and entity_id = ? and action = 'EXPORT'")
                .param(campaign).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aBatchOfADutchAndAFrenchLetterIsOneAccessiblePdfWithTheCampaignTitleAndEachLettersLanguage() throws Exception {
        Citizen dutch = fx.citizen("Wout", CampaignFixture.unique("Taal"), null, null, "nl");
        Citizen french = fx.citizen("Élise", CampaignFixture.unique("Langue"), null, null, "fr");
        List<UUID> entries = fx.onArrearsList(List.of(dutch, french));
        String name = "Tweetalig " + CampaignFixture.unique("Batch");
        byte[] pdf = letters(fx.campaign(name, null, CampaignFixture.methods(entries, "LETTER", "LETTER")));
        // The same letters each alone, to know how many pages each takes.
        int dutchPages = pages(letters(fx.campaign("Alleen Nederlands", null, CampaignFixture.methods(entries, "LETTER"))));
        int frenchPages = pages(letters(fx.campaign("Alleen Frans", null, Map.of(entries.get(1), "LETTER"))));

        try (PDDocument doc = Loader.loadPDF(pdf)) {
            var catalog = doc.getDocumentCatalog();
            assertThat(doc.getDocumentInformation().getTitle()).isEqualTo("Brieven van de campagne " + name);
            var xmp = new org.apache.xmpbox.xml.DomXmpParser().parse(catalog.getMetadata().exportXMPMetadata());
            assertThat(xmp.getDublinCoreSchema().getTitle()).as("XMP title, which viewers prefer").isEqualTo("Brieven van de campagne " + name);
            assertThat(catalog.getViewerPreferences().displayDocTitle()).isTrue();
            assertThat(catalog.getLanguage()).as("the municipality's language").isEqualTo("nl");
            assertThat(catalog.getMarkInfo().isMarked()).isTrue();
            assertThat(doc.getNumberOfPages()).isEqualTo(dutchPages + frenchPages);

            // Every letter's own structure root is in the merged tree, each in the letter's language.
            var top = (PDStructureElement) catalog.getStructureTreeRoot().getKids().get(0);
            assertThat(catalog.getStructureTreeRoot().getKids()).hasSize(1);
            assertThat(top.getStructureType()).isEqualTo("Document");
            assertThat(top.getKids()).hasSize(2).allMatch(k -> k instanceof PDStructureElement e && e.getStructureType().equals("Part"));
            assertThat(top.getKids()).extracting(k -> ((PDStructureElement) k).getLanguage()).containsExactlyInAnyOrder("nl", "fr");
            List<String> bookmarks = new java.util.ArrayList<>();
            for (PDOutlineItem item : catalog.getDocumentOutline().children()) {
                bookmarks.add(item.getTitle());
            }
            assertThat(bookmarks).containsExactlyInAnyOrder(dutch.first() + " " + dutch.last(), french.first() + " " + french.last());
        }
    }

    byte[] letters(UUID campaign) throws Exception {
        return mvc.perform(get("/campaigns/" + campaign + "/letters.pdf").with(Staff.as(users, "demo-socialworker")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
    }

    static int pages(byte[] pdf) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return doc.getNumberOfPages();
        }
    }

    @Test
    void eachLetterVariantPrintsWithItsOwnLetterhead() throws Exception {
        List<Citizen> citizens = List.of(fx.citizen("Lotte", CampaignFixture.unique("Logo"), null, null),
                fx.citizen("Mats", CampaignFixture.unique("Logo"), null, null),
                fx.citizen("Nora", CampaignFixture.unique("Logo"), null, null),
                fx.citizen("Omar", CampaignFixture.unique("Logo"), null, null));
        List<UUID> entries = fx.onArrearsList(citizens);
        // No letterhead chosen: the default is seed 001's experiment, the first variant with logo, the second without.
        UUID campaign = fx.campaign("Met en zonder logo", "met OCMW-logo\nzonder logo",
                CampaignFixture.methods(entries, "LETTER", "LETTER", "LETTER", "LETTER"));
        assertThat(jdbc.sql("select variant_letterheads from campaign where id = ?").param(campaign).query(String.class).single())
                .isEqualTo("LOGO\nPLAIN");
        mvc.perform(get("/campaigns/" + campaign).with(Staff.as(users, "demo-socialworker")))
                .andExpect(content().string(Matchers.containsString("met OCMW-logo: met logo van de gemeente")))
                .andExpect(content().string(Matchers.containsString("zonder logo: zonder logo")));
        byte[] pdf = mvc.perform(get("/campaigns/" + campaign + "/letters.pdf").with(Staff.as(users, "demo-socialworker")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        int with = 0;
        int without = 0;
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            for (PDOutlineItem item : doc.getDocumentCatalog().getDocumentOutline().children()) {
                var page = ((org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageDestination) item.getDestination())
                        .getPage();
                int images = be.loket.letters.LetterheadImages.images(page);
                if (item.getTitle().endsWith("met OCMW-logo")) {
                    assertThat(images).as(item.getTitle()).isEqualTo(1);
                    with++;
                } else {
                    assertThat(item.getTitle()).endsWith("zonder logo");
                    assertThat(images).as(item.getTitle()).isZero();
                    without++;
                }
            }
        }
        assertThat(with).isEqualTo(2);
        assertThat(without).isEqualTo(2);

        // Chosen otherwise: both variants plain, so no letter of the batch has the logo.
        var request = post("/campaigns").with(Staff.as(users, "demo-socialworker")).with(csrf()).param("name", "Twee keer zonder")
                .param("worklistKey", "rent-arrears").param("variants", "A\nB").param("letterheads[0]", "PLAIN")
                .param("letterheads[1]", "PLAIN").param("methods[" + entries.get(0) + "]", "LETTER").param("methods[" + entries.get(1) + "]", "LETTER");
        String location = mvc.perform(request).andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        UUID plain = UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
        byte[] plainPdf = mvc.perform(get("/campaigns/" + plain + "/letters.pdf").with(Staff.as(users, "demo-socialworker")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (PDDocument doc = Loader.loadPDF(plainPdf)) {
            for (var page : doc.getPages()) {
                assertThat(be.loket.letters.LetterheadImages.images(page)).isZero();
            }
        }
        long before = count("campaign");
        mvc.perform(post("/campaigns").with(Staff.as(users, "demo-socialworker")).with(csrf()).param("name", "Fout briefhoofd")
                        .param("worklistKey", "rent-arrears").param("variants", "A\nB").param("letterheads[1]", "GOLD")
                        .param("methods[" + entries.get(2) + "]", "LETTER"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Kies voor variant 2 met of zonder logo.")));
        assertThat(count("campaign")).isEqualTo(before);
    }

    @Test
    void smsAndEmailGoOutThroughTheLettersModuleByTheChosenChannel() throws Exception {
        List<Citizen> citizens = List.of(fx.citizen("Emma", CampaignFixture.unique("Sms"), "0499 00 55 01", null),
                fx.citizen("Finn", CampaignFixture.unique("Mail"), null, "finn@example.org"));
        List<UUID> entries = fx.onArrearsList(citizens);
        UUID campaign = fx.campaign("Berichten", null, CampaignFixture.methods(entries, "SMS", "EMAIL"));
        mvc.perform(post("/campaigns/" + campaign + "/send").with(Staff.as(users, "demo-socialworker")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select sent_channel from campaign_member where campaign_id = ? order by position").param(campaign)
                .query(String.class).list()).containsExactly("SMS", "EMAIL");
        assertThat(jdbc.sql("select channel from letter_sent where person_id = ? and code = 'outreach-invitation'")
                .param(citizens.get(0).id()).query(String.class).list()).containsExactly("SMS");
        // Sending again sends nothing twice.
        mvc.perform(post("/campaigns/" + campaign + "/send").with(Staff.as(users, "demo-socialworker")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select count(*) from letter_sent where person_id in (?, ?)").params(citizens.get(0).id(), citizens.get(1).id())
                .query(Long.class).single()).isEqualTo(2);
        mvc.perform(get("/campaigns/" + campaign).with(Staff.as(users, "demo-socialworker")))
                .andExpect(content().string(Matchers.containsString("Alle sms’en en e-mails zijn verstuurd.")));
    }

    @Test
    void aCampaignWithProblemsIsRefusedWithSpecificMessagesAndNothingIsSaved() throws Exception {
        List<Citizen> citizens = List.of(fx.citizen("Gust", CampaignFixture.unique("Fout"), null, null),
                fx.citizen("Hanne", CampaignFixture.unique("Fout"), null, null));
        List<UUID> entries = fx.onArrearsList(citizens);
        long campaigns = count("campaign");
        long members = count("campaign_member");
        mvc.perform(post("/campaigns").with(Staff.as(users, "demo-socialworker")).with(csrf()).param("name", "Leeg")
                        .param("worklistKey", "rent-arrears").param("methods[" + entries.get(0) + "]", ""))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Kies minstens één persoon en een manier om die persoon te contacteren.")));
        String gust = citizens.get(0).first() + " " + citizens.get(0).last();
        String hanne = citizens.get(1).first() + " " + citizens.get(1).last();
        mvc.perform(post("/campaigns").with(Staff.as(users, "demo-socialworker")).with(csrf()).param("name", "")
                        .param("worklistKey", "rent-arrears").param("variants", "met logo")
                        .param("methods[" + entries.get(0) + "]", "PIGEON").param("methods[" + entries.get(1) + "]", "SMS"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Vul dit veld in.")))
                .andExpect(content().string(Matchers.containsString("Geef minstens twee varianten, of geen.")))
                .andExpect(content().string(Matchers.containsString("Kies voor " + gust + " een manier uit de lijst.")))
                .andExpect(content().string(Matchers.containsString("Voor " + hanne + " is geen gsm-nummer bekend. Kies een andere manier.")));
        mvc.perform(post("/campaigns").with(Staff.as(users, "demo-socialworker")).with(csrf()).param("name", "Onbekend")
                        .param("worklistKey", "rent-arrears").header("Accept-Language", "fr")
                        .param("intermediaryId", UUID.randomUUID().toString()).param("methods[" + entries.get(0) + "]", "LETTER"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Choisissez un partenaire dans la liste.")));
        assertThat(count("campaign")).isEqualTo(campaigns);
        assertThat(count("campaign_member")).isEqualTo(members);
    }

    @Test
    void anEntryOfAnotherMunicipalityIsNotFound() throws Exception {
        List<UUID> entries = fx.onArrearsList(List.of(fx.citizen("Ilse", CampaignFixture.unique("Ander"), null, null)));
        long before = count("campaign");
        mvc.perform(post("/campaigns").with(Staff.as(users, "demo-socialworker-v")).with(csrf()).param("name", "Gestolen")
                        .param("worklistKey", "rent-arrears").param("methods[" + entries.get(0) + "]", "PHONE_CALL"))
                .andExpect(status().isNotFound());
        assertThat(count("campaign")).isEqualTo(before);
    }

    @Test
    void withoutAnIntermediaryTheLetterSaysToCallTheOwnService() throws Exception {
        Citizen c = fx.citizen("Jana", CampaignFixture.unique("Brief"), null, null);
        UUID campaign = fx.campaign("Eén brief", null, CampaignFixture.methods(fx.onArrearsList(List.of(c)), "LETTER"));
        byte[] pdf = mvc.perform(get("/campaigns/" + campaign + "/letters.pdf").with(Staff.as(users, "demo-teamlead")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(new PDFTextStripper().getText(doc)).contains("Bel Sociaal Huis Demodorp").contains("Beste Jana,");
        }
    }

    @Test
    void aPersonWithADossierGetsTheOutcomeAsAnInternalStep() throws Exception {
        Citizen c = fx.citizen("Kato", CampaignFixture.unique("Dossier"), null, null);
        UUID dossier = SystemActor.runAs(fx.tenant(), "campaign-test", () -> dossiers.open(new OpenDossier(c.id(), null, null, List.of())));
        UUID entry = fx.onArrearsList(List.of(c)).get(0);
        UUID campaign = fx.campaign("Huisbezoeken", null, Map.of(entry, "HOME_VISIT"));
        assertThat(jdbc.sql("select dossier_id from campaign_member where campaign_id = ?").param(campaign).query(UUID.class).single())
                .isEqualTo(dossier);
        String today = LocalDate.now(ZoneId.of("Europe/Brussels")).toString();
        mvc.perform(post("/campaigns/" + campaign + "/people/" + fx.member(campaign, entry) + "/attempts")
                        .with(Staff.as(users, "demo-socialworker")).with(csrf()).param("method", "HOME_VISIT").param("date", today)
                        .param("time", "18:30").param("outcome", "APPOINTMENT_MADE").param("duration", "25").param("note", "Afspraak dinsdag"))
                .andExpect(status().is3xxRedirection());
        var step = jdbc.sql("select kind, visibility, body from dossier_step where dossier_id = ? order by created_at desc limit 1")
                .param(dossier).query((rs, n) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3))).single();
        assertThat(step).containsExactly("HOME_VISIT", "INTERNAL",
                "Campagne „Huisbezoeken”: Huisbezoek – Afspraak gemaakt (25 min). Afspraak dinsdag");
        assertThat(jdbc.sql("select time_slot from campaign_attempt where member_id = ?").param(fx.member(campaign, entry))
                .query(String.class).single()).isEqualTo("EVENING");
        assertThat(jdbc.sql("select status from outreach_worklist_entry where id = ?").param(entry).query(String.class).single())
                .isEqualTo("CONTACTED");
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }
}
