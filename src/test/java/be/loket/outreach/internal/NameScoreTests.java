package be.loket.outreach.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NameScoreTests {
    @Test
    void accentsCaseAndHyphensDoNotCountTyposDoAWrongNameScoresLow() {
        assertThat(NameScore.of("Jérôme Dubois-Wachtlijst", "jerome dubois wachtlijst")).isEqualTo(1.0);
        assertThat(NameScore.of("Francoise Lemaitre-Wachtlyst", "Françoise Lemaître-Wachtlijst")).isBetween(0.9, 0.95);
        assertThat(NameScore.of("Ayse Öztürk", "Ayşe Öztürk Yilmaz")).isBetween(0.95, 0.99);
        assertThat(NameScore.of("Piet Peeters", "Fatima El Amrani")).isLessThan(0.4);
        assertThat(NameScore.of("", "Piet")).isZero();
    }
}
