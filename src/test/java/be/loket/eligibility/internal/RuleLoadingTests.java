package be.loket.eligibility.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.loket.eligibility.RuleLoadException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every kind of defect in a rule file is refused with the file, the line and the offending text. */
class RuleLoadingTests {

    /** A valid municipal right; each test breaks one thing in it. */
    static final String VALID = """
            id: testtoelage
            level: municipal
            tenants: [demodorp]
            name: {nl: "Testtoelage", fr: "Allocation test", en: "Test allowance"}
            description: {nl: "Een toelage.", fr: "Une allocation.", en: "An allowance."}
            organisation: {nl: "OCMW", fr: "CPAS", en: "OCMW"}
            howToApply: {nl: "Kom langs.", fr: "Passez.", en: "Drop in."}
            duties: [{nl: "Veranderingen melden", fr: "Signaler les changements", en: "Report changes"}]
            grantPeriod: {nl: "Een jaar", fr: "Un an", en: "One year"}
            renewal: {nl: "Elk jaar", fr: "Chaque année", en: "Every year"}
            reference: "fictitious"
            versions:
              - from: 2023-01-01
                conditions:
                  all:
                    - id: rent
                      check: household.monthlyRent > household.incomeLastThreeMonths / 9.0
                      label: {nl: "Huur {household.monthlyRent}", fr: "Loyer {household.monthlyRent}", en: "Rent {household.monthlyRent}"}
                    - id: income
                      check: household.incomeLastThreeMonths * 4.0 <= 1.75 * 12.0 * leefloon.single
                      label: {nl: "Inkomen", fr: "Revenu", en: "Income"}
            """;

    static String report(String file) {
        try {
            load(file);
        } catch (RuleLoadException e) {
            return e.report();
        }
        throw new AssertionError("loaded without complaint");
    }

    static RuleBook load(String file) {
        return RuleLoader.load(RuleSources.shippedFacts(), RuleSources.shippedParameters(),
                List.of(new RuleLoader.Source("demodorp/testtoelage.yaml", file)), Map.of(), false);
    }

    @Test
    void theValidFileLoads() {
        assertThat(load(VALID).right("testtoelage")).isPresent();
    }

    @Test
    void shippedRulesLoadInBothEvaluators() {
        RuleBook compiled = RuleLoader.load(RuleSources.shippedFacts(), RuleSources.shippedParameters(),
                RuleSources.shippedRights(), Map.of(), false);
        RuleBook cel = RuleLoader.load(RuleSources.shippedFacts(), RuleSources.shippedParameters(),
                RuleSources.shippedRights(), Map.of(), true);
        assertThat(compiled.rights()).hasSizeGreaterThanOrEqualTo(20);
        // Every shipped expression is compiled; none needs CEL's runtime at evaluation time.
        assertThat(compiled.fallbackExpressions).isZero();
        assertThat(cel.rights()).hasSameSizeAs(compiled.rights());
    }

    @Test
    void constructsTheCompilerDoesNotCoverFallBackToCel() {
        String odd = VALID.replace("check: household.monthlyRent > household.incomeLastThreeMonths / 9.0",
                "check: household.municipality.startsWith('demo')");
        RuleBook book = load(odd);
        assertThat(book.fallbackExpressions).isEqualTo(1);
        FactValues v = book.newFacts();
        book.put(v, "household.municipality", "demodorp");
        book.put(v, "household.incomeLastThreeMonths", 3000);
        assertThat(book.verdicts("demodorp", java.time.LocalDate.of(2023, 5, 1), v, List.of("testtoelage")).get(0).outcome())
                .isEqualTo(be.loket.eligibility.Outcome.ELIGIBLE);
    }

    @Test
    void yamlSyntaxError() {
        String bad = VALID.replace("name: {nl: \"Testtoelage\",", "name: {nl: \"Testtoelage,");
        assertThat(report(bad)).isEqualTo("demodorp/testtoelage.yaml:4: YAML syntax error: expected ',' or '}', but got <scalar> "
                + "in \"name: {nl: \"Testtoelage, fr: \"Allocation test\", en: \"Test allowance\"}\"");
    }

    @Test
    void unknownFact() {
        String bad = VALID.replace("check: household.monthlyRent > household", "check: household.monthlyRnt > household");
        assertThat(report(bad)).isEqualTo("demodorp/testtoelage.yaml:17: unknown fact 'household.monthlyRnt' in "
                + "\"household.monthlyRnt > household.incomeLastThreeMonths / 9.0\"");
    }

    @Test
    void unknownParameter() {
        String bad = VALID.replace("leefloon.single", "leefloon.singel");
        assertThat(report(bad)).isEqualTo("demodorp/testtoelage.yaml:20: unknown parameter 'leefloon.singel' in "
                + "\"household.incomeLastThreeMonths * 4.0 <= 1.75 * 12.0 * leefloon.singel\"");
    }

