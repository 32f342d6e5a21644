package be.loket.applications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import be.loket.support.LoketTest;
import be.loket.support.Staff;
import java.io.ByteArrayOutputStream;
import java.util.UUID;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockMultipartFile;

/** Proofs uploaded at the desk go through the documents module: checked by content, nothing kept when refused, served only to readers. */
@LoketTest
class ProofUploadTests extends ApplicationTestBase {

    static byte[] pdf() throws Exception {
        try (PDDocument doc = new PDDocument(); var out = new ByteArrayOutputStream()) {
            doc.addPage(new PDPage());
            doc.save(out);
            return out.toByteArray();
        }
    }

    long documentsOf(UUID application) {
        return jdbc.sql("select count(*) from document where owner_type = 'APPLICATION' and owner_id = ?").param(application)
                .query(Long.class).single();
    }

    @Test
    void aRenamedProgramIsRefusedAndAPdfBecomesTheReceivedProof() throws Exception {
        UUID id = fx.as("demo-socialworker", () -> applications.start(new StartApplication(fx.freshPerson(), "huurtoelage", null)));
        UUID proof = fx.as("demo-socialworker", () -> applications.get(id)).proofs().get(0).id();
        long v = fx.version(id);
        byte[] elf = new byte[64];
        elf[0] = 0x7f;
        elf[1] = 'E';
        elf[2] = 'L';
        elf[3] = 'F';
        mvc.perform(multipart("/applications/" + id + "/proofs/" + proof + "/upload")
                        .file(new MockMultipartFile("file", "huurcontract.pdf", "application/pdf", elf)).param("version", "" + v)
                        .with(Staff.as(users, "demo-socialworker")).with(csrf()).header("Accept-Language", "nl"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Dit bestand is een programma, geen foto of PDF.")));
        assertThat(documentsOf(id)).isZero();
        assertThat(fx.version(id)).isEqualTo(v);

        mvc.perform(multipart("/applications/" + id + "/proofs/" + proof + "/upload")
                        .file(new MockMultipartFile("file", "huurcontract.pdf", "application/octet-stream", pdf())).param("version", "" + v)
                        .with(Staff.as(users, "demo-socialworker")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        ApplicationView.Proof received = fx.as("demo-socialworker", () -> applications.get(id)).proofs().get(0);
        assertThat(received.status()).isEqualTo(ProofStatus.RECEIVED);
        assertThat(received.documentId()).isNotNull();
        assertThat(documentsOf(id)).isEqualTo(1);

        String url = "/applications/" + id + "/documents/" + received.documentId();
        mvc.perform(get(url).with(Staff.as(users, "demo-socialworker"))).andExpect(status().isOk())
                .andExpect(content().contentType("application/pdf"));
        mvc.perform(get(url).with(Staff.as(users, "demo-socialworker-v"))).andExpect(status().isNotFound());
        mvc.perform(get(url).with(Staff.as(users, "demo-partner"))).andExpect(status().isNotFound());
        mvc.perform(get("/applications/" + id + "/documents/" + UUID.randomUUID()).with(Staff.as(users, "demo-socialworker")))
                .andExpect(status().isNotFound());
    }
}
