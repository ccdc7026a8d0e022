package io.trustspace.app.ledger;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.trustspace.app.web.Problems;
import io.trustspace.app.web.RoutedPath;
import io.trustspace.common.Result;
import io.trustspace.ledger.evidence.EvidenceRecord;
import io.trustspace.ledger.evidence.Receipt;
import io.trustspace.ledger.evidence.ReceiptJson;
import io.trustspace.ledger.evidence.SignedEvidence;
import io.trustspace.ledger.log.EvidenceLog;
import io.trustspace.ledger.log.LedgerStore;
import io.trustspace.ledger.log.StoredCheckpoint;
import io.trustspace.ledger.merkle.ConsistencyProof;
import io.trustspace.ledger.provenance.Provenance;
import io.trustspace.ledger.tile.EntryBundle;
import io.trustspace.ledger.tile.Tile;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The operator's evidence ledger over HTTP: record submission with receipts, the C2SP tlog-tiles read API
 * ({@code /ledger/checkpoint}, {@code /ledger/tile/…}) that anyone can audit with plain GETs and that any HTTP cache
 * can serve, proofs, and provenance.
 */
@RestController
@Tag(name = "ledger", description = "Evidence ledger (可信存证): submission, tiles, proofs, provenance (溯源)")
public class LedgerController {

    /** Most records per submission. */
    static final int MAX_BATCH = 1000;

    private static final MediaType TEXT = new MediaType("text", "plain", java.nio.charset.StandardCharsets.UTF_8);
    private static final CacheControl IMMUTABLE =
            CacheControl.maxAge(365, TimeUnit.DAYS).cachePublic().immutable();

    private final EvidenceLog log;
    private final LedgerStore store;
    private final Provenance provenance;
    private final String logKey;
    private final JsonMapper json = JsonMapper.builder().build();
    private final Predicate<String> admitted;
    private final Clock clock;

    /**
     * How far ahead of our clock a record's time may be. Records come late (an outbox drained after a restart), never
     * early: a time further ahead is a wrong clock or a claim about the future, and the record waits in its outbox
     * until it is no longer ahead.
     */
    static final Duration MAX_AHEAD = Duration.ofMinutes(5);

    /**
     * @param admitted whether an actor may append here; asked before its DID document is fetched, so that no one can
     *     make the operator fetch arbitrary URLs or write evidence in the name of someone the space never admitted
     */
    public LedgerController(
            EvidenceLog log,
            LedgerStore store,
            Provenance provenance,
            String logKey,
            Predicate<String> admitted,
            Clock clock) {
        this.admitted = admitted;
        this.clock = clock;
        this.log = log;
        this.store = store;
        this.provenance = provenance;
        this.logKey = logKey;
    }

