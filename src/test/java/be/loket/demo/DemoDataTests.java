package be.loket.demo;

import static org.assertj.core.api.Assertions.assertThat;

import be.loket.support.LoketTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The shape of the demo world the README and the issue promise: an association with two municipalities, their
 * sites, own services and partners, the nine demo users where they belong, and about 300 fictitious citizens,
 * each in a household. Other tests in the shared context add records, so counts are of the demo loader's own.
 */
@LoketTest
class DemoDataTests {
    static final List<String> OWN_SERVICES = List.of("SOCIAL_SERVICE", "FRONT_DESK", "HOUSING_SERVICE", "ENERGY_WATER_CELL");
    static final List<String> PARTNERS = List.of("SOCIAL_HOUSING_COMPANY", "DEBT_MEDIATION", "ENERGY_SCANNER",
            "WATER_COMPANY", "TENANTS_UNION");

    @Autowired
    JdbcClient jdbc;

    UUID tenant(String code) {
        return jdbc.sql("select id from tenant where code = ?").param(code).query(UUID.class).single();
    }

    @Test
    void demolandIsAnAssociationOfDemodorpAndVoorbeeldegem() {
        var association = jdbc.sql("select id, kind, association_id from tenant where code = 'demoland'")
                .query((rs, i) -> Map.of("id", rs.getObject("id"), "kind", rs.getString("kind"),
                        "parent", String.valueOf(rs.getObject("association_id")))).single();
        assertThat(association.get("kind")).isEqualTo("ASSOCIATION");
        assertThat(association.get("parent")).isEqualTo("null");
        List<String> members = jdbc.sql("select code from tenant where association_id = ? and kind = 'MUNICIPALITY' order by code")
                .param(association.get("id")).query(String.class).list();
        assertThat(members).containsExactly("demodorp", "voorbeeldegem");
        assertThat(jdbc.sql("select name from tenant where code in ('demodorp', 'voorbeeldegem') order by code")
                .query(String.class).list()).containsExactly("Demodorp", "Voorbeeldegem");
    }

    @ParameterizedTest
    @ValueSource(strings = {"demodorp", "voorbeeldegem"})
    void eachMunicipalityHasAMainOfficeAntennaPointsAndAnOfficeDay(String code) {
        var kinds = jdbc.sql("select kind from site where tenant_id = ? and active").param(tenant(code)).query(String.class).list();
        assertThat(kinds).containsOnlyOnce("MAIN_OFFICE").contains("ANTENNA", "OFFICE_DAY");
    }

    @ParameterizedTest
    @ValueSource(strings = {"demodorp", "voorbeeldegem"})
    void eachMunicipalityHasItsOwnServicesAndTheFivePartners(String code) {
        var types = jdbc.sql("select type, kind from organisation where tenant_id = ?").param(tenant(code))
                .query((rs, i) -> rs.getString("type") + "/" + rs.getString("kind")).list();
        OWN_SERVICES.forEach(t -> assertThat(types).contains(t + "/OWN_SERVICE"));
        PARTNERS.forEach(t -> assertThat(types).contains(t + "/PARTNER"));
    }

    @ParameterizedTest
    @CsvSource({
            "demo-frontdesk,      demodorp,      FRONT_DESK,        FRONT_DESK",
            "demo-socialworker,   demodorp,      SOCIAL_SERVICE,    SOCIAL_WORKER",
            "demo-socialworker-b, demodorp,      SOCIAL_SERVICE,    SOCIAL_WORKER",
            "demo-specialist,     demodorp,      ENERGY_WATER_CELL, SPECIALIST",
            "demo-teamlead,       demodorp,      SOCIAL_SERVICE,    TEAM_LEAD",
            "demo-partner,        demodorp,      DEBT_MEDIATION,    PARTNER",
            "demo-committee,      demodorp,      SOCIAL_SERVICE,    COMMITTEE",
            "demo-admin,          demodorp,      ADMINISTRATION,    ADMIN",
            "demo-socialworker-v, voorbeeldegem, SOCIAL_SERVICE,    SOCIAL_WORKER"})
    void eachDemoUserBelongsToTheRightMunicipalityOrganisationAndRole(String username, String tenant, String organisationType,
            String role) {
        var user = jdbc.sql("""
                        select t.code, o.type, o.tenant_id = u.tenant_id as same_tenant, u.enabled
                        from app_user u join tenant t on t.id = u.tenant_id join organisation o on o.id = u.organisation_id
                        where u.username = ?""").param(username)
                .query((rs, i) -> List.of(rs.getString("code"), rs.getString("type"), rs.getBoolean("same_tenant"),
                        rs.getBoolean("enabled"))).single();
        assertThat(user).containsExactly(tenant, organisationType, true, true);
        var roles = jdbc.sql("select role from app_user_role where user_id = (select id from app_user where username = ?)")
                .param(username).query(String.class).list();
        assertThat(roles).contains(role);
        if (!role.equals("TEAM_LEAD")) {
            assertThat(roles).as("only the team lead holds a second role").containsExactly(role);
        }
    }

