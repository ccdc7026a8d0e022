package io.trustspace.catalog.resource;

import static io.trustspace.catalog.resource.Fixtures.ADDRESS;
import static io.trustspace.catalog.resource.Fixtures.OTHER_PROVIDER;
import static io.trustspace.catalog.resource.Fixtures.PROVIDER;
import static io.trustspace.catalog.resource.Fixtures.SPACE;
import static org.assertj.core.api.Assertions.assertThat;

import io.trustspace.catalog.identifier.DataIdentifier;
import io.trustspace.common.Result;
import io.trustspace.crypto.CryptoSuites;
import io.trustspace.crypto.SuiteId;
import io.trustspace.ledger.evidence.EvidenceRecord;
import io.trustspace.ledger.outbox.EvidenceRecorder;
import io.trustspace.ledger.testing.DirectTransactions;
import io.trustspace.ledger.testing.FakeEvidenceSigner;
import io.trustspace.ledger.testing.InMemoryEvidenceOutbox;
import io.trustspace.ledger.testing.SteppingClock;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ResourceServiceTest {

    private final SteppingClock clock = new SteppingClock(Instant.parse("2026-03-01T08:00:00Z"), Duration.ofSeconds(1));
    private final DirectTransactions transactions = new DirectTransactions();
    private final InMemoryEvidenceOutbox outbox = new InMemoryEvidenceOutbox(transactions);
    private final InMemoryResourceRepository repository = new InMemoryResourceRepository();
    private final AtomicLong uuids = new AtomicLong();
    private final AtomicLong evidenceIds = new AtomicLong();
    /** Every evidence payload written, to check none holds the data address. */
    private final List<byte[]> payloads = new ArrayList<>();

    private final EvidenceRecorder recorder = new EvidenceRecorder(
            transactions,
            outbox,
            new FakeEvidenceSigner(),
            CryptoSuites.of(SuiteId.INTL),
            clock,
            () -> "ev-" + evidenceIds.incrementAndGet(),
            () -> {});
    private final ResourceService service = new ResourceService(
            SPACE,
            repository,
            new AdmissionChecks(),
            transactions,
            recorder,
            clock,
            () -> new UUID(42, uuids.incrementAndGet()));

    private static final Decision REVIEW = Decision.of("reviewer:alice", "metadata and assessment checked");

    private Resource drafted(String localId) {
        return service.draft(PROVIDER, ResourceKind.DATASET, localId, Fixtures.dataset(), ADDRESS)
                .orElseThrow();
    }

    private Resource listed(String localId) {
        Resource draft = drafted(localId);
        service.submit(draft.id(), PROVIDER).orElseThrow();
        return service.list(draft.id(), REVIEW).orElseThrow();
    }

    private List<String> evidenceTypes(Resource resource) {
        return outbox.about(resource.id().value()).stream()
                .map(EvidenceRecord::type)
                .toList();
    }

    private static <T> Result.Failure<T> failure(Result<T> result) {
        assertThat(result).isInstanceOf(Result.Failure.class);
        return (Result.Failure<T>) result;
    }

    @Test
    void draft_isStoredAsDraft_andEvidenced() {
        Resource draft = drafted("traffic");
        assertThat(draft.state()).isEqualTo(ResourceState.DRAFT);
        assertThat(draft.version()).isEqualTo(1);
        assertThat(draft.identifier()).isNull();
        assertThat(evidenceTypes(draft)).containsExactly("resource.drafted");
    }

    @Test
    void draft_refusesMalformedLocalId_andATakenOne() {
        assertThat(failure(service.draft(PROVIDER, ResourceKind.DATASET, "-bad", Fixtures.dataset(), null))
                        .kind())
                .isEqualTo(Result.Kind.INVALID);
        drafted("traffic");
        assertThat(failure(service.draft(PROVIDER, ResourceKind.DATASET, "traffic", Fixtures.dataset(), null))
                        .kind())
                .isEqualTo(Result.Kind.CONFLICT);
        assertThat(service.draft(OTHER_PROVIDER, ResourceKind.DATASET, "traffic", Fixtures.dataset(), null)
                        .isOk())
                .isTrue();
    }

    @Test
    void submit_withFailingChecks_staysDraftWithFindings_andIsEvidenced() {
        Resource draft = service.draft(
                        PROVIDER,
                        ResourceKind.DATASET,
                        "grid",
                        Fixtures.withClassification(
                                Fixtures.dataset(), new Classification(ClassificationLevel.CORE, "能源/电网", null)),
                        null)
                .orElseThrow();
        Resource after = service.submit(draft.id(), PROVIDER).orElseThrow();
        assertThat(after.state()).isEqualTo(ResourceState.DRAFT);
        assertThat(after.findings()).extracting(Finding::rule).containsExactly(Finding.CORE_DATA, Finding.REQUIRED);
        assertThat(service.check(draft.id()).orElseThrow()).isEqualTo(after.findings());
        assertThat(evidenceTypes(draft)).containsExactly("resource.drafted", "resource.checks-failed");
        assertThat(service.reviewQueue(10)).isEmpty();

        Resource fixed = service.update(draft.id(), PROVIDER, Fixtures.dataset(), ADDRESS)
                .orElseThrow();
        Resource submitted = service.submit(fixed.id(), PROVIDER).orElseThrow();
        assertThat(submitted.state()).isEqualTo(ResourceState.SUBMITTED);
        assertThat(submitted.findings()).isEmpty();
        assertThat(service.reviewQueue(10)).extracting(Resource::id).containsExactly(draft.id());
    }

    @Test
    void everyTransition_isEvidencedInTheTransactionOfItsSave() {
        Resource listed = listed("traffic");
        Resource delisted = service.delist(listed.id(), Decision.of(PROVIDER, "source system retired"))
                .orElseThrow();
        Resource rejectedDraft = drafted("weather");
        service.submit(rejectedDraft.id(), PROVIDER).orElseThrow();
        service.reject(rejectedDraft.id(), Decision.of("reviewer:bob", "category wrong"))
                .orElseThrow();
        service.reopen(rejectedDraft.id(), PROVIDER).orElseThrow();
        service.update(rejectedDraft.id(), PROVIDER, Fixtures.dataset(), null).orElseThrow();

        assertThat(evidenceTypes(delisted))
                .containsExactly("resource.drafted", "resource.submitted", "resource.listed", "resource.delisted");
        assertThat(evidenceTypes(rejectedDraft))
                .containsExactly(
                        "resource.drafted",
                        "resource.submitted",
                        "resource.rejected",
                        "resource.reopened",
                        "resource.updated");
        assertThat(outbox.added()).allMatch(InMemoryEvidenceOutbox.Added::inTransaction);
        // Once minted, the identifier is a subject too, so its own chain holds listing and delisting.
        assertThat(outbox.about(delisted.identifier().format()))
                .extracting(EvidenceRecord::type)
                .containsExactly("resource.listed", "resource.delisted");
        // One record per saved change, and each transition of the stored history has its record.
        int transitionsSaved = delisted.transitions().size()
                + service.find(rejectedDraft.id()).orElseThrow().transitions().size();
        assertThat(outbox.added()).hasSize(transitionsSaved + 1);
    }

    @Test
    void evidencePayload_isTheCanonicalJsonOfTheStoredTransition() {
        Resource listed = listed("traffic");
        EvidenceRecord record = outbox.about(listed.id().value()).get(2);
        Transition transition = listed.lastTransition();
        String expected = "{\"actor\":\"reviewer:alice\",\"at\":\"" + transition.at() + "\",\"event\":\"listed\","
                + "\"from\":\"SUBMITTED\",\"identifier\":\"" + listed.identifier() + "\",\"kind\":\"DATASET\","
                + "\"provider\":\"" + PROVIDER + "\",\"reason\":\"metadata and assessment checked\","
                + "\"resource\":\"" + listed.id() + "\",\"revision\":1,\"state\":\"LISTED\"}";
        assertThat(record.payloadDigest()).isEqualTo(recorder.digest(expected.getBytes(StandardCharsets.UTF_8)));
        assertThat(record.subjects())
                .containsExactly(listed.id().value(), listed.identifier().format());
    }

    @Test
    void list_mintsAVersionedIdentifier() {
        Resource listed = listed("traffic");
        assertThat(listed.state()).isEqualTo(ResourceState.LISTED);
        assertThat(listed.identifier().format()).isEqualTo(SPACE + "/" + PROVIDER + "/traffic@1");
    }

    @Test
    void resolve_listed_givesMetadataHolderAccessMethodAndStatus() {
        Resource listed = listed("traffic");
        Resolution resolution = service.resolve(listed.identifier().format()).orElseThrow();
        assertThat(resolution).isInstanceOf(Resolution.Active.class);
        CatalogView view = ((Resolution.Active) resolution).view();
        assertThat(view.identifier()).isEqualTo(listed.identifier());
        assertThat(view.holder()).isEqualTo(PROVIDER);
        assertThat(view.status()).isEqualTo(ResourceState.LISTED);
        assertThat(view.accessMethods()).containsExactly(AccessMethod.DOWNLOAD);
        assertThat(view.metadata()).isEqualTo(Fixtures.dataset());
        assertThat(service.resolve(listed.identifier().unversioned().format()).orElseThrow())
                .isEqualTo(resolution);
        assertThat(service.catalog(10)).containsExactly(view);
    }

    @Test
    void resolve_afterDelisting_givesATombstoneWithTheReason() {
        Resource listed = listed("traffic");
        service.delist(listed.id(), Decision.of("operator:carol", "provider lost its licence"))
                .orElseThrow();
        for (String identifier : List.of(
                listed.identifier().format(), listed.identifier().unversioned().format())) {
            Resolution resolution = service.resolve(identifier).orElseThrow();
            assertThat(resolution).isInstanceOf(Resolution.Tombstone.class);
            Resolution.Tombstone tombstone = (Resolution.Tombstone) resolution;
            assertThat(tombstone.identifier()).isEqualTo(listed.identifier());
            assertThat(tombstone.status()).isEqualTo(ResourceState.DELISTED);
            assertThat(tombstone.reason()).isEqualTo("provider lost its licence");
            assertThat(tombstone.delistedBy()).isEqualTo("operator:carol");
            assertThat(tombstone.holder()).isEqualTo(PROVIDER);
            assertThat(tombstone.title()).isEqualTo(Fixtures.dataset().title());
        }
        assertThat(service.catalog(10)).isEmpty();
    }

    @Test
    void resolve_refusesMalformed_andFindsNothingUnminted() {
        assertThat(failure(service.resolve("not an identifier")).kind()).isEqualTo(Result.Kind.INVALID);
        Resource draft = drafted("traffic");
        DataIdentifier future = draft.identifierIn(SPACE);
        assertThat(failure(service.resolve(future.format())).kind()).isEqualTo(Result.Kind.NOT_FOUND);
        assertThat(failure(service.resolve(future.unversioned())).kind()).isEqualTo(Result.Kind.NOT_FOUND);
        service.submit(draft.id(), PROVIDER).orElseThrow();
        service.reject(draft.id(), REVIEW).orElseThrow();
        assertThat(failure(service.resolve(future.format())).kind()).isEqualTo(Result.Kind.NOT_FOUND);
        Resource listed = listed("weather");
        DataIdentifier otherSpace = DataIdentifier.of("other.space", PROVIDER, "weather", 1);
        assertThat(failure(service.resolve(otherSpace)).kind()).isEqualTo(Result.Kind.NOT_FOUND);
        assertThat(failure(service.resolve(listed.identifier().withVersion(2))).kind())
                .isEqualTo(Result.Kind.NOT_FOUND);
    }

    @Test
    void revise_listsTheNextVersion_andEveryVersionStaysResolvable() {
        Resource first = listed("traffic");
        Resource second = service.revise(first.id(), PROVIDER).orElseThrow();
        assertThat(second.revision()).isEqualTo(2);
        assertThat(second.state()).isEqualTo(ResourceState.DRAFT);
        assertThat(failure(service.revise(first.id(), PROVIDER)).kind()).isEqualTo(Result.Kind.CONFLICT);
        assertThat(failure(service.revise(first.id(), OTHER_PROVIDER)).kind()).isEqualTo(Result.Kind.FORBIDDEN);
        service.submit(second.id(), PROVIDER).orElseThrow();
        Resource secondListed = service.list(second.id(), REVIEW).orElseThrow();
        assertThat(secondListed.identifier()).isEqualTo(first.identifier().withVersion(2));

        DataIdentifier current = first.identifier().unversioned();
        assertThat(service.resolve(current).orElseThrow().identifier()).isEqualTo(secondListed.identifier());
        assertThat(service.resolve(first.identifier()).orElseThrow().status()).isEqualTo(ResourceState.LISTED);

        // Delisting the latest leaves the unversioned identifier on the version still listed.
        service.delist(second.id(), REVIEW).orElseThrow();
        assertThat(service.resolve(current).orElseThrow().identifier()).isEqualTo(first.identifier());
        assertThat(service.resolve(secondListed.identifier()).orElseThrow()).isInstanceOf(Resolution.Tombstone.class);
        service.delist(first.id(), REVIEW).orElseThrow();
        assertThat(service.resolve(current).orElseThrow())
                .isInstanceOf(Resolution.Tombstone.class)
                .extracting(Resolution::identifier)
                .isEqualTo(secondListed.identifier());
    }

    @Test
    void dataProduct_mustBeBuiltOnListedDatasets() {
        Resource dataset = listed("traffic");
        DataIdentifier unknown = dataset.identifier().withVersion(9);
        ResourceMetadata product = Fixtures.withBasedOn(Fixtures.dataset(), List.of(dataset.identifier(), unknown));
        Resource draft = service.draft(PROVIDER, ResourceKind.DATA_PRODUCT, "congestion-index", product, ADDRESS)
                .orElseThrow();
        Resource checked = service.submit(draft.id(), PROVIDER).orElseThrow();
        assertThat(checked.state()).isEqualTo(ResourceState.DRAFT);
        assertThat(checked.findings())
                .containsExactly(new Finding(
                        "basedOn[1]", Finding.BASED_ON, unknown + " is not a listed dataset of this space"));
        service.update(
                        draft.id(),
                        PROVIDER,
                        Fixtures.withBasedOn(Fixtures.dataset(), List.of(dataset.identifier())),
                        null)
                .orElseThrow();
        assertThat(service.submit(draft.id(), PROVIDER).orElseThrow().state()).isEqualTo(ResourceState.SUBMITTED);
    }

    @Test
    void illegalTransitions_areRefusedWithoutEvidence() {
        Resource draft = drafted("traffic");
        int before = outbox.added().size();
        assertThat(failure(service.list(draft.id(), REVIEW)).kind()).isEqualTo(Result.Kind.CONFLICT);
        assertThat(failure(service.delist(draft.id(), REVIEW)).kind()).isEqualTo(Result.Kind.CONFLICT);
        assertThat(failure(service.reject(draft.id(), REVIEW)).kind()).isEqualTo(Result.Kind.CONFLICT);
        assertThat(failure(service.reopen(draft.id(), PROVIDER)).kind()).isEqualTo(Result.Kind.CONFLICT);
        assertThat(failure(service.submit(draft.id(), OTHER_PROVIDER)).kind()).isEqualTo(Result.Kind.FORBIDDEN);
        assertThat(failure(service.list(ResourceId.of(new UUID(9, 9)), REVIEW)).kind())
                .isEqualTo(Result.Kind.NOT_FOUND);
        assertThat(outbox.added()).hasSize(before);
        assertThat(service.find(draft.id()).orElseThrow()).isEqualTo(draft);
    }

    @Test
    void staleSave_isRefused_andRecordsNothing() {
        Resource draft = drafted("traffic");
        Resource submitted = service.submit(draft.id(), PROVIDER).orElseThrow();
        int before = outbox.added().size();
        Result<Resource> stale =
                service.list(draft.id(), new Decision("reviewer:alice", "ok", submitted.version() - 1));
        assertThat(failure(stale).kind()).isEqualTo(Result.Kind.CONFLICT);
        assertThat(outbox.added()).hasSize(before);
    }

    @Test
    void dataAddress_neverAppearsInACatalogView() {
        Resource listed = listed("traffic");
        String endpoint = ADDRESS.endpoint();
        CatalogView view = CatalogView.of(listed);
        Resolution active = service.resolve(listed.identifier()).orElseThrow();
        assertThat(view.toString()).doesNotContain(endpoint).doesNotContain("vault:");
        assertThat(active.toString()).doesNotContain(endpoint);
        assertThat(service.catalog(10).toString()).doesNotContain(endpoint);
        service.delist(listed.id(), REVIEW).orElseThrow();
        assertThat(service.resolve(listed.identifier()).orElseThrow().toString())
                .doesNotContain(endpoint);
        // The address is still with the resource, for the provider's data plane.
        assertThat(service.find(listed.id()).orElseThrow().dataAddress()).isEqualTo(ADDRESS);
        // Nor is it in any evidence, nor in the address's own toString (logs).
        assertThat(ADDRESS.toString()).doesNotContain(endpoint);
        assertThat(service.find(listed.id()).orElseThrow().toString()).doesNotContain(endpoint);
    }

    @Test
    void noPublicProjection_canReachADataAddress() {
        assertThat(reachableTypes(CatalogView.class)).doesNotContain(DataAddress.class, Resource.class);
        for (Class<?> resolution : Resolution.class.getPermittedSubclasses()) {
            assertThat(reachableTypes(resolution)).doesNotContain(DataAddress.class, Resource.class);
        }
        assertThat(reachableTypes(ResourceMetadata.class)).doesNotContain(DataAddress.class);
    }

    @Test
    void evidencePayloads_neverHoldTheDataAddress() {
        Resource listed = listed("traffic");
        service.delist(listed.id(), REVIEW).orElseThrow();
        Resource draft = service.draft(PROVIDER, ResourceKind.DATASET, "bad", ResourceMetadata.empty(), ADDRESS)
                .orElseThrow();
        service.submit(draft.id(), PROVIDER).orElseThrow();
        List<ResourceChange> changes = List.of(
                Resource.draft(
                        listed.id(),
                        ResourceKind.DATASET,
                        PROVIDER,
                        "x",
                        1,
                        Fixtures.dataset(),
                        ADDRESS,
                        Instant.EPOCH),
                listed.withVersion(1).delist(REVIEW, Instant.EPOCH).orElseThrow());
        for (ResourceChange change : changes) {
            assertThat(new String(change.evidencePayload(), StandardCharsets.UTF_8))
                    .doesNotContain(ADDRESS.endpoint())
                    .doesNotContain("s3");
        }
    }

    /** Every type reachable through record components and type arguments, starting from {@code root}. */
    private static Set<Class<?>> reachableTypes(Class<?> root) {
        Set<Class<?>> seen = new HashSet<>();
        List<Type> todo = new ArrayList<>(List.of(root));
        while (!todo.isEmpty()) {
            Type type = todo.remove(todo.size() - 1);
            if (type instanceof ParameterizedType parameterized) {
                todo.add(parameterized.getRawType());
                todo.addAll(List.of(parameterized.getActualTypeArguments()));
            } else if (type instanceof Class<?> cls && seen.add(cls) && cls.isRecord()) {
                for (RecordComponent component : cls.getRecordComponents()) {
                    todo.add(component.getGenericType());
                }
            }
        }
        return seen;
    }
}
