package io.trustspace.catalog.resource;

import io.trustspace.catalog.identifier.DataIdentifier;
import io.trustspace.common.Result;
import io.trustspace.common.tx.Transactions;
import io.trustspace.ledger.outbox.EvidenceRecorder;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Publication of resources in the catalog of one space (prefix {@code spacePrefix}):
 *
 * <ol>
 *   <li>{@link #draft}, {@link #update}: the provider writes metadata and registers the data address;
 *   <li>{@link #submit}: runs {@link AdmissionChecks} (and, for a data product, checks that each dataset it is built
 *       on is listed). With findings the resource stays DRAFT and keeps them ({@code resource.checks-failed}); without,
 *       it moves to SUBMITTED and waits in {@link #reviewQueue};
 *   <li>{@link #list} (mints the data identifier {@code <prefix>/<provider>/<local id>@<revision>}), {@link #reject}:
 *       an operator's review; {@link #reopen} takes a rejected resource back to DRAFT;
 *   <li>{@link #delist}: withdraws a listed resource; its identifier then resolves to a tombstone with the reason;
 *   <li>{@link #revise}: starts the next revision of a listed or delisted resource (a new draft, same local id,
 *       revision + 1), listed in turn under {@code @<revision + 1>};
 *   <li>{@link #resolve}: what an identifier names now, versioned or not.
 * </ol>
 *
 * <p>Every change is saved and recorded as evidence ({@link ResourceEvent#evidenceType()}, subjects the resource id
 * and, once minted, the identifier) in one transaction: both commit or neither does.
 *
 * <p>Who may act is the edge's business (an authenticated provider for its own resources, a reviewer role for
 * review); the service only refuses a provider acting on another provider's resource. Failures: INVALID (bad input),
 * FORBIDDEN (not the resource's provider), NOT_FOUND, CONFLICT (a transition the state does not allow, a taken local
 * id, a stale or concurrent update). Thread-safe.
 */
public final class ResourceService {

    private final String spacePrefix;
    private final ResourceRepository repository;
    private final AdmissionChecks checks;
    private final Transactions transactions;
    private final EvidenceRecorder evidence;
    private final Clock clock;
    private final Supplier<UUID> ids;

    public ResourceService(
            String spacePrefix,
            ResourceRepository repository,
            AdmissionChecks checks,
            Transactions transactions,
            EvidenceRecorder evidence,
            Clock clock,
            Supplier<UUID> ids) {
        DataIdentifier.spacePrefixProblem(spacePrefix).ifPresent(problem -> {
            throw new IllegalArgumentException(problem);
        });
        this.spacePrefix = spacePrefix;
        this.repository = Objects.requireNonNull(repository, "repository");
        this.checks = Objects.requireNonNull(checks, "checks");
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.evidence = Objects.requireNonNull(evidence, "evidence");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ids = Objects.requireNonNull(ids, "ids");
    }

    /**
     * Creates a DRAFT of revision 1. The metadata may be incomplete; {@code dataAddress} may be null until submission.
     * INVALID for a malformed provider or local id, CONFLICT if the provider already used this local id.
     */
    public Result<Resource> draft(
            String provider, ResourceKind kind, String localId, ResourceMetadata metadata, DataAddress dataAddress) {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(metadata, "metadata");
        Optional<String> problem =
                DataIdentifier.participantProblem(provider).or(() -> DataIdentifier.localIdProblem(localId));
        if (problem.isPresent()) {
            return Result.invalid(problem.get());
        }
        if (!repository.findRevisions(provider, localId).isEmpty()) {
            return Result.conflict("provider " + provider + " already has a resource '" + localId
                    + "'; revise it instead of drafting it again");
        }
        return commit(
                Resource.draft(ResourceId.of(ids.get()), kind, provider, localId, 1, metadata, dataAddress, now()));
    }

    /** Replaces a draft's metadata and, when not null, its data address. */
    public Result<Resource> update(ResourceId id, String provider, ResourceMetadata metadata, DataAddress dataAddress) {
        return find(id).flatMap(resource -> resource.update(provider, metadata, dataAddress, now()))
                .flatMap(this::commit);
    }

    /** The automatic findings for a resource as it is now, without submitting it (a preview for the provider). */
    public Result<List<Finding>> check(ResourceId id) {
        return find(id).map(this::findings);
    }

    /**
     * Submits a draft. The result is the saved resource: SUBMITTED when the checks passed, still DRAFT with
     * {@link Resource#findings()} when they did not (both are evidenced).
     */
    public Result<Resource> submit(ResourceId id, String provider) {
        return find(id).flatMap(resource -> resource.submit(provider, findings(resource), now()))
                .flatMap(this::commit);
    }

    /** SUBMITTED → LISTED: mints and returns the resource with its identifier. */
    public Result<Resource> list(ResourceId id, Decision decision) {
        return find(id).flatMap(resource -> resource.list(spacePrefix, decision, now()))
                .flatMap(this::commit);
    }

    /** SUBMITTED → REJECTED. */
    public Result<Resource> reject(ResourceId id, Decision decision) {
        return find(id).flatMap(resource -> resource.reject(decision, now())).flatMap(this::commit);
    }

    /** REJECTED → DRAFT, by the provider. */
    public Result<Resource> reopen(ResourceId id, String provider) {
        return find(id).flatMap(resource -> resource.reopen(provider, now())).flatMap(this::commit);
    }

    /** LISTED → DELISTED; the decision's reason is shown by the tombstone. */
    public Result<Resource> delist(ResourceId id, Decision decision) {
        return find(id).flatMap(resource -> resource.delist(decision, now())).flatMap(this::commit);
    }

    /**
     * Starts the next revision of a resource whose latest revision is LISTED or DELISTED: a DRAFT with the same
     * kind, local id, metadata and data address, and revision + 1. Earlier revisions keep their identifiers and
     * states. CONFLICT if a later revision is already being worked on.
     */
    public Result<Resource> revise(ResourceId id, String provider) {
        return find(id).flatMap(resource -> {
            if (!resource.provider().equals(provider)) {
                return Result.forbidden("only the provider of resource " + id + " may revise it");
            }
            List<Resource> revisions = repository.findRevisions(resource.provider(), resource.localId());
            Resource latest = revisions.get(revisions.size() - 1);
            if (latest.identifier() == null) {
                return Result.conflict("revision " + latest.revision() + " of '" + resource.localId() + "' is "
                        + latest.state() + "; finish it before starting another");
            }
            if (latest.revision() >= DataIdentifier.MAX_VERSION) {
                return Result.conflict("'" + resource.localId() + "' has no revision numbers left");
            }
            return commit(Resource.draft(
                    ResourceId.of(ids.get()),
                    latest.kind(),
                    provider,
                    latest.localId(),
                    latest.revision() + 1,
                    latest.metadata(),
                    latest.dataAddress(),
                    now()));
        });
    }

    /** The resource (with its data address: for the provider and reviewers only), or NOT_FOUND. */
    public Result<Resource> find(ResourceId id) {
        return repository
                .findById(id)
                .<Result<Resource>>map(Result::ok)
                .orElseGet(() -> Result.notFound("no resource " + id));
    }

    /** Submitted resources waiting for a reviewer, longest-waiting first. */
    public List<Resource> reviewQueue(int limit) {
        return repository.findByState(ResourceState.SUBMITTED, limit);
    }

    /** Up to {@code limit} listed resources, as the public catalog shows them. */
    public List<CatalogView> catalog(int limit) {
        return repository.findByState(ResourceState.LISTED, limit).stream()
                .map(CatalogView::of)
                .toList();
    }

    /**
     * What {@code identifier} names: a versioned identifier its exact revision; an unversioned one the highest
     * LISTED revision, or if none is listed the highest DELISTED one. INVALID for a malformed identifier, NOT_FOUND
     * for one of another space or never minted (drafts, submissions and rejections have no identifier).
     */
    public Result<Resolution> resolve(String identifier) {
        return DataIdentifier.parse(identifier).flatMap(this::resolve);
    }

    /** {@link #resolve(String)} for a parsed identifier. */
    public Result<Resolution> resolve(DataIdentifier identifier) {
        Result<Resolution> notFound = Result.notFound("no resource is identified as " + identifier);
        if (!identifier.spacePrefix().equals(spacePrefix)) {
            return notFound;
        }
        Optional<Resource> found;
        if (identifier.isVersioned()) {
            found = repository.findByIdentifier(identifier);
        } else {
            List<Resource> minted = repository.findRevisions(identifier.participant(), identifier.localId()).stream()
                    .filter(resource -> resource.identifier() != null)
                    .sorted(Comparator.comparing((Resource resource) -> resource.state() == ResourceState.LISTED)
                            .thenComparingInt(Resource::revision))
                    .toList();
            found = minted.isEmpty() ? Optional.empty() : Optional.of(minted.get(minted.size() - 1));
        }
        return found.<Result<Resolution>>map(resource -> Result.ok(Resolution.of(resource)))
                .orElse(notFound);
    }

    private List<Finding> findings(Resource resource) {
        List<Finding> findings =
                new ArrayList<>(checks.check(resource.kind(), resource.metadata(), resource.dataAddress() != null));
        List<DataIdentifier> basedOn = resource.metadata().basedOn();
        if (resource.kind() == ResourceKind.DATA_PRODUCT) {
            for (int i = 0; i < basedOn.size(); i++) {
                DataIdentifier dataset = basedOn.get(i);
                if (!dataset.isVersioned()) {
                    continue; // already a finding of the automatic checks
                }
                boolean listedDataset = dataset.spacePrefix().equals(spacePrefix)
                        && repository
                                .findByIdentifier(dataset)
                                .filter(found ->
                                        found.state() == ResourceState.LISTED && found.kind() == ResourceKind.DATASET)
                                .isPresent();
                if (!listedDataset) {
                    findings.add(new Finding(
                            "basedOn[" + i + "]",
                            Finding.BASED_ON,
                            dataset + " is not a listed dataset of this space"));
                }
            }
        }
        return findings;
    }

    /**
     * Saves the changed resource and records its evidence in one transaction. A failed save (conflict) rolls the
     * transaction back and is returned as the result.
     */
    private Result<Resource> commit(ResourceChange change) {
        try {
            return transactions.inTransaction(() -> {
                Result<Resource> saved = repository.save(change.resource());
                if (saved instanceof Result.Failure<Resource> failure) {
                    throw new SaveRefused(failure);
                }
                evidence.record(change.event().evidenceType(), change.subjects(), change.evidencePayload());
                return saved;
            });
        } catch (SaveRefused refused) {
            return refused.failure;
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    /** Unwinds the transaction so that nothing of a refused save commits; carries the failure out. */
    private static final class SaveRefused extends RuntimeException {
        private final transient Result<Resource> failure;

        SaveRefused(Result<Resource> failure) {
            super(null, null, false, false);
            this.failure = failure;
        }
    }
}
