package be.loket.letters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.loket.letters.internal.PdfRenderer;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Without the embedded fonts no letter is made, and the error says what to install. */
class PdfRendererTests {

    @Test
    void missingFontsFailWithTheFileAndThePackageToInstall() {
        var renderer = new PdfRenderer(Path.of("/nonexistent/fonts"));
        assertThat(renderer.missingFonts()).hasSize(4).contains(Path.of("/nonexistent/fonts/DejaVuSans.ttf"));
        assertThatThrownBy(() -> renderer.render("<html lang=\"nl\"><head><title>x</title></head><body><p>x</p></body></html>"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("/nonexistent/fonts/DejaVuSans.ttf")
                .hasMessageContaining("fonts-dejavu");
    }

    @Test
    void theDebianFontsArePresentOnThisMachine() {
        assertThat(new PdfRenderer(Path.of("/usr/share/fonts/truetype/dejavu")).missingFonts()).isEmpty();
    }
}
