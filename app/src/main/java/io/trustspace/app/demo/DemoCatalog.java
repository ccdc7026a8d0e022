package io.trustspace.app.demo;

import io.trustspace.common.Result;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The demo's publication and discovery (资源交互) steps: the provider describes a city's EV charging sessions from a
 * CSV sample, registers the dataset (一般数据, space members only), a data product built on it and a dataset only
 * it may see; the automatic review stops a 核心数据 resource; the operator lists the rest; the consumer finds them
 * through the operator's search and the provider's DSP catalog — and never the hidden one.
 */
final class DemoCatalog {

    static final String SPACE = "demo.trustspace";
    static final String CHARGING = "ev-charging-sessions";
    static final String PRODUCT = "ev-charging-insights";
    static final String HIDDEN = "ev-charging-raw-feed";
    static final String CORE = "grid-dispatch-topology";
    static final String QUERY = "ev-charging-daily-by-district";
    static final String IMPORTANT = "ev-charging-station-load";
    static final String READINGS = "ev-charger-readings";

    /** Daily sessions per district for March 2025 (computed, so the demo needs no table). */
    private static final String DAILY = "SELECT d::date AS day, '浦东新区' AS district, 100 + 7 * extract(day FROM d)::int"
            + " AS sessions FROM generate_series('2025-03-01'::date, '2025-03-31'::date, '1 day') AS d";

    /** One reading per charger-minute over two years: about a million rows, 40 MB of CSV, computed as it streams. */
    private static final String MINUTES =
            "SELECT t AS minute, 'SH-PD-' || lpad((extract(epoch FROM t)::bigint % 500)::text,"
                    + " 4, '0') AS charger, (extract(minute FROM t) * 1.7)::numeric(6, 2) AS kw"
                    + " FROM generate_series('2024-01-01'::timestamp, '2025-12-31 23:59'::timestamp, '1 minute') AS t";

    static final String CSV = """
            session_id,station_id,district,start_time,end_time,energy_kwh,fee_cny,connector_type
            S20250301-0001,SH-PD-0113,浦东新区,2025-03-01T07:42:10+08:00,2025-03-01T08:31:55+08:00,38.6,57.90,DC
            S20250301-0002,SH-XH-0041,徐汇区,2025-03-01T08:05:02+08:00,2025-03-01T10:12:40+08:00,21.4,27.82,AC
            S20250301-0003,SH-JA-0207,静安区,2025-03-01T09:15:47+08:00,2025-03-01T09:58:03+08:00,30.1,45.15,DC
            S20250301-0004,SH-MH-0096,闵行区,2025-03-01T11:20:31+08:00,2025-03-01T14:02:19+08:00,18.9,24.57,AC
            S20250301-0005,SH-PD-0158,浦东新区,2025-03-01T12:44:08+08:00,2025-03-01T13:30:51+08:00,41.7,62.55,DC
            """;

    private final DemoSpace space;
    private final DemoHttp http;
    private final Map<String, String> uscc;
    private final JsonMapper json = JsonMapper.builder().build();
    private final Map<String, String> identifiers = new LinkedHashMap<>();
    private final Map<String, String> resourceIds = new LinkedHashMap<>();

    DemoCatalog(DemoSpace space, Function<HttpRequest.Builder, HttpResponse<String>> send, Map<String, String> uscc) {
        this.space = space;
        this.http = new DemoHttp(space, send);
        this.uscc = uscc;
    }

