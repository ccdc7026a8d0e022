package io.trustspace.app.testing;

import io.trustspace.app.catalog.Asset;
import io.trustspace.app.catalog.AssetStore;
import io.trustspace.catalog.resource.DataAddress;
import io.trustspace.catalog.resource.LocalizedText;
import java.nio.file.Path;
import java.time.Instant;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Datasets put straight into a node's asset store, listed without review, for protocol tests. */
public final class TestAssets {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private TestAssets() {}

    /**
     * Lists {@code file} as dataset {@code localId} with one offer, {@code localId + ":offer:1"}, that permits any use
     * without constraints.
     */
    public static void openFile(TestNode node, String localId, Path file) {
        file(node, localId, file, JSON.createObjectNode().put("action", "use"));
    }

    /** Lists {@code file} as dataset {@code localId} with one offer, {@code localId + ":offer:1"}: {@code permission}. */
    public static void file(TestNode node, String localId, Path file, ObjectNode permission) {
        ArrayNode offers = JSON.createArrayNode();
        ObjectNode offer = offers.addObject().put("@id", localId + ":offer:1").put("@type", "Offer");
        offer.putArray("permission").add(permission);
        node.bean(AssetStore.class)
                .put(Asset.listedWithoutReview(
                        localId,
                        LocalizedText.of(localId, localId),
                        DataAddress.of("File", file.toString()),
                        offers,
                        Instant.now()));
    }
}