    @PostMapping(path = "/ledger/v1/records", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Append signed evidence records; one result (receipt or problem) per record, in order."
                    + " A request of one record that is refused is answered with that record's problem status.")
    public ResponseEntity<?> append(@RequestBody JsonNode body, HttpServletRequest request) {
        JsonNode records = body.path("records");
        if (!records.isArray() || records.isEmpty() || records.size() > MAX_BATCH) {
            return Problems.response(
                    new Result.Failure<>(
                            Result.Kind.INVALID,
                            "'records' must be an array of 1 to " + MAX_BATCH + " {record, jws} objects"),
                    request);
        }
        List<CompletableFuture<Result<Receipt>>> pending = new ArrayList<>();
        Map<String, Boolean> members = new HashMap<>();
        for (JsonNode item : records) {
            Result<SignedEvidence> evidence = EvidenceRecord.fromJson(item.path("record"))
                    .flatMap(record -> members.computeIfAbsent(record.actor(), admitted::test)
                            ? Result.ok(record)
                            : Result.forbidden("actor " + record.actor() + " is not a member of this space: the"
                                    + " ledger takes records only from participants it credentialed"))
                    .flatMap(record -> record.time().isAfter(clock.instant().plus(MAX_AHEAD))
                            ? Result.invalid("record time " + record.time() + " is more than " + MAX_AHEAD.toMinutes()
                                    + " minutes ahead of the ledger's clock")
                            : Result.ok(record))
                    .flatMap(
                            record -> SignedEvidence.of(record, item.path("jws").asString(null)));
            pending.add(
                    evidence instanceof Result.Failure<SignedEvidence> bad
                            ? CompletableFuture.completedFuture(bad.cast())
                            : log.submit(evidence.orElseThrow()));
        }
        if (pending.size() == 1 && pending.get(0).join() instanceof Result.Failure<Receipt> refused) {
            // A single record refused is the request refused: answer with its status, e.g. 400 for a forgery.
            return Problems.response(refused, request);
        }
        ObjectNode answer = json.createObjectNode();
        ArrayNode results = answer.putArray("results");
        for (int i = 0; i < pending.size(); i++) {
            Result<Receipt> result = pending.get(i).join();
            ObjectNode item = results.addObject();
            item.put("recordId", records.get(i).path("record").path("id").asString(""));
            if (result instanceof Result.Ok<Receipt> ok) {
                item.set("receipt", ReceiptJson.toJson(ok.value()));
            } else {
                Result.Failure<Receipt> failure = (Result.Failure<Receipt>) result;
                item.put("status", Problems.status(failure.kind()).value());
                item.put("detail", failure.reason());
            }
        }
        return ResponseEntity.ok(answer);
    }

