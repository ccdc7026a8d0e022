package io.trustspace.app.demo;

import io.trustspace.app.did.DidWeb;
import io.trustspace.common.Result;
import io.trustspace.crypto.CryptoSuite;
import io.trustspace.ledger.evidence.EvidenceRecord;
import io.trustspace.ledger.evidence.Receipt;
import io.trustspace.ledger.note.NoteVerifier;
import io.trustspace.ledger.outbox.EvidenceOutbox;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The demo's contract steps (履约与使用控制): the consumer negotiates for the EV charging dataset under its offer
 * (research only, at most 3 accesses, 30 days, no re-transfer, domestic use), pulls it through its connector — a
 * use for another purpose is refused without counting, the 4th research use is refused — and every decision is in
 * the ledger with a receipt that verifies against the signed checkpoint.
 */
final class DemoContracts {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private final DemoSpace space;
    private final Function<HttpRequest.Builder, HttpResponse<String>> send;
    private final DemoHttp http;
    private final Supplier<Result<NoteVerifier>> logVerifier;
    private final CryptoSuite suite;
    private final JsonMapper json = JsonMapper.builder().build();
    private String agreementId;
    private String importantAgreementId;
    private String transferId;
    /** What the consumer received on one of its permitted research pulls. */
    private String delivered;

    DemoContracts(
            DemoSpace space,
            Function<HttpRequest.Builder, HttpResponse<String>> send,
            Supplier<Result<NoteVerifier>> logVerifier,
            CryptoSuite suite) {
        this.space = space;
        this.send = send;
        this.http = new DemoHttp(space, send);
        this.logVerifier = logVerifier;
        this.suite = suite;
    }

    /** Negotiates for the dataset's offer as it appears in the provider's DSP catalog, to FINALIZED. */
    Result<String> negotiate() {
        Result<String> agreed = negotiateFor(DemoCatalog.CHARGING);
        if (agreed instanceof Result.Failure<String> failure) {
            return failure;
        }
        agreementId = agreed.orElseThrow();
        JsonNode providerSide = json.readTree(
                providerApi("/api/v1/agreements/" + enc(agreementId)).body());
        if (!providerSide.path("state").asString().equals("ACTIVE")) {
            return Result.invalid("the provider does not hold agreement " + agreementId + ": " + providerSide);
        }
        return Result.ok("agreement " + agreementId + " signed by both; each side holds both signatures");
    }

    /** Negotiates the first offer of {@code dataset} to FINALIZED; the agreement id. */
    private Result<String> negotiateFor(String dataset) {
        Result<String> started = startNegotiation(dataset);
        if (started instanceof Result.Failure<String> failure) {
            return failure;
        }
        JsonNode negotiation = await("/api/v1/negotiations/" + started.orElseThrow(), "FINALIZED");
        if (!negotiation.path("state").asString().equals("FINALIZED")) {
            return Result.invalid("the negotiation ended "
                    + negotiation.path("state").asString() + ": " + negotiation.path("terminationReason"));
        }
        // Each side holds both signatures (they travel in the agreement and verification messages, and were
        // verified against the other's DID document on arrival): the same two on both sides.
        JsonNode providerSide = json.readTree(providerApi("/api/v1/negotiations/"
                        + enc(negotiation.path("providerPid").asString()))
                .body());
        for (String signature : List.of("providerSignature", "consumerSignature")) {
            String held = negotiation.path(signature).asString("");
            if (held.isEmpty() || !held.equals(providerSide.path(signature).asString(""))) {
                return Result.invalid("the " + signature + " is not held by both sides: consumer " + held
                        + ", provider " + providerSide.path(signature));
            }
        }
        return Result.ok(negotiation.path("agreementId").asString());
    }

