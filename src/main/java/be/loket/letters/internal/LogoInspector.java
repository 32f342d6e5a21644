package be.loket.letters.internal;

import be.loket.platform.FieldViolation;
import be.loket.platform.InvalidInputException;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.batik.transcoder.SVGAbstractTranscoder;
import org.apache.batik.transcoder.TranscoderException;
import org.apache.batik.transcoder.TranscoderInput;
import org.apache.batik.transcoder.TranscoderOutput;
import org.apache.batik.transcoder.image.PNGTranscoder;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Checks an uploaded letterhead logo by its content, like the documents module does for uploads: a PNG
 * must decode as an image; an SVG must be plain XML without a DTD, script, event handlers, embedded
 * foreign content or any reference outside itself. Refused, never "cleaned": an administrator sees why
 * and can export a simpler file. An accepted SVG is drawn once to PNG here, so rendering a letter never
 * parses SVG and every logo reaches the PDF as one image with alternative text.
 */
public final class LogoInspector {
    public static final int MAX_BYTES = 200 * 1024;
    /** Width the SVG is drawn at: sharp at the 50 mm the letterhead gives it, small in every PDF. */
    static final float SVG_WIDTH_PX = 600;
    private static final int MAX_PIXELS = 4000;
    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
    private static final Set<String> FORBIDDEN_ELEMENTS = Set.of("script", "foreignobject", "iframe", "embed", "object",
            "handler", "listener", "animation", "audio", "video");
    private static final Pattern EXTERNAL_CSS = Pattern.compile("(?i)(@import|url\\(\\s*['\"]?\\s*(?!#))");

    /** An accepted logo: the PNG the letters use, and the type that was uploaded. */
    public record Checked(String uploadedType, byte[] png, int width, int height) {
    }

    private LogoInspector() {
    }

    public static Checked inspect(byte[] content) {
        if (content == null || content.length == 0) {
            throw refused("letters.logo.empty");
        }
        if (content.length > MAX_BYTES) {
            throw refused("letters.logo.tooLarge", MAX_BYTES / 1024, (content.length + 1023) / 1024);
        }
        if (isPng(content)) {
            BufferedImage image = decode(content);
            return new Checked("image/png", content, image.getWidth(), image.getHeight());
        }
        if (looksLikeSvg(content)) {
            Float height = checkSvg(content);
            byte[] png = draw(content, height);
            BufferedImage image = decode(png);
            return new Checked("image/svg+xml", png, image.getWidth(), image.getHeight());
        }
        throw refused("letters.logo.type");
    }

    private static boolean isPng(byte[] b) {
        return b.length >= PNG_MAGIC.length && java.util.Arrays.equals(b, 0, PNG_MAGIC.length, PNG_MAGIC, 0, PNG_MAGIC.length);
    }

    private static boolean looksLikeSvg(byte[] b) {
        String head = new String(b, 0, Math.min(b.length, 1024), StandardCharsets.UTF_8).strip().toLowerCase(Locale.ROOT);
        if (head.startsWith("\ufeff")) {
            head = head.substring(1);
        }
        return (head.startsWith("<?xml") || head.startsWith("<svg") || head.startsWith("<!--") || head.startsWith("<!doctype"))
                && head.contains("<svg");
    }

