package io.trustspace.identity.credential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class InMemoryStatusListStoreTest {

    @Test
    void allocate_neverRepeatsAPosition_andOpensANewListWhenOneIsFull() {
        InMemoryStatusListStore store = new InMemoryStatusListStore(new Random(7));
        Set<Integer> indexes = new HashSet<>();

        for (int i = 0; i < BitstringStatusList.MIN_ENTRIES; i++) {
            StatusListPosition position = store.allocate();
            assertThat(position.listId()).isEqualTo("1");
            assertThat(indexes.add(position.index())).isTrue();
        }
        StatusListPosition next = store.allocate();

        assertThat(next.listId()).isEqualTo("2");
        assertThat(store.listIds()).containsExactly("1", "2");
    }

    @Test
    void allocate_drawsIndexesAtRandom_notInIssuanceOrder() {
        InMemoryStatusListStore store = new InMemoryStatusListStore(new Random(7));

        int first = store.allocate().index();
        int second = store.allocate().index();

        assertThat(Math.abs(second - first)).isGreaterThan(1);
    }

    @Test
    void set_isIdempotent_andVisibleInTheListSnapshot() {
        InMemoryStatusListStore store = new InMemoryStatusListStore(new Random(7));
        StatusListPosition position = store.allocate();
        BitstringStatusList before = store.list("1", StatusPurpose.REVOCATION).orElseThrow();

        store.set(position, StatusPurpose.REVOCATION, true);
        store.set(position, StatusPurpose.REVOCATION, true);

        assertThat(store.isSet(position, StatusPurpose.REVOCATION)).isTrue();
        assertThat(store.isSet(position, StatusPurpose.SUSPENSION)).isFalse();
        assertThat(store.list("1", StatusPurpose.REVOCATION).orElseThrow().isSet(position.index()))
                .isTrue();
        assertThat(before.isSet(position.index())).isFalse();
        assertThat(store.list("9", StatusPurpose.REVOCATION)).isEmpty();
    }

    @Test
    void set_ofAPositionNeverAllocated_isAProgrammingError() {
        InMemoryStatusListStore store = new InMemoryStatusListStore(new Random(7));
        StatusListPosition position = store.allocate();
        StatusListPosition other =
                new StatusListPosition("1", (position.index() + 1) % BitstringStatusList.MIN_ENTRIES);

        assertThatThrownBy(() -> store.set(other, StatusPurpose.REVOCATION, true))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.isSet(new StatusListPosition("2", 0), StatusPurpose.REVOCATION))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
