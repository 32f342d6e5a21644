package be.loket.identity;

import be.loket.platform.CurrentActor;
import be.loket.platform.NotFoundException;
import be.loket.platform.Role;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Read side of identity for the acting user's tenant: organisations, sites and staff. Other modules
 * use it to show names and to check that an organisation belongs to the tenant.
 */
@Service
@Transactional(readOnly = true)
public class Directory {
    private static final String USER_SELECT = """
            select u.*, o.name as organisation_name,
                   (select string_agg(r.role, ',') from app_user_role r where r.user_id = u.id) as roles
            from app_user u join organisation o on o.id = u.organisation_id
            """;
    private final JdbcClient jdbc;

    Directory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Tenant currentTenant() {
        return tenant(CurrentActor.get().tenantId()).orElseThrow(() -> new NotFoundException("Tenant"));
    }

    public Optional<Tenant> tenant(UUID id) {
        return jdbc.sql("select * from tenant where id = ?").param(id).query(Directory::tenant).optional();
    }

    public Optional<Tenant> tenantByCode(String code) {
        return jdbc.sql("select * from tenant where code = ?").param(code).query(Directory::tenant).optional();
    }

    public List<Organisation> organisations() {
        return jdbc.sql("select * from organisation where tenant_id = ? order by kind desc, name")
                .param(CurrentActor.get().tenantId()).query(Directory::organisation).list();
    }

    public List<Organisation> partners() {
        return organisations().stream().filter(o -> o.kind() == OrganisationKind.PARTNER && o.active()).toList();
    }

    /** The organisation if it belongs to the acting user's tenant; otherwise not found. */
    public Organisation organisation(UUID id) {
        return jdbc.sql("select * from organisation where id = ? and tenant_id = ?")
                .param(id).param(CurrentActor.get().tenantId())
                .query(Directory::organisation).optional().orElseThrow(() -> new NotFoundException("Organisation"));
    }

    public List<Site> sites() {
        return jdbc.sql("select * from site where tenant_id = ? order by kind, name")
                .param(CurrentActor.get().tenantId()).query(Directory::site).list();
    }

    public Site site(UUID id) {
        return jdbc.sql("select * from site where id = ? and tenant_id = ?").param(id).param(CurrentActor.get().tenantId())
                .query(Directory::site).optional().orElseThrow(() -> new NotFoundException("Site"));
    }

    public List<StaffUser> users() {
        return jdbc.sql(USER_SELECT + " where u.tenant_id = ? order by u.display_name")
                .param(CurrentActor.get().tenantId()).query(Directory::user).list();
    }

    /** Display names of these staff members of the tenant (ids of another tenant are left out). */
    public java.util.Map<UUID, String> displayNames(java.util.Collection<UUID> ids) {
        var names = new java.util.HashMap<UUID, String>();
        if (ids.isEmpty()) {
            return names;
        }
        jdbc.sql("select id, display_name from app_user where tenant_id = :tenant and id in (:ids)")
                .param("tenant", CurrentActor.get().tenantId()).param("ids", java.util.List.copyOf(new java.util.HashSet<>(ids)))
                .query(rs -> {
                    names.put(rs.getObject("id", UUID.class), rs.getString("display_name"));
                });
        return names;
    }

    /** Staff of the tenant holding a role, e.g. the social workers a dossier can be assigned to. */
    public List<StaffUser> usersWithRole(Role role) {
        return users().stream().filter(u -> u.enabled() && u.roles().contains(role)).toList();
    }

    public StaffUser user(UUID id) {
        return jdbc.sql(USER_SELECT + " where u.id = ? and u.tenant_id = ?").param(id).param(CurrentActor.get().tenantId())
                .query(Directory::user).optional().orElseThrow(() -> new NotFoundException("User"));
    }

    static Tenant tenant(ResultSet rs, int row) throws SQLException {
        return new Tenant(rs.getObject("id", UUID.class), rs.getString("code"), rs.getString("name"),
                Tenant.Kind.valueOf(rs.getString("kind")), rs.getObject("association_id", UUID.class));
    }

    static Organisation organisation(ResultSet rs, int row) throws SQLException {
        return new Organisation(rs.getObject("id", UUID.class), rs.getObject("tenant_id", UUID.class), rs.getString("name"),
                OrganisationType.valueOf(rs.getString("type")), rs.getString("email"), rs.getString("phone"),
                rs.getBoolean("active"), rs.getLong("version"));
    }

    static Site site(ResultSet rs, int row) throws SQLException {
        return new Site(rs.getObject("id", UUID.class), rs.getObject("tenant_id", UUID.class), rs.getString("name"),
                SiteKind.valueOf(rs.getString("kind")), rs.getString("street"), rs.getString("postal_code"),
                rs.getString("city"), rs.getString("opening_hours"), rs.getBoolean("active"));
    }

    static StaffUser user(ResultSet rs, int row) throws SQLException {
        return new StaffUser(rs.getObject("id", UUID.class), rs.getObject("tenant_id", UUID.class),
                rs.getObject("organisation_id", UUID.class), rs.getString("organisation_name"), rs.getString("username"),
                rs.getString("display_name"), rs.getString("email"), rs.getString("language"), roles(rs.getString("roles")),
                rs.getBoolean("enabled"), rs.getInt("failed_attempts"), rs.getObject("locked_until", OffsetDateTime.class),
                rs.getObject("last_login_at", OffsetDateTime.class), rs.getLong("version"));
    }

    static Set<Role> roles(String csv) {
        if (csv == null || csv.isBlank()) {
            return EnumSet.noneOf(Role.class);
        }
        return Arrays.stream(csv.split(",")).map(String::trim).map(Role::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
    }
}
