package be.loket.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChunksTests {
    @Test
    void cutsInOrderWithAShorterLastPiece() {
        assertThat(Chunks.of(List.of(1, 2, 3, 4, 5), 2)).containsExactly(List.of(1, 2), List.of(3, 4), List.of(5));
        assertThat(Chunks.of(new LinkedHashSet<>(List.of("a", "b", "c")), 3)).containsExactly(List.of("a", "b", "c"));
    }

    @Test
    void noValuesNoPiecesAndNoZeroSize() {
        assertThat(Chunks.of(List.of(), 500)).isEmpty();
        assertThatThrownBy(() -> Chunks.of(List.of(1), 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
