package be.loket.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import be.loket.platform.InvalidInputException;
import be.loket.platform.NotFoundException;
import be.loket.platform.SystemActor;
import be.loket.support.DemoRecords;
import be.loket.support.LoketTest;
import be.loket.support.WebTestBase;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.UUID;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;
import org.springframework.mock.web.MockMultipartFile;

/**
 * Uploads are judged by their content: photos and real PDFs are kept with a checksum and audited; a
 * renamed program, a damaged PDF or a too large file is refused with a message in the user's language,
 * and nothing at all is saved.
 */
@LoketTest
class DocumentsTests extends WebTestBase {
    static final OwnerAccess ALLOW = owner -> true;

    @Autowired
    Documents documents;
    @Autowired
    MessageSource messages;
    @LocalServerPort
    int port;

    UUID demodorp() {
        return DemoRecords.tenant(jdbc, "demodorp");
    }

    <T> T asDemodorp(java.util.function.Supplier<T> work) {
        return SystemActor.runAs(demodorp(), "documents-test", work);
    }

    long stored() {
        return jdbc.sql("select count(*) from document").query(Long.class).single()
                + jdbc.sql("select count(*) from document_content").query(Long.class).single();
    }

    static byte[] pdf() throws IOException {
        try (PDDocument doc = new PDDocument(); var out = new ByteArrayOutputStream()) {
            doc.addPage(new PDPage());
            doc.save(out);
            return out.toByteArray();
        }
    }

    static byte[] bytes(int... head) {
        byte[] b = new byte[64];
        for (int i = 0; i < head.length; i++) {
            b[i] = (byte) head[i];
        }
        return b;
    }

    static byte[] heic(String brand) {
        byte[] b = new byte[64];
        b[3] = 24;
        System.arraycopy(("ftyp" + brand).getBytes(StandardCharsets.US_ASCII), 0, b, 4, 8);
        return b;
    }

