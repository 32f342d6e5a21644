package be.loket.eligibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A municipality's rule directory: loaded at start, reloaded all or nothing. */
class RulesReloadTests {
    static final String RIGHT = """
            id: voorbeeldpremie
            level: municipal
            tenants: [voorbeeldegem]
            name: {nl: "Voorbeeldpremie", fr: "Prime exemple", en: "Example premium"}
            description: {nl: "Een premie.", fr: "Une prime.", en: "A premium."}
            organisation: {nl: "OCMW", fr: "CPAS", en: "OCMW"}
            howToApply: {nl: "Kom langs.", fr: "Passez.", en: "Drop in."}
            proofs:
              - {nl: "Identiteitskaart", fr: "Carte d’identité", en: "Identity card"}
            duties: [{nl: "Veranderingen melden", fr: "Signaler les changements", en: "Report changes"}]
            grantPeriod: {nl: "Eenmalig", fr: "Une fois", en: "Once"}
            renewal: {nl: "Niet hernieuwbaar", fr: "Non renouvelable", en: "Not renewable"}
            reference: "fictitious"
            versions:
              - from: 2024-01-01
                conditions:
                  all:
                    - id: tenant
                      check: household.isTenant
                      label: {nl: "U huurt", fr: "Vous louez", en: "You rent"}
            """;

    @Test
    void validFilesComeIntoForceAndInvalidOnesAreRefusedKeepingThePrevious(@TempDir Path dir) throws Exception {
        Path own = Files.createDirectories(dir.resolve("voorbeeldegem"));
        Files.writeString(own.resolve("premie.yaml"), RIGHT);
        Eligibility eligibility = new Eligibility(null, Clock.systemUTC(), dir.toString());
        assertThat(eligibility.rightsOf("voorbeeldegem")).extracting(Right::id).contains("voorbeeldpremie");
        assertThat(eligibility.rightsOf("demodorp")).extracting(Right::id).doesNotContain("voorbeeldpremie");
        assertThat(eligibility.ruleFiles("voorbeeldegem")).containsExactly("voorbeeldegem/premie.yaml");

        Files.writeString(own.resolve("premie.yaml"), RIGHT.replace("household.isTenant", "household.isTennant"));
        int before = eligibility.generation();
        assertThatThrownBy(() -> eligibility.reload("voorbeeldegem"))
                .isInstanceOfSatisfying(RuleLoadException.class, e -> assertThat(e.report()).isEqualTo(
                        "voorbeeldegem/premie.yaml:19: unknown fact 'household.isTennant' in \"household.isTennant\""));
        assertThat(eligibility.generation()).isEqualTo(before);
        List<RightResult> still = eligibility.evaluateFor("voorbeeldegem", LocalDate.of(2024, 5, 1),
                Map.of("household.isTenant", true), List.of("voorbeeldpremie"), java.util.Locale.ROOT);
        assertThat(still.get(0).outcome()).isEqualTo(Outcome.ELIGIBLE);
    }

    @Test
    void anInvalidDirectoryAtStartLeavesOnlyTheShippedRules(@TempDir Path dir) throws Exception {
        Path own = Files.createDirectories(dir.resolve("voorbeeldegem"));
        Files.writeString(own.resolve("premie.yaml"), RIGHT.replace("fr: \"Prime exemple\", ", ""));
        Eligibility eligibility = new Eligibility(null, Clock.systemUTC(), dir.toString());
        assertThat(eligibility.rightsOf("voorbeeldegem")).extracting(Right::id).doesNotContain("voorbeeldpremie")
                .contains("sociaal_tarief");
    }

    static final String PARAMETERS = """
            parameters:
              voorbeeldegem.premie.bedrag:
                unit: EUR
                period: once
                values:
                  - {from: 2024-01-01, value: 150.00, source: "Gemeenteraadsbesluit (fictitious)"}
                  - {from: 2025-01-01, value: 175.00, source: "Gemeenteraadsbesluit (fictitious)"}
            """;

