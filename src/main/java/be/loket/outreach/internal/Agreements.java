package be.loket.outreach.internal;

import be.loket.audit.AuditLog;
import be.loket.identity.Directory;
import be.loket.identity.Organisation;
import be.loket.identity.OrganisationKind;
import be.loket.outreach.ListType;
import be.loket.person.People;
import be.loket.platform.Actor;
import be.loket.platform.NotFoundException;
import be.loket.platform.Texts;
import be.loket.platform.Validation;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Recording and reading data-sharing agreements; no list is imported without one. */
@Service
@Transactional
public class Agreements {
    static final int MAX_RETENTION_DAYS = 3 * 366;
    private final JdbcClient jdbc;
    private final Directory directory;
    private final AuditLog audit;
    private final Clock clock;

    Agreements(JdbcClient jdbc, Directory directory, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<Agreement> list() {
        Actor actor = OutreachAccess.reader();
        Map<UUID, String> names = partnerNames();
        return jdbc.sql("select * from outreach_agreement where tenant_id = ? order by valid_from desc, created_at desc")
                .param(actor.tenantId()).query((rs, i) -> agreement(rs, names)).list();
    }

    /** The agreement if it belongs to the acting user's municipality; otherwise not found. */
    @Transactional(readOnly = true)
    public Agreement get(UUID id) {
        Actor actor = OutreachAccess.reader();
        Map<UUID, String> names = partnerNames();
        return jdbc.sql("select * from outreach_agreement where tenant_id = ? and id = ?").params(actor.tenantId(), id)
                .query((rs, i) -> agreement(rs, names)).optional().orElseThrow(() -> new NotFoundException("Agreement"));
    }

    /** Agreements in force today, for the upload form. */
    @Transactional(readOnly = true)
    public List<Agreement> active() {
        LocalDate today = LocalDate.now(clock);
        return list().stream().filter(a -> a.activeOn(today)).toList();
    }

    public UUID record(AgreementCommand c) {
        Actor actor = OutreachAccess.agreementManager();
        var v = new Validation().required("partnerId", c.partnerId()).required("purpose", c.purpose())
                .maxLength("purpose", c.purpose(), 1000).required("legalBasis", c.legalBasis())
                .maxLength("legalBasisDetail", c.legalBasisDetail(), 1000).required("retentionDays", c.retentionDays())
                .required("validFrom", c.validFrom());
        Organisation partner = null;
        if (c.partnerId() != null) {
            try {
                partner = directory.organisation(c.partnerId());
                if (partner.kind() != OrganisationKind.PARTNER) {
                    v.add("partnerId", "outreach.agreement.notPartner");
                }
            } catch (NotFoundException e) {
                v.add("partnerId", "validation.choice");
            }
        }
        final Organisation sender = partner;
        Agreement.LegalBasis basis = null;
        if (Texts.trimToNull(c.legalBasis()) != null) {
            basis = parseEnum(Agreement.LegalBasis.class, c.legalBasis());
            if (basis == null) {
                v.add("legalBasis", "validation.choice");
            }
        }
        Set<ListType> types = parseAll(ListType.class, c.listTypes());
        if (types == null || types.isEmpty()) {
            v.add("listTypes", "outreach.agreement.listTypes.required");
        } else if (partner != null && types.stream().anyMatch(t -> t.partnerType() != sender.type())) {
            v.add("listTypes", "outreach.agreement.listTypes.wrongPartner");
        }
        Set<ListField> fields = parseAll(ListField.class, c.fields());
        if (fields == null) {
            v.add("fields", "validation.choice");
        } else if (types != null) {
            Set<ListField> missing = types.stream().flatMap(t -> Layout.of(t).required().stream())
                    .filter(f -> !fields.contains(f)).collect(Collectors.toCollection(() -> EnumSet.noneOf(ListField.class)));
            if (!missing.isEmpty()) {
                v.add("fields", "outreach.agreement.fields.missingRequired",
                        missing.stream().map(ListField::header).collect(Collectors.joining(", ")));
            }
        }
        Integer retention = null;
        if (Texts.trimToNull(c.retentionDays()) != null) {
            retention = c.retentionDays().strip().matches("\\d{1,4}") ? Integer.valueOf(c.retentionDays().strip()) : null;
            if (retention == null || retention < 1 || retention > MAX_RETENTION_DAYS) {
                v.add("retentionDays", "outreach.agreement.retention.range", String.valueOf(MAX_RETENTION_DAYS));
            }
        }
        LocalDate from = date(v, "validFrom", c.validFrom());
        LocalDate to = date(v, "validTo", c.validTo());
        if (from != null && to != null && to.isBefore(from)) {
            v.add("validTo", "outreach.agreement.validTo.beforeFrom");
        }
        v.throwIfInvalid();
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into outreach_agreement (id, tenant_id, partner_id, purpose, legal_basis, legal_basis_detail, list_types, fields,
                    retention_days, valid_from, valid_to, created_at, created_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, actor.tenantId(), c.partnerId(), c.purpose().strip(), basis.name(), Texts.trimToNull(c.legalBasisDetail()),
                        join(types), join(fields), retention, from, to, OffsetDateTime.now(clock), actor.username())
                .update();
        audit.write(AuditLog.Action.CREATE, "OUTREACH_AGREEMENT", id, "partner=" + c.partnerId());
        return id;
    }

    private static LocalDate date(Validation v, String field, String text) {
        if (Texts.trimToNull(text) == null) {
            return null;
        }
        LocalDate d = People.parseDate(text).orElse(null);
        if (d == null) {
            v.add(field, "validation.date");
        }
        return d;
    }

    private Map<UUID, String> partnerNames() {
        return directory.organisations().stream().collect(Collectors.toMap(Organisation::id, Organisation::name));
    }

    static <E extends Enum<E>> E parseEnum(Class<E> type, String text) {
        try {
            return Enum.valueOf(type, text.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Null when one of the names is unknown. */
    static <E extends Enum<E>> Set<E> parseAll(Class<E> type, List<String> names) {
        Set<E> set = EnumSet.noneOf(type);
        for (String n : names == null ? List.<String>of() : names) {
            E e = parseEnum(type, n);
            if (e == null) {
                return null;
            }
            set.add(e);
        }
        return set;
    }

    private static String join(Set<? extends Enum<?>> values) {
        return values.stream().map(Enum::name).collect(Collectors.joining(","));
    }

    private static <E extends Enum<E>> Set<E> split(Class<E> type, String csv) {
        return Arrays.stream(csv.split(",")).filter(s -> !s.isBlank()).map(s -> Enum.valueOf(type, s))
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(type)));
    }

    static Agreement agreement(ResultSet rs, Map<UUID, String> names) throws SQLException {
        UUID partner = rs.getObject("partner_id", UUID.class);
        return new Agreement(rs.getObject("id", UUID.class), partner, names.getOrDefault(partner, "?"), rs.getString("purpose"),
                Agreement.LegalBasis.valueOf(rs.getString("legal_basis")), rs.getString("legal_basis_detail"),
                split(ListType.class, rs.getString("list_types")), split(ListField.class, rs.getString("fields")),
                rs.getInt("retention_days"), rs.getObject("valid_from", LocalDate.class), rs.getObject("valid_to", LocalDate.class));
    }

}
