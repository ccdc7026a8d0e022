package io.trustspace.app.catalog;

import io.trustspace.app.contract.DataSources;
import io.trustspace.catalog.resource.ResourceJson;
import io.trustspace.catalog.resource.ResourceState;
import io.trustspace.common.Result;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * A provider's resources on its own connector. Registration and submission go to the operator first (which checks,
 * reviews, lists and evidences them); only then is the asset stored here, with the data address that never leaves
 * this connector. The operator's decisions come back by {@link #sync()}, which mirrors state and identifier; a LISTED
 * asset is then in this connector's DSP catalog. The operator is the authority: after a crash between the two
 * writes, the next registration or sync repairs the mirror.
 */
public final class ProviderResources {

    static final int MAX_ASSETS = 10_000;

    private final AssetStore assets;
    private final PeerClient peers;
    private final Supplier<Optional<String>> operatorUrl;
    private final String dspAddress;
    private final Clock clock;

    public ProviderResources(
            AssetStore assets,
            PeerClient peers,
            Supplier<Optional<String>> operatorUrl,
            String dspAddress,
            Clock clock) {
        this.assets = assets;
        this.peers = peers;
        this.operatorUrl = operatorUrl;
        this.dspAddress = dspAddress;
        this.clock = clock;
    }

    /**
     * Re-transfer control (二次传输): the offers a resource derived from data received under agreements may carry —
     * refused (FORBIDDEN) when one of them does not permit distribution, else the offers made at least as strict as
     * every source agreement.
     */
    @FunctionalInterface
    public interface Derivation {
        Result<ArrayNode> offers(List<String> derivedFrom, ArrayNode offers);
    }

    private Derivation derivation = (derivedFrom, offers) -> derivedFrom.isEmpty()
            ? Result.ok(offers)
            : Result.invalid("this connector cannot check what the resource is derived from");

    public void derivation(Derivation newDerivation) {
        this.derivation = newDerivation;
    }

    public Result<Asset> register(ResourceSubmission received) {
        if (received.dataAddress() != null
                && DataSources.check(received.dataAddress()) instanceof Result.Failure<?> failure) {
            return failure.cast();
        }
        Result<ArrayNode> offers = derivation.offers(received.derivedFrom(), received.offers());
        if (offers instanceof Result.Failure<ArrayNode> failure) {
            return failure.cast();
        }
        ResourceSubmission submission = received.withOffers(offers.orElseThrow());
        Optional<Asset> existing = assets.find(submission.localId());
        if (existing.isPresent() && existing.get().kind() != submission.kind()) {
            return Result.conflict("asset '" + submission.localId() + "' is a "
                    + existing.get().kind() + "; a resource does not change its kind");
        }
        return operator()
                .flatMap(url -> peers.post(url, "/dsp/v1/catalog/resources", submission.toOperator(dspAddress)))
                .map(remote -> {
                    Asset asset = new Asset(
                            submission.localId(),
                            submission.kind(),
                            remote.path("id").asString(null),
                            state(remote),
                            remote.path("identifier").asString(null),
                            submission.metadata(),
                            submission.dataAddress(),
                            submission.accessPolicy(),
                            submission.offers(),
                            remote.path("findings"),
                            remote.path("version").asLong(0),
                            clock.instant());
                    assets.put(asset);
                    return asset;
                });
    }

    public Result<Asset> submit(String localId) {
        Optional<Asset> asset = assets.find(localId);
        if (asset.isEmpty()) {
            return Result.notFound("no asset '" + localId + "'");
        }
        return operator()
                .flatMap(url -> peers.post(
                        url, "/dsp/v1/catalog/resources/" + localId + "/submit", JsonNodeFactory.instance.objectNode()))
                .map(remote -> mirror(asset.get(), remote));
    }

    /** Mirrors the operator's view of every resource of this provider; returns how many assets changed. */
    public Result<Integer> sync() {
        return operator()
                .flatMap(url -> peers.get(url, "/dsp/v1/catalog/resources"))
                .map(remote -> {
                    int changed = 0;
                    for (JsonNode entry : remote) {
                        Optional<Asset> local =
                                assets.find(entry.path("localId").asString(""));
                        if (local.isEmpty()) {
                            continue;
                        }
                        // The operator's list holds every revision, newest change first: the first match is current.
                        if (Objects.equals(
                                        local.get().resourceId(),
                                        entry.path("id").asString(null))
                                || local.get().remoteVersion() == 0) {
                            Asset before = local.get();
                            Asset after = mirror(before, entry);
                            if (after != before) {
                                changed++;
                            }
                        }
                    }
                    return changed;
                });
    }

    public List<Asset> all() {
        return assets.all(MAX_ASSETS);
    }

    public Optional<Asset> find(String localId) {
        return assets.find(localId);
    }

    private Asset mirror(Asset asset, JsonNode remote) {
        ResourceState state = state(remote);
        String identifier = remote.path("identifier").asString(null);
        String resourceId = remote.path("id").asString(asset.resourceId());
        long version = remote.path("version").asLong(asset.remoteVersion());
        if (state == asset.state()
                && Objects.equals(identifier, asset.identifier())
                && Objects.equals(resourceId, asset.resourceId())
                && version == asset.remoteVersion()) {
            return asset;
        }
        Instant modified = clock.instant();
        Asset next = new Asset(
                asset.localId(),
                asset.kind(),
                resourceId,
                state,
                identifier,
                remote.has("metadata")
                        ? ResourceJson.readMetadata(remote.get("metadata")).fold(m -> m, f -> asset.metadata())
                        : asset.metadata(),
                asset.dataAddress(),
                asset.accessPolicy(),
                asset.offers(),
                remote.path("findings"),
                version,
                modified);
        assets.put(next);
        return next;
    }

    private static ResourceState state(JsonNode remote) {
        try {
            return ResourceState.valueOf(remote.path("state").asString("DRAFT").toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return ResourceState.DRAFT;
        }
    }

    private Result<String> operator() {
        return operatorUrl
                .get()
                .<Result<String>>map(Result::ok)
                .orElseGet(() -> Result.unavailable(
                        "no operator configured (trustspace.catalog.operator-url or trustspace.ledger.url)"));
    }
}
