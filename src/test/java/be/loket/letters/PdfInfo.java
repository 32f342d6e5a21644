package be.loket.letters;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * The real {@code pdfinfo} (Debian poppler-utils) on a PDF, as the issue asks: what an outside tool
 * says, not what our own renderer believes. Missing pdfinfo is an error, never a skip.
 */
public final class PdfInfo {
    private PdfInfo() {
    }

    /** pdfinfo's report on the PDF; throws when pdfinfo is missing or fails. */
    public static String of(byte[] pdf) throws IOException, InterruptedException {
        Path file = Files.createTempFile("loket-", ".pdf");
        try {
            Files.write(file, pdf);
            Process p = new ProcessBuilder("/usr/bin/pdfinfo", file.toString()).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("pdfinfo failed: " + out);
            }
            return out;
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** The text of the last page, through PDFBox. */
    public static String lastPage(byte[] pdf) throws IOException {
        try (var doc = Loader.loadPDF(pdf)) {
            var stripper = new PDFTextStripper();
            stripper.setStartPage(doc.getNumberOfPages());
            stripper.setEndPage(doc.getNumberOfPages());
            return stripper.getText(doc);
        }
    }

    /** The whole text, through PDFBox. */
    public static String text(byte[] pdf) throws IOException {
        try (var doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        }
    }
}