    @Test
    void typeError() {
        String bad = VALID.replace("/ 9.0", "/ 9");
        assertThat(report(bad)).isEqualTo("demodorp/testtoelage.yaml:17: type error in "
                + "\"household.monthlyRent > household.incomeLastThreeMonths / 9\": found no matching overload for '_/_' "
                + "applied to '(double, int)' (candidates: (int, int),(uint, uint),(double, double))");
    }

    @Test
    void checkThatIsNotACondition() {
        String bad = VALID.replace("check: household.monthlyRent > household.incomeLastThreeMonths / 9.0",
                "check: household.monthlyRent * 2.0");
        assertThat(report(bad)).isEqualTo("demodorp/testtoelage.yaml:17: a check must be true or false, but "
                + "\"household.monthlyRent * 2.0\" is double");
    }

    @Test
    void expressionSyntaxError() {
        String bad = VALID.replace("/ 9.0", "/ 9.0 &&");
        assertThat(report(bad)).isEqualTo("demodorp/testtoelage.yaml:17: syntax error in "
                + "\"household.monthlyRent > household.incomeLastThreeMonths / 9.0 &&\" at column 65: mismatched input "
                + "'<EOF>' expecting {'[', '{', '(', '.', '-', '!', 'true', 'false', 'null', NUM_FLOAT, NUM_INT, NUM_UINT, "
                + "STRING, BYTES, IDENTIFIER}");
    }

    @Test
    void overlappingValidityPeriods() {
        String bad = VALID + """
                  - from: 2024-01-01
                    conditions:
                      check: household.isTenant
                      id: tenant
                      label: {nl: "Huurder", fr: "Locataire", en: "Tenant"}
                """;
        assertThat(report(bad)).isEqualTo("demodorp/testtoelage.yaml:22: version from 2024-01-01 of 'testtoelage' "
                + "overlaps the version from 2023-01-01 (until open end)");
    }

    @Test
    void consecutiveVersionsDoNotOverlap() {
        String ok = VALID.replace("  - from: 2023-01-01\n", "  - from: 2023-01-01\n    until: 2023-12-31\n") + """
                  - from: 2024-01-01
                    conditions:
                      check: household.isTenant
                      id: tenant
                      label: {nl: "Huurder", fr: "Locataire", en: "Tenant"}
                """;
        assertThat(load(ok).right("testtoelage").orElseThrow().versions()).hasSize(2);
    }

    @Test
    void missingTranslation() {
        String bad = VALID.replace("label: {nl: \"Inkomen\", fr: \"Revenu\", en: \"Income\"}",
                "label: {nl: \"Inkomen\", en: \"Income\"}");
        assertThat(report(bad)).isEqualTo("demodorp/testtoelage.yaml:21: missing translation 'fr' of 'label' of condition "
                + "'income' of 'testtoelage' (nl: \"Inkomen\", en: \"Income\")");
    }

    @Test
    void missingTranslationOfARightsTextNamesTheRightAndTheEntry() {
        String bad = VALID.replace("name: {nl: \"Testtoelage\", fr: \"Allocation test\", ", "name: {fr: \"Allocation test\", ")
                .replace("[{nl: \"Veranderingen melden\", fr: \"Signaler les changements\", en: \"Report changes\"}]",
                        "[{nl: \"Veranderingen melden\", fr: \"\", en: \"Report changes\"}]");
        assertThat(report(bad)).isEqualTo("""
                demodorp/testtoelage.yaml:4: missing translation 'nl' of 'name' of right 'testtoelage' (fr: "Allocation test", \
                en: "Test allowance")
                demodorp/testtoelage.yaml:8: missing translation 'fr' of entry 1 of 'duties' of right 'testtoelage' \
                (nl: "Veranderingen melden", en: "Report changes")""");
    }

    @Test
    void aRightNeedsDutiesGrantPeriodAndRenewal() {
        String bad = VALID.replace("duties: [{nl: \"Veranderingen melden\", fr: \"Signaler les changements\", en: \"Report changes\"}]",
                "duties: []").replace("grantPeriod: {nl: \"Een jaar\", fr: \"Un an\", en: \"One year\"}\n", "")
                .replace("renewal: {nl: \"Elk jaar\", fr: \"Chaque année\", en: \"Every year\"}\n", "");
        assertThat(report(bad)).isEqualTo("""
                demodorp/testtoelage.yaml:1: missing 'grantPeriod' of right 'testtoelage' (required for a right)
                demodorp/testtoelage.yaml:1: missing 'renewal' of right 'testtoelage' (required for a right)
                demodorp/testtoelage.yaml:8: missing 'duties' of right 'testtoelage' (required for a right: at least one)""");
        // A service binds nobody: it may leave them out.
        assertThat(load(bad.replace("level: municipal", "kind: service\nlevel: municipal")).right("testtoelage")).isPresent();
    }

