package io.trustspace.catalog.resource;

import io.trustspace.catalog.identifier.DataIdentifier;
import io.trustspace.common.Result;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Resources in memory, for tests and single-process demos. All methods are synchronized, which gives the port's
 * guarantees (unique provider/local id/revision, exactly one winner among concurrent saves of one version).
 *
 * <p>It does not join transactions: a save is applied at once and not undone if the surrounding unit of work fails
 * later. Resources are immutable, so stored values cannot be changed behind the repository's back.
 */
public final class InMemoryResourceRepository implements ResourceRepository {

    private final Map<ResourceId, Resource> byId = new HashMap<>();
    private final Map<String, ResourceId> byKey = new HashMap<>();

    @Override
    public synchronized Result<Resource> save(Resource resource) {
        Resource stored = byId.get(resource.id());
        if (resource.version() == 0) {
            if (stored != null) {
                return Result.conflict("resource " + resource.id() + " already exists");
            }
            String key = key(resource.provider(), resource.localId(), resource.revision());
            if (byKey.containsKey(key)) {
                return Result.conflict("provider " + resource.provider() + " already has resource '"
                        + resource.localId() + "' revision " + resource.revision());
            }
            Resource inserted = resource.withVersion(1);
            byId.put(inserted.id(), inserted);
            byKey.put(key, inserted.id());
            return Result.ok(inserted);
        }
        if (stored == null) {
            return Result.notFound("no resource " + resource.id());
        }
        if (stored.version() != resource.version()) {
            return Result.conflict("resource " + resource.id() + " was changed concurrently: stored version "
                    + stored.version() + ", saved from version " + resource.version());
        }
        Resource updated = resource.withVersion(resource.version() + 1);
        byId.put(updated.id(), updated);
        return Result.ok(updated);
    }

    @Override
    public synchronized Optional<Resource> findById(ResourceId id) {
        return Optional.ofNullable(byId.get(id));
    }

    @Override
    public synchronized Optional<Resource> findByIdentifier(DataIdentifier identifier) {
        if (!identifier.isVersioned()) {
            throw new IllegalArgumentException("find by a versioned identifier: " + identifier);
        }
        return Optional.ofNullable(byKey.get(key(identifier.participant(), identifier.localId(), identifier.version())))
                .map(byId::get)
                .filter(resource -> identifier.equals(resource.identifier()));
    }

    @Override
    public synchronized List<Resource> findRevisions(String provider, String localId) {
        return byId.values().stream()
                .filter(resource -> resource.provider().equals(provider)
                        && resource.localId().equals(localId))
                .sorted(Comparator.comparingInt(Resource::revision))
                .toList();
    }

    @Override
    public synchronized List<Resource> findByProvider(String provider, int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit " + limit + " is negative");
        }
        return byId.values().stream()
                .filter(resource -> resource.provider().equals(provider))
                .sorted(Comparator.comparing(
                                (Resource resource) -> resource.lastTransition().at())
                        .reversed()
                        .thenComparing(resource -> resource.id().value()))
                .limit(limit)
                .toList();
    }

    @Override
    public synchronized List<Resource> findByState(ResourceState state, int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit " + limit + " is negative");
        }
        return byId.values().stream()
                .filter(resource -> resource.state() == state)
                .sorted(Comparator.comparing(
                                (Resource resource) -> resource.lastTransition().at())
                        .thenComparing(resource -> resource.id().value()))
                .limit(limit)
                .toList();
    }

    private static String key(String provider, String localId, int revision) {
        return provider + "/" + localId + "@" + revision;
    }
}
