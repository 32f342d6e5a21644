package be.loket.person;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.loket.platform.NotFoundException;
import be.loket.platform.RunAs;
import be.loket.support.LoketTest;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;

/** The lookups a partner-list import makes per thousand rows: by national number, by birth day, current household. */
@LoketTest
class BatchLookupTests {
    @Autowired
    People people;
    @Autowired
    Households households;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    UserDetailsService users;
    @Autowired
    be.loket.audit.AuditLog audit;

    <T> T as(String username, Supplier<T> work) {
        return RunAs.user(users.loadUserByUsername(username), work);
    }

    record Citizen(UUID id, String insz, LocalDate birthDate, UUID household) {
    }

    Citizen citizenOf(String tenantCode) {
        return jdbc.sql("""
                        select p.id, p.insz, p.birth_date, m.household_id from person p join tenant t on t.id = p.tenant_id
                        join household_member m on m.person_id = p.id and m.valid_to is null
                        where t.code = ? and p.insz is not null and p.birth_date is not null order by p.insz limit 1""")
                .param(tenantCode)
                .query((rs, i) -> new Citizen(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, LocalDate.class),
                        rs.getObject(4, UUID.class)))
                .single();
    }

    long searchesAudited(String username) {
        return jdbc.sql("select count(*) from audit_event where username = ? and action = 'SEARCH' and entity_type = 'PERSON'")
                .param(username).query(Long.class).single();
    }

    @Test
    void findsOwnCitizensByNationalNumberInAnyNotationAndNeverAnotherMunicipalitys() {
        Citizen own = citizenOf("demodorp");
        Citizen foreign = citizenOf("voorbeeldegem");
        String dotted = Insz.parse(own.insz()).orElseThrow().formatted();
        long before = searchesAudited("demo-socialworker");
        long lookupsBefore = lookupsInTrail(own.id(), "national numbers=");

        Map<String, Person> found = as("demo-socialworker", () -> people.byInsz(List.of(dotted, foreign.insz(), "12345678901", "")));

        assertThat(found).containsOnlyKeys(own.insz());
        assertThat(found.get(own.insz()).id()).isEqualTo(own.id());
        assertThat(searchesAudited("demo-socialworker")).isEqualTo(before + 1);
        assertThat(lookupsInTrail(own.id(), "national numbers=")).isEqualTo(lookupsBefore + 1);
        assertThat(lookupsInTrail(foreign.id(), "national numbers=")).as("another municipality's trail").isZero();
    }

    /** The one event per query is found in the trail of each citizen it found. */
    long lookupsInTrail(UUID person, String detail) {
        return as("demo-teamlead", () -> audit.trail("PERSON", person)).stream()
                .filter(e -> e.action() == be.loket.audit.AuditLog.Action.SEARCH && e.detail().startsWith(detail)
                        && e.username().equals("demo-socialworker"))
                .count();
    }

    @Test
    void findsEveryoneBornOnTheDaysAsked() {
        Citizen own = citizenOf("demodorp");
        long lookupsBefore = lookupsInTrail(own.id(), "birth dates=");
        Map<LocalDate, List<Person>> born = as("demo-socialworker", () -> people.bornOn(List.of(own.birthDate(), LocalDate.of(1890, 1, 1))));
        assertThat(born).containsOnlyKeys(own.birthDate());
        assertThat(born.get(own.birthDate())).extracting(Person::id).contains(own.id());
        assertThat(born.get(own.birthDate())).allSatisfy(p -> assertThat(p.birthDate()).isEqualTo(own.birthDate()));
        assertThat(lookupsInTrail(own.id(), "birth dates=")).isEqualTo(lookupsBefore + 1);
    }

    @Test
    void givesTheCurrentHouseholdOfOwnCitizensOnlyToOwnServices() {
        Citizen own = citizenOf("demodorp");
        Citizen foreign = citizenOf("voorbeeldegem");
        Map<UUID, UUID> current = as("demo-socialworker", () -> households.currentIdsOf(List.of(own.id(), foreign.id())));
        assertThat(current).containsExactly(Map.entry(own.id(), own.household()));

        assertThatThrownBy(() -> as("demo-partner", () -> households.currentIdsOf(List.of(own.id()))))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as("demo-partner", () -> people.byInsz(List.of(own.insz())))).isInstanceOf(NotFoundException.class);
    }
}
