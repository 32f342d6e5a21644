package be.loket.documents.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The link back from the "too large" page stays on this site, whatever the Referer or parameter says. */
class UploadTooLargeControllerTests {

    @Test
    void theLinkBackIsAlwaysALocalPath() {
        assertThat(UploadTooLargeController.safeBack("http://127.0.0.1:8080/persons/1?tab=docs", "")).isEqualTo("/persons/1?tab=docs");
        assertThat(UploadTooLargeController.safeBack("https://elders.example/steal", "")).isEqualTo("/steal");
        assertThat(UploadTooLargeController.safeBack("//elders.example/steal", "")).as("the host is dropped").isEqualTo("/steal");
        assertThat(UploadTooLargeController.safeBack("/\\elders.example", "")).isNull();
        assertThat(UploadTooLargeController.safeBack("javascript:alert(1)", "")).isNull();
        assertThat(UploadTooLargeController.safeBack("/loket/letters", "/loket")).isEqualTo("/letters");
        assertThat(UploadTooLargeController.safeBack(null, "")).isNull();
    }
}
