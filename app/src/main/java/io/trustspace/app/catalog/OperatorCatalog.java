package io.trustspace.app.catalog;

import io.trustspace.app.catalog.ResourcePolicyStore.ResourcePolicies;
import io.trustspace.catalog.resource.DataAddress;
import io.trustspace.catalog.resource.Resolution;
import io.trustspace.catalog.resource.Resource;
import io.trustspace.catalog.resource.ResourceRepository;
import io.trustspace.catalog.resource.ResourceService;
import io.trustspace.common.Result;
import io.trustspace.common.tx.Transactions;
import io.trustspace.identity.auth.VerifiedCaller;
import io.trustspace.identity.credential.MembershipClaim;
import java.util.List;
import java.util.Optional;

/**
 * The operator's side of publication (资源发布与规范性审查): connectors send their providers' resources here (the
 * caller, authenticated by its DSP access token, is the provider), reviewers list or reject them, and anyone may
 * resolve an identifier — seeing only what the resource's access policy lets them see.
 *
 * <p>The operator never learns where the bytes are: the resource's data address here is the provider connector's
 * DSP address. A resource and its policies are saved in one transaction with their evidence.
 */
public final class OperatorCatalog {

    /** The data address type meaning "behind this connector"; the real address stays with the provider. */
    public static final String CONNECTOR_ADDRESS = "dspace:Connector";

    private final ResourceService resources;
    private final ResourceRepository repository;
    private final ResourcePolicyStore policies;
    private final AccessPolicies access;
    private final Transactions transactions;

    public OperatorCatalog(
            ResourceService resources,
            ResourceRepository repository,
            ResourcePolicyStore policies,
            AccessPolicies access,
            Transactions transactions) {
        this.resources = resources;
        this.repository = repository;
        this.policies = policies;
        this.access = access;
        this.transactions = transactions;
    }

    /** A resource with its policies, as reviewers and the provider see it. */
    public record Entry(Resource resource, Optional<ResourcePolicies> policies) {}

    /**
     * Creates or replaces the provider's working revision of {@code localId}: a first draft, an update of a draft, a
     * reopened rejection, or — when the latest revision is listed — the next revision. CONFLICT while submitted.
     */
    public Result<Entry> upsert(VerifiedCaller caller, ResourceSubmission submission) {
        Result<String> provider = provider(caller);
        if (provider instanceof Result.Failure<String> failure) {
            return failure.cast();
        }
        String participant = provider.orElseThrow();
        DataAddress reference = DataAddress.of(CONNECTOR_ADDRESS, submission.connectorAddress());
        return transactions.inTransaction(() -> {
            List<Resource> revisions = repository.findRevisions(participant, submission.localId());
            Result<Resource> working;
            if (revisions.isEmpty()) {
                working = resources.draft(
                        participant, submission.kind(), submission.localId(), submission.metadata(), reference);
            } else {
                Resource latest = revisions.get(revisions.size() - 1);
                Result<Resource> draft = switch (latest.state()) {
                    case DRAFT -> Result.ok(latest);
                    case REJECTED -> resources.reopen(latest.id(), participant);
                    case LISTED, DELISTED -> resources.revise(latest.id(), participant);
                    case SUBMITTED ->
                        Result.conflict("revision " + latest.revision() + " of '" + submission.localId()
                                + "' is waiting for review; it cannot change now");
                };
                working = draft.flatMap(
                        resource -> resources.update(resource.id(), participant, submission.metadata(), reference));
            }
            return working.map(resource -> {
                ResourcePolicies declared = new ResourcePolicies(
                        submission.accessPolicy(), submission.offers(), submission.connectorAddress());
                policies.put(resource.id(), declared);
                return new Entry(resource, Optional.of(declared));
            });
        });
    }

    /** Submits the provider's working draft of {@code localId} for review (automatic checks first). */
    public Result<Entry> submit(VerifiedCaller caller, String localId) {
        return provider(caller).flatMap(participant -> {
            List<Resource> revisions = repository.findRevisions(participant, localId);
            if (revisions.isEmpty()) {
                return Result.notFound("you have no resource '" + localId + "'");
            }
            Resource latest = revisions.get(revisions.size() - 1);
            return resources.submit(latest.id(), participant).map(this::entry);
        });
    }

    /** The caller's resources, newest change first. */
    public Result<List<Entry>> mine(VerifiedCaller caller, int limit) {
        return provider(caller)
                .map(participant -> repository.findByProvider(participant, limit).stream()
                        .map(this::entry)
                        .toList());
    }

    public List<Resource> inState(io.trustspace.catalog.resource.ResourceState state, int limit) {
        return repository.findByState(state, limit);
    }

    public Entry entry(Resource resource) {
        return new Entry(resource, policies.get(resource.id()));
    }

    /**
     * What {@code identifier} names, if {@code caller} may see it. A resource hidden by its access policy is
     * NOT_FOUND, exactly like one that does not exist, so identifiers cannot be probed. Tombstones stay visible
     * under the same rule: delisting does not widen who may know a resource existed.
     */
    public Result<Resolved> resolve(String identifier, Optional<VerifiedCaller> caller) {
        return resources.resolve(identifier).flatMap(resolution -> {
            // A resolution names the minted, versioned identifier of the revision it found.
            Optional<Resource> resource = repository.findByIdentifier(resolution.identifier());
            Optional<ResourcePolicies> declared = resource.flatMap(r -> policies.get(r.id()));
            boolean visible =
                    declared.map(p -> access.visible(p.accessPolicy(), caller)).orElse(true);
            if (!visible) {
                return Result.notFound("no resource is identified as " + identifier);
            }
            return Result.ok(new Resolved(resolution, declared));
        });
    }

    /** A resolution with the resource's declared policies (offers are shown to those who may see it). */
    public record Resolved(Resolution resolution, Optional<ResourcePolicies> policies) {}

    /** The participant id a caller publishes under: its unified social credit code. */
    static Result<String> provider(VerifiedCaller caller) {
        return caller.claim(MembershipClaim.USCC)
                .<Result<String>>map(Result::ok)
                .orElseGet(() ->
                        Result.forbidden("only organisations with a unified social credit code publish resources"));
    }
}
