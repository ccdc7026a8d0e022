package io.trustspace.ledger.witness;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * A {@link WitnessStore} in memory, for tests and for a witness whose state may be lost (nothing else should use it:
 * a witness that forgets what it cosigned can be walked into cosigning a fork). Thread-safe; per-origin updates are
 * atomic through {@link ConcurrentMap#putIfAbsent} and {@link ConcurrentMap#replace(Object, Object, Object)}.
 */
public final class InMemoryWitnessStore implements WitnessStore {

    private final ConcurrentMap<String, CosignedCheckpoint> states = new ConcurrentHashMap<>();

    @Override
    public Optional<CosignedCheckpoint> latest(String origin) {
        return Optional.ofNullable(states.get(origin));
    }

    @Override
    public boolean insertIfAbsent(String origin, CosignedCheckpoint first, Instant now) {
        return states.putIfAbsent(origin, first) == null;
    }

    @Override
    public boolean compareAndSet(String origin, CosignedCheckpoint expected, CosignedCheckpoint next, Instant now) {
        WitnessStore.requireForward(expected, next);
        CosignedCheckpoint current = states.get(origin);
        // replace(key, old, new) compares with equals, which includes the note; compare-and-set is on the tree, so
        // swap against the instance actually stored after checking it is the expected tree.
        return current != null && current.sameTree(expected) && states.replace(origin, current, next);
    }
}