    @Test
    void aMunicipalityKeepsItsOwnParametersForItsOwnRights(@TempDir Path dir) throws Exception {
        Path own = Files.createDirectories(dir.resolve("voorbeeldegem"));
        Files.createDirectories(own.resolve("parameters"));
        Files.writeString(own.resolve("parameters/premie.yaml"), PARAMETERS);
        Files.writeString(own.resolve("premie.yaml"), RIGHT + """
                    amount: {expr: voorbeeldegem.premie.bedrag, per: ONCE}
                """);
        Eligibility eligibility = new Eligibility(null, Clock.systemUTC(), dir.toString());
        assertThat(eligibility.ruleFiles("voorbeeldegem"))
                .containsExactly("voorbeeldegem/parameters/premie.yaml", "voorbeeldegem/premie.yaml");
        Map<String, Object> tenant = Map.of("household.isTenant", true);
        assertThat(eligibility.evaluateFor("voorbeeldegem", LocalDate.of(2024, 5, 1), tenant, List.of("voorbeeldpremie"),
                java.util.Locale.ROOT).get(0).amount().value()).isEqualByComparingTo("150.00");
        assertThat(eligibility.evaluateFor("voorbeeldegem", LocalDate.of(2025, 5, 1), tenant, List.of("voorbeeldpremie"),
                java.util.Locale.ROOT).get(0).amount().value()).isEqualByComparingTo("175.00");

        // Named after another municipality: refused, with file, line and the name; the rules in force stay.
        Files.writeString(own.resolve("parameters/premie.yaml"), PARAMETERS.replace("voorbeeldegem.premie", "demodorp.premie"));
        assertThatThrownBy(() -> eligibility.reload("voorbeeldegem"))
                .isInstanceOfSatisfying(RuleLoadException.class, e -> assertThat(e.report()).startsWith(
                        "voorbeeldegem/parameters/premie.yaml:3: parameter 'demodorp.premie.bedrag' in the rule directory of "
                                + "voorbeeldegem must be named voorbeeldegem.<name>"));
        // A value missing on a date the right covers: the same strict check as for shipped parameters.
        Files.writeString(own.resolve("parameters/premie.yaml"), PARAMETERS.replace("from: 2024-01-01, value: 150.00", "from: 2024-06-01, value: 150.00"));
        assertThatThrownBy(() -> eligibility.reload("voorbeeldegem"))
                .isInstanceOfSatisfying(RuleLoadException.class, e -> assertThat(e.report()).isEqualTo(
                        "voorbeeldegem/premie.yaml:15: parameter 'voorbeeldegem.premie.bedrag' has no value on 2024-01-01, which "
                                + "version 2024-01-01 of 'voorbeeldpremie' covers (its first value is from 2024-06-01)"));
        assertThat(eligibility.evaluateFor("voorbeeldegem", LocalDate.of(2024, 5, 1), tenant, List.of("voorbeeldpremie"),
                java.util.Locale.ROOT).get(0).amount().value()).isEqualByComparingTo("150.00");

        // Another municipality's right may not use it.
        Files.writeString(own.resolve("parameters/premie.yaml"), PARAMETERS);
        Path other = Files.createDirectories(dir.resolve("demodorp"));
        Files.writeString(other.resolve("premie.yaml"), RIGHT.replace("voorbeeldpremie", "demodorppremie")
                .replace("[voorbeeldegem]", "[demodorp]") + """
                    amount: {expr: voorbeeldegem.premie.bedrag, per: ONCE}
                """);
        assertThatThrownBy(() -> eligibility.reload("demodorp"))
                .isInstanceOfSatisfying(RuleLoadException.class, e -> assertThat(e.report()).isEqualTo(
                        "demodorp/premie.yaml:15: parameter 'voorbeeldegem.premie.bedrag' belongs to the rule directory of "
                                + "voorbeeldegem; only rights in that directory may use it"));
    }
}
