package be.loket.letters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import be.loket.platform.InvalidInputException;
import be.loket.platform.SystemActor;
import be.loket.support.DemoRecords;
import be.loket.support.LoketTest;
import be.loket.support.Staff;
import be.loket.support.WebTestBase;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;

/**
 * The municipality's letterhead logo: letters carry it as an image with the municipality's name as
 * alternative text unless the plain letterhead is asked for; only the municipality's administrator changes
 * it, every file checked by content. Demodorp's demo logo is put back after each test.
 */
@LoketTest
class LetterheadTests extends WebTestBase {
    @Autowired
    Letters letters;
    @Autowired
    Letterheads letterheads;

    UUID demodorp() {
        return DemoRecords.tenant(jdbc, "demodorp");
    }

    @AfterEach
    void restoreDemoLogo() throws Exception {
        try (InputStream in = getClass().getResourceAsStream("/demo/letterheads/demodorp.svg")) {
            byte[] svg = in.readAllBytes();
            SystemActor.runAs(demodorp(), "letterhead-test", () -> letterheads.upload(svg));
        }
    }

    byte[] render(UUID tenant, Letterhead letterhead) {
        return SystemActor.runAs(tenant, "letterhead-test", () -> letters.render(new LetterRequest("rent-allowance-granted", "nl",
                LettersTests.values(), "Mira Voorbeeld", List.of("Kerkstraat 5", "9990 Demodorp"), false, letterhead))).pdf();
    }

    static List<PDStructureElement> figures(List<Object> kids) {
        List<PDStructureElement> found = new ArrayList<>();
        for (Object k : kids) {
            if (k instanceof PDStructureElement e) {
                if ("Figure".equals(e.getStructureType())) {
                    found.add(e);
                }
                found.addAll(figures(e.getKids()));
            }
        }
        return found;
    }

    @Test
    void aLetterCarriesTheLogoAsATaggedImageUnlessThePlainLetterheadIsAskedFor() throws Exception {
        try (PDDocument withLogo = Loader.loadPDF(render(demodorp(), Letterhead.LOGO))) {
            assertThat(LetterheadImages.images(withLogo.getPage(0))).as("logo on page 1").isEqualTo(1);
            assertThat(LetterheadImages.images(withLogo.getPage(withLogo.getNumberOfPages() - 1))).as("not on the legal page").isZero();
            List<PDStructureElement> figures = figures(withLogo.getDocumentCatalog().getStructureTreeRoot().getKids());
            assertThat(figures).as("the logo is a tagged figure").hasSize(1);
            assertThat(figures.get(0).getAlternateDescription()).isEqualTo("Demodorp");
        }
        try (PDDocument plain = Loader.loadPDF(render(demodorp(), Letterhead.PLAIN))) {
            assertThat(LetterheadImages.images(plain.getPage(0))).isZero();
            assertThat(PdfInfo.text(render(demodorp(), Letterhead.PLAIN))).contains("Sociaal Huis Demodorp");
        }
        // The old six-value request keeps working and means: with the logo.
        byte[] byDefault = SystemActor.runAs(demodorp(), "letterhead-test", () -> letters.render(LettersTests.granted("nl", false))).pdf();
        try (PDDocument doc = Loader.loadPDF(byDefault)) {
            assertThat(LetterheadImages.images(doc.getPage(0))).isEqualTo(1);
        }
    }

