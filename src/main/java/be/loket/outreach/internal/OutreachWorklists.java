package be.loket.outreach.internal;

import be.loket.audit.AuditLog;
import be.loket.dossier.Dossiers;
import be.loket.outreach.WorklistEntry;
import be.loket.outreach.WorklistInfo;
import be.loket.outreach.Worklists;
import be.loket.platform.Actor;
import be.loket.platform.NotFoundException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The tenant's worklists behind one interface: the rent-arrears contact list (and the rights worklists). */
@Service
@Transactional
class OutreachWorklists implements Worklists {
    private final ContactWorklist contacts;
    private final Dossiers dossiers;
    private final MessageSource messages;
    private final AuditLog audit;

    OutreachWorklists(ContactWorklist contacts, Dossiers dossiers, MessageSource messages, AuditLog audit) {
        this.contacts = contacts;
        this.dossiers = dossiers;
        this.messages = messages;
        this.audit = audit;
    }

    @Override
    public List<WorklistInfo> lists(Locale locale) {
        OutreachAccess.worker();
        int open = (int) contacts.entries(false).stream().filter(e -> e.status() == ContactWorklist.Status.OPEN).count();
        return List.of(new WorklistInfo(RENT_ARREARS, messages.getMessage("outreach.worklist.title", null, locale), open));
    }

    @Override
    public List<WorklistEntry> entries(String listKey, Locale locale) {
        OutreachAccess.worker();
        if (!RENT_ARREARS.equals(listKey)) {
            throw new NotFoundException("Worklist");
        }
        List<ContactWorklist.Entry> rows = contacts.entries(false);
        Map<UUID, UUID> dossierOf = dossiers.currentDossierOf(rows.stream().map(e -> e.row().personId()).filter(Objects::nonNull).toList());
        List<WorklistEntry> result = new ArrayList<>(rows.size());
        for (ContactWorklist.Entry e : rows) {
            result.add(contactEntry(e, dossierOf));
        }
        return result;
    }

    @Override
    public WorklistEntry entry(UUID entryId, Locale locale) {
        OutreachAccess.worker();
        ContactWorklist.Entry e = contacts.entries(true).stream().filter(x -> x.id().equals(entryId)).findFirst()
                .orElseThrow(() -> new NotFoundException("Worklist entry"));
        UUID person = e.row().personId();
        Map<UUID, UUID> dossierOf = person == null ? Map.of() : dossiers.currentDossierOf(List.of(person));
        audit.write(AuditLog.Action.READ, "OUTREACH_WORKLIST", entryId, "entry");
        return contactEntry(e, dossierOf);
    }

    @Override
    public void setStatus(UUID entryId, WorklistEntry.Status status) {
        Actor actor = OutreachAccess.worker();
        Objects.requireNonNull(actor);
        contacts.setStatus(entryId, status.name());
    }

    private static WorklistEntry contactEntry(ContactWorklist.Entry e, Map<UUID, UUID> dossierOf) {
        StoredRow r = e.row();
        String name = (Objects.toString(r.value("FIRST_NAME"), "") + " " + Objects.toString(r.value("LAST_NAME"), "")).strip();
        return new WorklistEntry(e.id(), RENT_ARREARS, r.personId(), name, r.personId() == null ? null : dossierOf.get(r.personId()),
                WorklistEntry.Kind.CONTACT, List.of(), List.of(), e.amount(), e.months(), WorklistEntry.Status.valueOf(e.status().name()));
    }
}