    @Test
    void thereAreExactlyNineDemoUsers() {
        assertThat(jdbc.sql("select username from app_user where username like 'demo-%'").query(String.class).list())
                .containsExactlyInAnyOrder("demo-frontdesk", "demo-socialworker", "demo-socialworker-b", "demo-specialist",
                        "demo-teamlead", "demo-partner", "demo-committee", "demo-admin", "demo-socialworker-v");
    }

    @Test
    void aboutThreeHundredCitizensEachInExactlyOneCurrentHousehold() {
        long citizens = jdbc.sql("select count(*) from person where created_by = 'demo-loader'").query(Long.class).single();
        assertThat(citizens).isBetween(280L, 320L);
        for (String code : List.of("demodorp", "voorbeeldegem")) {
            assertThat(jdbc.sql("select count(*) from person where created_by = 'demo-loader' and tenant_id = ?")
                    .param(tenant(code)).query(Long.class).single()).as(code).isGreaterThan(50L);
        }
        // Each was put in a household by the loader (other tests may move a citizen later, which keeps history).
        assertThat(jdbc.sql("""
                select count(*) from person p where p.created_by = 'demo-loader' and not exists (select 1 from household_member m
                  where m.person_id = p.id and m.tenant_id = p.tenant_id and m.created_by = 'demo-loader')""")
                .query(Long.class).single()).as("demo citizens the loader put in no household").isZero();
        assertThat(jdbc.sql("""
                select count(*) from person p where p.created_by = 'demo-loader' and 1 < (select count(*) from household_member m
                  where m.person_id = p.id and m.valid_to is null)""")
                .query(Long.class).single()).as("demo citizens in two households at once").isZero();
        assertThat(jdbc.sql("""
                select count(*) from household_member m join person p on p.id = m.person_id
                where p.created_by = 'demo-loader' and m.tenant_id <> p.tenant_id""").query(Long.class).single())
                .as("household memberships across municipalities").isZero();
        assertThat(jdbc.sql("""
                select count(distinct m.household_id) from household_member m join person p on p.id = m.person_id
                where p.created_by = 'demo-loader' and m.relation = 'REFERENCE_PERSON'""").query(Long.class).single())
                .as("households with a reference person").isGreaterThan(100L);
    }

    @Test
    void citizensAndOrganisationsHaveOnlyFictitiousContactDetails() {
        // Citizens as the loader left them (other tests change some phone numbers).
        assertThat(jdbc.sql("select count(*) from person where updated_by = 'demo-loader' and email is not null"
                + " and email not like '%@example.org'").query(Long.class).single()).as("e-mail outside example.org").isZero();
        assertThat(jdbc.sql("select count(*) from person where updated_by = 'demo-loader' and phone is not null"
                + " and phone not like '0499 00 %'").query(Long.class).single()).as("phone outside the 0499 00 range").isZero();
        assertThat(jdbc.sql("select count(*) from person where updated_by = 'demo-loader'"
                + " and city not in ('Demodorp', 'Voorbeeldegem')").query(Long.class).single()).as("real towns").isZero();
        assertThat(jdbc.sql("""
                select count(*) from organisation o join tenant t on t.id = o.tenant_id
                where t.code in ('demodorp', 'voorbeeldegem') and o.email is not null and o.email not like '%.example.org'
                  and o.email not like '%@example.org'""").query(Long.class).single()).as("organisation e-mail").isZero();
    }
}