    /** Describe from CSV, register three resources, and see the automatic checks refuse 核心数据. */
    Result<String> publish() {
        HttpResponse<String> described = provider("POST", "/api/v1/resources/describe?from=csv", "text/csv", CSV);
        if (described.statusCode() != 200) {
            return Result.invalid("describe from CSV answered " + described.statusCode() + ": " + described.body());
        }
        ObjectNode metadata = (ObjectNode) json.readTree(described.body()).path("metadata");
        List<String> types = new ArrayList<>();
        metadata.path("schema").forEach(field -> types.add(field.path("type").asString()));
        complete(metadata, "上海市电动汽车充电桩充电记录", "Shanghai EV charging sessions", "GENERAL", null);

        ObjectNode dataset = registration(CHARGING, "DATASET", metadata, membersOnly());
        HttpResponse<String> registered = provider("POST", "/api/v1/resources", "application/json", dataset.toString());
        if (registered.statusCode() != 200) {
            return Result.invalid(
                    "registering the dataset answered " + registered.statusCode() + ": " + registered.body());
        }
        ObjectNode hidden = registration(
                HIDDEN,
                "DATASET",
                complete(metadata.deepCopy(), "充电桩实时原始数据流", "Raw charger telemetry feed", "GENERAL", null),
                onlyParticipant(uscc.get("provider")));
        ObjectNode core = registration(
                CORE,
                "DATASET",
                complete(metadata.deepCopy(), "电网调度拓扑", "Grid dispatch topology", "CORE", null),
                membersOnly());
        for (ObjectNode resource : List.of(hidden, core)) {
            HttpResponse<String> response =
                    provider("POST", "/api/v1/resources", "application/json", resource.toString());
            if (response.statusCode() != 200) {
                return Result.invalid("registering " + resource.path("localId").asString() + " answered "
                        + response.statusCode() + ": " + response.body());
            }
        }
        HttpResponse<String> malformed = provider(
                "POST", "/api/v1/resources", "application/json", "{\"localId\":\"x\",\"metadata\":{\"title\":1}}");
        if (malformed.statusCode() != 400) {
            return Result.invalid("a malformed registration answered " + malformed.statusCode());
        }
        for (String localId : List.of(CHARGING, HIDDEN)) {
            HttpResponse<String> submitted = provider("POST", "/api/v1/resources/" + localId + "/submit", null, null);
            if (submitted.statusCode() != 200
                    || !json.readTree(submitted.body()).path("state").asString().equals("SUBMITTED")) {
                return Result.invalid(
                        "submitting " + localId + " answered " + submitted.statusCode() + ": " + submitted.body());
            }
        }
        HttpResponse<String> coreSubmitted = provider("POST", "/api/v1/resources/" + CORE + "/submit", null, null);
        JsonNode coreView = json.readTree(coreSubmitted.body());
        boolean refused = coreView.path("state").asString().equals("DRAFT")
                && coreView.path("findings").toString().contains("core-data");
        if (!refused) {
            return Result.invalid("核心数据 was not stopped by the automatic checks: " + coreSubmitted.body());
        }
        return Result.ok("CSV sample → " + types.size() + " typed fields " + types + "; 2 submitted, 核心数据 held"
                + " back as DRAFT (core-data)");
    }

    /** The reviewer lists the two submissions, then the product built on the dataset. */
    Result<String> review() {
        Result<String> listed = listSubmitted();
        if (listed instanceof Result.Failure<String>) {
            return listed;
        }
        sync();
        JsonNode dataset = json.readTree(
                provider("GET", "/api/v1/resources/" + CHARGING, null, null).body());
        String datasetId = dataset.path("identifier").asString(null);
        if (datasetId == null || !dataset.path("state").asString().equals("LISTED")) {
            return Result.invalid("the provider did not mirror the listing: " + dataset);
        }
        ObjectNode metadata = (ObjectNode) dataset.path("metadata").deepCopy();
        complete(metadata, "充电行为洞察数据产品", "EV charging behaviour insights", "GENERAL", datasetId);
        metadata.putArray("distributions")
                .addObject()
                .put("format", "JSON")
                .put("mediaType", "application/json")
                .put("accessMethod", "API");
        ObjectNode product = registration(PRODUCT, "DATA_PRODUCT", metadata, membersOnly());
        HttpResponse<String> registered = provider("POST", "/api/v1/resources", "application/json", product.toString());
        HttpResponse<String> submitted = provider("POST", "/api/v1/resources/" + PRODUCT + "/submit", null, null);
        if (registered.statusCode() != 200 || submitted.statusCode() != 200) {
            return Result.invalid("the product answered " + registered.statusCode() + "/" + submitted.statusCode()
                    + ": " + submitted.body());
        }
        listed = listSubmitted();
        if (listed instanceof Result.Failure<String>) {
            return listed;
        }
        sync();
        for (String localId : List.of(CHARGING, PRODUCT, HIDDEN)) {
            JsonNode view = json.readTree(
                    provider("GET", "/api/v1/resources/" + localId, null, null).body());
            if (!view.path("state").asString().equals("LISTED")) {
                return Result.invalid(localId + " is " + view.path("state").asString() + " at the provider");
            }
            identifiers.put(localId, view.path("identifier").asString());
            resourceIds.put(localId, view.path("resourceId").asString());
        }
        return Result.ok("数据标识 " + identifiers.get(CHARGING) + " and " + identifiers.get(PRODUCT));
    }

