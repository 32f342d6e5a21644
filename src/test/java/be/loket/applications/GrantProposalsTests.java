package be.loket.applications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.loket.platform.NotFoundException;
import be.loket.platform.StaleVersionException;
import be.loket.support.DemoRecords;
import be.loket.support.LoketTest;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Renewals and automatic grants are proposed by the daily job from the renewal date on, for the whole of
 * next year, and nothing is granted until a case worker confirms. Job dates other tests do not use
 * (2033; tomorrow for automatic granting), because a run is claimed once per municipality and day.
 */
@LoketTest
class GrantProposalsTests extends ApplicationTestBase {
    @Autowired
    GrantProposals proposals;

    /** A rent allowance granted for {@code year}, its proofs accepted until {@code proofsValidUntil} (null: the default months). */
    UUID grantedFor(int year, String proofsValidUntil) {
        UUID person = fx.freshPerson();
        UUID id = fx.as("demo-socialworker", () -> {
            UUID a = applications.start(new StartApplication(person, "huurtoelage", ApplicationFixtures.singleMotherFacts()));
            for (ApplicationView.Proof p : applications.get(a).proofs()) {
                applications.receiveProof(a, fx.version(a), p.id(), null);
                applications.acceptProof(a, fx.version(a), p.id(), proofsValidUntil);
            }
            applications.writeReport(a, fx.version(a), "Verslag", "GRANTED", "70.00", "Toekennen");
            applications.changeStatus(a, fx.version(a), "READY_FOR_DECISION");
            return a;
        });
        fx.run("demo-teamlead", () -> applications.decide(id, fx.version(id),
                new Decide("GRANTED", "70.00", year + "-01-01", year + "-12-31", null, null, null, null)));
        return id;
    }

    List<UUID> renewalsOf(UUID application) {
        return jdbc.sql("select id from application where renewal_of = ?").param(application).query(UUID.class).list();
    }

    List<GrantProposal> proposalsFor(String user, UUID person) {
        return fx.as(user, () -> proposals.open()).stream().filter(p -> p.personId().equals(person)).toList();
    }

    UUID personOf(UUID application) {
        return jdbc.sql("select person_id from application where id = ?").param(application).query(UUID.class).single();
    }

    @Test
    void fromTheRenewalDateARenewalForAllOfNextYearIsProposedAndOnlyAWorkersConfirmationMovesItOn() {
        UUID valid = grantedFor(2033, "2035-06-30");
        UUID expiring = grantedFor(2033, null);

        proposals.run(LocalDate.of(2033, 10, 31));
        assertThat(renewalsOf(valid)).isEmpty();
        assertThat(proposalsFor("demo-socialworker", personOf(valid))).isEmpty();

        proposals.run(LocalDate.of(2033, 11, 1));
        proposals.run(LocalDate.of(2033, 11, 2));
        UUID renewal = renewalsOf(valid).get(0);
        assertThat(renewalsOf(valid)).hasSize(1);
        GrantProposal proposal = proposalsFor("demo-socialworker", personOf(valid)).get(0);
        assertThat(proposalsFor("demo-socialworker", personOf(valid))).hasSize(1);
        assertThat(proposal.kind()).isEqualTo(GrantProposal.Kind.RENEWAL);
        assertThat(proposal.applicationId()).isEqualTo(renewal);
        assertThat(proposal.periodFrom()).isEqualTo(LocalDate.of(2034, 1, 1));
        assertThat(proposal.periodUntil()).isEqualTo(LocalDate.of(2034, 12, 31));
        assertThat(proposal.monthlyAmount()).isEqualByComparingTo("70.00");
        assertThat(proposal.evaluationOutcome()).isEqualTo("ELIGIBLE");
        assertThat(proposal.facts()).contains("household.monthlyRent=903.33 (RENEWAL)");
        // Proofs that lapse before 1 January: the renewal is prepared for the worker, but not proposed.
        assertThat(renewalsOf(expiring)).hasSize(1);
        assertThat(proposalsFor("demo-socialworker", personOf(expiring))).isEmpty();

        // Proposed is not granted: the renewal waits as a draft, without decision or grant.
        assertThat(fx.as("demo-socialworker", () -> applications.get(renewal)).status()).isEqualTo(ApplicationStatus.DRAFT);
        assertThat(jdbc.sql("select count(*) from application_decision where application_id = ?").param(renewal).query(Long.class).single())
                .isZero();
        assertThat(jdbc.sql("select count(*) from granted_right where application_id = ?").param(renewal).query(Long.class).single()).isZero();

        // Only case workers see and handle proposals; a reason is required to reject.
        for (String other : new String[] {"demo-frontdesk", "demo-committee", "demo-partner"}) {
            assertThatThrownBy(() -> fx.as(other, () -> proposals.open())).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> fx.as(other, () -> proposals.confirm(proposal.id()))).isInstanceOf(NotFoundException.class);
        }
        assertThatThrownBy(() -> fx.as("demo-socialworker-v", () -> proposals.confirm(proposal.id()))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> fx.run("demo-socialworker", () -> proposals.reject(proposal.id(), " ")))
                .satisfies(e -> assertThat(violation(e)).isEqualTo("validation.required"));

