package io.trustspace.catalog.resource;

import static io.trustspace.catalog.resource.Fixtures.PROVIDER;
import static io.trustspace.catalog.resource.Fixtures.SPACE;
import static org.assertj.core.api.Assertions.assertThat;

import io.trustspace.catalog.identifier.DataIdentifier;
import io.trustspace.common.Result;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The behaviour every {@link ResourceRepository} must have; extend it once per implementation. */
public abstract class ResourceRepositoryContract {

    private static final Instant NOW = Instant.parse("2026-03-01T08:00:00Z");
    private static final Decision DECISION = Decision.of("reviewer:alice", "ok");

    private ResourceRepository repository;
    private long uuids;

    protected abstract ResourceRepository newRepository();

    @BeforeEach
    void create() {
        repository = newRepository();
    }

    private Resource draft(String localId, int revision) {
        return Resource.draft(
                        ResourceId.of(new UUID(7, ++uuids)),
                        ResourceKind.DATASET,
                        PROVIDER,
                        localId,
                        revision,
                        Fixtures.dataset(),
                        Fixtures.ADDRESS,
                        NOW.plusSeconds(uuids))
                .resource();
    }

    private Resource advance(Result<ResourceChange> change) {
        return repository.save(change.orElseThrow().resource()).orElseThrow();
    }

    @Test
    void insert_thenUpdate_countsVersions() {
        Resource saved = repository.save(draft("traffic", 1)).orElseThrow();
        assertThat(saved.version()).isEqualTo(1);
        Resource submitted = advance(saved.submit(PROVIDER, java.util.List.of(), NOW));
        assertThat(submitted.version()).isEqualTo(2);
        assertThat(repository.findById(saved.id())).contains(submitted);
    }

    @Test
    void save_keepsTheDataAddress() {
        Resource saved = repository.save(draft("traffic", 1)).orElseThrow();
        assertThat(repository.findById(saved.id()).orElseThrow().dataAddress()).isEqualTo(Fixtures.ADDRESS);
    }

    @Test
    void insert_refusesATakenIdOrLocalIdAndRevision() {
        Resource saved = repository.save(draft("traffic", 1)).orElseThrow();
        assertThat(((Result.Failure<Resource>) repository.save(saved.withVersion(0))).kind())
                .isEqualTo(Result.Kind.CONFLICT);
        assertThat(((Result.Failure<Resource>) repository.save(draft("traffic", 1))).kind())
                .isEqualTo(Result.Kind.CONFLICT);
        assertThat(repository.save(draft("traffic", 2)).isOk()).isTrue();
    }

    @Test
    void update_refusesAStaleVersion_andAnUnknownResource() {
        Resource saved = repository.save(draft("traffic", 1)).orElseThrow();
        Resource submitted =
                saved.submit(PROVIDER, java.util.List.of(), NOW).orElseThrow().resource();
        assertThat(repository.save(submitted).isOk()).isTrue();
        assertThat(((Result.Failure<Resource>) repository.save(submitted)).kind())
                .isEqualTo(Result.Kind.CONFLICT);
        assertThat(((Result.Failure<Resource>) repository.save(draft("other", 1).withVersion(4))).kind())
                .isEqualTo(Result.Kind.NOT_FOUND);
    }

    @Test
    void findByIdentifier_findsOnlyMintedIdentifiers() {
        Resource saved = repository.save(draft("traffic", 1)).orElseThrow();
        DataIdentifier identifier = DataIdentifier.of(SPACE, PROVIDER, "traffic", 1);
        assertThat(repository.findByIdentifier(identifier)).isEmpty();
        Resource submitted = advance(saved.submit(PROVIDER, java.util.List.of(), NOW));
        Resource listed = advance(submitted.list(SPACE, DECISION, NOW));
        assertThat(repository.findByIdentifier(identifier)).contains(listed);
        assertThat(repository.findByIdentifier(identifier.withVersion(2))).isEmpty();
        assertThat(repository.findByIdentifier(DataIdentifier.of("other.space", PROVIDER, "traffic", 1)))
                .isEmpty();
    }

    @Test
    void findRevisions_lowestFirst() {
        repository.save(draft("traffic", 2)).orElseThrow();
        repository.save(draft("traffic", 1)).orElseThrow();
        repository.save(draft("weather", 1)).orElseThrow();
        assertThat(repository.findRevisions(PROVIDER, "traffic"))
                .extracting(Resource::revision)
                .containsExactly(1, 2);
        assertThat(repository.findRevisions(Fixtures.OTHER_PROVIDER, "traffic")).isEmpty();
    }

    @Test
    void findByState_longestWaitingFirst_upToLimit() {
        Resource first = repository.save(draft("a", 1)).orElseThrow();
        Resource second = repository.save(draft("b", 1)).orElseThrow();
        repository.save(draft("c", 1)).orElseThrow();
        assertThat(repository.findByState(ResourceState.DRAFT, 2))
                .extracting(Resource::id)
                .containsExactly(first.id(), second.id());
        assertThat(repository.findByState(ResourceState.LISTED, 10)).isEmpty();
    }

    @Test
    void findByProvider_allStates_newestFirst_upToLimit() {
        repository.save(draft("a", 1)).orElseThrow();
        repository.save(draft("b", 1)).orElseThrow();
        repository.save(draft("c", 1)).orElseThrow();
        assertThat(repository.findByProvider(PROVIDER, 10)).hasSize(3);
        assertThat(repository.findByProvider(PROVIDER, 2)).hasSize(2);
        assertThat(repository.findByProvider(Fixtures.OTHER_PROVIDER, 10)).isEmpty();
    }
}
