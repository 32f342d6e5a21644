package be.loket.documents.internal;

import be.loket.documents.Inspection;
import be.loket.platform.FieldViolation;
import be.loket.platform.InvalidInputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;

/**
 * Decides what a file is from its first bytes, never from its name or the browser's content type:
 * JPEG, PNG, HEIC/HEIF and PDF are accepted; a PDF must also open in PDFBox. Anything else, and in
 * particular a program or script renamed to .pdf or .jpg, is refused with a message saying why.
 */
public final class ContentInspector {
    private static final Set<String> HEIC_BRANDS = Set.of("heic", "heix");
    private static final Set<String> HEIF_BRANDS = Set.of("mif1");
    private static final long MB = 1024L * 1024L;

    private final long maxBytes;

    public ContentInspector(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    public long maxMegabytes() {
        return maxBytes / MB;
    }

    /** The accepted file's type and checksum; otherwise an {@link InvalidInputException} on field {@code file}. */
    public Inspection inspect(byte[] content) {
        if (content == null || content.length == 0) {
            throw refused("documents.empty");
        }
        if (content.length > maxBytes) {
            throw refused("documents.tooLarge", maxMegabytes(), megabytes(content.length));
        }
        String type = typeOf(content);
        if ("application/pdf".equals(type)) {
            checkPdfOpens(content);
        }
        return new Inspection(type, content.length, sha256(content));
    }

    private static String typeOf(byte[] b) {
        if (startsWith(b, 0xFF, 0xD8, 0xFF)) {
            return "image/jpeg";
        }
        if (startsWith(b, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return "image/png";
        }
        if (startsWith(b, '%', 'P', 'D', 'F', '-')) {
            return "application/pdf";
        }
        // ISO base media file: a box size, then "ftyp" and the major brand.
        if (b.length >= 12 && ascii(b, 4, 4).equals("ftyp")) {
            String brand = ascii(b, 8, 4);
            if (HEIC_BRANDS.contains(brand)) {
                return "image/heic";
            }
            if (HEIF_BRANDS.contains(brand)) {
                return "image/heif";
            }
        }
        if (startsWith(b, 0x7F, 'E', 'L', 'F') || startsWith(b, 'M', 'Z') || startsWith(b, '#', '!')
                || startsWith(b, 0xCA, 0xFE, 0xBA, 0xBE) || startsWith(b, 0xCF, 0xFA, 0xED, 0xFE)
                || startsWith(b, 0xCE, 0xFA, 0xED, 0xFE)) {
            throw refused("documents.executable");
        }
        throw refused("documents.typeNotAllowed");
    }

    private static void checkPdfOpens(byte[] content) {
        try (PDDocument pdf = Loader.loadPDF(content)) {
            if (pdf.getNumberOfPages() < 1) {
                throw refused("documents.corruptPdf");
            }
        } catch (InvalidPasswordException e) {
            throw refused("documents.protectedPdf");
        } catch (IOException | RuntimeException e) {
            if (e instanceof InvalidInputException invalid) {
                throw invalid;
            }
            throw refused("documents.corruptPdf");
        }
    }

    private static boolean startsWith(byte[] b, int... magic) {
        if (b.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((b[i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }

    private static String ascii(byte[] b, int from, int length) {
        return new String(b, from, length, StandardCharsets.ISO_8859_1);
    }

    /** Rounded up, so that 10.2 MB never reads as "10 MB" next to a limit of 10 MB. */
    private static long megabytes(long bytes) {
        return (bytes + MB - 1) / MB;
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    private static InvalidInputException refused(String key, Object... args) {
        return new InvalidInputException(new FieldViolation("file", key, args));
    }
}