    @Test
    void aProvincialRightNamesItsMunicipalities() {
        String bad = VALID.replace("level: municipal\ntenants: [demodorp]", "level: provincial");
        assertThat(report(bad)).isEqualTo("demodorp/testtoelage.yaml:1: provincial right 'testtoelage' needs 'tenants'");
        RuleBook ok = load(VALID.replace("level: municipal", "level: provincial"));
        assertThat(ok.right("testtoelage").orElseThrow().visibleTo("demodorp")).isTrue();
        assertThat(ok.right("testtoelage").orElseThrow().visibleTo("voorbeeldegem")).isFalse();
    }

    @Test
    void parameterWithoutValueOnACoveredDate() {
        String bad = VALID.replace("- from: 2023-01-01", "- from: 2022-01-01");
        assertThat(report(bad)).isEqualTo("demodorp/testtoelage.yaml:13: parameter 'leefloon.single' has no value on "
                + "2022-01-01, which version 2022-01-01 of 'testtoelage' covers (its first value is from 2022-11-01)");
    }

    @Test
    void unknownPlaceholderInLabel() {
        String bad = VALID.replace("Inkomen\"", "Inkomen {income}\"");
        assertThat(report(bad)).isEqualTo("demodorp/testtoelage.yaml:19: unknown placeholder '{income}' in label; "
                + "declare it under 'values'");
    }

    @Test
    void everyDefectIsReportedAtOnce() {
        String bad = VALID.replace("household.monthlyRent >", "household.monthlyRnt >")
                .replace("fr: \"Revenu\", ", "");
        assertThat(report(bad).lines()).hasSize(2);
    }

    @Test
    void aMunicipalitysDirectoryMayOnlyHoldItsOwnRights() {
        assertThatThrownBy(() -> RuleLoader.load(RuleSources.shippedFacts(), RuleSources.shippedParameters(), List.of(),
                Map.of("voorbeeldegem", List.of(new RuleLoader.Source("voorbeeldegem/testtoelage.yaml", VALID))), false))
                .isInstanceOf(RuleLoadException.class)
                .hasMessageContaining("voorbeeldegem/testtoelage.yaml:1: right 'testtoelage' in the rule directory of "
                        + "voorbeeldegem must be municipal with tenants [voorbeeldegem]");
    }

    @Test
    void aRightMayNotDependOnItsOwnOutcome() {
        String bad = VALID.replace("check: household.monthlyRent > household.incomeLastThreeMonths / 9.0",
                "check: rights.testtoelage");
        assertThat(report(bad)).isEqualTo("demodorp/testtoelage.yaml:1: right 'testtoelage' depends on its own outcome "
                + "through [testtoelage]");
    }

    @Test
    void unknownRightReferenced() {
        String bad = VALID.replace("check: household.monthlyRent > household.incomeLastThreeMonths / 9.0",
                "check: rights.nietbestaand");
        assertThat(report(bad)).isEqualTo("demodorp/testtoelage.yaml:17: unknown right 'rights.nietbestaand' in "
                + "\"rights.nietbestaand\"");
    }

    @Test
    void everyShippedRightStatesItsDutiesPeriodAndRenewalAndAProvinceServesItsMunicipalities() {
        RuleBook book = RuleLoader.load(RuleSources.shippedFacts(), RuleSources.shippedParameters(),
                RuleSources.shippedRights(), Map.of(), false);
        assertThat(book.rights().stream().filter(r -> r.kind() == be.loket.eligibility.Right.Kind.RIGHT))
                .hasSizeGreaterThanOrEqualTo(9)
                .allSatisfy(r -> {
                    assertThat(r.duties()).as(r.id()).isNotEmpty();
                    assertThat(r.grantPeriod()).as(r.id()).isNotNull();
                    assertThat(r.renewal().fr()).as(r.id()).isNotBlank();
                });
        var provincial = book.rights().stream().filter(r -> r.level() == be.loket.eligibility.Level.PROVINCIAL).toList();
        assertThat(provincial).extracting(be.loket.eligibility.Right::id).containsExactly("provinciaal_woon_energieadvies");
        assertThat(provincial.get(0).visibleTo("demodorp")).isTrue();
        assertThat(provincial.get(0).visibleTo("voorbeeldegem")).isTrue();
        assertThat(provincial.get(0).visibleTo("elders")).isFalse();
        assertThat(book.right("sociaal_tarief").orElseThrow().visibleTo("elders")).isTrue();
    }
}
