package io.trustspace.app.catalog;

import io.trustspace.catalog.resource.DataAddress;
import io.trustspace.catalog.resource.LocalizedText;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The seed data the Eclipse DSP TCK expects of a connector under test (its README §5.1): datasets CAT0101 and
 * CAT0102 in the catalog (CAT0103 absent) and the negotiable datasets ACN0101–ACN0304 with offers
 * {@code CD123:<dataset>:456} permitting {@code use}. Loaded only when {@code trustspace.dsp.tck-seed} is set; the
 * assets are marked LISTED here directly, because the TCK runs without an operator.
 */
public final class TckSeed {

    private final AssetStore assets;
    private final Clock clock;

    public TckSeed(AssetStore assets, Clock clock) {
        this.assets = assets;
        this.clock = clock;
    }

    public static List<String> datasetIds() {
        List<String> ids = new ArrayList<>(List.of("CAT0101", "CAT0102"));
        for (int i = 1; i <= 4; i++) {
            ids.add("ACN010" + i);
        }
        for (int i = 1; i <= 7; i++) {
            ids.add("ACN020" + i);
        }
        for (int i = 1; i <= 4; i++) {
            ids.add("ACN030" + i);
        }
        return ids;
    }

    public void load() {
        for (String id : datasetIds()) {
            if (assets.find(id).isPresent()) {
                continue;
            }
            ArrayNode offers = JsonNodeFactory.instance.arrayNode();
            ObjectNode offer = offers.addObject();
            offer.put("@id", "CD123:" + id + ":456");
            offer.put("@type", "Offer");
            offer.putArray("permission").addObject().put("action", "use");
            assets.put(Asset.listedWithoutReview(
                    id,
                    LocalizedText.of("TCK 数据集 " + id, "TCK dataset " + id),
                    DataAddress.of("HttpData", "http://127.0.0.1:9/tck/" + id),
                    offers,
                    clock.instant()));
        }
    }
}