        UUID confirmed = fx.as("demo-socialworker", () -> proposals.confirm(proposal.id()));
        assertThat(confirmed).isEqualTo(renewal);
        ApplicationView ready = fx.as("demo-socialworker", () -> applications.get(renewal));
        assertThat(ready.status()).isEqualTo(ApplicationStatus.READY_FOR_DECISION);
        assertThat(ready.proposalOutcome()).isEqualTo(DecisionOutcome.GRANTED);
        assertThat(ready.proposalAmount()).isEqualByComparingTo("70.00");
        Decide form = fx.as("demo-teamlead", () -> applications.proposedDecision(renewal));
        assertThat(form.periodFrom()).isEqualTo("2034-01-01");
        assertThat(form.periodUntil()).isEqualTo("2034-12-31");
        assertThatThrownBy(() -> fx.as("demo-socialworker", () -> proposals.confirm(proposal.id()))).isInstanceOf(StaleVersionException.class);
        assertThat(proposalsFor("demo-socialworker", personOf(valid))).isEmpty();
    }

    @Test
    void aGrantIsProposedWithoutAnApplicationOnlyWhenEveryFactComesFromATrustedSource() {
        UUID tenant = DemoRecords.tenant(jdbc, "demodorp");
        UUID complete = fx.freshPerson();
        partnerFacts(tenant, complete, ApplicationFixtures.singleMotherFacts());
        UUID partialPerson = jdbc.sql("""
                select p.id from person p where p.tenant_id = ? and p.id <> ?
                and not exists (select 1 from application a where a.person_id = p.id)
                and not exists (select 1 from outreach_fact f where f.person_id = p.id) order by p.search_name limit 1""")
                .params(tenant, complete).query(UUID.class).single();
        // The housing company knows the waiting list, property and rent; income and savings come from the citizen only.
        partnerFacts(tenant, partialPerson, Map.of("household.onSocialHousingWaitingList", "true", "household.ownsRealEstate", "false",
                "household.monthlyRent", "903.33", "household.isTenant", "true", "household.municipality", "demodorp"));

        LocalDate day = LocalDate.now().plusDays(1);
        proposals.run(day);
        assertThat(proposalsFor("demo-socialworker", partialPerson)).isEmpty();
        GrantProposal proposal = proposalsFor("demo-teamlead", complete).get(0);
        assertThat(proposal.kind()).isEqualTo(GrantProposal.Kind.AUTOMATIC);
        assertThat(proposal.applicationId()).isNull();
        assertThat(proposal.monthlyAmount()).isEqualByComparingTo("70.00");
        assertThat(proposal.periodFrom()).isEqualTo(day.withDayOfMonth(1));
        assertThat(proposal.periodUntil()).isEqualTo(LocalDate.of(day.getYear(), 12, 31));
        assertThat(jdbc.sql("select count(*) from application where person_id = ?").param(complete).query(Long.class).single()).isZero();

        UUID application = fx.as("demo-socialworker", () -> proposals.confirm(proposal.id()));
        ApplicationView a = fx.as("demo-socialworker", () -> applications.get(application));
        assertThat(a.status()).isEqualTo(ApplicationStatus.READY_FOR_DECISION);
        assertThat(a.facts()).isNotEmpty().allMatch(f -> f.source() == FactSource.PARTNER_DATA);
        assertThat(a.decisions()).isEmpty();
        assertThat(jdbc.sql("select status from grant_proposal where id = ?").param(proposal.id()).query(String.class).single())
                .isEqualTo("CONFIRMED");
    }

    /** Facts as a partner list import records them (agreement, import, row, facts), for the automatic-granting test. */
    void partnerFacts(UUID tenant, UUID person, Map<String, String> facts) {
        UUID partner = jdbc.sql("select id from organisation where tenant_id = ? and type = 'SOCIAL_HOUSING_COMPANY'").param(tenant)
                .query(UUID.class).list().get(0);
        UUID agreement = UUID.randomUUID();
        UUID importId = UUID.randomUUID();
        UUID row = UUID.randomUUID();
        OffsetDateTime now = OffsetDateTime.now();
        jdbc.sql("""
                insert into outreach_agreement (id, tenant_id, partner_id, purpose, legal_basis, list_types, fields, retention_days, valid_from,
                  created_at, created_by) values (?, ?, ?, 'Huurtoelage', 'PUBLIC_TASK', 'WAITING_LIST', 'insz', 90, ?, ?, 'test')""")
                .params(agreement, tenant, partner, LocalDate.now().minusYears(1), now).update();
        jdbc.sql("""
                insert into outreach_import (id, tenant_id, agreement_id, partner_id, list_type, file_name, file_hash, mode, rows_read,
                  rows_imported, rows_invalid, rows_known, imported_at, imported_by, purge_after)
                values (?, ?, ?, ?, 'WAITING_LIST', 'lijst.csv', ?, 'ALL', 1, 1, 0, 0, ?, 'test', ?)""")
                .params(importId, tenant, agreement, partner, importId.toString().replace("-", ""), now, LocalDate.now().plusDays(90)).update();
        jdbc.sql("""
                insert into outreach_row (id, tenant_id, import_id, partner_id, list_type, line_no, row_key, data, match_status, person_id)
                values (?, ?, ?, ?, 'WAITING_LIST', 2, ?, 'x=y', 'MATCHED', ?)""")
                .params(row, tenant, importId, partner, row.toString().replace("-", ""), person).update();
        facts.forEach((name, value) -> jdbc.sql("""
                insert into outreach_fact (id, tenant_id, person_id, fact_name, fact_value, import_id, row_id, partner_id, list_type, valid_on,
                  recorded_at, recorded_by) values (?, ?, ?, ?, ?, ?, ?, ?, 'WAITING_LIST', ?, ?, 'test')""")
                .params(UUID.randomUUID(), tenant, person, name, value, importId, row, partner, LocalDate.now(), now).update());
    }
}