    /** The operator harvests; the consumer searches in Chinese and finds dataset and product, never the hidden one. */
    Result<String> discover() {
        HttpResponse<String> harvest = operator("POST", "/api/v1/catalog/harvest", null, false);
        if (harvest.statusCode() != 200) {
            return Result.invalid("harvest answered " + harvest.statusCode() + ": " + harvest.body());
        }
        JsonNode round = json.readTree(harvest.body());
        if (!round.path("failures").isEmpty()) {
            return Result.invalid("harvest failures: " + round.path("failures"));
        }
        JsonNode found = search("{\"q\":\"充电\"}");
        List<String> hits = new ArrayList<>();
        found.path("hits").forEach(hit -> hits.add(hit.path("identifier").asString()));
        if (!hits.contains(identifiers.get(CHARGING)) || !hits.contains(identifiers.get(PRODUCT))) {
            return Result.invalid("search for 充电 found " + hits);
        }
        if (hits.contains(identifiers.get(HIDDEN))) {
            return Result.invalid("the consumer found a dataset its access policy hides");
        }
        JsonNode filtered = search("{\"q\":\"充电\",\"filters\":{\"kind\":[\"DATA_PRODUCT\"]}}");
        if (filtered.path("total").asLong() != 1) {
            return Result.invalid("facet filter kind=DATA_PRODUCT gave " + filtered.path("total"));
        }
        JsonNode staff = json.readTree(operator("POST", "/api/v1/catalog/search", "{\"q\":\"充电\"}", false)
                .body());
        // At least the three of this run (a restarted demo keeps what earlier runs listed).
        if (staff.path("total").asLong() < 3) {
            return Result.invalid("the operator's staff should see all 3 listed resources, saw " + staff.path("total"));
        }
        return Result.ok("\"充电\" → " + found.path("total") + " visible hits (staff see " + staff.path("total")
                + "), facets " + found.path("facets").path("industry"));
    }

    /** The consumer reads the provider's DSP catalog and resolves identifiers; hidden means 404 everywhere. */
    Result<String> visibility() {
        String provider = space.node("provider").baseUrl();
        HttpResponse<String> catalog = dsp(
                provider + "/dsp/2025-1/catalog/request",
                "{\"@context\":[\"https://w3id.org/dspace/2025/1/context.jsonld\"],\"@type\":\"CatalogRequestMessage\"}");
        if (catalog.statusCode() != 200) {
            return Result.invalid("DSP catalog answered " + catalog.statusCode() + ": " + catalog.body());
        }
        List<String> datasets = new ArrayList<>();
        json.readTree(catalog.body())
                .path("dataset")
                .forEach(d -> datasets.add(d.path("@id").asString()));
        if (!datasets.contains(CHARGING) || datasets.contains(HIDDEN) || datasets.contains(CORE)) {
            return Result.invalid("the consumer's DSP catalog holds " + datasets);
        }
        HttpResponse<String> hiddenGet = dsp(provider + "/dsp/2025-1/catalog/datasets/" + HIDDEN, null);
        HttpResponse<String> missingGet = dsp(provider + "/dsp/2025-1/catalog/datasets/no-such-dataset", null);
        if (hiddenGet.statusCode() != 404 || missingGet.statusCode() != 404) {
            return Result.invalid("DSP GET of a hidden dataset answered " + hiddenGet.statusCode());
        }
        HttpResponse<String> resolved = resolve(identifiers.get(CHARGING));
        JsonNode resolution = json.readTree(resolved.body());
        if (resolved.statusCode() != 200
                || !resolution.path("status").asString().equals("LISTED")) {
            return Result.invalid("resolving " + identifiers.get(CHARGING) + " answered " + resolved.body());
        }
        HttpResponse<String> hidden = resolve(identifiers.get(HIDDEN));
        if (hidden.statusCode() != 404) {
            return Result.invalid("resolving the hidden identifier answered " + hidden.statusCode());
        }
        return Result.ok("DSP catalog " + datasets + "; hidden → 404 by DSP GET, search and /id; holder "
                + resolution.path("holder").asString() + ", access " + resolution.path("accessMethods"));
    }

