package be.loket.letters.internal;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * XHTML to tagged PDF (PDF/UA) with openhtmltopdf. PDF/UA forbids the standard PDF fonts, so every
 * glyph comes from DejaVu Sans, embedded (subset) from the Debian package fonts-dejavu. Without the
 * fonts no letter can be made: the error says which file is missing and which package to install.
 */
public final class PdfRenderer {
    public static final String FONT_FAMILY = "DejaVu Sans";
    private record Face(String file, int weight, FontStyle style) {
    }

    private static final List<Face> FACES = List.of(new Face("DejaVuSans.ttf", 400, FontStyle.NORMAL),
            new Face("DejaVuSans-Bold.ttf", 700, FontStyle.NORMAL), new Face("DejaVuSans-Oblique.ttf", 400, FontStyle.ITALIC),
            new Face("DejaVuSans-BoldOblique.ttf", 700, FontStyle.ITALIC));

    private final Path fontDir;

    public PdfRenderer(Path fontDir) {
        this.fontDir = fontDir;
    }

    /** The font files that are missing; empty when letters can be rendered. */
    public List<Path> missingFonts() {
        return FACES.stream().map(f -> fontDir.resolve(f.file())).filter(p -> !Files.isReadable(p)).toList();
    }

    public byte[] render(String xhtml) {
        List<Path> missing = missingFonts();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("Cannot render letters: font file(s) " + missing
                    + " missing. Install the Debian package fonts-dejavu or set loket.letters.font-dir.");
        }
        try (var out = new ByteArrayOutputStream()) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.usePdfUaAccessibility(true);
            for (Face f : FACES) {
                builder.useFont(fontDir.resolve(f.file()).toFile(), FONT_FAMILY, f.weight(), f.style(), true);
            }
            builder.withHtmlContent(xhtml, null);
            builder.toStream(out);
            builder.run();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
