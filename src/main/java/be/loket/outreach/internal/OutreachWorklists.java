package be.loket.outreach.internal;

import be.loket.audit.AuditLog;
import be.loket.dossier.Dossiers;
import be.loket.eligibility.Eligibility;
import be.loket.eligibility.Right;
import be.loket.outreach.WorklistEntry;
import be.loket.outreach.WorklistInfo;
import be.loket.outreach.Worklists;
import be.loket.person.People;
import be.loket.platform.Chunks;
import be.loket.platform.NotFoundException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The tenant's worklists behind one interface: the rent-arrears contact list and one list per right (ADR 0402). */
@Service
@Transactional
class OutreachWorklists implements Worklists {
    private final ContactWorklist contacts;
    private final RightsWorklists rights;
    private final Eligibility eligibility;
    private final People people;
    private final Dossiers dossiers;
    private final MessageSource messages;
    private final AuditLog audit;

    OutreachWorklists(ContactWorklist contacts, RightsWorklists rights, Eligibility eligibility, People people, Dossiers dossiers,
            MessageSource messages, AuditLog audit) {
        this.contacts = contacts;
        this.rights = rights;
        this.eligibility = eligibility;
        this.people = people;
        this.dossiers = dossiers;
        this.messages = messages;
        this.audit = audit;
    }

    @Override
    public List<WorklistInfo> lists(Locale locale) {
        OutreachAccess.worker();
        int open = contacts.openCount();
        List<WorklistInfo> lists = new ArrayList<>();
        lists.add(new WorklistInfo(RENT_ARREARS, messages.getMessage("outreach.worklist.title", null, locale), open));
        List<WorklistInfo> byRight = new ArrayList<>();
        rights.openCounts().forEach((id, n) -> right(id).ifPresent(r -> byRight.add(new WorklistInfo(id, r.name().in(locale), n))));
        byRight.sort(Comparator.comparing(WorklistInfo::name));
        lists.addAll(byRight);
        return lists;
    }

    @Override
    public List<WorklistEntry> entries(String listKey, Locale locale) {
        return entries(listKey, locale, 0, Integer.MAX_VALUE);
    }

    @Override
    public List<WorklistEntry> entries(String listKey, Locale locale, int offset, int limit) {
        OutreachAccess.worker();
        if (RENT_ARREARS.equals(listKey)) {
            List<ContactWorklist.Entry> rows = contacts.entries(false, offset, limit);
            Map<UUID, UUID> dossierOf = dossiersOf(rows.stream().map(e -> e.row().personId()).filter(Objects::nonNull).toList());
            List<WorklistEntry> result = new ArrayList<>(rows.size());
            for (ContactWorklist.Entry e : rows) {
                result.add(contactEntry(e, dossierOf));
            }
            return result;
        }
        right(listKey).orElseThrow(() -> new NotFoundException("Worklist"));
        List<RightsWorklists.Entry> rows = rights.entries(listKey, offset, limit);
        List<UUID> persons = rows.stream().map(RightsWorklists.Entry::personId).toList();
        Map<UUID, UUID> dossierOf = dossiersOf(persons);
        Map<UUID, String> names = names(persons);
        List<WorklistEntry> result = new ArrayList<>(rows.size());
        for (RightsWorklists.Entry e : rows) {
            result.add(rightEntry(e, names, dossierOf, locale));
        }
        return result;
    }

    @Override
    public WorklistEntry entry(UUID entryId, Locale locale) {
        OutreachAccess.worker();
        Optional<RightsWorklists.Entry> onRight = rights.entry(entryId).filter(e -> right(e.rightId()).isPresent());
        if (onRight.isPresent()) {
            RightsWorklists.Entry e = onRight.get();
            audit.write(AuditLog.Action.READ, "OUTREACH_WORKLIST", entryId, "entry");
            List<UUID> person = List.of(e.personId());
            return rightEntry(e, names(person), dossiersOf(person), locale);
        }
        ContactWorklist.Entry e = contacts.entry(entryId).orElseThrow(() -> new NotFoundException("Worklist entry"));
        UUID person = e.row().personId();
        Map<UUID, UUID> dossierOf = person == null ? Map.of() : dossiersOf(List.of(person));
        audit.write(AuditLog.Action.READ, "OUTREACH_WORKLIST", entryId, "entry");
        return contactEntry(e, dossierOf);
    }

    @Override
    public void setStatus(UUID entryId, WorklistEntry.Status status) {
        OutreachAccess.worker();
        if (!rights.setStatus(entryId, status.name())) {
            contacts.setStatus(entryId, status.name());
        }
    }

    /** The right as the acting user's municipality sees it; empty for a right of another municipality. */
    private Optional<Right> right(String id) {
        try {
            return Optional.of(eligibility.right(id));
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    private Map<UUID, UUID> dossiersOf(List<UUID> persons) {
        return persons.isEmpty() ? Map.of() : dossiers.currentDossierOf(persons);
    }

    private Map<UUID, String> names(List<UUID> persons) {
        Map<UUID, String> names = new HashMap<>();
        for (List<UUID> chunk : Chunks.of(persons, 500)) {
            names.putAll(people.names(chunk));
        }
        return names;
    }

    private WorklistEntry rightEntry(RightsWorklists.Entry e, Map<UUID, String> names, Map<UUID, UUID> dossierOf, Locale locale) {
        RightsWorklists.Explained x = rights.explain(e, locale);
        return new WorklistEntry(e.id(), e.rightId(), e.personId(), names.getOrDefault(e.personId(), ""), dossierOf.get(e.personId()),
                WorklistEntry.Kind.valueOf(e.outcome().name()), x.alreadyMeets(), x.stillToCheck(), null, null,
                WorklistEntry.Status.valueOf(e.status()));
    }

    private static WorklistEntry contactEntry(ContactWorklist.Entry e, Map<UUID, UUID> dossierOf) {
        StoredRow r = e.row();
        String name = (Objects.toString(r.value("FIRST_NAME"), "") + " " + Objects.toString(r.value("LAST_NAME"), "")).strip();
        return new WorklistEntry(e.id(), RENT_ARREARS, r.personId(), name, r.personId() == null ? null : dossierOf.get(r.personId()),
                WorklistEntry.Kind.CONTACT, List.of(), List.of(), e.amount(), e.months(), WorklistEntry.Status.valueOf(e.status().name()));
    }
}