    /** Delisting: the identifier still resolves, to a tombstone with the reason; search forgets it at once. */
    Result<String> delist() {
        HttpResponse<String> delisted = operator(
                "POST",
                "/api/v1/review/resources/" + resourceIds.get(PRODUCT) + "/delist",
                "{\"reason\":\"提供方撤回：产品改版\"}",
                true);
        if (delisted.statusCode() != 200) {
            return Result.invalid("delisting answered " + delisted.statusCode() + ": " + delisted.body());
        }
        JsonNode tombstone = json.readTree(resolve(identifiers.get(PRODUCT)).body());
        if (!tombstone.path("status").asString().equals("DELISTED")
                || !tombstone.path("reason").asString().contains("撤回")) {
            return Result.invalid("the delisted identifier resolved to " + tombstone);
        }
        JsonNode found = search("{\"q\":\"充电\"}");
        List<String> hits = new ArrayList<>();
        found.path("hits").forEach(hit -> hits.add(hit.path("identifier").asString()));
        if (hits.contains(identifiers.get(PRODUCT))) {
            return Result.invalid("search still shows the delisted product: " + found);
        }
        return Result.ok(identifiers.get(PRODUCT) + " → tombstone \""
                + tombstone.path("reason").asString() + "\"");
    }

    /**
     * A dataset whose bytes come from a read-only query on the provider's own PostgreSQL: daily sessions per district
     * for March 2025 (computed, so the demo needs no table). Registered, submitted, listed, mirrored; its identifier.
     */
    Result<String> publishQuery() {
        return publishComputed(QUERY, "充电日汇总（按区）", "Daily charging sessions by district", null, DAILY);
    }

    /** A large query-backed dataset (minute readings), for a download that is still running when it is suspended. */
    Result<String> publishReadings() {
        return publishComputed(READINGS, "充电桩分钟读数", "Charger readings by minute", null, MINUTES);
    }

    /**
     * The same kind of dataset classified 重要 (with its security assessment), so a request for it waits for a
     * person at the provider; its identifier.
     */
    Result<String> publishImportant() {
        return publishComputed(
                IMPORTANT, "充电站点负荷（重要数据）", "Charging station load (important data)", "沪数安评〔2025〕017号", DAILY);
    }

    /** A dataset read by {@code query}, GENERAL or (with {@code assessment}) IMPORTANT: registered, submitted, listed. */
    private Result<String> publishComputed(String localId, String zh, String en, String assessment, String query) {
        JsonNode base = json.readTree(
                provider("GET", "/api/v1/resources/" + CHARGING, null, null).body());
        ObjectNode metadata = (ObjectNode) base.path("metadata").deepCopy();
        complete(metadata, zh, en, assessment == null ? "GENERAL" : "IMPORTANT", null);
        if (assessment != null) {
            ((ObjectNode) metadata.path("classification")).put("securityAssessment", assessment);
        }
        ObjectNode registration = registration(localId, "DATASET", metadata, membersOnly());
        io.trustspace.app.config.NodeProperties.Db db = space.node("provider")
                .context()
                .getBean(io.trustspace.app.config.NodeProperties.class)
                .db();
        ObjectNode address = registration.putObject("dataAddress");
        address.put("type", "PostgreSQL");
        address.put("endpoint", db.url());
        ObjectNode properties = address.putObject("properties");
        properties.put("query", query);
        if (db.user() != null) {
            properties.put("user", db.user());
        }
        if (db.password() != null) {
            properties.put("password", db.password());
        }
        HttpResponse<String> registered =
                provider("POST", "/api/v1/resources", "application/json", registration.toString());
        HttpResponse<String> submitted = provider("POST", "/api/v1/resources/" + localId + "/submit", null, null);
        if (registered.statusCode() != 200 || submitted.statusCode() != 200) {
            return Result.invalid(localId + " answered " + registered.statusCode() + "/" + submitted.statusCode() + ": "
                    + registered.body() + " " + submitted.body());
        }
        Result<String> listed = listSubmitted();
        if (listed instanceof Result.Failure<String>) {
            return listed;
        }
        sync();
        JsonNode view = json.readTree(
                provider("GET", "/api/v1/resources/" + localId, null, null).body());
        return view.path("state").asString().equals("LISTED")
                ? Result.ok(view.path("identifier").asString())
                : Result.invalid(localId + " is " + view.path("state").asString());
    }

