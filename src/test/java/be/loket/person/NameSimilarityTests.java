package be.loket.person;

import static org.assertj.core.api.Assertions.assertThat;

import be.loket.person.internal.NameGrams;
import be.loket.person.internal.NameSimilarity;
import be.loket.platform.Texts;
import org.junit.jupiter.api.Test;

class NameSimilarityTests {

    @Test
    void foldsAccentsCaseAndPunctuation() {
        assertThat(Texts.fold("Öztürk")).isEqualTo("ozturk");
        assertThat(Texts.fold("  ÇELİK-Yılmaz ")).isEqualTo("celik yilmaz");
        assertThat(Texts.fold("Van den Broeck")).isEqualTo("van den broeck");
        assertThat(Texts.fold("Wiśniewska")).isEqualTo("wisniewska");
    }

    @Test
    void accentsAndCaseDoNotMatterAndSmallTyposAreForgiven() {
        assertThat(NameSimilarity.score("Ozturk", "Ayşe Öztürk")).isEqualTo(1.0);
        assertThat(NameSimilarity.score("özturk", "Ayşe Öztürk")).isEqualTo(1.0);
        assertThat(NameSimilarity.score("Oztruk", "Ayşe Öztürk")).isGreaterThan(0.8);
        assertThat(NameSimilarity.score("Peters", "Tom Peeters")).isGreaterThan(0.8);
        assertThat(NameSimilarity.score("aise oztruk", "Ayşe Öztürk")).isGreaterThan(0.6);
    }

    @Test
    void prefixesMatchButOtherNamesDoNot() {
        assertThat(NameSimilarity.score("Jan", "Koen Janssens")).isEqualTo(0.9);
        assertThat(NameSimilarity.score("Kowalski", "Ayşe Öztürk")).isZero();
        assertThat(NameSimilarity.score("Maes Peeters", "Tom Peeters")).isZero();
        assertThat(NameSimilarity.score("Ali", "Ala Demir")).isZero();
    }

    @Test
    void gramsArePaddedLikePgTrgm() {
        assertThat(NameGrams.of("Öz")).containsExactly("  o", " oz", "oz ");
    }
}