    @Test
    void keepsPhotosAndPdfsWithTheTypeFromTheContentAChecksumAndAnAuditTrail() throws Exception {
        Owner owner = new Owner("APPLICATION", UUID.randomUUID());
        byte[] pdf = pdf();
        var kept = asDemodorp(() -> java.util.List.of(
                documents.attach(owner, "huurcontract.jpg", pdf),
                documents.attach(owner, "C:\\Users\\x\\foto.png", bytes(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)),
                documents.attach(owner, "IMG_0001.HEIC", heic("heic")),
                documents.attach(owner, "scan", heic("mif1")),
                documents.attach(owner, "foto.jpeg", bytes(0xFF, 0xD8, 0xFF, 0xE0))));
        assertThat(kept).extracting(DocumentInfo::contentType)
                .containsExactly("application/pdf", "image/png", "image/heic", "image/heif", "image/jpeg");
        assertThat(kept.get(1).fileName()).isEqualTo("foto.png");
        assertThat(kept.get(0).sha256()).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(pdf)));

        Download back = asDemodorp(() -> documents.open(kept.get(0).id(), ALLOW));
        assertThat(back.content()).isEqualTo(pdf);
        assertThat(back.stream().readAllBytes()).isEqualTo(pdf);
        var response = back.asResponse();
        assertThat(response.getHeaders().getContentType()).hasToString("application/pdf");
        assertThat(response.getHeaders().getCacheControl()).isEqualTo("no-store, private");
        assertThat(response.getHeaders().getFirst("Content-Disposition")).startsWith("inline; filename=\"huurcontract.jpg\"");
        assertThat(asDemodorp(() -> documents.listFor(owner, ALLOW))).hasSize(5);
        assertThat(jdbc.sql("select action from audit_event where entity_type = 'DOCUMENT' and entity_id = ? order by occurred_at")
                .param(kept.get(0).id()).query(String.class).list()).containsExactly("CREATE", "READ");
    }

    @Test
    void aDocumentIsNotFoundWhenTheCallersCheckSaysNoOrInAnotherMunicipality() {
        Owner owner = new Owner("APPLICATION", UUID.randomUUID());
        DocumentInfo kept = asDemodorp(() -> documents.attach(owner, "foto.jpg", bytes(0xFF, 0xD8, 0xFF)));
        assertThatThrownBy(() -> asDemodorp(() -> documents.open(kept.id(), o -> false))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> asDemodorp(() -> documents.listFor(owner, o -> false))).isInstanceOf(NotFoundException.class);
        UUID other = DemoRecords.tenant(jdbc, "voorbeeldegem");
        assertThatThrownBy(() -> SystemActor.runAs(other, "other", () -> documents.open(kept.id(), ALLOW)))
                .isInstanceOf(NotFoundException.class);
        assertThat(jdbc.sql("select count(*) from audit_event where entity_type = 'DOCUMENT' and entity_id = ? and action = 'READ'")
                .param(kept.id()).query(Long.class).single()).isZero();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "ELF    | aanvraag.pdf | documents.executable | Dit bestand is een programma, geen foto of PDF. Het is geweigerd. Stuur een foto (JPEG, PNG of HEIC) of een PDF.",
            "MZ     | foto.jpg     | documents.executable | Dit bestand is een programma, geen foto of PDF. Het is geweigerd. Stuur een foto (JPEG, PNG of HEIC) of een PDF.",
            "SCRIPT | loonbrief.pdf| documents.executable | Dit bestand is een programma, geen foto of PDF. Het is geweigerd. Stuur een foto (JPEG, PNG of HEIC) of een PDF.",
            "ZIP    | bewijs.pdf   | documents.typeNotAllowed | Dit soort bestand kunnen we niet aannemen. Stuur een foto (JPEG, PNG of HEIC) of een PDF.",
            "BADPDF | contract.pdf | documents.corruptPdf | Deze PDF is beschadigd en kan niet geopend worden. Maak de PDF opnieuw of stuur een foto.",
            "EMPTY  | leeg.pdf     | documents.empty | Het bestand is leeg. Kies het bestand opnieuw."})
    void refusesByContentWithASpecificMessageAndSavesNothing(String kind, String name, String key, String dutch) throws Exception {
        byte[] content = switch (kind) {
            case "ELF" -> bytes(0x7F, 'E', 'L', 'F', 2, 1, 1);
            case "MZ" -> bytes('M', 'Z', 0x90, 0);
            case "SCRIPT" -> "#!/bin/sh\nrm -rf /\n".getBytes(StandardCharsets.US_ASCII);
            case "ZIP" -> bytes('P', 'K', 3, 4);
            case "BADPDF" -> "%PDF-1.7\n1 0 obj << /Type /Catalog >> garbage, no xref, no trailer".getBytes(StandardCharsets.US_ASCII);
            default -> new byte[0];
        };
        long before = stored();
        long audited = jdbc.sql("select count(*) from audit_event where entity_type = 'DOCUMENT'").query(Long.class).single();
        assertThatThrownBy(() -> asDemodorp(() -> documents.attach(new Owner("APPLICATION", UUID.randomUUID()), name, content)))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.violations()).singleElement().satisfies(v -> {
                            assertThat(v.field()).isEqualTo("file");
                            assertThat(v.messageKey()).isEqualTo(key);
                            assertThat(messages.getMessage(key, v.args().toArray(), Locale.forLanguageTag("nl"))).isEqualTo(dutch);
                        }));
        assertThat(stored()).isEqualTo(before);
        assertThat(jdbc.sql("select count(*) from audit_event where entity_type = 'DOCUMENT'").query(Long.class).single()).isEqualTo(audited);
    }

    @Test
    void theCheckEndpointAnswersInTheUsersLanguage() throws Exception {
        var exe = new MockMultipartFile("file", "bewijs.pdf", "application/pdf", bytes(0x7F, 'E', 'L', 'F'));
        mvc.perform(multipart("/api/v1/documents/check").file(exe).with(httpBasic("demo-frontdesk", "demo")).header("Accept-Language", "fr"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("file"))
                .andExpect(jsonPath("$.errors[0].message").value(
                        "Ce fichier est un programme, pas une photo ni un PDF. Il est refusé. Envoyez une photo (JPEG, PNG ou HEIC) ou un PDF."));
        var ok = new MockMultipartFile("file", "scan.bin", "application/octet-stream", pdf());
        mvc.perform(multipart("/api/v1/documents/check").file(ok).with(httpBasic("demo-frontdesk", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.contentType").value("application/pdf"));
    }

    @Test
    void aFileAboveTheLimitIsRefusedWithTheLimitAndItsSize() {
        byte[] big = new byte[10 * 1024 * 1024 + 1];
        big[0] = (byte) 0xFF;
        big[1] = (byte) 0xD8;
        big[2] = (byte) 0xFF;
        long before = stored();
        assertThatThrownBy(() -> asDemodorp(() -> documents.attach(new Owner("APPLICATION", UUID.randomUUID()), "groot.jpg", big)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(messages.getMessage(
                        e.violations().get(0).messageKey(), e.violations().get(0).args().toArray(), Locale.forLanguageTag("en")))
                        .isEqualTo("The file is too large: 10 MB at most, this file is 11 MB. Make the photo smaller or send fewer pages at a time."));
        assertThat(stored()).isEqualTo(before);
    }

    /** Through the real server: the servlet's multipart limit refuses 50 MB before any controller, with a clear message. */
    @Test
    void aFiftyMegabyteUploadIsRefusedByTheServerWithALocalizedMessage() throws Exception {
        String boundary = "loket" + UUID.randomUUID();
        var body = new ByteArrayOutputStream(50 * 1024 * 1024 + 1024);
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"video.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        body.writeBytes(new byte[50 * 1024 * 1024]);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        long before = stored();
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                                URI.create("http://127.0.0.1:" + port + "/api/v1/documents/check"))
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("demo-frontdesk:demo".getBytes(StandardCharsets.UTF_8)))
                        .header("Accept-Language", "nl")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(response.body()).contains(
                "Het bestand is te groot: maximaal 10 MB per bestand. Maak de foto kleiner of stuur minder pagina’s tegelijk.")
                .contains("\"errors\"").doesNotContain("Exception");
        assertThat(stored()).isEqualTo(before);
    }

    /**
     * In the staff UI too, with a logged-in session and the CSRF token in the form as a browser sends it:
     * the request is turned away before anything reads its body, to a page that says the limit in the
     * user's language and leads back to the form.
     */
    @Test
    void aFiftyMegabyteUploadInTheStaffUiGetsAPageWithTheMessage() throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager()).build();
        String base = "http://127.0.0.1:" + port;
        String login = browser.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(), HttpResponse.BodyHandlers.ofString()).body();
        browser.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=demo-frontdesk&password=demo&_csrf=" + csrf(login))).build(),
                HttpResponse.BodyHandlers.discarding());
        // French chosen with the language switch: after login it wins over the user's own language (Dutch).
        String page = browser.send(HttpRequest.newBuilder(URI.create(base + "/letters?lang=fr")).header("Accept-Language", "fr").build(),
                HttpResponse.BodyHandlers.ofString()).body();
        String boundary = "loket" + UUID.randomUUID();
        var body = new ByteArrayOutputStream(50 * 1024 * 1024 + 1024);
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrf(page) + "\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"scan.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        body.writeBytes(new byte[50 * 1024 * 1024]);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        HttpResponse<String> response = browser.send(HttpRequest.newBuilder(
                                URI.create(base + "/letters/print-queue/" + UUID.randomUUID() + "/printed"))
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .header("Accept-Language", "fr").header("Referer", base + "/letters")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(response.headers().firstValue("Location")).hasValue("/documents/too-large?back=%2Fletters");
        HttpResponse<String> shown = browser.send(HttpRequest.newBuilder(URI.create(base + "/documents/too-large?back=%2Fletters"))
                .header("Accept-Language", "fr").build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(shown.statusCode()).isEqualTo(200);
        assertThat(shown.body()).contains("<html lang=\"fr\"").contains("Fichier trop grand")
                .contains("<a href=\"/letters\">Retour au formulaire</a>")
                .contains("Le fichier est trop grand : 10 Mo au maximum par fichier. Réduisez la photo ou envoyez moins de pages à la fois.");
    }

    static String csrf(String html) {
        var m = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(html);
        assertThat(m.find()).as("a CSRF token on the page").isTrue();
        return m.group(1);
    }
}