    @Test
    void theAdministratorReplacesAndRemovesTheLogoAndEveryChangeIsAudited() throws Exception {
        long audits = audits();
        mvc.perform(get("/admin/letterhead").with(Staff.as(users, "demo-admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("alt=\"Logo van Demodorp\"")));
        mvc.perform(multipart("/admin/letterhead").file(new MockMultipartFile("file", "logo.png", "image/png", LetterheadImages.png(240, 80)))
                        .with(Staff.as(users, "demo-admin")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select uploaded_type from letterhead_logo where tenant_id = ?").param(demodorp()).query(String.class).single())
                .isEqualTo("image/png");
        try (PDDocument doc = Loader.loadPDF(render(demodorp(), Letterhead.LOGO))) {
            assertThat(LetterheadImages.images(doc.getPage(0))).isEqualTo(1);
        }
        mvc.perform(post("/admin/letterhead/remove").with(Staff.as(users, "demo-admin")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select count(*) from letterhead_logo where tenant_id = ?").param(demodorp()).query(Long.class).single()).isZero();
        try (PDDocument doc = Loader.loadPDF(render(demodorp(), Letterhead.LOGO))) {
            assertThat(LetterheadImages.images(doc.getPage(0))).as("no logo, plain letterhead").isZero();
        }
        mvc.perform(get("/admin/letterhead").with(Staff.as(users, "demo-admin")))
                .andExpect(content().string(Matchers.containsString("Er is nog geen logo.")));
        assertThat(audits() - audits).as("upload and removal audited").isEqualTo(2);
    }

    @Test
    void aRefusedFileSaysWhyAndLeavesTheLogoAsItWas() throws Exception {
        byte[] before = storedPng();
        String script = """
                <svg xmlns="http://www.w3.org/2000/svg" width="100" height="40"><rect width="100" height="40"/>
                <script>alert(1)</script></svg>""";
        mvc.perform(multipart("/admin/letterhead").file(new MockMultipartFile("file", "logo.svg", "image/svg+xml",
                        script.getBytes(StandardCharsets.UTF_8))).with(Staff.as(users, "demo-admin")).with(csrf()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(Matchers.containsString("Dit SVG-bestand bevat een script of een gebeurtenis (zoals onload).")));
        String onload = "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"><rect width=\"10\" height=\"10\"/></svg>";
        mvc.perform(multipart("/admin/letterhead").file(new MockMultipartFile("file", "logo.svg", "image/svg+xml",
                        onload.getBytes(StandardCharsets.UTF_8))).with(Staff.as(users, "demo-admin")).with(csrf()).header("Accept-Language", "fr"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(Matchers.containsString("Ce fichier SVG contient un script ou un événement")));
        String external = """
                <svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="10" height="10">
                <image xlink:href="https://example.org/tracker.png" width="10" height="10"/></svg>""";
        mvc.perform(multipart("/admin/letterhead").file(new MockMultipartFile("file", "logo.svg", "image/svg+xml",
                        external.getBytes(StandardCharsets.UTF_8))).with(Staff.as(users, "demo-admin")).with(csrf()).header("Accept-Language", "en"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(Matchers.containsString("This SVG file refers to something outside the file")));
        byte[] big = new byte[250 * 1024];
        System.arraycopy(LetterheadImages.png(10, 10), 0, big, 0, 8);
        mvc.perform(multipart("/admin/letterhead").file(new MockMultipartFile("file", "logo.png", "image/png", big))
                        .with(Staff.as(users, "demo-admin")).with(csrf()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(Matchers.containsString("Het bestand is te groot: 250 kB. Een logo mag hoogstens 200 kB zijn.")));
        mvc.perform(multipart("/admin/letterhead").file(new MockMultipartFile("file", "logo.png", "image/png",
                        "#!/bin/sh\necho hi".getBytes(StandardCharsets.UTF_8))).with(Staff.as(users, "demo-admin")).with(csrf()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(Matchers.containsString("Dit bestand is geen PNG of SVG.")));
        assertThat(storedPng()).as("the old logo stays").isEqualTo(before);
    }

    @Test
    void onlyTheAdministratorOfTheMunicipalitySeesOrChangesItsLogo() throws Exception {
        byte[] before = storedPng();
        mvc.perform(get("/admin/letterhead").with(Staff.as(users, "demo-socialworker"))).andExpect(status().isForbidden());
        mvc.perform(multipart("/admin/letterhead").file(new MockMultipartFile("file", "logo.png", "image/png", LetterheadImages.png(40, 20)))
                        .with(Staff.as(users, "demo-socialworker")).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/admin/letterhead/remove").with(Staff.as(users, "demo-teamlead")).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(post("/admin/letterhead/remove").with(Staff.as(users, "demo-admin")))
                .andExpect(status().isForbidden());
        assertThat(storedPng()).isEqualTo(before);
        UUID voorbeeldegem = DemoRecords.tenant(jdbc, "voorbeeldegem");
        byte[] theirs = jdbc.sql("select png from letterhead_logo where tenant_id = ?").param(voorbeeldegem).query(byte[].class).single();
        // Demodorp's administrator changes Demodorp's logo; Voorbeeldegem's stays, and its letters keep their own.
        mvc.perform(multipart("/admin/letterhead").file(new MockMultipartFile("file", "logo.png", "image/png", LetterheadImages.png(300, 90)))
                        .with(Staff.as(users, "demo-admin")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select png from letterhead_logo where tenant_id = ?").param(voorbeeldegem).query(byte[].class).single())
                .isEqualTo(theirs);
        Letterheads.Logo seen = SystemActor.runAs(voorbeeldegem, "letterhead-test", () -> letterheads.logo().orElseThrow());
        assertThat(seen.uploadedType()).isEqualTo("image/svg+xml");
        assertThat(seen.png()).isEqualTo(theirs);
        try (PDDocument doc = Loader.loadPDF(render(voorbeeldegem, Letterhead.LOGO))) {
            assertThat(figures(doc.getDocumentCatalog().getStructureTreeRoot().getKids()).get(0).getAlternateDescription())
                    .isEqualTo("Voorbeeldegem");
        }
    }

    @Test
    void aCleanSvgIsDrawnToThePngTheLettersPrint() {
        String svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" viewBox=\"0 0 30 10\">"
                + "<defs><rect id=\"a\" width=\"5\" height=\"5\" fill=\"#123456\"/></defs><rect width=\"30\" height=\"10\" fill=\"#eeeeee\"/>"
                + "<use xlink:href=\"#a\"/></svg>";
        Letterheads.Logo logo = SystemActor.runAs(demodorp(), "letterhead-test", () -> letterheads.upload(svg.getBytes(StandardCharsets.UTF_8)));
        assertThat(logo.uploadedType()).isEqualTo("image/svg+xml");
        assertThat(logo.width()).isEqualTo(600);
        assertThat(logo.height()).isEqualTo(200);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SystemActor.runAs(demodorp(), "letterhead-test",
                () -> letterheads.upload("<!DOCTYPE svg [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><svg xmlns=\"http://www.w3.org/2000/svg\">&x;</svg>"
                        .getBytes(StandardCharsets.UTF_8))))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.violations().get(0).messageKey()).isEqualTo("letters.logo.svgExternal"));
    }

    byte[] storedPng() {
        return jdbc.sql("select png from letterhead_logo where tenant_id = ?").param(demodorp()).query(byte[].class).single();
    }

    long audits() {
        return jdbc.sql("select count(*) from audit_event where entity_type = 'LETTERHEAD_LOGO' and entity_id = ?").param(demodorp())
                .query(Long.class).single();
    }
}
