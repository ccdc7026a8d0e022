package io.trustspace.app.catalog;

import io.trustspace.app.catalog.HarvestStore.Harvested;
import io.trustspace.catalog.identifier.DataIdentifier;
import io.trustspace.common.Result;
import io.trustspace.common.json.CanonicalJson;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Harvests the DSP catalogs of the space's connectors and of peer spaces' operators (跨空间资源目录), as the
 * operator — authenticated by its self-issued membership credential, which lets it see every listed dataset with its
 * access policy. Each round reads every page of every source and applies only the difference to the store and the
 * index: changed datasets are re-indexed, vanished ones (delisted, withdrawn) removed. A source that cannot be read
 * keeps what was last harvested from it. Rounds never overlap.
 */
public final class CatalogHarvester {

    private static final Logger log = LoggerFactory.getLogger(CatalogHarvester.class);

    /** Bounds one source's pages, so a misbehaving peer cannot keep a round going for ever. */
    static final int MAX_PAGES = 1_000;

    static final int PAGE = 200;

    /** The outcome of one round. */
    public record Round(int sources, int changed, int removed, Map<String, String> failures) {}

    private final PeerClient peers;
    private final HarvestStore store;
    private final CatalogSearch search;
    private final Supplier<Set<String>> sources;
    private final java.util.function.Predicate<DataIdentifier> listed;
    private final Clock clock;

    /**
     * {@code listed} tells whether an identifier may be in the directory: for this space's own identifiers, whether
     * the operator's record still says LISTED (a connector may not have mirrored a delisting yet).
     */
    public CatalogHarvester(
            PeerClient peers,
            HarvestStore store,
            CatalogSearch search,
            Supplier<Set<String>> sources,
            java.util.function.Predicate<DataIdentifier> listed,
            Clock clock) {
        this.peers = peers;
        this.store = store;
        this.search = search;
        this.sources = sources;
        this.listed = listed;
        this.clock = clock;
    }

    /** Fills the (in-memory) index from the store: at start, and whenever the index is rebuilt. */
    public void rebuildIndex() {
        // Only what may be in the directory now: a delisting may have happened after the last harvest.
        store.forEach(batch -> search.index(batch.stream()
                .filter(harvested ->
                        DataIdentifier.parse(harvested.identifier()).fold(listed::test, failure -> false))
                .toList()));
        log.info("catalog index rebuilt: {} documents", search.size());
    }

    public synchronized Round harvest() {
        int changed = 0;
        int removed = 0;
        Map<String, String> failures = new LinkedHashMap<>();
        Set<String> all = sources.get();
        for (String source : all) {
            Result<Map<String, JsonNode>> read = read(source);
            if (read instanceof Result.Failure<Map<String, JsonNode>> failure) {
                failures.put(source, failure.reason());
                continue;
            }
            Map<String, JsonNode> now = read.orElseThrow();
            Map<String, JsonNode> before = store.documents(source);
            List<Harvested> updated = new ArrayList<>();
            List<String> superseded = new ArrayList<>();
            for (Map.Entry<String, JsonNode> dataset : now.entrySet()) {
                JsonNode previous = before.get(dataset.getKey());
                if (same(previous, dataset.getValue())) {
                    continue;
                }
                // A new revision of a dataset carries a new identifier; the old one leaves the directory.
                String oldIdentifier = previous == null
                        ? null
                        : previous.path(DspCatalogJson.DCT + "identifier").asString(null);
                String newIdentifier = dataset.getValue()
                        .path(DspCatalogJson.DCT + "identifier")
                        .asString(null);
                if (oldIdentifier != null && !oldIdentifier.equals(newIdentifier)) {
                    superseded.add(oldIdentifier);
                }
                Optional<Harvested> harvested = harvested(source, dataset.getKey(), dataset.getValue());
                if (harvested.isPresent()) {
                    updated.add(harvested.get());
                } else if (previous != null) {
                    store.remove(source, dataset.getKey());
                    if (newIdentifier != null) {
                        superseded.add(newIdentifier);
                    }
                }
            }
            updated.forEach(store::put);
            search.remove(superseded);
            search.index(updated);
            changed += updated.size();
            Set<String> gone = new HashSet<>(before.keySet());
            gone.removeAll(now.keySet());
            List<String> goneIdentifiers = new ArrayList<>();
            for (String datasetId : gone) {
                String identifier = before.get(datasetId)
                        .path(DspCatalogJson.DCT + "identifier")
                        .asString(null);
                store.remove(source, datasetId);
                if (identifier != null) {
                    goneIdentifiers.add(identifier);
                }
            }
            search.remove(goneIdentifiers);
            removed += gone.size();
        }
        if (!failures.isEmpty()) {
            log.warn("catalog harvest: {} of {} sources failed: {}", failures.size(), all.size(), failures);
        }
        return new Round(all.size(), changed, removed, failures);
    }