    private Result<String> listSubmitted() {
        JsonNode queue = json.readTree(
                operator("GET", "/api/v1/review/resources", null, true).body());
        if (!queue.isArray() || queue.isEmpty()) {
            return Result.invalid("the review queue is empty: " + queue);
        }
        for (JsonNode resource : queue) {
            HttpResponse<String> listed = operator(
                    "POST",
                    "/api/v1/review/resources/" + resource.path("id").asString() + "/list",
                    "{\"reason\":\"元数据完整，分级分类与访问策略符合空间规则\"}",
                    true);
            if (listed.statusCode() != 200) {
                return Result.invalid("listing answered " + listed.statusCode() + ": " + listed.body());
            }
        }
        return Result.ok("");
    }

    private void sync() {
        provider("POST", "/api/v1/resources/sync", null, null);
    }

    private JsonNode search(String body) {
        HttpResponse<String> response = consumer("POST", "/api/v1/discovery/search", body);
        return json.readTree(response.body());
    }

    private HttpResponse<String> resolve(String identifier) {
        return consumer(
                "GET",
                "/api/v1/discovery/resolve?identifier=" + URLEncoder.encode(identifier, StandardCharsets.UTF_8),
                null);
    }

    private ObjectNode complete(ObjectNode metadata, String zh, String en, String level, String basedOn) {
        metadata.putObject("title").put("zh", zh).put("en", en);
        metadata.putObject("description")
                .put("zh", "上海市公共充电桩逐次充电记录：站点、行政区、起止时间、充电量与费用，不含个人信息。")
                .put(
                        "en",
                        "Per-session records of Shanghai public chargers: station, district, times, energy, fee."
                                + " No personal information.");
        metadata.put("industry", "D44");
        metadata.putArray("keywords").add("充电桩").add("新能源汽车").add("EV charging");
        ObjectNode classification = metadata.putObject("classification");
        classification.put("level", level);
        classification.put("category", "交通出行/充电服务");
        metadata.putObject("personalInformation").put("contained", false);
        metadata.putObject("temporalCoverage").put("start", "2025-01-01").put("end", "2025-12-31");
        metadata.put("spatialCoverage", "310000");
        metadata.put("updateFrequency", "DAILY");
        metadata.put("storageRegion", "310000");
        metadata.put("storageCountry", "CN");
        metadata.putArray("distributions")
                .addObject()
                .put("format", "CSV")
                .put("mediaType", "text/csv")
                .put("accessMethod", "DOWNLOAD");
        if (basedOn != null) {
            metadata.putArray("basedOn").add(basedOn);
        }
        return metadata;
    }

