package be.loket.documents;

import be.loket.audit.AuditLog;
import be.loket.documents.internal.ContentInspector;
import be.loket.platform.Actor;
import be.loket.platform.CurrentActor;
import be.loket.platform.NotFoundException;
import be.loket.platform.Validation;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Attaching proofs to records of other modules and handing them out again. The content is checked
 * before anything is written, so a refused file leaves no record, no bytes and no audit entry of a
 * creation. Reading requires the caller's {@link OwnerAccess}: a document whose owner the user may
 * not see is "not found", exactly like one of another municipality.
 */
@Service
@Transactional
public class Documents {
    private static final Pattern OWNER_TYPE = Pattern.compile("[A-Z][A-Z_]{0,39}");
    private static final int MAX_NAME = 200;

    private final JdbcClient jdbc;
    private final DocumentStore store;
    private final ContentInspector inspector;
    private final AuditLog audit;
    private final Clock clock;

    Documents(JdbcClient jdbc, DocumentStore store, ContentInspector inspector, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.store = store;
        this.inspector = inspector;
        this.audit = audit;
        this.clock = clock;
    }

    /** Checks a file without keeping it: lets a form tell the citizen at once whether the file will do. */
    @Transactional(readOnly = true)
    public Inspection inspect(byte[] content) {
        return inspector.inspect(content);
    }

    /** The size limit per file in MB, for forms that want to say it in advance. */
    public long maxMegabytes() {
        return inspector.maxMegabytes();
    }

    /**
     * Stores a file for an owner the caller has already checked the user may change. The file name is
     * kept only as a label; the type comes from the content.
     */
    public DocumentInfo attach(Owner owner, String fileName, byte[] content) {
        Actor actor = CurrentActor.get();
        var v = new Validation().required("owner", owner);
        if (owner != null && (owner.type() == null || !OWNER_TYPE.matcher(owner.type()).matches() || owner.id() == null)) {
            v.add("owner", "documents.owner.invalid");
        }
        v.throwIfInvalid();
        Inspection checked = inspector.inspect(content);
        UUID id = UUID.randomUUID();
        OffsetDateTime now = OffsetDateTime.now(clock);
        String name = label(fileName);
        jdbc.sql("""
                insert into document (id, tenant_id, owner_type, owner_id, file_name, content_type, size_bytes, sha256, created_at, created_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, actor.tenantId(), owner.type(), owner.id(), name, checked.contentType(), checked.sizeBytes(),
                        checked.sha256(), now, actor.username())
                .update();
        store.store(actor.tenantId(), id, content);
        audit.write(AuditLog.Action.CREATE, "DOCUMENT", id,
                "owner=" + owner.type() + ":" + owner.id() + " type=" + checked.contentType() + " size=" + checked.sizeBytes());
        return new DocumentInfo(id, owner, name, checked.contentType(), checked.sizeBytes(), checked.sha256(), now, actor.username());
    }

    /** The documents of one owner, newest first, if the caller's check lets the user see that owner. Not read-only: the audit entry is a write. */
    public List<DocumentInfo> listFor(Owner owner, OwnerAccess access) {
        UUID tenant = CurrentActor.get().tenantId();
        if (!access.permits(owner)) {
            throw new NotFoundException("Owner");
        }
        List<DocumentInfo> found = jdbc.sql("""
                        select * from document where tenant_id = ? and owner_type = ? and owner_id = ?
                        order by created_at desc, id""")
                .params(tenant, owner.type(), owner.id()).query(Documents::info).list();
        audit.write(AuditLog.Action.SEARCH, "DOCUMENT", null, "owner=" + owner.type() + ":" + owner.id() + " results=" + found.size());
        return found;
    }

    /** One document with its content, only after the caller's check on its owner; audited as a read (a write, so no read-only transaction). */
    public Download open(UUID id, OwnerAccess access) {
        UUID tenant = CurrentActor.get().tenantId();
        DocumentInfo info = jdbc.sql("select * from document where id = ? and tenant_id = ?").params(id, tenant)
                .query(Documents::info).optional().orElseThrow(() -> new NotFoundException("Document"));
        if (!access.permits(info.owner())) {
            throw new NotFoundException("Document");
        }
        byte[] content = store.load(tenant, id).orElseThrow(() -> new IllegalStateException("Content of document " + id + " is missing"));
        audit.write(AuditLog.Action.READ, "DOCUMENT", id, "owner=" + info.owner().type() + ":" + info.owner().id());
        return new Download(info, content);
    }

    /** Only the last path segment, without control characters: names from phones can be anything. */
    private static String label(String fileName) {
        String name = fileName == null ? "" : fileName.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).replaceAll("\\p{Cntrl}", "").strip();
        if (name.isEmpty()) {
            name = "document";
        }
        return name.length() > MAX_NAME ? name.substring(name.length() - MAX_NAME) : name;
    }

    private static DocumentInfo info(ResultSet rs, int row) throws SQLException {
        return new DocumentInfo(rs.getObject("id", UUID.class),
                new Owner(rs.getString("owner_type"), rs.getObject("owner_id", UUID.class)), rs.getString("file_name"),
                rs.getString("content_type"), rs.getLong("size_bytes"), rs.getString("sha256"),
                rs.getObject("created_at", OffsetDateTime.class), rs.getString("created_by"));
    }
}
