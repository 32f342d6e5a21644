package be.loket.applications;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;

/** Runs service calls as a demo user and builds applications in a known state for the tests of applications and committee. */
public final class ApplicationFixtures {
    private final Applications applications;
    private final JdbcClient jdbc;
    private final UserDetailsService users;

    public ApplicationFixtures(Applications applications, JdbcClient jdbc, UserDetailsService users) {
        this.applications = applications;
        this.jdbc = jdbc;
        this.users = users;
    }

    /** Runs the work as the demo user, with the real principal (tenant, roles), as a Dutch request would. */
    public <T> T as(String username, Supplier<T> work) {
        UserDetails principal = users.loadUserByUsername(username);
        var previous = SecurityContextHolder.getContext();
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new UsernamePasswordAuthenticationToken(principal, null, principal.getAuthorities()));
        SecurityContextHolder.setContext(context);
        LocaleContextHolder.setLocale(Locale.forLanguageTag("nl"));
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
            LocaleContextHolder.resetLocaleContext();
        }
    }

    public void run(String username, Runnable work) {
        as(username, () -> {
            work.run();
            return null;
        });
    }

    /** A Demodorp citizen with no application and no dossier yet, so tests do not disturb each other. */
    public UUID freshPerson() {
        return jdbc.sql("""
                select p.id from person p join tenant t on t.id = p.tenant_id where t.code = 'demodorp'
                and not exists (select 1 from application a where a.person_id = p.id)
                and not exists (select 1 from dossier d where d.person_id = p.id)
                and p.birth_date < date '2000-01-01' order by p.search_name limit 1""").query(UUID.class).single();
    }

    /** The seed's single mother: rent 903.33, EUR 7,500 net in three months, family category: EUR 70.00 a month. */
    public static Map<String, String> singleMotherFacts() {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("household.municipality", "demodorp");
        f.put("household.isTenant", "true");
        f.put("household.monthlyRent", "903.33");
        f.put("household.incomeLastThreeMonths", "7500");
        f.put("household.category", "FAMILY");
        f.put("household.onSocialHousingWaitingList", "true");
        f.put("household.ownsRealEstate", "false");
        f.put("household.receivesFlemishRentPremium", "false");
        f.put("household.receivesFlemishRentSubsidy", "false");
        f.put("assessment.savingsAcceptable", "true");
        return f;
    }

    public long version(UUID id) {
        return jdbc.sql("select version from application where id = ?").param(id).query(Long.class).single();
    }

    /** A rent-allowance application with every proof accepted, the facts, report and a proposal to grant EUR 70.00: ready for decision. */
    public UUID readyApplication(UUID person) {
        return as("demo-socialworker", () -> {
            UUID id = applications.start(new StartApplication(person, "huurtoelage", singleMotherFacts()));
            for (ApplicationView.Proof p : applications.get(id).proofs()) {
                if (p.status() != ProofStatus.ACCEPTED) {
                    applications.receiveProof(id, version(id), p.id(), null);
                    applications.acceptProof(id, version(id), p.id(), null);
                }
            }
            applications.writeReport(id, version(id), "Alleenstaande moeder, huur weegt zwaar door.", "GRANTED", "70.00",
                    "Toekennen volgens het reglement.");
            applications.changeStatus(id, version(id), "READY_FOR_DECISION");
            return id;
        });
    }
}
