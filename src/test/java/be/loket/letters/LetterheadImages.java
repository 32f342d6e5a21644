package be.loket.letters;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/** Test helpers for letterhead logos: image XObjects on a PDF page, and a small PNG made on the spot. */
public final class LetterheadImages {
    private LetterheadImages() {
    }

    /** How many image XObjects the page uses, also inside form XObjects. */
    public static int images(PDPage page) throws IOException {
        return images(page.getResources());
    }

    private static int images(PDResources resources) throws IOException {
        if (resources == null) {
            return 0;
        }
        int n = 0;
        for (COSName name : resources.getXObjectNames()) {
            PDXObject x = resources.getXObject(name);
            if (x instanceof PDImageXObject) {
                n++;
            } else if (x instanceof PDFormXObject form) {
                n += images(form.getResources());
            }
        }
        return n;
    }

    /** A fictitious logo: a coloured block of the given size, as PNG. */
    public static byte[] png(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setColor(new Color(0x1f, 0x6f, 0x8b));
        g.fillRect(4, 4, height - 8, height - 8);
        g.dispose();
        try (var out = new ByteArrayOutputStream()) {
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
