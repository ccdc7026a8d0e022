package io.trustspace.app.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.trustspace.app.config.NodeRole;
import io.trustspace.app.testing.TestNode;
import io.trustspace.catalog.resource.DataAddress;
import io.trustspace.catalog.resource.LocalizedText;
import io.trustspace.catalog.resource.ResourceKind;
import io.trustspace.catalog.resource.ResourceMetadata;
import io.trustspace.catalog.resource.ResourceState;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * The DSP 2025-1 catalog of a connector, here in the interoperability profile with the TCK's seed data (every
 * caller is one participant without membership claims): version discovery, the catalog and its pages, datasets,
 * DSP-shaped errors, and access policies hiding datasets exactly like missing ones.
 */
class DspCatalogIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String REQUEST =
            "{\"@context\":[\"https://w3id.org/dspace/2025/1/context.jsonld\"],\"@type\":\"CatalogRequestMessage\"}";

    private static TestNode connector;
    private static TestNode strict;

    @BeforeAll
    static void start() {
        connector = TestNode.start(
                NodeRole.CONNECTOR,
                "dsp-catalog",
                "intl",
                Map.of(
                        "trustspace.dsp.interop-participant", "TCK_PARTICIPANT",
                        "trustspace.dsp.participant-id", "CONNECTOR_UNDER_TEST",
                        "trustspace.dsp.tck-seed", "true"));
        AssetStore assets = connector.bean(AssetStore.class);
        // Visible only to members of one space: the interop caller has no space, so it must never see this one.
        JsonNode membersOnly = JSON.readTree(
                "{\"@id\":\"urn:it:members\",\"@type\":\"Set\",\"permission\":[{\"action\":\"read\",\"constraint\":"
                        + "[{\"leftOperand\":\"recipient.space\",\"operator\":\"eq\",\"rightOperand\":\"urn:space:x\"}]}]}");
        // The policy must be valid, so that it is the decision — not a parse failure — that hides the dataset.
        assertThat(connector.bean(AccessPolicies.class).register(membersOnly).isOk())
                .isTrue();
        assets.put(new Asset(
                "HIDDEN01",
                ResourceKind.DATASET,
                null,
                ResourceState.LISTED,
                null,
                metadata(),
                DataAddress.of("HttpData", "http://127.0.0.1:9/hidden"),
                membersOnly,
                JsonNodeFactory.instance.arrayNode(),
                JsonNodeFactory.instance.arrayNode(),
                0,
                Instant.now()));
        strict = TestNode.start(NodeRole.CONNECTOR, "dsp-catalog-strict", "intl", Map.of());
    }

    @AfterAll
    static void stop() {
        connector.close();
        strict.close();
    }

    private static ResourceMetadata metadata() {
        return ResourceMetadata.titled(LocalizedText.of("隐藏", "hidden"));
    }

    private static HttpResponse<String> post(TestNode node, String path, String body, boolean authorized) {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create(path.startsWith("http") ? path : node.url(path)))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorized) {
            request.header("Authorization", "{\"clientId\":\"any\"}");
        }
        return node.send(request);
    }

    private static HttpResponse<String> get(TestNode node, String path, boolean authorized) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(node.url(path)));
        if (authorized) {
            request.header("Authorization", "{\"clientId\":\"any\"}");
        }
        return node.send(request);
    }

    @Test
    void versionDiscovery_isPublic_andNames2025_1() {
        for (String path : List.of("/.well-known/dspace-version", "/dsp/.well-known/dspace-version")) {
            HttpResponse<String> response = get(strict, path, false);
            assertThat(response.statusCode()).isEqualTo(200);
            JsonNode version =
                    JSON.readTree(response.body()).path("protocolVersions").get(0);
            assertThat(version.path("version").asString()).isEqualTo("2025-1");
            assertThat(version.path("path").asString()).isEqualTo("/dsp/2025-1");
            assertThat(version.path("binding").asString()).isEqualTo("HTTPS");
        }
    }

    @Test
    void catalog_listsSeedDatasets_withOffersAndDistributions_butNotHiddenOnes() {
        HttpResponse<String> response = post(connector, "/dsp/2025-1/catalog/request", REQUEST, true);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode catalog = JSON.readTree(response.body());
        assertThat(catalog.path("@type").asString()).isEqualTo("Catalog");
        assertThat(catalog.path("@context").isArray()).isTrue();
        assertThat(catalog.path("participantId").asString()).isEqualTo("CONNECTOR_UNDER_TEST");
        List<String> ids = new ArrayList<>();
        catalog.path("dataset").forEach(dataset -> ids.add(dataset.path("@id").asString()));
        assertThat(ids).contains("CAT0101", "CAT0102", "ACN0304").doesNotContain("CAT0103", "HIDDEN01");
        JsonNode first = catalog.path("dataset").get(0);
        JsonNode offer = first.path("hasPolicy").get(0);
        assertThat(offer.path("@type").asString()).isEqualTo("Offer");
        assertThat(offer.has("target")).isFalse();
        assertThat(offer.path("permission").get(0).path("action").asString()).isEqualTo("use");
        assertThat(first.path("distribution")
                        .get(0)
                        .path("accessService")
                        .path("endpointURL")
                        .asString())
                .isEqualTo(connector.url("/dsp/2025-1"));
    }

    @Test
    void catalog_pages_followLinkHeaders_toTheEnd() {
        List<String> ids = new ArrayList<>();
        String next = connector.url("/dsp/2025-1/catalog/request?limit=4");
        for (int page = 0; page < 20 && next != null; page++) {
            HttpResponse<String> response = post(connector, next, REQUEST, true);
            assertThat(response.statusCode()).isEqualTo(200);
            JsonNode catalog = JSON.readTree(response.body());
            assertThat(catalog.path("dataset").size()).isLessThanOrEqualTo(4);
            catalog.path("dataset")
                    .forEach(dataset -> ids.add(dataset.path("@id").asString()));
            next = response.headers()
                    .firstValue("Link")
                    .map(link -> link.substring(link.indexOf('<') + 1, link.indexOf('>')))
                    .orElse(null);
        }
        assertThat(ids)
                .doesNotHaveDuplicates()
                .hasSize(TckSeed.datasetIds().size())
                .doesNotContain("HIDDEN01");
    }

    @Test
    void dataset_byId_andMissingOrHidden_answerTheSameCatalogError() {
        HttpResponse<String> found = get(connector, "/dsp/2025-1/catalog/datasets/CAT0102", true);
        assertThat(found.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(found.body()).path("@id").asString()).isEqualTo("CAT0102");
        assertThat(JSON.readTree(found.body()).path("@context").get(0).asString())
                .isEqualTo("https://w3id.org/dspace/2025/1/context.jsonld");

        HttpResponse<String> missing = get(connector, "/dsp/2025-1/catalog/datasets/CAT0103", true);
        HttpResponse<String> hidden = get(connector, "/dsp/2025-1/catalog/datasets/HIDDEN01", true);
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(hidden.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(missing.body()).path("@type").asString()).isEqualTo("CatalogError");
        assertThat(hidden.body()).isEqualTo(missing.body().replace("CAT0103", "HIDDEN01"));
    }

    @Test
    void badRequests_areDspErrors_neverServerErrors() {
        HttpResponse<String> wrongType = post(connector, "/dsp/2025-1/catalog/request", "{\"@type\":\"Nope\"}", true);
        assertThat(wrongType.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(wrongType.body()).path("@type").asString()).isEqualTo("CatalogError");

        HttpResponse<String> badLimit = post(connector, "/dsp/2025-1/catalog/request?limit=0", REQUEST, true);
        assertThat(badLimit.statusCode()).isEqualTo(400);

        HttpResponse<String> notJson = post(connector, "/dsp/2025-1/catalog/request", "{not json", true);
        assertThat(notJson.statusCode()).isEqualTo(400);
    }

    @Test
    void withoutTheInteropProfile_aCallerWithoutTokenIsRefused_withADspError() {
        HttpResponse<String> response = post(strict, "/dsp/2025-1/catalog/request", REQUEST, true);

        assertThat(response.statusCode()).isEqualTo(401);
        JsonNode error = JSON.readTree(response.body());
        assertThat(error.path("@type").asString()).isEqualTo("CatalogError");
        assertThat(error.path("code").asString()).isEqualTo("MALFORMED");
    }
}
