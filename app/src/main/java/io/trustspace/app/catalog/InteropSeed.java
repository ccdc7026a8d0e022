package io.trustspace.app.catalog;

import io.trustspace.catalog.resource.DataAddress;
import io.trustspace.catalog.resource.LocalizedText;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Assets for interoperability runs against other connectors (e.g. Eclipse EDC), loaded from the JSON file named by
 * {@code trustspace.dsp.interop-seed-file} and only with the interop profile on. Like {@link TckSeed} the assets
 * are marked LISTED directly, because such runs have no operator. The file:
 *
 * <pre>{@code
 * {"assets": [{"id": "interop-hello", "title": "hello", "file": "/abs/path/hello.json",
 *              "offers": [{"@id": "interop-hello:offer:1", "permission": [{"action": "use"}]}]}]}
 * }</pre>
 *
 * Each asset's source is a local file served by the pull data plane; an existing asset of the same id is kept.
 */
public final class InteropSeed {

    static final int MAX_ASSETS = 100;
    static final long MAX_FILE_BYTES = 1024 * 1024;

    private final AssetStore assets;
    private final Clock clock;

    public InteropSeed(AssetStore assets, Clock clock) {
        this.assets = assets;
        this.clock = clock;
    }

    /** Loads {@code file}; throws {@link IllegalArgumentException} naming the problem if it is malformed. */
    public int load(Path file) throws IOException {
        if (Files.size(file) > MAX_FILE_BYTES) {
            throw new IllegalArgumentException(file + " is larger than " + MAX_FILE_BYTES + " bytes");
        }
        JsonNode seed = JsonMapper.builder().build().readTree(Files.readString(file));
        JsonNode list = seed.path("assets");
        if (!list.isArray() || list.size() > MAX_ASSETS) {
            throw new IllegalArgumentException(file + ": \"assets\" must be an array of at most " + MAX_ASSETS);
        }
        int loaded = 0;
        for (JsonNode entry : list) {
            String id = text(entry, "id");
            String source = text(entry, "file");
            if (!Path.of(source).isAbsolute()) {
                throw new IllegalArgumentException("asset " + id + ": \"file\" must be an absolute path");
            }
            JsonNode declared = entry.path("offers");
            if (!declared.isArray() || declared.isEmpty()) {
                throw new IllegalArgumentException("asset " + id + ": \"offers\" must be a non-empty array");
            }
            if (assets.find(id).isPresent()) {
                continue;
            }
            ArrayNode offers = JsonNodeFactory.instance.arrayNode();
            for (JsonNode offer : declared) {
                if (!offer.isObject() || !offer.path("@id").isString()) {
                    throw new IllegalArgumentException("asset " + id + ": each offer needs an \"@id\"");
                }
                ObjectNode copy = ((ObjectNode) offer).deepCopy();
                copy.put("@type", "Offer");
                offers.add(copy);
            }
            String title = entry.path("title").asString(id);
            assets.put(Asset.listedWithoutReview(
                    id, LocalizedText.of(title, title), DataAddress.of("File", source), offers, clock.instant()));
            loaded++;
        }
        return loaded;
    }

    private static String text(JsonNode entry, String name) {
        JsonNode value = entry.path(name);
        if (!value.isString() || value.stringValue().isBlank()) {
            throw new IllegalArgumentException("each interop seed asset needs a string \"" + name + "\"");
        }
        return value.stringValue();
    }
}
