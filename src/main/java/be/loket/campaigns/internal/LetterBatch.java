package be.loket.campaigns.internal;

import be.loket.audit.AuditLog;
import be.loket.letters.LetterDispatch;
import be.loket.letters.LetterRequest;
import be.loket.letters.Letters;
import be.loket.outreach.WorklistEntry;
import be.loket.outreach.Worklists;
import be.loket.person.People;
import be.loket.person.Person;
import be.loket.platform.InvalidInputException;
import be.loket.platform.NotFoundException;
import be.loket.platform.web.I18nConfig;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import javax.xml.transform.TransformerException;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.multipdf.PDFMergerUtility;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDMarkInfo;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureTreeRoot;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDDocumentOutline;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.pdmodel.interactive.viewerpreferences.PDViewerPreferences;
import org.apache.xmpbox.XMPMetadata;
import org.apache.xmpbox.schema.DublinCoreSchema;
import org.apache.xmpbox.xml.DomXmpParser;
import org.apache.xmpbox.xml.XmpParsingException;
import org.apache.xmpbox.xml.XmpSerializer;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * All letters of a campaign as one printable PDF: each rendered by the letters module in the person's
 * language with its variant's letterhead (with or without the municipality's logo), grouped by variant,
 * with a bookmark per letter. Deliberately not one transaction: a worklist row purged meanwhile must not spoil the batch.
 */
@Service
public class LetterBatch {
    /** The merged PDF and how many letters it holds. */
    public record Batch(String fileName, byte[] pdf, int letters) {
    }

    private final Campaigns campaigns;
    private final InvitationValues letterValues;
    private final Letters letters;
    private final People people;
    private final Worklists worklists;
    private final MessageSource messages;
    private final AuditLog audit;

    LetterBatch(Campaigns campaigns, InvitationValues letterValues, Letters letters, People people, Worklists worklists,
            MessageSource messages, AuditLog audit) {
        this.campaigns = campaigns;
        this.letterValues = letterValues;
        this.letters = letters;
        this.people = people;
        this.worklists = worklists;
        this.messages = messages;
        this.audit = audit;
    }

    public Batch print(UUID campaignId) {
        Campaign campaign = campaigns.get(campaignId);
        List<Member> recipients = campaigns.members(campaignId).stream().filter(m -> m.method() == ContactMethod.LETTER)
                .sorted(Comparator.comparing((Member m) -> m.variant() == null ? -1 : m.variant())).toList();
        if (recipients.isEmpty()) {
            throw new InvalidInputException(new be.loket.platform.FieldViolation("letters", "campaigns.letters.none"));
        }
        InvitationValues.Sender sender = letterValues.sender(campaign);
        List<PDDocument> open = new ArrayList<>();
        try (var out = new ByteArrayOutputStream()) {
            PDDocument batch = null;
            PDDocumentOutline outline = new PDDocumentOutline();
            var merger = new PDFMergerUtility();
            for (Member m : recipients) {
                Person person = people.get(m.personId());
                byte[] pdf = letters.render(new LetterRequest(InvitationValues.TEMPLATE, InvitationValues.language(person),
                        letterValues.values(campaign, sender, person, entry(m, person)), person.fullName(), LetterDispatch.address(person),
                        campaign.closedEnvelope(), campaign.letterheadOf(m.variant()))).pdf();
                PDDocument letter = Loader.loadPDF(pdf);
                open.add(letter);
                tagLanguage(letter, InvitationValues.language(person));
                int firstPage = batch == null ? 0 : batch.getNumberOfPages();
                if (batch == null) {
                    batch = letter;
                } else {
                    merger.appendDocument(batch, letter);
                }
                PDOutlineItem item = new PDOutlineItem();
                item.setTitle(m.variantName() == null ? person.fullName() : person.fullName() + " – " + m.variantName());
                item.setDestination(batch.getPage(firstPage));
                outline.addLast(item);
            }
            batch.getDocumentCatalog().setDocumentOutline(outline);
            describe(batch, messages.getMessage("campaigns.letters.batchTitle", new Object[] {campaign.name()}, I18nConfig.DEFAULT));
            batch.save(out);
            campaigns.markLettersPrinted(campaignId);
            audit.write(AuditLog.Action.EXPORT, Campaigns.AUDIT_CAMPAIGN, campaignId, "letter batch letters=" + recipients.size());
            return new Batch("campagne-brieven.pdf", out.toByteArray(), recipients.size());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            for (PDDocument d : open) {
                try {
                    d.close();
                } catch (IOException ignored) {
                    // closing an in-memory document cannot lose data
                }
            }
        }
    }