    private static BufferedImage decode(byte[] png) {
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
            if (image == null || image.getWidth() < 1 || image.getHeight() < 1) {
                throw refused("letters.logo.corrupt");
            }
            if (image.getWidth() > MAX_PIXELS || image.getHeight() > MAX_PIXELS) {
                throw refused("letters.logo.tooManyPixels", MAX_PIXELS);
            }
            return image;
        } catch (IOException | RuntimeException e) {
            if (e instanceof InvalidInputException invalid) {
                throw invalid;
            }
            throw refused("letters.logo.corrupt");
        }
    }

    /** Checks the SVG; returns the height to draw at when only a viewBox gives its proportions (else null: Batik knows). */
    private static Float checkSvg(byte[] content) {
        if (new String(content, StandardCharsets.UTF_8).toLowerCase(Locale.ROOT).contains("<!doctype")) {
            // A DTD can declare entities that reach outside the file; a logo needs none.
            throw refused("letters.logo.svgExternal");
        }
        Document doc = parse(content);
        Element root = doc.getDocumentElement();
        if (!"svg".equals(localName(root))) {
            throw refused("letters.logo.svgInvalid");
        }
        check(root);
        String[] box = root.getAttribute("viewBox").strip().split("[\\s,]+");
        if (root.getAttribute("height").isBlank() && box.length == 4) {
            try {
                float w = Float.parseFloat(box[2]);
                float h = Float.parseFloat(box[3]);
                return w > 0 && h > 0 ? SVG_WIDTH_PX * h / w : null;
            } catch (NumberFormatException e) {
                throw refused("letters.logo.svgInvalid");
            }
        }
        return null;
    }

    private static void check(Element e) {
        String name = localName(e).toLowerCase(Locale.ROOT);
        if (FORBIDDEN_ELEMENTS.contains(name)) {
            throw refused("script".equals(name) || "handler".equals(name) || "listener".equals(name) ? "letters.logo.svgScript"
                    : "letters.logo.svgExternal");
        }
        NamedNodeMap attributes = e.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Node a = attributes.item(i);
            String attr = (a.getLocalName() == null ? a.getNodeName() : a.getLocalName()).toLowerCase(Locale.ROOT);
            String value = a.getNodeValue() == null ? "" : a.getNodeValue().strip();
            if (attr.startsWith("on")) {
                throw refused("letters.logo.svgScript");
            }
            if (value.toLowerCase(Locale.ROOT).startsWith("javascript:")) {
                throw refused("letters.logo.svgScript");
            }
            if ((attr.equals("href") || attr.equals("src")) && !value.startsWith("#")) {
                throw refused("letters.logo.svgExternal");
            }
            if (EXTERNAL_CSS.matcher(value).find()) {
                throw refused("letters.logo.svgExternal");
            }
        }
        if ("style".equals(name) && EXTERNAL_CSS.matcher(e.getTextContent()).find()) {
            throw refused("letters.logo.svgExternal");
        }
        NodeList kids = e.getChildNodes();
        for (int i = 0; i < kids.getLength(); i++) {
            if (kids.item(i) instanceof Element child) {
                check(child);
            }
        }
    }

    private static Document parse(byte[] content) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            DocumentBuilder builder = f.newDocumentBuilder();
            builder.setErrorHandler(null);
            return builder.parse(new ByteArrayInputStream(content));
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("The JDK's XML parser lacks a standard feature", e);
        } catch (SAXException | IOException e) {
            throw refused("letters.logo.svgInvalid");
        }
    }

    /** Draws the checked SVG; Batik gets no document URI, so it has nothing relative to resolve either. */
    private static byte[] draw(byte[] svg, Float height) {
        try (var out = new ByteArrayOutputStream()) {
            PNGTranscoder transcoder = new PNGTranscoder();
            transcoder.addTranscodingHint(SVGAbstractTranscoder.KEY_WIDTH, SVG_WIDTH_PX);
            if (height != null) {
                transcoder.addTranscodingHint(SVGAbstractTranscoder.KEY_HEIGHT, height);
            }
            transcoder.addTranscodingHint(SVGAbstractTranscoder.KEY_EXECUTE_ONLOAD, Boolean.FALSE);
            transcoder.addTranscodingHint(SVGAbstractTranscoder.KEY_ALLOW_EXTERNAL_RESOURCES, Boolean.FALSE);
            transcoder.transcode(new TranscoderInput(new ByteArrayInputStream(svg)), new TranscoderOutput(out));
            return out.toByteArray();
        } catch (TranscoderException | IOException | RuntimeException e) {
            throw refused("letters.logo.svgInvalid");
        }
    }

    private static String localName(Node n) {
        return n.getLocalName() == null ? n.getNodeName() : n.getLocalName();
    }

    private static InvalidInputException refused(String key, Object... args) {
        return new InvalidInputException(new FieldViolation("file", key, args));
    }
}
