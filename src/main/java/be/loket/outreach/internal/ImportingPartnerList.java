package be.loket.outreach.internal;

import be.loket.audit.AuditLog;
import be.loket.outreach.ListType;
import be.loket.outreach.PartnerFactsRecorded;
import be.loket.platform.Actor;
import be.loket.platform.FieldViolation;
import be.loket.platform.InvalidInputException;
import be.loket.platform.MultiRowInsert;
import be.loket.platform.NotFoundException;
import be.loket.platform.Texts;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Upload, map, preview and import a partner list. The import is one transaction: with the default mode
 * a single bad row refuses the whole file and nothing is saved; the user may choose to import the valid
 * rows only. A file (same content) or a row (same values) that was imported before adds nothing.
 */
@Service
@Transactional
public class ImportingPartnerList {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ImportingPartnerList.class);
    static final int PREVIEW_ROWS = 10;
    static final int BATCH = 1000;

    public enum Mode { ALL, VALID_ONLY }

    /** Where a running import is: rows read from the file, rows checked, rows matched and stored. */
    public enum Phase { PARSED, VALIDATED, MATCHED }

    /** Told after each phase and every batch of matched rows, e.g. to show the progress of a background import. */
    @FunctionalInterface
    public interface Progress {
        Progress NONE = (phase, done, total) -> {
        };

        void at(Phase phase, int done, int total);
    }

    public record Upload(UUID id, Agreement agreement, ListType listType, String fileName, String fileHash, OffsetDateTime uploadedAt) {
    }

    /** What the user sees before choosing: how the file was read, the mapping, the first rows and every problem. */
    public record Preview(Upload upload, TableReader.Table table, Map<ListField, String> mapping, List<ListField> fields,
            List<ListField> missingRequired, List<TableReader.SourceRow> firstRows, RowChecker.Checked checked,
            Optional<ImportSummary> alreadyImported) {
        public boolean canImportAll() {
            return missingRequired.isEmpty() && checked.errors().isEmpty() && !checked.valid().isEmpty();
        }

        public boolean canImportValidOnly() {
            return missingRequired.isEmpty() && !checked.errors().isEmpty() && !checked.valid().isEmpty();
        }
    }

    public record ImportSummary(UUID id, UUID partnerId, ListType listType, String fileName, Mode mode, int rowsRead,
            int rowsImported, int rowsInvalid, int rowsKnown, OffsetDateTime importedAt, String importedBy, LocalDate purgeAfter,
            OffsetDateTime purgedAt) {
    }

    public record ImportResult(ImportSummary summary, List<RowChecker.RowError> errors, Map<StoredRow.MatchStatus, Integer> matches) {
    }

    private final JdbcClient jdbc;
    private final Agreements agreements;
    private final PersonMatcher matcher;
    private final FactRecorder facts;
    private final AuditLog audit;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final JdbcTemplate jdbcTemplate;

    ImportingPartnerList(JdbcClient jdbc, JdbcTemplate jdbcTemplate, Agreements agreements, PersonMatcher matcher, FactRecorder facts,
            AuditLog audit, Clock clock, ApplicationEventPublisher events) {
        this.events = events;
        this.jdbcTemplate = jdbcTemplate;
        this.jdbc = jdbc;
        this.agreements = agreements;
        this.matcher = matcher;
        this.facts = facts;
        this.audit = audit;
        this.clock = clock;
    }

    /** Keeps the file for mapping and preview; refuses at once what is not a readable list or not covered by the agreement. */
    public UUID upload(UUID agreementId, String listType, String fileName, byte[] content) {
        Actor actor = OutreachAccess.worker();
        List<FieldViolation> problems = new ArrayList<>();
        Agreement agreement = null;
        if (agreementId == null) {
            problems.add(new FieldViolation("agreementId", "validation.required"));
        } else {
            agreement = agreements.get(agreementId);
            if (!agreement.activeOn(LocalDate.now(clock))) {
                problems.add(new FieldViolation("agreementId", "outreach.upload.agreementInactive"));
            }
        }
        ListType type = listType == null ? null : Agreements.parseEnum(ListType.class, listType);
        if (type == null) {
            problems.add(new FieldViolation("listType", "validation.required"));
        } else if (agreement != null && !agreement.listTypes().contains(type)) {
            problems.add(new FieldViolation("listType", "outreach.upload.notInAgreement"));
        }
        if (content == null || content.length == 0) {
            problems.add(new FieldViolation("file", "outreach.file.required"));
        } else {
            try {
                TableReader.read(content);
            } catch (InvalidInputException e) {
                problems.addAll(e.violations());
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        UUID id = UUID.randomUUID();
        String name = Optional.ofNullable(Texts.trimToNull(fileName)).map(n -> n.length() > 255 ? n.substring(0, 255) : n).orElse("lijst");
        jdbc.sql("""
                insert into outreach_upload (id, tenant_id, agreement_id, list_type, file_name, content, file_hash, uploaded_at, uploaded_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, actor.tenantId(), agreementId, type.name(), name, content, RowChecker.sha256(content),
                        OffsetDateTime.now(clock), actor.username())
                .update();
        audit.write(AuditLog.Action.CREATE, "OUTREACH_UPLOAD", id, type + " " + name);
        return id;
    }

    /** Reads the upload with the given mapping, or the one saved for this partner, or one guessed from the headers. */
    public Preview preview(UUID uploadId, Map<ListField, String> requestedMapping) {
        return preview(uploadId, requestedMapping, Progress.NONE);
    }

    private Preview preview(UUID uploadId, Map<ListField, String> requestedMapping, Progress progress) {
        Actor actor = OutreachAccess.worker();
        Upload upload = upload(actor, uploadId);
        byte[] content = jdbc.sql("select content from outreach_upload where id = ? and tenant_id = ?").params(uploadId, actor.tenantId())
                .query(byte[].class).single();
        TableReader.Table table = TableReader.read(content);
        progress.at(Phase.PARSED, table.rows().size(), table.rows().size());
        Layout layout = Layout.of(upload.listType());
        List<ListField> fields = layout.fields().stream().filter(upload.agreement().fields()::contains).toList();
        Map<ListField, String> mapping = requestedMapping != null ? requestedMapping
                : remembered(savedMapping(actor, upload).orElse(Map.of()), table.headers(), fields);
        Map<ListField, String> clean = new EnumMap<>(ListField.class);
        Map<ListField, Integer> columns = new EnumMap<>(ListField.class);
        for (ListField f : fields) {
            String header = mapping.get(f);
            int column = header == null ? -1 : table.headers().indexOf(header);
            if (column >= 0) {
                clean.put(f, header);
                columns.put(f, column);
            }
        }
        List<ListField> missing = layout.required().stream().filter(f -> !columns.containsKey(f)).toList();
        RowChecker.Checked checked = RowChecker.check(table, columns, layout, LocalDate.now(clock));
        progress.at(Phase.VALIDATED, table.rows().size(), table.rows().size());
        audit.write(AuditLog.Action.READ, "OUTREACH_UPLOAD", uploadId, "preview rows=" + table.rows().size());
        return new Preview(upload, table, clean, fields, missing, table.rows().subList(0, Math.min(PREVIEW_ROWS, table.rows().size())),
                checked, previousImport(actor, upload));
    }

    /** Headers named like a field (in any of the usual spellings) are mapped to it. */
    static Map<ListField, String> guess(List<String> headers, List<ListField> fields) {
        Map<ListField, String> mapping = new EnumMap<>(ListField.class);
        for (ListField f : fields) {
            headers.stream().filter(f::knows).findFirst().ifPresent(h -> mapping.put(f, h));
        }
        return mapping;
    }

    /** The saved choice where its column is in this file; otherwise the guess from the headers. */
    static Map<ListField, String> remembered(Map<ListField, String> saved, List<String> headers, List<ListField> fields) {
        Map<ListField, String> mapping = guess(headers, fields);
        saved.forEach((f, h) -> {
            if (headers.contains(h) && fields.contains(f)) {
                mapping.put(f, h);
            }
        });
        return mapping;
    }

    private Optional<Map<ListField, String>> savedMapping(Actor actor, Upload upload) {
        return jdbc.sql("select mapping from outreach_column_mapping where tenant_id = ? and partner_id = ? and list_type = ?")
                .params(actor.tenantId(), upload.agreement().partnerId(), upload.listType().name()).query(String.class).optional()
                .map(ImportingPartnerList::decodeMapping);
    }

    /** Remembers the mapping for this partner's next list of this type. */
    public void saveMapping(UUID uploadId, Map<ListField, String> mapping) {
        Actor actor = OutreachAccess.worker();
        Upload upload = upload(actor, uploadId);
        String text = encodeMapping(mapping);
        int updated = jdbc.sql("""
                        update outreach_column_mapping set mapping = ?, updated_at = ?, updated_by = ?
                        where tenant_id = ? and partner_id = ? and list_type = ?""")
                .params(text, OffsetDateTime.now(clock), actor.username(), actor.tenantId(), upload.agreement().partnerId(),
                        upload.listType().name()).update();
        if (updated == 0) {
            jdbc.sql("""
                    insert into outreach_column_mapping (tenant_id, partner_id, list_type, mapping, updated_at, updated_by)
                    values (?, ?, ?, ?, ?, ?)""")
                    .params(actor.tenantId(), upload.agreement().partnerId(), upload.listType().name(), text,
                            OffsetDateTime.now(clock), actor.username()).update();
        }
    }

    static String encodeMapping(Map<ListField, String> mapping) {
        return mapping.entrySet().stream().map(e -> e.getKey().name() + "=" + e.getValue().replace('\n', ' '))
                .collect(Collectors.joining("\n"));
    }

    static Map<ListField, String> decodeMapping(String text) {
        Map<ListField, String> mapping = new EnumMap<>(ListField.class);
        for (String line : text.split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                ListField f = Agreements.parseEnum(ListField.class, line.substring(0, eq));
                if (f != null) {
                    mapping.put(f, line.substring(eq + 1));
                }
            }
        }
        return mapping;
    }

    /**
     * Imports the upload: refused with every problem when rows are invalid and the user did not choose
     * {@link Mode#VALID_ONLY}. Returns the import, or the earlier import of the same file.
     */
    public UUID importUpload(UUID uploadId, Map<ListField, String> mapping, Mode mode) {
        return importUpload(uploadId, mapping, mode, Progress.NONE);
    }

    /** As {@link #importUpload(UUID, Map, Mode)}, telling the progress as it goes (the background job). */
    public UUID importUpload(UUID uploadId, Map<ListField, String> mapping, Mode mode, Progress progress) {
        Actor actor = OutreachAccess.worker();
        Preview p = preview(uploadId, mapping, progress);
        if (p.alreadyImported().isPresent()) {
            deleteUpload(actor, uploadId);
            return p.alreadyImported().get().id();
        }
        if (!p.missingRequired().isEmpty()) {
            throw new InvalidInputException(p.missingRequired().stream()
                    .map(f -> new FieldViolation("mapping", "outreach.mapping.missing", f.header())).toList());
        }
        if (p.checked().valid().isEmpty()) {
            throw new InvalidInputException(new FieldViolation("mode", "outreach.import.noValidRows"));
        }
        if (!p.checked().errors().isEmpty() && mode != Mode.VALID_ONLY) {
            throw new InvalidInputException(new FieldViolation("mode", "outreach.import.hasErrors", p.checked().invalidRows()));
        }
        Upload u = p.upload();
        UUID importId = UUID.randomUUID();
        LocalDate today = LocalDate.now(clock);
        OffsetDateTime now = OffsetDateTime.now(clock);
        jdbc.sql("""
                insert into outreach_import (id, tenant_id, agreement_id, partner_id, list_type, file_name, file_hash, mode, rows_read,
                    rows_imported, rows_invalid, rows_known, imported_at, imported_by, purge_after)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, 0, ?, ?, ?)""")
                .params(importId, actor.tenantId(), u.agreement().id(), u.agreement().partnerId(), u.listType().name(), u.fileName(),
                        u.fileHash(), mode.name(), p.checked().rowsRead(), p.checked().invalidRows(), now, actor.username(),
                        today.plusDays(u.agreement().retentionDays()))
                .update();
        for (RowChecker.RowError e : p.checked().errors()) {
            jdbc.sql("insert into outreach_import_error (id, tenant_id, import_id, line_no, field, message_key, argument) values (?, ?, ?, ?, ?, ?, ?)")
                    .params(UUID.randomUUID(), actor.tenantId(), importId, e.line(), e.field() == null ? null : e.field().name(),
                            e.messageKey(), e.argument()).update();
        }
        int imported = 0;
        int known = 0;
        List<UUID> linked = new ArrayList<>();
        // Keys already stored for this partner and list, plus those of this file: a row seen before is only counted.
        Set<String> seen = new HashSet<>(jdbc.sql("select row_key from outreach_row where tenant_id = ? and partner_id = ? and list_type = ?")
                .params(actor.tenantId(), u.agreement().partnerId(), u.listType().name()).query(String.class).list());
        Inserts inserts = new Inserts();
        long matchNanos = 0;
        long storeNanos = 0;
        List<RowChecker.ParsedRow> fresh = new ArrayList<>();
        List<RowChecker.ParsedRow> valid = p.checked().valid();
        int total = valid.size();
        for (int done = 1; done <= total; done++) {
            RowChecker.ParsedRow row = valid.get(done - 1);
            if (seen.add(row.key())) {
                fresh.add(row);
                imported++;
            } else {
                known++;
            }
            // Matched, stored and told per chunk: the lookups and inserts of a chunk go together.
            if (fresh.size() >= BATCH || done == total) {
                long t0 = System.nanoTime();
                linked.addAll(storeRows(actor, importId, u, fresh, today, now, inserts));
                long t1 = System.nanoTime();
                fresh.clear();
                inserts.flush(jdbcTemplate);
                matchNanos += t1 - t0;
                storeNanos += System.nanoTime() - t1;
                progress.at(Phase.MATCHED, done, total);
            }
        }
        jdbc.sql("update outreach_import set rows_imported = ?, rows_known = ? where id = ?").params(imported, known, importId).update();
        saveMapping(uploadId, p.mapping());
        deleteUpload(actor, uploadId);
        if (!linked.isEmpty()) {
            events.publishEvent(new PartnerFactsRecorded(actor.tenantId(), importId, u.listType(), List.copyOf(linked)));
        }
        audit.write(AuditLog.Action.CREATE, "OUTREACH_IMPORT", importId,
                u.listType() + " rows=" + imported + " known=" + known + " invalid=" + p.checked().invalidRows());
        LOG.info("Imported {} rows={} known={} linked={}: matching {} ms, storing {} ms", u.listType(), imported, known, linked.size(),
                matchNanos / 1_000_000, storeNanos / 1_000_000);
        return importId;
    }

    /** Matches a chunk of rows and queues their inserts; the citizens they were linked to. */
    private List<UUID> storeRows(Actor actor, UUID importId, Upload u, List<RowChecker.ParsedRow> rows, LocalDate today,
            OffsetDateTime now, Inserts inserts) {
        List<PersonMatcher.Result> matches = matcher.matchAll(rows);
        List<UUID> linked = matches.stream().map(PersonMatcher.Result::personId).filter(java.util.Objects::nonNull).toList();
        Map<UUID, UUID> householdOf = linked.isEmpty() ? Map.of() : facts.householdsOf(linked);
        for (int i = 0; i < rows.size(); i++) {
            RowChecker.ParsedRow row = rows.get(i);
            PersonMatcher.Result match = matches.get(i);
            StoredRow.MatchStatus status = StoredRow.MatchStatus.valueOf(match.outcome().name());
            UUID rowId = UUID.randomUUID();
            var v = row.values();
            inserts.rows.add(rowId, actor.tenantId(), importId, u.agreement().partnerId(), u.listType().name(), row.line(), row.key(),
                    v.get(ListField.INSZ), v.get(ListField.FIRST_NAME), v.get(ListField.LAST_NAME), v.get(ListField.BIRTH_DATE),
                    v.get(ListField.STREET), v.get(ListField.HOUSE_NUMBER), v.get(ListField.BOX), v.get(ListField.POSTAL_CODE),
                    v.get(ListField.CITY), v.get(ListField.REFERENCE), StoredRow.encode(v), status.name(), match.personId(),
                    match.candidateId(), java.math.BigDecimal.valueOf(match.score()));
            if (match.personId() != null) {
                StoredRow stored = new StoredRow(rowId, importId, u.agreement().partnerId(), u.listType(), row.line(), v, status,
                        match.personId(), match.candidateId(), null);
                facts.rows(stored, match.personId(), householdOf.get(match.personId()), today).forEach(inserts.facts::add);
            }
            if (u.listType() == ListType.RENT_ARREARS) {
                // Seed 002: everyone on the monthly arrears list is contacted, matched or not.
                inserts.worklist.add(UUID.randomUUID(), actor.tenantId(), importId, rowId, v.get(ListField.ARREARS_AMOUNT),
                        v.get(ListField.MONTHS_IN_ARREARS), "OPEN", now);
            }
        }
        return linked;
    }

    /** Inserts queued per table and written as multi-row statements: one round trip per few hundred rows instead of several per row. */
    private static final class Inserts {
        final MultiRowInsert rows = new MultiRowInsert("outreach_row", List.of("id", "tenant_id", "import_id", "partner_id", "list_type",
                "line_no", "row_key", "insz", "first_name", "last_name", "birth_date", "street", "house_number", "box", "postal_code", "city",
                "reference", "data", "match_status", "person_id", "candidate_id", "match_score"), 250);
        final MultiRowInsert facts = new MultiRowInsert(FactRecorder.TABLE, FactRecorder.COLUMNS, 500);
        final MultiRowInsert worklist = new MultiRowInsert("outreach_worklist_entry",
                List.of("id", "tenant_id", "import_id", "row_id", "amount", "months", "status", "created_at"), 500);

        void flush(JdbcTemplate jdbc) {
            rows.flush(jdbc);
            facts.flush(jdbc);
            worklist.flush(jdbc);
        }
    }

    /** Drops an upload the user does not want to import. */
    public void discard(UUID uploadId) {
        Actor actor = OutreachAccess.worker();
        upload(actor, uploadId);
        deleteUpload(actor, uploadId);
        audit.write(AuditLog.Action.DELETE, "OUTREACH_UPLOAD", uploadId, "discarded");
    }

    private void deleteUpload(Actor actor, UUID uploadId) {
        jdbc.sql("delete from outreach_upload where id = ? and tenant_id = ?").params(uploadId, actor.tenantId()).update();
    }

    /** The upload of the acting user's municipality; {@link NotFoundException} otherwise. */
    public Upload upload(UUID id) {
        return upload(OutreachAccess.worker(), id);
    }

    /** The citizens the rows of an import were linked to: whose households the rights engine evaluates. */
    @Transactional(readOnly = true)
    public List<UUID> linkedPersons(UUID importId) {
        Actor actor = OutreachAccess.worker();
        return jdbc.sql("select distinct person_id from outreach_row where tenant_id = ? and import_id = ? and person_id is not null")
                .params(actor.tenantId(), importId).query(UUID.class).list();
    }

    private Upload upload(Actor actor, UUID id) {
        return jdbc.sql("select id, agreement_id, list_type, file_name, file_hash, uploaded_at from outreach_upload where id = ? and tenant_id = ?")
                .params(id, actor.tenantId())
                .query((rs, i) -> new Upload(rs.getObject("id", UUID.class), agreements.get(rs.getObject("agreement_id", UUID.class)),
                        ListType.valueOf(rs.getString("list_type")), rs.getString("file_name"), rs.getString("file_hash"),
                        rs.getObject("uploaded_at", OffsetDateTime.class)))
                .optional().orElseThrow(() -> new NotFoundException("Upload"));
    }

    private Optional<ImportSummary> previousImport(Actor actor, Upload u) {
        return jdbc.sql("""
                        select * from outreach_import where tenant_id = ? and partner_id = ? and list_type = ? and file_hash = ?
                        and purged_at is null order by imported_at limit 1""")
                .params(actor.tenantId(), u.agreement().partnerId(), u.listType().name(), u.fileHash())
                .query(ImportingPartnerList::summary).optional();
    }

    @Transactional(readOnly = true)
    public List<ImportSummary> imports() {
        Actor actor = OutreachAccess.worker();
        return jdbc.sql("select * from outreach_import where tenant_id = ? order by imported_at desc limit 100")
                .param(actor.tenantId()).query(ImportingPartnerList::summary).list();
    }

    public ImportResult result(UUID importId) {
        Actor actor = OutreachAccess.worker();
        ImportSummary summary = jdbc.sql("select * from outreach_import where id = ? and tenant_id = ?").params(importId, actor.tenantId())
                .query(ImportingPartnerList::summary).optional().orElseThrow(() -> new NotFoundException("Import"));
        List<RowChecker.RowError> errors = jdbc.sql("""
                        select * from outreach_import_error where tenant_id = ? and import_id = ? order by line_no, field""")
                .params(actor.tenantId(), importId)
                .query((rs, i) -> new RowChecker.RowError(rs.getInt("line_no"),
                        rs.getString("field") == null ? null : ListField.valueOf(rs.getString("field")),
                        rs.getString("message_key"), rs.getString("argument"))).list();
        Map<StoredRow.MatchStatus, Integer> matches = new LinkedHashMap<>();
        jdbc.sql("select match_status, count(*) as n from outreach_row where tenant_id = ? and import_id = ? group by match_status")
                .params(actor.tenantId(), importId)
                .query(rs -> {
                    matches.put(StoredRow.MatchStatus.valueOf(rs.getString("match_status")), rs.getInt("n"));
                });
        audit.write(AuditLog.Action.READ, "OUTREACH_IMPORT", importId, null);
        return new ImportResult(summary, errors, matches);
    }

    static ImportSummary summary(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        return new ImportSummary(rs.getObject("id", UUID.class), rs.getObject("partner_id", UUID.class),
                ListType.valueOf(rs.getString("list_type")), rs.getString("file_name"), Mode.valueOf(rs.getString("mode")),
                rs.getInt("rows_read"), rs.getInt("rows_imported"), rs.getInt("rows_invalid"), rs.getInt("rows_known"),
                rs.getObject("imported_at", OffsetDateTime.class), rs.getString("imported_by"),
                rs.getObject("purge_after", LocalDate.class), rs.getObject("purged_at", OffsetDateTime.class));
    }
}