    /** Asks the provider, as consumer, for the first offer of {@code dataset}; the consumer's negotiation id. */
    private Result<String> startNegotiation(String dataset) {
        String provider = space.node("provider").baseUrl();
        JsonNode offer = offerFromProvider(dataset);
        if (offer == null) {
            return Result.invalid("the provider's DSP catalog shows no offer for " + dataset);
        }
        ObjectNode request = json.createObjectNode();
        request.put("counterPartyAddress", provider + "/dsp/2025-1");
        request.put("counterPartyId", DidWeb.forBaseUrl(provider));
        request.put("datasetId", dataset);
        request.set("offer", offer);
        HttpResponse<String> started = consumer("POST", "/api/v1/negotiations", request.toString());
        if (started.statusCode() != 201) {
            return Result.invalid("starting the negotiation answered " + started.statusCode() + ": " + started.body());
        }
        return Result.ok(json.readTree(started.body()).path("id").asString());
    }

    /**
     * Asks the provider, as consumer, for a transfer under {@code agreement} ({@code sink} for a push) and waits until
     * it is {@code until} or TERMINATED (bounded); the consumer's view of it then.
     */
    private Result<JsonNode> transfer(String agreement, String format, String sink, String until) {
        String provider = space.node("provider").baseUrl();
        ObjectNode request = json.createObjectNode();
        request.put("agreementId", agreement);
        request.put("counterPartyAddress", provider + "/dsp/2025-1");
        request.put("counterPartyId", DidWeb.forBaseUrl(provider));
        request.put("format", format);
        if (sink != null) {
            request.putObject("dataAddress").put("endpoint", sink);
            request.put("purpose", "research");
        }
        HttpResponse<String> started = consumer("POST", "/api/v1/transfers", request.toString());
        if (started.statusCode() != 201) {
            return Result.invalid("starting the transfer answered " + started.statusCode() + ": " + started.body());
        }
        return Result.ok(await(
                "/api/v1/transfers/" + json.readTree(started.body()).path("id").asString(), until));
    }

    /** Starts a pull under {@code agreement} and waits for STARTED; the transfer id. */
    private Result<String> startPull(String agreement) {
        return transfer(agreement, "HttpData-PULL", null, "STARTED")
                .flatMap(transfer -> transfer.path("state").asString().equals("STARTED")
                        ? Result.ok(transfer.path("id").asString())
                        : Result.invalid(
                                "the transfer is " + transfer.path("state").asString()));
    }

    /**
     * Manual approval: a request for 重要 data is not decided by the provider's automation but waits, REQUESTED, until
     * the provider's admin approves it; then it is agreed and signed by both like any other.
     */
    Result<String> manualApproval(DemoCatalog catalog) {
        Result<String> listed = catalog.publishImportant();
        if (listed instanceof Result.Failure<String> failure) {
            return failure;
        }
        Result<String> started = startNegotiation(DemoCatalog.IMPORTANT);
        if (started instanceof Result.Failure<String> failure) {
            return failure;
        }
        String id = started.orElseThrow();
        String waiting = waitingAtProvider(DemoCatalog.IMPORTANT);
        if (waiting == null) {
            return Result.invalid("no request for " + DemoCatalog.IMPORTANT + " is waiting at the provider");
        }
        JsonNode before = json.readTree(
                consumer("GET", "/api/v1/negotiations/" + id, null).body());
        if (!before.path("state").asString().equals("REQUESTED")) {
            return Result.invalid("before any decision the consumer's negotiation is " + before.path("state"));
        }
        HttpResponse<String> decided = providerPost(
                "/api/v1/negotiations/" + enc(waiting) + "/decision",
                "{\"approve\":true,\"reason\":\"安全评估有效，用途与范围经人工审核同意\"}");
        if (decided.statusCode() != 200) {
            return Result.invalid("the decision answered " + decided.statusCode() + ": " + decided.body());
        }
        JsonNode negotiation = await("/api/v1/negotiations/" + id, "FINALIZED");
        if (!negotiation.path("state").asString().equals("FINALIZED")
                || negotiation.path("consumerSignature").isNull()) {
            return Result.invalid("after approval the negotiation is "
                    + negotiation.path("state").asString() + ": " + negotiation.path("terminationReason"));
        }
        importantAgreementId = negotiation.path("agreementId").asString();
        return Result.ok(listed.orElseThrow() + ": REQUESTED at the provider until its admin approved; then agreement "
                + importantAgreementId + " signed by both");
    }

