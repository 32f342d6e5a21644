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
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.multipdf.PDFMergerUtility;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDDocumentOutline;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
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

    public Batch print(UUID campaignId, Locale staffLocale) {
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
            batch.getDocumentInformation().setTitle(messages.getMessage("campaigns.letters.batchTitle", new Object[] {campaign.name()},
                    staffLocale));
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

    /** The worklist row in the person's language; gone (purged with its list) means the general invitation. */
    private WorklistEntry entry(Member m, Person person) {
        try {
            return worklists.entry(m.entryId(), Locale.forLanguageTag(InvitationValues.language(person)));
        } catch (NotFoundException purged) {
            return null;
        }
    }
}