    /**
     * Marks the letter's own structure root (what becomes its part of the batch) with the letter's language, so that
     * a screen reader switches language per letter while the batch as a whole is in the municipality's language.
     */
    static void tagLanguage(PDDocument letter, String language) {
        PDStructureTreeRoot root = letter.getDocumentCatalog().getStructureTreeRoot();
        if (root == null) {
            throw new IllegalStateException("letters are rendered tagged; this one has no structure tree");
        }
        for (Object kid : root.getKids()) {
            if (kid instanceof PDStructureElement element) {
                element.setLanguage(language);
            }
        }
    }

    /**
     * The batch's own metadata instead of the first letter's: its title (document information and XMP, which viewers
     * prefer), shown instead of the file name, the municipality's language, and still marked as tagged.
     */
    static void describe(PDDocument batch, String title) throws IOException {
        PDDocumentCatalog catalog = batch.getDocumentCatalog();
        batch.getDocumentInformation().setTitle(title);
        catalog.setLanguage(I18nConfig.DEFAULT.toLanguageTag());
        PDViewerPreferences preferences = catalog.getViewerPreferences() == null
                ? new PDViewerPreferences(new COSDictionary()) : catalog.getViewerPreferences();
        preferences.setDisplayDocTitle(true);
        catalog.setViewerPreferences(preferences);
        PDMarkInfo mark = catalog.getMarkInfo() == null ? new PDMarkInfo() : catalog.getMarkInfo();
        mark.setMarked(true);
        catalog.setMarkInfo(mark);
        catalog.setMetadata(xmpWithTitle(batch, catalog.getMetadata(), title));
    }

    /** The letter's XMP (PDF/UA identification and all) with dc:title replaced; a fresh one when the letter had none. */
    private static PDMetadata xmpWithTitle(PDDocument batch, PDMetadata existing, String title) throws IOException {
        XMPMetadata xmp;
        try {
            if (existing == null) {
                xmp = XMPMetadata.createXMPMetadata();
            } else {
                DomXmpParser parser = new DomXmpParser();
                parser.setStrictParsing(false);
                try (InputStream in = existing.exportXMPMetadata()) {
                    xmp = parser.parse(in);
                }
            }
            DublinCoreSchema dc = xmp.getDublinCoreSchema() == null ? xmp.createAndAddDublinCoreSchema() : xmp.getDublinCoreSchema();
            if (dc.getTitleProperty() != null) {
                dc.removeProperty(dc.getTitleProperty());
            }
            dc.setTitle(title);
            var bytes = new ByteArrayOutputStream();
            new XmpSerializer().serialize(xmp, bytes, true);
            PDMetadata metadata = new PDMetadata(batch);
            metadata.importXMPMetadata(bytes.toByteArray());
            return metadata;
        } catch (XmpParsingException | TransformerException e) {
            throw new IOException("cannot rewrite the XMP title of the letter batch", e);
        }
    }

    /** The worklist row in the person's language; gone (purged with its list) means the general invitation. */
    private WorklistEntry entry(Member m, Person person) {
        try {
            return worklists.entry(m.entryId(), Locale.forLanguageTag(InvitationValues.language(person)));
        } catch (NotFoundException purged) {
            return null;
        }
    }
}