    /**
     * HttpData-PUSH to the consumer's receiving service — the one origin the provider's operator allowed although it
     * is on a loopback address: the provider streams the data there, the transfer completes on both sides, and what
     * was delivered is in the ledger.
     */
    Result<String> push() {
        if (importantAgreementId == null) {
            return Result.invalid("no agreement");
        }
        java.util.concurrent.atomic.AtomicLong received = new java.util.concurrent.atomic.AtomicLong();
        java.util.concurrent.atomic.AtomicReference<String> firstLine =
                new java.util.concurrent.atomic.AtomicReference<>();
        com.sun.net.httpserver.HttpServer sink;
        try {
            URI origin = URI.create(space.pushSink());
            sink = com.sun.net.httpserver.HttpServer.create(
                    new java.net.InetSocketAddress(origin.getHost(), origin.getPort()), 0);
        } catch (java.io.IOException e) {
            return Result.unavailable("cannot open the consumer's receiving service: " + e.getMessage());
        }
        sink.createContext("/inbox", exchange -> {
            try (java.io.InputStream body = exchange.getRequestBody()) {
                byte[] head = body.readNBytes(4096);
                long bytes = head.length;
                byte[] buffer = new byte[8192];
                for (int read; (read = body.read(buffer)) >= 0; ) {
                    bytes += read;
                }
                received.addAndGet(bytes);
                firstLine.compareAndSet(
                        null,
                        new String(head, StandardCharsets.UTF_8)
                                .lines()
                                .findFirst()
                                .orElse(""));
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        sink.start();
        try {
            Result<JsonNode> done =
                    transfer(importantAgreementId, "HttpData-PUSH", space.pushSink() + "/inbox", "COMPLETED");
            if (done instanceof Result.Failure<JsonNode> failure) {
                return failure.cast();
            }
            JsonNode transfer = done.orElseThrow();
            if (!transfer.path("state").asString().equals("COMPLETED")) {
                return Result.invalid("the push ended " + transfer.path("state").asString() + ": "
                        + transfer.path("terminationCode").asString("") + " " + transfer.path("terminationReason"));
            }
            if (received.get() == 0
                    || firstLine.get() == null
                    || !firstLine.get().contains(",")) {
                return Result.invalid(
                        "the receiving service got " + received.get() + " bytes, first line " + firstLine.get());
            }
            // The provider evidences the delivery under its own pid for the transfer.
            String providerPid = transfer.path("providerPid").asString();
            if (!inLedger(providerPid, "transfer.delivered")) {
                return Result.invalid("the push of " + providerPid + " left no transfer.delivered evidence");
            }
            return Result.ok(received.get() + " bytes of CSV pushed to " + space.pushSink()
                    + "/inbox → COMPLETED on both sides, the delivery (bytes, digest, destination) in the ledger");
        } finally {
            sink.stop(0);
        }
    }

    /**
     * HttpData-PUSH to a destination on a loopback address (where internal services listen) is refused by the
     * provider before a byte moves: the transfer ends TERMINATED with the reason, and the destination sees nothing.
     */
    Result<String> pushGuard() {
        if (importantAgreementId == null) {
            return Result.invalid("no agreement");
        }
        java.util.concurrent.atomic.AtomicInteger hits = new java.util.concurrent.atomic.AtomicInteger();
        com.sun.net.httpserver.HttpServer sink;
        try {
            sink = com.sun.net.httpserver.HttpServer.create(
                    new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
        } catch (java.io.IOException e) {
            return Result.unavailable("cannot open the demo's sink: " + e.getMessage());
        }
        sink.createContext("/", exchange -> {
            hits.incrementAndGet();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        sink.start();
        try {
            String destination = "http://127.0.0.1:" + sink.getAddress().getPort() + "/internal/admin";
            Result<JsonNode> done = transfer(importantAgreementId, "HttpData-PUSH", destination, "COMPLETED");
            if (done instanceof Result.Failure<JsonNode> failure) {
                return failure.cast();
            }
            JsonNode transfer = done.orElseThrow();
            if (!transfer.path("state").asString().equals("TERMINATED")) {
                return Result.invalid("the push to a loopback address ended "
                        + transfer.path("state").asString());
            }
            if (hits.get() != 0) {
                return Result.invalid("the loopback destination received " + hits.get() + " request(s)");
            }
            return Result.ok(destination + " → TERMINATED, 0 requests reached it");
        } finally {
            sink.stop(0);
        }
    }

    /** The provider's negotiation for {@code dataset} waiting for a decision, once it shows (bounded). */
    private String waitingAtProvider(String dataset) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            for (JsonNode n : json.readTree(
                    providerApi("/api/v1/negotiations?state=REQUESTED").body())) {
                if (n.path("datasetId").asString("").equals(dataset)) {
                    return n.path("id").asString();
                }
            }
            sleep(100);
        }
        return null;
    }

    /** A dataset whose source is a PostgreSQL query: negotiated, pulled, delivered as CSV. */
    Result<String> query(DemoCatalog catalog) {
        Result<String> listed = catalog.publishQuery();
        if (listed instanceof Result.Failure<String> failure) {
            return failure;
        }
        Result<String> transfer = negotiateFor(DemoCatalog.QUERY).flatMap(this::startPull);
        if (transfer instanceof Result.Failure<String> failure) {
            return failure;
        }
        // The consumer's application reads this one straight from the provider's data plane, with the endpoint and
        // token its connector received (the other pulls go through the consumer connector).
        HttpResponse<String> address =
                consumer("GET", "/api/v1/transfers/" + transfer.orElseThrow() + "/data-address", null);
        if (address.statusCode() != 200) {
            return Result.invalid("the data address answered " + address.statusCode() + ": " + address.body());
        }
        JsonNode pull = json.readTree(address.body());
        HttpResponse<String> data = send.apply(
                HttpRequest.newBuilder(URI.create(pull.path("endpoint").asString()))
                        .header("Authorization", pull.path("authorization").asString())
                        .header("X-Purpose", "research"));
        List<String> lines = data.body().lines().toList();
        if (data.statusCode() != 200
                || lines.isEmpty()
                || !lines.get(0).equals("day,district,sessions")
                || lines.size() != 32) {
            return Result.invalid("the query source answered " + data.statusCode() + ": " + abbreviate(data.body()));
        }
        if (!inLedger(transfer.orElseThrow(), "transfer.address-disclosed")) {
            return Result.invalid("handing out the data address of " + transfer.orElseThrow() + " left no evidence");
        }
        return Result.ok(listed.orElseThrow() + " → " + (lines.size() - 1)
                + " CSV rows from a read-only query, read straight from the provider's data plane (the hand-over of"
                + " its address is evidenced)");
    }

    /**
     * 使用中止: suspending an agreement stops a download that is already running, not only the next one. The consumer
     * reads the first MiB of a large dataset through its connector, the provider suspends the agreement, and the rest
     * of the download must break off (a broken stream, not a short one); the cut is in the ledger.
     */
    Result<String> suspendWhileFlowing(DemoCatalog catalog) {
        Result<String> listed = catalog.publishReadings();
        if (listed instanceof Result.Failure<String> failure) {
            return failure;
        }
        Result<String> agreement = negotiateFor(DemoCatalog.READINGS);
        Result<String> transfer = agreement.flatMap(this::startPull);
        if (transfer instanceof Result.Failure<String> failure) {
            return failure;
        }
        HttpClient client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        long before;
        long after;
        boolean broken;
        try {
            HttpResponse<InputStream> download = client.send(
                    HttpRequest.newBuilder(URI.create(space.node("consumer").baseUrl() + "/api/v1/transfers/"
                                    + transfer.orElseThrow() + "/data"))
                            .header("X-Api-Key", space.credentials().key(DemoCredentials.Holder.CONSUMER_ADMIN))
                            .header("X-Purpose", "research")
                            .timeout(WAIT)
                            .build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = download.body()) {
                if (download.statusCode() != 200) {
                    return Result.invalid("the download answered " + download.statusCode());
                }
                before = body.readNBytes(1 << 20).length;
                HttpResponse<String> suspended = providerPost(
                        "/api/v1/agreements/" + enc(agreement.orElseThrow()) + "/state", "{\"state\":\"SUSPENDED\"}");
                if (suspended.statusCode() != 200) {
                    return Result.invalid("suspending answered " + suspended.statusCode() + ": " + suspended.body());
                }
                sleep(600); // more than the data plane's watch interval (250 ms)
                long[] rest = java.util.concurrent.CompletableFuture.supplyAsync(() -> drain(body))
                        .get(WAIT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
                after = rest[0];
                broken = rest[1] == 1;
            }
        } catch (IOException | java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            return Result.invalid("the download failed before the suspension: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Result.invalid("interrupted");
        }
        if (!broken) {
            return Result.invalid("the download ran to its end after the suspension (" + (before + after) + " bytes)");
        }
        if (!inLedger(agreement.orElseThrow(), "transfer.interrupted")) {
            return Result.invalid("the cut download of " + transfer.orElseThrow() + " left no evidence");
        }
        return Result.ok(listed.orElseThrow() + ": suspended after " + before / 1024 + " KiB had arrived → the download"
                + " broke off " + after / 1024 + " KiB later, the cut in the ledger (transfer.interrupted)");
    }

    /** Reads {@code body} to its end or until it breaks: the bytes read, and 1 if it broke. */
    private static long[] drain(InputStream body) {
        long total = 0;
        byte[] buffer = new byte[64 * 1024];
        try {
            for (int n = body.read(buffer); n >= 0; n = body.read(buffer)) {
                total += n;
            }
            return new long[] {total, 0};
        } catch (IOException broken) {
            return new long[] {total, 1};
        }
    }

    /** Pulls three times for research; a marketing use and the 4th research use are refused. */
    Result<String> pull() {
        if (agreementId == null) {
            return Result.invalid("no agreement");
        }
        Result<String> started = startPull(agreementId);
        if (started instanceof Result.Failure<String> failure) {
            return failure;
        }
        transferId = started.orElseThrow();
        HttpResponse<String> marketing = read("marketing");
        if (marketing.statusCode() != 403) {
            return Result.invalid("a marketing use answered " + marketing.statusCode());
        }
        // Suspension by the provider takes effect at the very next access, and reactivation too; neither counts.
        HttpResponse<String> suspended =
                providerPost("/api/v1/agreements/" + enc(agreementId) + "/state", "{\"state\":\"SUSPENDED\"}");
        HttpResponse<String> whileSuspended = read("research");
        HttpResponse<String> reactivated =
                providerPost("/api/v1/agreements/" + enc(agreementId) + "/state", "{\"state\":\"ACTIVE\"}");
        if (suspended.statusCode() != 200
                || whileSuspended.statusCode() != 403
                || !whileSuspended.body().contains("SUSPENDED")
                || reactivated.statusCode() != 200) {
            return Result.invalid("suspension answered " + suspended.statusCode() + ", a pull while suspended "
                    + whileSuspended.statusCode() + " " + abbreviate(whileSuspended.body()));
        }
        // 50 research pulls at once: the agreement allows 3, so exactly 3 may succeed, whatever the interleaving.
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(16);
        List<java.util.concurrent.Future<HttpResponse<String>>> pulls = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            pulls.add(pool.submit(() -> read("research")));
        }
        List<HttpResponse<String>> answers = new ArrayList<>();
        try {
            for (java.util.concurrent.Future<HttpResponse<String>> pull : pulls) {
                answers.add(pull.get(60, java.util.concurrent.TimeUnit.SECONDS));
            }
        } catch (Exception e) {
            return Result.invalid("concurrent pulls failed: " + e);
        } finally {
            pool.shutdownNow();
        }
        List<HttpResponse<String>> served =
                answers.stream().filter(r -> r.statusCode() == 200).toList();
        List<HttpResponse<String>> refused =
                answers.stream().filter(r -> r.statusCode() == 403).toList();
        if (served.size() != 3 || refused.size() != 47) {
            return Result.invalid(served.size() + " of 50 concurrent pulls were served and " + refused.size()
                    + " refused; the agreement allows exactly 3");
        }
        if (!served.stream().allMatch(r -> r.body().startsWith("session_id,"))) {
            return Result.invalid("a served pull did not deliver the dataset");
        }
        delivered = served.get(0).body();
        HttpResponse<String> fourth = read("research");
        String reason = fourth.statusCode() == 403
                ? json.readTree(fourth.body()).path("detail").asString()
                : "";
        if (fourth.statusCode() != 403 || !reason.contains("count")) {
            return Result.invalid("a later use answered " + fourth.statusCode() + ": " + abbreviate(fourth.body()));
        }
        JsonNode agreement = json.readTree(
                providerApi("/api/v1/agreements/" + enc(agreementId)).body());
        if (agreement.path("uses").asLong() != 3) {
            return Result.invalid("the provider counted " + agreement.path("uses") + " uses, not 3");
        }
        return Result.ok("marketing → 403; suspended → 403 at once; 50 concurrent research pulls → exactly 3 served ("
                + served.get(0).body().length() + " bytes each), 47 refused; then → 403 (" + reason + ")");
    }

    /** Re-transfer control: the consumer's connector will not list a resource made from the received data. */
    Result<String> retransfer() {
        if (agreementId == null) {
            return Result.invalid("no agreement");
        }
        ObjectNode derived = json.createObjectNode();
        derived.put("localId", "charging-heatmap");
        derived.put("kind", "DATASET");
        derived.putObject("metadata").putObject("title").put("zh", "充电热力图").put("en", "Charging heat map");
        derived.putArray("offers")
                .addObject()
                .put("@id", "charging-heatmap:offer:open")
                .put("@type", "Offer")
                .putArray("permission")
                .addObject()
                .put("action", "use");
        derived.putObject("dataAddress").put("type", "File").put("endpoint", "/tmp/heatmap.csv");
        derived.putArray("derivedFrom").add(agreementId);
        HttpResponse<String> listed = consumer("POST", "/api/v1/resources", derived.toString());
        String detail = listed.statusCode() == 403
                ? json.readTree(listed.body()).path("detail").asString()
                : "";
        if (listed.statusCode() != 403 || !detail.contains("distribute")) {
            return Result.invalid(
                    "listing derived data answered " + listed.statusCode() + ": " + abbreviate(listed.body()));
        }
        return Result.ok("listing a heat map derived from it → 403 (" + detail + ")");
    }

    /** The records about {@code subject} in the operator's ledger, as its history API lists them. */
    private JsonNode history(String subject) {
        HttpResponse<String> history = send.apply(HttpRequest.newBuilder(
                URI.create(space.operator().baseUrl() + "/ledger/v1/subjects/" + enc(subject) + "/history")));
        return json.readTree(history.body()).path("records");
    }

    /** Whether the operator's ledger holds a record of {@code type} about {@code subject} (waits for it, bounded). */
    private boolean inLedger(String subject, String type) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            for (JsonNode record : history(subject)) {
                if (record.path("record").path("type").asString("").equals(type)) {
                    return true;
                }
            }
            sleep(200);
        }
        return false;
    }

    /** Every allow and deny is in the ledger; the provider's receipts verify against the signed checkpoint. */
    Result<String> evidence() {
        if (agreementId == null) {
            return Result.invalid("no agreement");
        }
        long deadline = System.nanoTime() + WAIT.toNanos();
        List<String> types = new ArrayList<>();
        JsonNode records = json.nullNode();
        while (System.nanoTime() < deadline) {
            records = history(agreementId);
            types.clear();
            records.forEach(r -> types.add(r.path("record").path("type").asString()));
            if (types.stream().filter("usage.permitted"::equals).count() == 3
                    && types.contains("usage.denied")
                    && types.contains("transfer.delivered")
                    && types.contains("transfer.received")) {
                break;
            }
            sleep(200);
        }
        if (types.stream().filter("usage.permitted"::equals).count() != 3 || !types.contains("usage.denied")) {
            return Result.invalid("the ledger holds " + types + " for agreement " + agreementId);
        }
        // Usage decisions are recorded by whoever takes them: the provider's data plane, the consumer's re-transfer
        // control.
        EvidenceOutbox providerOutbox = space.node("provider").context().getBean(EvidenceOutbox.class);
        EvidenceOutbox consumerOutbox = space.node("consumer").context().getBean(EvidenceOutbox.class);
        Result<NoteVerifier> verifier = logVerifier.get();
        if (verifier instanceof Result.Failure<NoteVerifier> failure) {
            return failure.cast();
        }
        int verified = 0;
        for (JsonNode entry : records) {
            Result<EvidenceRecord> record = EvidenceRecord.fromJson(entry.path("record"));
            if (!(record instanceof Result.Ok<EvidenceRecord> ok)
                    || !ok.value().type().startsWith("usage.")) {
                continue;
            }
            Optional<Receipt> receipt = providerOutbox
                    .receipt(ok.value().id())
                    .or(() -> consumerOutbox.receipt(ok.value().id()));
            if (receipt.isEmpty()) {
                return Result.invalid(
                        "no receipt for " + ok.value().type() + " " + ok.value().id());
            }
            Result<?> checked = receipt.get().verify(ok.value(), suite, verifier.orElseThrow());
            if (checked instanceof Result.Failure<?> failure) {
                return Result.invalid("receipt of " + ok.value().id() + " does not verify: " + failure.reason());
            }
            verified++;
        }
        Result<String> proof = deliveryProof(records);
        if (proof instanceof Result.Failure<String> failure) {
            return failure;
        }
        return Result.ok(types.size() + " records about the agreement ("
                + String.join(", ", types.stream().distinct().toList())
                + "); " + verified + " usage receipts verify; " + proof.orElseThrow());
    }

    /**
     * Both sides prove the delivery: the payload each kept for its record in the ledger ({@code transfer.delivered}
     * by the provider, {@code transfer.received} by the consumer) still hashes to the record's digest, and the data
     * digest in both is the digest of what the consumer's client got.
     */
    private Result<String> deliveryProof(JsonNode ledgerRecords) {
        if (delivered == null) {
            return Result.invalid("no pull was served");
        }
        byte[] received = delivered.getBytes(StandardCharsets.UTF_8);
        String expected = suite.id().name() + ":" + HexFormat.of().formatHex(suite.digest(received));
        Result<String> provider =
                keptDigest(ledgerRecords, "transfer.delivered", path -> providerApi(path), expected, received.length);
        if (provider instanceof Result.Failure<String> failure) {
            return failure;
        }
        Result<String> consumer = keptDigest(
                ledgerRecords, "transfer.received", path -> consumer("GET", path, null), expected, received.length);
        if (consumer instanceof Result.Failure<String> failure) {
            return failure;
        }
        return Result.ok("the provider's transfer.delivered and the consumer's transfer.received payloads hash to the"
                + " ledger's digests and both name the digest of the " + received.length + " bytes received ("
                + provider.orElseThrow() + ")");
    }

    /** Checks the first {@code type} record of the ledger against the payload its writer kept; its digestOf. */
    private Result<String> keptDigest(
            JsonNode ledgerRecords,
            String type,
            Function<String, HttpResponse<String>> writer,
            String expected,
            long bytes) {
        for (JsonNode entry : ledgerRecords) {
            JsonNode record = entry.path("record");
            if (!record.path("type").asString("").equals(type)) {
                continue;
            }
            HttpResponse<String> kept =
                    writer.apply("/api/v1/evidence/" + enc(record.path("id").asString()));
            if (kept.statusCode() != 200) {
                return Result.invalid("the writer of " + type + " cannot show it: " + kept.statusCode() + " "
                        + abbreviate(kept.body()));
            }
            JsonNode shown = json.readTree(kept.body());
            if (!shown.path("payloadVerified").asBoolean()
                    || !shown.path("record").path("payloadDigest").equals(record.path("payloadDigest"))
                    || !shown.path("payload").path("digest").asString("").equals(expected)
                    || shown.path("payload").path("bytes").asLong() != bytes) {
                return Result.invalid(type + " does not prove what the consumer received: " + abbreviate(kept.body()));
            }
            return Result.ok(shown.path("payload").path("digestOf").asString("stream"));
        }
        return Result.invalid("no " + type + " record about the agreement in the ledger");
    }

    private JsonNode offerFromProvider(String datasetId) {
        HttpResponse<String> dataset =
                http.dsp(space.node("provider").baseUrl() + "/dsp/2025-1/catalog/datasets/" + datasetId, null);
        if (dataset.statusCode() != 200) {
            return null;
        }
        JsonNode offers = json.readTree(dataset.body()).path("hasPolicy");
        return offers.isEmpty() ? null : offers.get(0);
    }

    private HttpResponse<String> read(String purpose) {
        return read(transferId, purpose);
    }

    private HttpResponse<String> read(String transfer, String purpose) {
        return send.apply(HttpRequest.newBuilder(
                        URI.create(space.node("consumer").baseUrl() + "/api/v1/transfers/" + transfer + "/data"))
                .header("X-Api-Key", space.credentials().key(DemoCredentials.Holder.CONSUMER_ADMIN))
                .header("X-Purpose", purpose));
    }

    private JsonNode await(String path, String state) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        JsonNode view = json.nullNode();
        while (System.nanoTime() < deadline) {
            // The API holds the answer until the state is reached (or 5 s pass): no polling loop of our own.
            HttpResponse<String> answer = consumer("GET", path + "?wait=5&until=" + state + ",TERMINATED", null);
            if (answer.statusCode() != 200) {
                throw new IllegalStateException(
                        "GET " + path + " answered " + answer.statusCode() + ": " + answer.body());
            }
            view = json.readTree(answer.body());
            String now = view.path("state").asString("");
            if (now.equals(state) || now.equals("TERMINATED")) {
                return view;
            }
        }
        return view;
    }

    private HttpResponse<String> consumer(String method, String path, String body) {
        return http.node("consumer", DemoCredentials.Holder.CONSUMER_ADMIN, method, path, "application/json", body);
    }

    private HttpResponse<String> providerApi(String path) {
        return http.node("provider", DemoCredentials.Holder.PROVIDER_ADMIN, "GET", path, null, null);
    }

    private HttpResponse<String> providerPost(String path, String body) {
        return http.node("provider", DemoCredentials.Holder.PROVIDER_ADMIN, "POST", path, "application/json", body);
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String abbreviate(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