    /**
     * Takes a resource out of the directory now (a delisting), waiting for a running round to finish first, so that
     * the round cannot put it back.
     */
    public synchronized void forget(String identifier) {
        search.remove(List.of(identifier));
    }

    /** Equal as JSON values: stored documents come back from JSONB with their members reordered. */
    private static boolean same(JsonNode stored, JsonNode harvested) {
        if (stored == null) {
            return false;
        }
        byte[] a = CanonicalJson.canonicalize(stored).fold(bytes -> bytes, f -> new byte[0]);
        byte[] b = CanonicalJson.canonicalize(harvested).fold(bytes -> bytes, f -> new byte[1]);
        return java.util.Arrays.equals(a, b);
    }

    /** Every dataset of one source's catalog, by dataset id, following its {@code next} links. */
    private Result<Map<String, JsonNode>> read(String source) {
        URI dsp = URI.create(source);
        String base = dsp.getScheme() + "://" + dsp.getRawAuthority();
        String path = dsp.getRawPath() + "/catalog/request?limit=" + PAGE;
        ObjectNode request = JsonNodeFactory.instance.objectNode();
        request.set("@context", DspCatalogJson.context());
        request.put("@type", "CatalogRequestMessage");
        Map<String, JsonNode> datasets = new LinkedHashMap<>();
        String after = null;
        for (int page = 0; page < MAX_PAGES; page++) {
            String pagePath = after == null
                    ? path
                    : path + "&after=" + java.net.URLEncoder.encode(after, java.nio.charset.StandardCharsets.UTF_8);
            Result<JsonNode> catalog = peers.post(base, pagePath, request);
            if (catalog instanceof Result.Failure<JsonNode> failure) {
                return failure.cast();
            }
            JsonNode items = catalog.orElseThrow().path("dataset");
            String last = null;
            for (JsonNode dataset : items) {
                String id = dataset.path("@id").asString(null);
                if (id != null) {
                    datasets.put(id, dataset);
                    last = id;
                }
            }
            // The page size is ours, so a full page means there may be more (the Link header says the same).
            if (items.size() < PAGE || last == null) {
                return Result.ok(datasets);
            }
            after = last;
        }
        return Result.unavailable(source + " has more than " + MAX_PAGES + " pages");
    }

    private Optional<Harvested> harvested(String source, String datasetId, JsonNode dataset) {
        String identifier = dataset.path(DspCatalogJson.DCT + "identifier").asString(null);
        if (identifier == null) {
            return java.util.Optional.empty();
        }
        Result<DataIdentifier> parsed = DataIdentifier.parse(identifier);
        if (!(parsed instanceof Result.Ok<DataIdentifier> ok) || !listed.test(ok.value())) {
            return java.util.Optional.empty();
        }
        JsonNode access =
                dataset.path(DspCatalogJson.TS_CATALOG + "accessPolicy").path("@value");
        return java.util.Optional.of(new Harvested(
                source,
                datasetId,
                identifier,
                ok.value().spacePrefix(),
                ok.value().participant(),
                dataset,
                access.isMissingNode() ? null : access,
                clock.instant()));
    }
}