    private ObjectNode registration(String localId, String kind, ObjectNode metadata, ObjectNode accessPolicy) {
        ObjectNode body = json.createObjectNode();
        body.put("localId", localId);
        body.put("kind", kind);
        body.set("metadata", metadata);
        body.set("accessPolicy", accessPolicy);
        // What #6 negotiates: research use only, at most 3 accesses, 30 days, no re-transfer, domestic use only.
        body.set("offers", json.readTree("""
                [{"@id": "%s:offer:research", "@type": "Offer",
                  "permission": [{"action": "use", "constraint": [
                      {"leftOperand": "purpose", "operator": "eq", "rightOperand": "research"},
                      {"leftOperand": "count", "operator": "lteq", "rightOperand": 3},
                      {"leftOperand": "elapsedTime", "operator": "lteq", "rightOperand": "P30D"},
                      {"leftOperand": "spatial", "operator": "eq", "rightOperand": "CN"}]}],
                  "prohibition": [{"action": "distribute"}]}]
                """.formatted(localId)));
        ObjectNode address = body.putObject("dataAddress");
        address.put("type", "File");
        address.put("endpoint", sourceFile(localId).toString());
        return body;
    }

    /**
     * The bytes behind a resource: a CSV of charging sessions in the provider's data folder (deterministic, a few
     * thousand rows), which only the provider's data plane reads.
     */
    private java.nio.file.Path sourceFile(String localId) {
        java.nio.file.Path folder = space.node("provider")
                .context()
                .getBean(io.trustspace.app.config.NodeProperties.class)
                .dataDir()
                .resolve("demo-data");
        java.nio.file.Path file = folder.resolve(localId + ".csv");
        try {
            java.nio.file.Files.createDirectories(folder);
            StringBuilder csv = new StringBuilder(CSV.lines().findFirst().orElseThrow()).append('\n');
            java.util.Random random = new java.util.Random(20250301L);
            String[] districts = {"浦东新区", "徐汇区", "静安区", "闵行区", "杨浦区", "嘉定区", "松江区", "宝山区"};
            java.time.LocalDateTime start = java.time.LocalDateTime.parse("2025-03-01T00:00:00");
            for (int i = 1; i <= 5_000; i++) {
                java.time.LocalDateTime from = start.plusMinutes(i * 7L + random.nextInt(7));
                int minutes = 20 + random.nextInt(160);
                double kwh = Math.round((5 + random.nextDouble() * 55) * 10) / 10.0;
                boolean dc = random.nextBoolean();
                csv.append("S%08d,SH-%03d,%s,%s+08:00,%s+08:00,%.1f,%.2f,%s%n"
                        .formatted(
                                i,
                                random.nextInt(400),
                                districts[random.nextInt(districts.length)],
                                from,
                                from.plusMinutes(minutes),
                                kwh,
                                kwh * (dc ? 1.5 : 1.3),
                                dc ? "DC" : "AC"));
            }
            java.nio.file.Files.writeString(file, csv.toString(), StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return file.toAbsolutePath();
    }

    private ObjectNode membersOnly() {
        return (ObjectNode) json.readTree("{\"@id\":\"urn:demo:policy:space-members\",\"@type\":\"Set\",\"permission\":"
                + "[{\"action\":\"read\",\"constraint\":[{\"leftOperand\":\"recipient.space\",\"operator\":\"eq\",\"rightOperand\":\""
                + SPACE
                + "\"}]}]}");
    }

    private ObjectNode onlyParticipant(String participant) {
        return (ObjectNode) json.readTree("{\"@id\":\"urn:demo:policy:provider-only\",\"@type\":\"Set\",\"permission\":"
                + "[{\"action\":\"read\",\"constraint\":[{\"leftOperand\":\"recipient.participant\",\"operator\":\"eq\",\"rightOperand\":\""
                + participant
                + "\"}]}]}");
    }

    private HttpResponse<String> provider(String method, String path, String contentType, String body) {
        return http.node("provider", DemoCredentials.Holder.PROVIDER_ADMIN, method, path, contentType, body);
    }

    private HttpResponse<String> consumer(String method, String path, String body) {
        return http.node("consumer", DemoCredentials.Holder.CONSUMER_ADMIN, method, path, "application/json", body);
    }

    private HttpResponse<String> operator(String method, String path, String body, boolean reviewer) {
        return http.operator(method, path, body, reviewer);
    }

    /** A DSP call from the consumer's connector with a fresh access token for the provider. */
    private HttpResponse<String> dsp(String url, String body) {
        return http.dsp(url, body);
    }
}
