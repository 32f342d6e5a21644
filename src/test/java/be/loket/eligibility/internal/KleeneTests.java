package be.loket.eligibility.internal;

import static org.assertj.core.api.Assertions.assertThat;

import be.loket.eligibility.ConditionStatus;
import be.loket.eligibility.Outcome;
import be.loket.eligibility.RightResult;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Kleene logic over the condition tree, and one right using another's outcome. */
class KleeneTests {
    static final String RIGHT = """
            id: kleene
            kind: service
            level: federal
            name: {nl: "K", fr: "K", en: "K"}
            description: {nl: "K", fr: "K", en: "K"}
            organisation: {nl: "K", fr: "K", en: "K"}
            howToApply: {nl: "K", fr: "K", en: "K"}
            reference: "fictitious"
            versions:
              - from: 2023-01-01
                conditions:
                  all:
                    - any:
                        - id: a
                          check: household.isTenant
                          label: {nl: "a", fr: "a", en: "a"}
                        - id: b
                          check: household.hasDebts
                          label: {nl: "b", fr: "b", en: "b"}
                    - not:
                        id: c
                        check: household.ownsRealEstate || household.livesInSocialHousing
                        label: {nl: "c", fr: "c", en: "c"}
                    - id: note
                      info: true
                      label: {nl: "i", fr: "i", en: "i"}
            """;
    static final RuleBook BOOK = RuleLoader.load(RuleSources.shippedFacts(), RuleSources.shippedParameters(),
            List.of(new RuleLoader.Source("kleene.yaml", RIGHT)), Map.of(), false);

    RightResult eval(Map<String, Object> facts) {
        FactValues v = BOOK.newFacts();
        facts.forEach((k, val) -> BOOK.put(v, k, val));
        return BOOK.evaluate("demodorp", LocalDate.of(2024, 1, 1), v, List.of("kleene"), Locale.ROOT).get(0);
    }

    @Test
    void anyIsTrueAsSoonAsOnePartIsTrueEvenWithOthersUnknown() {
        RightResult r = eval(Map.of("household.hasDebts", true, "household.ownsRealEstate", false,
                "household.livesInSocialHousing", false));
        assertThat(r.outcome()).isEqualTo(Outcome.ELIGIBLE);
        assertThat(r.missingFacts()).isEmpty();
        assertThat(r.conditions()).filteredOn(c -> c.id().equals("a")).singleElement()
                .extracting(RightResult.ConditionResult::status).isEqualTo(ConditionStatus.UNKNOWN);
        assertThat(r.conditions()).filteredOn(c -> c.id().equals("note")).singleElement()
                .extracting(RightResult.ConditionResult::status).isEqualTo(ConditionStatus.INFO);
    }

    @Test
    void notOfAnUnknownOrIsUnknownByItsUndecidedFacts() {
        RightResult r = eval(Map.of("household.isTenant", true, "household.ownsRealEstate", false));
        assertThat(r.outcome()).isEqualTo(Outcome.POSSIBLY);
        assertThat(r.missingFacts()).containsExactly("household.livesInSocialHousing");
    }

    @Test
    void oneFalsePartOfAllDecidesWhateverIsUnknown() {
        RightResult r = eval(Map.of("household.livesInSocialHousing", true));
        assertThat(r.outcome()).isEqualTo(Outcome.NOT_ELIGIBLE);
        assertThat(r.missingFacts()).isEmpty();
    }

    @Test
    void nothingKnownMissesEveryFactThatCounts() {
        assertThat(eval(Map.of()).missingFacts()).containsExactlyInAnyOrder("household.isTenant", "household.hasDebts",
                "household.ownsRealEstate", "household.livesInSocialHousing");
    }

    @Test
    void aRightUsingAnotherRightsOutcomeInheritsItsMissingFacts() {
        RuleBook book = HuurtoelageTests.BOOK;
        FactValues v = book.newFacts();
        book.put(v, "household.hasEnergyDebt", false);
        book.put(v, "household.receivesLeefloon", false);
        RightResult scan = book.evaluate("demodorp", LocalDate.of(2025, 3, 1), v, List.of("energiescan"), Locale.ROOT).get(0);
        assertThat(scan.outcome()).isEqualTo(Outcome.POSSIBLY);
        assertThat(scan.missingFacts()).containsExactlyInAnyOrder("household.receivesIgo", "household.receivesDisabilityAllowance");
        book.put(v, "household.receivesIgo", true);
        v.unset(book.schema.slot("rights.sociaal_tarief"));
        assertThat(book.evaluate("demodorp", LocalDate.of(2025, 3, 1), v, List.of("energiescan"), Locale.ROOT).get(0).outcome())
                .isEqualTo(Outcome.ELIGIBLE);
    }
}