    @GetMapping(path = "/ledger/checkpoint", produces = "text/plain")
    @Operation(summary = "The latest signed checkpoint (c2sp.org/tlog-checkpoint), with witness cosignatures")
    public ResponseEntity<String> checkpoint(HttpServletRequest request) {
        return log.latestCheckpoint()
                .map(checkpoint -> ResponseEntity.ok()
                        .cacheControl(CacheControl.noCache())
                        .contentType(TEXT)
                        .body(checkpoint.note()))
                .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND)
                        .contentType(TEXT)
                        .body("the ledger is empty\n"));
    }

    @GetMapping(path = "/ledger/tile/**")
    @Operation(summary = "A hash tile or entry bundle (c2sp.org/tlog-tiles); immutable, cacheable")
    public ResponseEntity<?> tile(HttpServletRequest request) {
        String path = RoutedPath.of(request).substring("/ledger/".length());
        long size = log.size();
        if (path.startsWith("tile/entries/")) {
            return Tile.parseEntriesPath(path)
                    .flatMap(tile -> bundle(tile, size))
                    .<ResponseEntity<?>>fold(
                            LedgerController::immutable, failure -> Problems.response(failure, request));
        }
        return Tile.parsePath(path)
                .flatMap(tile -> within(tile, size).flatMap(t -> t.read(log.hashes())))
                .<ResponseEntity<?>>fold(LedgerController::immutable, failure -> Problems.response(failure, request));
    }

    private Result<byte[]> bundle(Tile tile, long size) {
        long first = tile.index() * Tile.FULL_WIDTH;
        if (first + tile.width() > size) {
            return Result.notFound("entry bundle " + tile.entriesPath() + " is beyond the log's size " + size);
        }
        List<byte[]> entries = store.entries(first, tile.width());
        if (entries.size() != tile.width()) {
            return Result.unavailable("entries " + first + ".." + (first + tile.width()) + " are not all stored");
        }
        return Result.ok(EntryBundle.encode(entries));
    }

    private static Result<Tile> within(Tile tile, long size) {
        long available = size >>> (tile.level() * Tile.HEIGHT);
        return tile.index() * Tile.FULL_WIDTH + tile.width() <= available
                ? Result.ok(tile)
                : Result.notFound("tile " + tile.path() + " is beyond the log's size " + size);
    }

    private static ResponseEntity<byte[]> immutable(byte[] body) {
        return ResponseEntity.ok()
                .cacheControl(IMMUTABLE)
                .contentType(MediaType.APPLICATION_OCTET_STREAM)
                .body(body);
    }

    @GetMapping(path = "/ledger/v1/log-key", produces = "text/plain")
    @Operation(summary = "The log's verifier key (signed-note vkey format) that checkpoints are signed with")
    public ResponseEntity<String> logKey() {
        return ResponseEntity.ok().contentType(TEXT).body(logKey + "\n");
    }

    @GetMapping("/ledger/v1/records/{id}")
    @Operation(summary = "A record, its actor signature and a receipt against the latest checkpoint")
    public ResponseEntity<?> record(@PathVariable String id, HttpServletRequest request) {
        return log.receipt(id)
                .flatMap(receipt -> store.entry(receipt.leafIndex())
                        .<Result<ObjectNode>>map(entry -> EvidenceRecord.fromCanonicalJson(entry.entry())
                                .map(record -> {
                                    ObjectNode body = json.createObjectNode();
                                    body.set("record", record.toJson());
                                    body.put("jws", entry.jws());
                                    body.set("receipt", ReceiptJson.toJson(receipt));
                                    return body;
                                }))
                        .orElseGet(() -> Result.notFound("no entry " + receipt.leafIndex())))
                .<ResponseEntity<?>>fold(ResponseEntity::ok, failure -> Problems.response(failure, request));
    }

    @GetMapping("/ledger/v1/consistency")
    @Operation(summary = "A consistency proof between two tree sizes (RFC 9162 §2.1.4)")
    public ResponseEntity<?> consistency(
            @RequestParam("from") long from, @RequestParam("to") long to, HttpServletRequest request) {
        return log.consistencyProof(from, to)
                .<ResponseEntity<?>>fold(
                        proof -> ResponseEntity.ok(consistencyJson(proof)),
                        failure -> Problems.response(failure, request));
    }

    private ObjectNode consistencyJson(ConsistencyProof proof) {
        ObjectNode body = json.createObjectNode();
        body.put("oldSize", proof.oldSize());
        body.put("newSize", proof.newSize());
        ArrayNode hashes = body.putArray("proof");
        proof.hashes().forEach(hash -> hashes.add(Base64.getEncoder().encodeToString(hash)));
        return body;
    }

    @GetMapping("/ledger/v1/subjects/{subject}/history")
    @Operation(summary = "溯源: a subject's records in log order, each with a receipt against the latest checkpoint")
    public ResponseEntity<?> history(@PathVariable String subject, HttpServletRequest request) {
        StoredCheckpoint checkpoint = log.latestCheckpoint().orElse(null);
        return provenance
                .history(subject)
                .<ResponseEntity<?>>fold(
                        steps -> {
                            ObjectNode body = json.createObjectNode();
                            body.put("subject", subject);
                            body.put("checkpoint", checkpoint == null ? null : checkpoint.note());
                            ArrayNode items = body.putArray("records");
                            for (Provenance.Step step : steps) {
                                ObjectNode item = items.addObject();
                                item.put("index", step.index());
                                item.set("record", step.record().toJson());
                                item.put("jws", step.jws());
                                item.set("receipt", ReceiptJson.toJson(step.receipt()));
                            }
                            return ResponseEntity.ok(body);
                        },
                        failure -> Problems.response(failure, request));
    }

    @GetMapping(path = "/ledger/v1/subjects/{subject}/lineage", produces = "application/ld+json")
    @Operation(summary = "溯源: the lineage graph of a data resource as W3C PROV-O JSON-LD")
    public ResponseEntity<?> lineage(@PathVariable String subject, HttpServletRequest request) {
        return provenance
                .lineage(subject)
                .<ResponseEntity<?>>fold(
                        graph -> ResponseEntity.ok()
                                .contentType(MediaType.parseMediaType("application/ld+json"))
                                .body(graph),
                        failure -> Problems.response(failure, request));
    }
}
