package io.trustspace.catalog.resource;

import io.trustspace.catalog.identifier.DataIdentifier;
import io.trustspace.common.Result;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A dataset, data product or data service in the catalog, as its provider registered it: the metadata everyone may
 * see, the data address only the provider's data plane may see, the publication state and every transition so far.
 * An immutable aggregate: each use-case method returns the next resource with what happened ({@link
 * ResourceChange}), or a failure:
 *
 * <ul>
 *   <li>INVALID: a decision without actor or reason, or too long;
 *   <li>FORBIDDEN: a provider acting on another provider's resource;
 *   <li>CONFLICT: a decision for another version than the current one, or a state that does not allow the use case
 *       (the reason names the current state).
 * </ul>
 *
 * <p>{@code revision} is the version the data identifier will carry ({@code @revision}); {@code identifier} is null
 * until listing mints it and never changes afterwards. {@code findings} are those of the last failed submission
 * (empty otherwise). {@code version} is the optimistic lock: 0 before the first save, then the stored version.
 */
public record Resource(
        ResourceId id,
        ResourceKind kind,
        String provider,
        String localId,
        int revision,
        ResourceMetadata metadata,
        DataAddress dataAddress,
        ResourceState state,
        DataIdentifier identifier,
        List<Finding> findings,
        long version,
        List<Transition> transitions) {

    /** The actor of the automatic checks. */
    public static final String SYSTEM = "system";

    public Resource {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(state, "state");
        DataIdentifier.participantProblem(provider).ifPresent(problem -> {
            throw new IllegalArgumentException(problem);
        });
        DataIdentifier.localIdProblem(localId).ifPresent(problem -> {
            throw new IllegalArgumentException(problem);
        });
        findings = List.copyOf(findings);
        transitions = List.copyOf(transitions);
        if (revision < 1 || revision > DataIdentifier.MAX_VERSION) {
            throw new IllegalArgumentException("revision " + revision + " is out of range");
        }
        if (version < 0) {
            throw new IllegalArgumentException("version " + version + " is negative");
        }
        if (transitions.isEmpty() || transitions.get(0).from() != null) {
            throw new IllegalArgumentException("a resource's history starts with its draft");
        }
        for (int i = 1; i < transitions.size(); i++) {
            if (transitions.get(i).from() != transitions.get(i - 1).to()) {
                throw new IllegalArgumentException(
                        "transition " + i + " does not start where transition " + (i - 1) + " ended");
            }
        }
        if (transitions.get(transitions.size() - 1).to() != state) {
            throw new IllegalArgumentException("state " + state + " is not where the last transition ended");
        }
        boolean minted = state == ResourceState.LISTED || state == ResourceState.DELISTED;
        if (minted != (identifier != null)) {
            throw new IllegalArgumentException("a resource has an identifier exactly when it is LISTED or DELISTED");
        }
        if (identifier != null
                && !identifier.equals(DataIdentifier.of(identifier.spacePrefix(), provider, localId, revision))) {
            throw new IllegalArgumentException("identifier " + identifier + " does not name this resource");
        }
    }

    /** A new draft (version 0) of revision {@code revision} and its {@code drafted} change. */
    public static ResourceChange draft(
            ResourceId id,
            ResourceKind kind,
            String provider,
            String localId,
            int revision,
            ResourceMetadata metadata,
            DataAddress dataAddress,
            Instant now) {
        Transition drafted = new Transition(null, ResourceState.DRAFT, provider, "drafted", now);
        Resource resource = new Resource(
                id,
                kind,
                provider,
                localId,
                revision,
                metadata,
                dataAddress,
                ResourceState.DRAFT,
                null,
                List.of(),
                0,
                List.of(drafted));
        return new ResourceChange(resource, ResourceEvent.DRAFTED, null, provider, "drafted", drafted.at());
    }

    /** Replaces a draft's metadata and data address (a null address keeps the registered one). DRAFT only. */
    public Result<ResourceChange> update(
            String actor, ResourceMetadata newMetadata, DataAddress newAddress, Instant now) {
        Objects.requireNonNull(newMetadata, "metadata");
        Optional<Result<ResourceChange>> refused = providerOnly(actor, "update");
        if (refused.isPresent()) {
            return refused.get();
        }
        if (state != ResourceState.DRAFT) {
            return Result.conflict("cannot update resource " + id + " in state " + state + ": only a DRAFT changes");
        }
        DataAddress address = newAddress == null ? dataAddress : newAddress;
        Resource next = new Resource(
                id,
                kind,
                provider,
                localId,
                revision,
                newMetadata,
                address,
                state,
                null,
                findings,
                version,
                transitions);
        return Result.ok(new ResourceChange(next, ResourceEvent.UPDATED, state, actor, "draft updated", millis(now)));
    }

    /**
     * Submits a draft whose automatic checks gave {@code checkFindings}: with none it moves to SUBMITTED; otherwise
     * it stays DRAFT, keeping the findings, and the change is a {@code checks-failed} one.
     */
    public Result<ResourceChange> submit(String actor, List<Finding> checkFindings, Instant now) {
        Optional<Result<ResourceChange>> refused = providerOnly(actor, "submit");
        if (refused.isPresent()) {
            return refused.get();
        }
        if (state != ResourceState.DRAFT) {
            return Result.conflict("cannot submit resource " + id + " in state " + state);
        }
        if (!checkFindings.isEmpty()) {
            Resource next = new Resource(
                    id,
                    kind,
                    provider,
                    localId,
                    revision,
                    metadata,
                    dataAddress,
                    state,
                    null,
                    checkFindings,
                    version,
                    transitions);
            String reason = checkFindings.size() + " admission finding(s)";
            return Result.ok(new ResourceChange(next, ResourceEvent.CHECKS_FAILED, state, SYSTEM, reason, millis(now)));
        }
        Transition transition = new Transition(state, ResourceState.SUBMITTED, actor, "automatic checks passed", now);
        Resource next = new Resource(
                id,
                kind,
                provider,
                localId,
                revision,
                metadata,
                dataAddress,
                ResourceState.SUBMITTED,
                null,
                List.of(),
                version,
                append(transition));
        return Result.ok(change(next, ResourceEvent.SUBMITTED, transition));
    }

    /** SUBMITTED → LISTED, with the identifier {@code <spacePrefix>/<provider>/<localId>@<revision>}. */
    public Result<ResourceChange> list(String spacePrefix, Decision decision, Instant now) {
        return decide("list", ResourceState.LISTED, decision, now).map(transition -> {
            DataIdentifier minted = DataIdentifier.of(spacePrefix, provider, localId, revision);
            Resource next = new Resource(
                    id,
                    kind,
                    provider,
                    localId,
                    revision,
                    metadata,
                    dataAddress,
                    ResourceState.LISTED,
                    minted,
                    List.of(),
                    version,
                    append(transition));
            return change(next, ResourceEvent.LISTED, transition);
        });
    }

    /** SUBMITTED → REJECTED. */
    public Result<ResourceChange> reject(Decision decision, Instant now) {
        return decide("reject", ResourceState.REJECTED, decision, now)
                .map(transition ->
                        change(moved(ResourceState.REJECTED, transition), ResourceEvent.REJECTED, transition));
    }

    /** LISTED → DELISTED (final); the reason is what the tombstone shows. */
    public Result<ResourceChange> delist(Decision decision, Instant now) {
        return decide("delist", ResourceState.DELISTED, decision, now)
                .map(transition ->
                        change(moved(ResourceState.DELISTED, transition), ResourceEvent.DELISTED, transition));
    }

    /** REJECTED → DRAFT, by the provider, to fix and submit again. */
    public Result<ResourceChange> reopen(String actor, Instant now) {
        Optional<Result<ResourceChange>> refused = providerOnly(actor, "reopen");
        if (refused.isPresent()) {
            return refused.get();
        }
        if (!state.canMoveTo(ResourceState.DRAFT)) {
            return Result.conflict("cannot reopen resource " + id + " in state " + state);
        }
        Transition transition = new Transition(state, ResourceState.DRAFT, actor, "reopened", now);
        return Result.ok(change(moved(ResourceState.DRAFT, transition), ResourceEvent.REOPENED, transition));
    }

    private Result<Transition> decide(String action, ResourceState target, Decision decision, Instant now) {
        Objects.requireNonNull(decision, "decision");
        Optional<String> problem = decision.problem();
        if (problem.isPresent()) {
            return Result.invalid(problem.get());
        }
        if (decision.expectedVersion() != null && decision.expectedVersion() != version) {
            return Result.conflict("resource " + id + " is at version " + version + ", not "
                    + decision.expectedVersion() + "; reload it and decide again");
        }
        if (!state.canMoveTo(target)) {
            return Result.conflict("cannot " + action + " resource " + id + " in state " + state);
        }
        return Result.ok(new Transition(
                state, target, decision.actor().strip(), decision.reason().strip(), now));
    }

    private Optional<Result<ResourceChange>> providerOnly(String actor, String action) {
        if (!provider.equals(actor)) {
            return Optional.of(Result.forbidden("only the provider of resource " + id + " may " + action + " it"));
        }
        return Optional.empty();
    }

    private Resource moved(ResourceState target, Transition transition) {
        return new Resource(
                id,
                kind,
                provider,
                localId,
                revision,
                metadata,
                dataAddress,
                target,
                identifier,
                List.of(),
                version,
                append(transition));
    }

    private ResourceChange change(Resource next, ResourceEvent event, Transition transition) {
        return new ResourceChange(
                next, event, transition.from(), transition.actor(), transition.reason(), transition.at());
    }

    private List<Transition> append(Transition transition) {
        List<Transition> all = new ArrayList<>(transitions);
        all.add(transition);
        return all;
    }

    private static Instant millis(Instant now) {
        return now.truncatedTo(ChronoUnit.MILLIS);
    }

    /** The same resource at another stored version (what the repository returns after a save). */
    public Resource withVersion(long newVersion) {
        return new Resource(
                id,
                kind,
                provider,
                localId,
                revision,
                metadata,
                dataAddress,
                state,
                identifier,
                findings,
                newVersion,
                transitions);
    }

    /** The last transition: how the resource reached its current state. */
    public Transition lastTransition() {
        return transitions.get(transitions.size() - 1);
    }

    public Instant createdAt() {
        return transitions.get(0).at();
    }

    /** The identifier this resource has or will have once listed in the space {@code spacePrefix}. */
    public DataIdentifier identifierIn(String spacePrefix) {
        return DataIdentifier.of(spacePrefix, provider, localId, revision);
    }
}
