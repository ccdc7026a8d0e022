package io.trustspace.identity.credential;

import java.util.BitSet;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * {@link StatusListStore} in memory, for tests and single-node trials: everything is lost on restart, which breaks the
 * port's "never reuse a position" rule, so production needs a persistent store. Lists are named {@code 1}, {@code 2},
 * …; within a list an index is drawn from {@code random} and, if taken, the next free index after it is used.
 *
 * <p>Thread-safe: every method holds the store's lock.
 */
public final class InMemoryStatusListStore implements StatusListStore {

    private final RandomGenerator random;
    private final int entriesPerList;
    private final Map<String, ListState> lists = new LinkedHashMap<>();
    private ListState current;

    private static final class ListState {
        final String id;
        final BitSet allocated = new BitSet();
        final Map<StatusPurpose, BitstringStatusList> bits = new EnumMap<>(StatusPurpose.class);
        int allocatedCount;

        ListState(String id, int entries) {
            this.id = id;
            for (StatusPurpose purpose : StatusPurpose.values()) {
                bits.put(purpose, BitstringStatusList.empty(entries));
            }
        }
    }

    /** A store with lists of the spec's minimum size, {@value BitstringStatusList#MIN_ENTRIES} entries. */
    public InMemoryStatusListStore(RandomGenerator random) {
        this(random, BitstringStatusList.MIN_ENTRIES);
    }

    /** @throws IllegalArgumentException if {@code entriesPerList} is not a valid list size */
    public InMemoryStatusListStore(RandomGenerator random, int entriesPerList) {
        this.random = Objects.requireNonNull(random, "random");
        BitstringStatusList.empty(entriesPerList); // validates the size
        this.entriesPerList = entriesPerList;
    }

    @Override
    public synchronized StatusListPosition allocate() {
        if (current == null || current.allocatedCount == entriesPerList) {
            String id = Integer.toString(lists.size() + 1);
            current = new ListState(id, entriesPerList);
            lists.put(id, current);
        }
        int start = random.nextInt(entriesPerList);
        int index = current.allocated.nextClearBit(start);
        if (index >= entriesPerList) {
            index = current.allocated.nextClearBit(0);
        }
        current.allocated.set(index);
        current.allocatedCount++;
        return new StatusListPosition(current.id, index);
    }

    @Override
    public synchronized void set(StatusListPosition position, StatusPurpose purpose, boolean value) {
        ListState list = allocated(position);
        list.bits.put(purpose, list.bits.get(purpose).with(position.index(), value));
    }

    @Override
    public synchronized boolean isSet(StatusListPosition position, StatusPurpose purpose) {
        return allocated(position).bits.get(purpose).isSet(position.index());
    }

    @Override
    public synchronized Optional<BitstringStatusList> list(String listId, StatusPurpose purpose) {
        ListState list = lists.get(listId);
        return list == null ? Optional.empty() : Optional.of(list.bits.get(purpose));
    }

    @Override
    public synchronized List<String> listIds() {
        return List.copyOf(lists.keySet());
    }

    private ListState allocated(StatusListPosition position) {
        ListState list = lists.get(position.listId());
        if (list == null || position.index() >= entriesPerList || !list.allocated.get(position.index())) {
            throw new IllegalArgumentException("status list position " + position + " was never allocated");
        }
        return list;
    }
}
