package io.trustspace.app.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.trustspace.app.config.NodeRole;
import io.trustspace.app.testing.TestNode;
import io.trustspace.catalog.resource.Classification;
import io.trustspace.catalog.resource.DataAddress;
import io.trustspace.catalog.resource.LocalizedText;
import io.trustspace.catalog.resource.ResourceKind;
import io.trustspace.catalog.resource.ResourceMetadata;
import io.trustspace.catalog.resource.ResourceState;
import io.trustspace.catalog.search.SearchHit;
import io.trustspace.catalog.search.SearchQuery;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * A directory several spaces use (资源目录可同时被多个可信数据空间使用): operator B harvests operator A's DSP catalog as
 * a peer, over real HTTP with its self-issued credential, and applies the difference — a dataset A serves appears in
 * B's search, and disappears when A stops serving it. (A runs the interop profile here, so that B's token needs no
 * cross-space trust list for the test; the trust path itself is covered by the cross-space system test.)
 */
class PeerHarvestIT {

    private static TestNode spaceA;
    private static TestNode spaceB;

    @BeforeAll
    static void start() {
        spaceA = TestNode.start(
                NodeRole.OPERATOR,
                "space-a",
                "intl",
                Map.of(
                        "trustspace.catalog.space-prefix", "a.space",
                        "trustspace.dsp.interop-participant", "peer-operator"));
        spaceB = TestNode.start(
                NodeRole.OPERATOR,
                "space-b",
                "intl",
                Map.of(
                        "trustspace.catalog.space-prefix", "b.space",
                        "trustspace.catalog.peers[0]", spaceA.baseUrl(),
                        "trustspace.catalog.harvest-interval", "1h"));
    }

    @AfterAll
    static void stop() {
        spaceA.close();
        spaceB.close();
    }

    private static HarvestStore.Harvested served(String localId, String identifier) {
        ResourceMetadata metadata = new ResourceMetadata(
                LocalizedText.of("长三角港口集装箱吞吐量", "Yangtze delta container throughput"),
                LocalizedText.of("各港口每日集装箱吞吐量。", "Daily container throughput per port."),
                "G55",
                List.of("港口", "集装箱"),
                Classification.general("交通运输/港口"),
                null,
                null,
                null,
                "310000",
                null,
                "310000",
                "CN",
                null,
                null,
                null);
        Asset asset = new Asset(
                localId,
                ResourceKind.DATASET,
                null,
                ResourceState.LISTED,
                identifier,
                metadata,
                DataAddress.of("File", "/nowhere"),
                null,
                JsonNodeFactory.instance.arrayNode(),
                JsonNodeFactory.instance.arrayNode(),
                0,
                Instant.now());
        DspCatalogJson json = new DspCatalogJson("did:web:connector.a", "http://127.0.0.1:1/dsp/2025-1");
        return new HarvestStore.Harvested(
                "http://127.0.0.1:1/dsp/2025-1",
                localId,
                identifier,
                "a.space",
                "91310000MA1K4XX18D",
                json.dataset(asset, false),
                null,
                Instant.now());
    }

    private static Optional<SearchHit> found(String text, String identifier) {
        return spaceB.bean(CatalogSearch.class).searchAll(SearchQuery.text(text)).hits().stream()
                .filter(hit -> hit.id().equals(identifier))
                .findFirst();
    }

    @Test
    void aPeerSpacesDirectory_isHarvested_andItsWithdrawalsFollow() {
        String identifier = "a.space/91310000MA1K4XX18D/port-throughput@1";
        HarvestStore store = spaceA.bean(HarvestStore.class);
        store.put(served("port-throughput", identifier));

        CatalogHarvester.Round first = spaceB.bean(CatalogHarvester.class).harvest();

        assertThat(first.failures()).isEmpty();
        assertThat(first.changed()).isEqualTo(1);
        assertThat(found("集装箱", identifier)).isPresent();
        assertThat(found("集装箱", identifier).get().document().space()).isEqualTo("a.space");

        CatalogHarvester.Round unchanged = spaceB.bean(CatalogHarvester.class).harvest();
        assertThat(unchanged.changed())
                .as("nothing changed at A, nothing re-indexed at B")
                .isZero();

        store.remove("http://127.0.0.1:1/dsp/2025-1", "port-throughput");
        CatalogHarvester.Round second = spaceB.bean(CatalogHarvester.class).harvest();

        assertThat(second.removed()).isEqualTo(1);
        assertThat(found("集装箱", identifier)).isEmpty();
    }
}
