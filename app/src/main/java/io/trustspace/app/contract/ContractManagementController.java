package io.trustspace.app.contract;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.trustspace.app.web.Problems;
import io.trustspace.common.Result;
import io.trustspace.common.jdbc.JdbcTransactions;
import io.trustspace.contract.message.DataAddress;
import io.trustspace.contract.message.DspCodec;
import io.trustspace.contract.message.EndpointProperty;
import io.trustspace.contract.message.Offer;
import io.trustspace.contract.negotiation.ContractNegotiation;
import io.trustspace.contract.negotiation.NegotiationRole;
import io.trustspace.contract.negotiation.NegotiationState;
import io.trustspace.contract.transfer.TransferProcess;
import io.trustspace.contract.transfer.TransferRole;
import io.trustspace.contract.transfer.TransferState;
import io.trustspace.crypto.CryptoSuite;
import io.trustspace.ledger.outbox.EvidenceRecorder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
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
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The management API of contracts and transfers, both roles: start, inspect and terminate negotiations and
 * transfers, decide requests waiting for a person, list agreements and suspend or revoke them (effective at the next
 * access), and read pulled data through this connector.
 */
@RestController
@Tag(name = "contracts", description = "Negotiations, agreements and transfers (合同协商、使用合约、数据传输)")
public class ContractManagementController {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Large enough for a benchmark run to list its negotiations in one page. */
    static final int MAX_LIST = 10_000;
    /** The longest a client may ask us to hold a process view until it reaches a state. */
    static final int MAX_WAIT_SECONDS = 30;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    static final Duration PULL_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** Longest silence from the provider's data plane in the middle of a pull before we give up on it. */
    static final Duration PULL_READ_TIMEOUT = Duration.ofMinutes(2);

    private static final String WAIT_DOC = "Hold the answer up to this many seconds (0 to " + MAX_WAIT_SECONDS
            + ") until the process is in one of the states of 'until'; answers with the state then, reached or not.";
    private static final String UNTIL_DOC = "Comma-separated states that end the wait; default: the final states.";

    private final Negotiations negotiations;
    private final Transfers transfers;
    private final Agreements agreements;
    private final ContractAutomation automation;
    private final ProcessWatch watch;
    private final String callbackAddress;
    private final CryptoSuite suite;
    private final JdbcTransactions transactions;
    private final EvidenceRecorder evidence;
    /** The explicit interop profile (the TCK, EDC's iam-mock): counterparties named by ids other than DIDs. */
    private final boolean interop;

    public ContractManagementController(
            Negotiations negotiations,
            Transfers transfers,
            Agreements agreements,
            ContractAutomation automation,
            ProcessWatch watch,
            String callbackAddress,
            CryptoSuite suite,
            JdbcTransactions transactions,
            EvidenceRecorder evidence,
            boolean interop) {
        this.interop = interop;
        this.suite = suite;
        this.transactions = transactions;
        this.evidence = evidence;
        this.negotiations = negotiations;
        this.transfers = transfers;
        this.agreements = agreements;
        this.automation = automation;
        this.watch = watch;
        this.callbackAddress = callbackAddress;
    }

    @PostMapping("/api/v1/negotiations")
    @Operation(
            summary =
                    "Negotiate as consumer: {counterPartyAddress (DSP base), counterPartyId (the provider's DID; any id"
                            + " in the interop profile), datasetId, offer}")
    public ResponseEntity<?> negotiate(@RequestBody JsonNode body, HttpServletRequest request) {
        String address = text(body, "counterPartyAddress");
        String provider = text(body, "counterPartyId");
        String dataset = text(body, "datasetId");
        JsonNode offer = body.get("offer");
        if (address == null
                || !address.matches("https?://\\S{1,500}")
                || provider == null
                || dataset == null
                || offer == null
                || !offer.isObject()
                || text(offer, "@id") == null) {
            return invalid(
                    "counterPartyAddress (http(s) DSP base), counterPartyId, datasetId and offer (ODRL with @id)"
                            + " are required",
                    request);
        }
        if (!interop && !provider.startsWith("did:")) {
            // Our access tokens are addressed to a DID and the provider's are checked against one: with any other
            // id every message would fail after the 201.
            return invalid(
                    "counterPartyId: " + provider + " is not a DID; outside the interop profile a provider is"
                            + " named by its DID (did:web:…)",
                    request);
        }
        ObjectNode policy = ((ObjectNode) offer).deepCopy();
        String offerId = text(policy, "@id");
        for (String member : List.of("@id", "@type", "@context", "target", "assigner", "assignee")) {
            policy.remove(member);
        }
        Offer requested;
        try {
            requested = new Offer(offerId, dataset, provider, null, policy);
        } catch (IllegalArgumentException e) {
            return invalid("offer: " + e.getMessage(), request);
        }
        return negotiations
                .initiate(provider, address.replaceAll("/+$", ""), dataset, requested, callbackAddress)
                .fold(n -> ResponseEntity.status(201).body(view(n)), f -> Problems.response(f, request));
    }

    @GetMapping("/api/v1/negotiations/{id}")
    @Operation(summary = "A negotiation: state, parties, offer, agreement and signatures, history")
    public ResponseEntity<?> negotiation(
            @PathVariable String id,
            @Parameter(description = WAIT_DOC) @RequestParam(name = "wait", defaultValue = "0") int wait,
            @Parameter(description = UNTIL_DOC) @RequestParam(name = "until", required = false) String until,
            HttpServletRequest request)
            throws InterruptedException {
        return watched(NEGOTIATION, id, () -> negotiations.find(id), wait, until, request);
    }

    @GetMapping("/api/v1/negotiations")
    @Operation(summary = "Negotiations in a state (e.g. REQUESTED: provider requests waiting for a decision)")
    public ResponseEntity<?> negotiationsIn(
            @RequestParam("state") String state,
            @RequestParam(name = "limit", defaultValue = "100") int limit,
            HttpServletRequest request) {
        Optional<NegotiationState> wanted = parse(NegotiationState.class, state);
        if (wanted.isEmpty() || limit < 1 || limit > MAX_LIST) {
            return invalid("state must be a negotiation state and limit 1 to " + MAX_LIST, request);
        }
        return ResponseEntity.ok(negotiations.inState(wanted.get(), limit).stream()
                .map(ContractManagementController::view)
                .toList());
    }

    @PostMapping("/api/v1/negotiations/{id}/terminate")
    @Operation(summary = "Terminate a negotiation (either role); the counterparty is told")
    public ResponseEntity<?> terminateNegotiation(
            @PathVariable String id, @RequestBody(required = false) JsonNode body, HttpServletRequest request) {
        String reason = body == null ? null : text(body, "reason");
        return negotiations
                .act(id, n -> n.terminate("terminated", reason == null ? List.of() : List.of(reason), now()))
                .fold(n -> ResponseEntity.ok(view(n)), f -> Problems.response(f, request));
    }

    @PostMapping("/api/v1/negotiations/{id}/decision")
    @Operation(summary = "Decide a request waiting for a person (manual approval): {approve: true|false, reason}")
    public ResponseEntity<?> decide(@PathVariable String id, @RequestBody JsonNode body, HttpServletRequest request) {
        if (!body.path("approve").isBoolean()) {
            return invalid("approve must be true or false", request);
        }
        return automation
                .approve(id, body.path("approve").booleanValue(), text(body, "reason"))
                .fold(n -> ResponseEntity.ok(view(n)), f -> Problems.response(f, request));
    }

    @GetMapping("/api/v1/agreements")
    @Operation(summary = "Agreements on this connector, newest first, with state and uses")
    public ResponseEntity<?> agreementList(@RequestParam(name = "limit", defaultValue = "100") int limit) {
        return ResponseEntity.ok(agreements.all(Math.max(1, Math.min(limit, MAX_LIST))).stream()
                .map(ContractManagementController::view)
                .toList());
    }

    @GetMapping("/api/v1/agreements/{id}")
    @Operation(summary = "One agreement")
    public ResponseEntity<?> agreement(@PathVariable String id, HttpServletRequest request) {
        return agreements
                .find(id)
                .<ResponseEntity<?>>map(a -> ResponseEntity.ok(view(a)))
                .orElseGet(() -> notFound("no agreement " + id, request));
    }

    @PostMapping("/api/v1/agreements/{id}/state")
    @Operation(summary = "Suspend, reactivate or revoke an agreement: {state: SUSPENDED|ACTIVE|REVOKED}; next access")
    public ResponseEntity<?> agreementState(
            @PathVariable String id, @RequestBody JsonNode body, HttpServletRequest request) {
        String state = text(body, "state");
        if (state == null || !List.of("ACTIVE", "SUSPENDED", "REVOKED").contains(state)) {
            return invalid("state must be ACTIVE, SUSPENDED or REVOKED", request);
        }
        Optional<Agreements.Stored> found = agreements.find(id);
        if (found.isEmpty()) {
            return notFound("no agreement " + id, request);
        }
        String before = found.get().state();
        boolean changed = transactions.inTransaction(() -> {
            if (!agreements.setState(id, state)) {
                return false;
            }
            Map<String, Object> change = new LinkedHashMap<>();
            change.put("agreement", id);
            change.put("from", before);
            change.put("to", state);
            evidence.record(
                    "agreement.state",
                    List.of(id),
                    JSON.writeValueAsString(change).getBytes(StandardCharsets.UTF_8));
            return true;
        });
        if (!changed) {
            return Problems.response((Result.Failure<?>) Result.conflict("a revoked agreement stays revoked"), request);
        }
        return ResponseEntity.ok(view(agreements.find(id).orElseThrow()));
    }

    @PostMapping("/api/v1/transfers")
    @Operation(
            summary = "Transfer as consumer: {agreementId, counterPartyAddress, counterPartyId, format,"
                    + " dataAddress (push sink), purpose (of a push: the use declared to the provider's usage"
                    + " control)}")
    public ResponseEntity<?> transfer(@RequestBody JsonNode body, HttpServletRequest request) {
        String agreementId = text(body, "agreementId");
        String address = text(body, "counterPartyAddress");
        String provider = text(body, "counterPartyId");
        String format = Optional.ofNullable(text(body, "format")).orElse("HttpData-PULL");
        if (agreementId == null || address == null || !address.matches("https?://\\S{1,500}") || provider == null) {
            return invalid(
                    "agreementId, counterPartyAddress (http(s) DSP base) and counterPartyId are required", request);
        }
        // Refused here rather than by the provider, after a 201 and a round trip: we hold every agreement we made.
        Optional<Agreements.Stored> agreement = agreements.find(agreementId);
        if (agreement.isEmpty() || agreement.get().role() != NegotiationRole.CONSUMER) {
            return invalid(
                    "agreementId: this connector holds no agreement " + agreementId + " as its consumer", request);
        }
        if (!agreement.get().provider().equals(provider)) {
            // The provider would refuse it anyway, but only after we had sent it an agreement id it has no part in.
            return invalid(
                    "counterPartyId: agreement " + agreementId + " was made with "
                            + agreement.get().provider() + ", not " + provider,
                    request);
        }
        if ("REVOKED".equals(agreement.get().state())) {
            return Problems.response(
                    (Result.Failure<?>) Result.conflict("agreement " + agreementId + " is revoked"), request);
        }
        DataAddress sink = null;
        if (body.has("dataAddress")) {
            JsonNode a = body.get("dataAddress");
            if (text(a, "endpoint") == null) {
                return invalid("dataAddress.endpoint is required for a push transfer", request);
            }
            String purpose = text(body, "purpose");
            if (purpose != null && (purpose.isBlank() || purpose.length() > 200)) {
                return invalid("purpose is 1 to 200 characters", request);
            }
            sink = new DataAddress(
                    Optional.ofNullable(text(a, "endpointType")).orElse(DataPlane.HTTP_ENDPOINT_TYPE),
                    text(a, "endpoint"),
                    purpose == null ? List.of() : List.of(new EndpointProperty(DataPlane.PURPOSE_PROPERTY, purpose)));
        }
        return transfers
                .initiate(provider, address.replaceAll("/+$", ""), agreementId, format, sink, callbackAddress)
                .fold(t -> ResponseEntity.status(201).body(view(t)), f -> Problems.response(f, request));
    }

    @GetMapping("/api/v1/transfers/{id}")
    @Operation(summary = "A transfer process: state, agreement, format, history")
    public ResponseEntity<?> transferView(
            @PathVariable String id,
            @Parameter(description = WAIT_DOC) @RequestParam(name = "wait", defaultValue = "0") int wait,
            @Parameter(description = UNTIL_DOC) @RequestParam(name = "until", required = false) String until,
            HttpServletRequest request)
            throws InterruptedException {
        return watched(TRANSFER, id, () -> transfers.find(id), wait, until, request);
    }

    /** What the management API needs to know of a kind of process to show it and wait on it. */
    private record ProcessKind<P, S extends Enum<S>>(
            String noun, Class<S> states, Predicate<S> isFinal, Function<P, S> state, Function<P, ObjectNode> view) {}

    private static final ProcessKind<ContractNegotiation, NegotiationState> NEGOTIATION = new ProcessKind<>(
            "negotiation",
            NegotiationState.class,
            NegotiationState::isFinal,
            ContractNegotiation::state,
            ContractManagementController::view);

    private static final ProcessKind<TransferProcess, TransferState> TRANSFER = new ProcessKind<>(
            "transfer",
            TransferState.class,
            TransferState::isFinal,
            TransferProcess::state,
            ContractManagementController::view);

    /** The process's view, held up to {@code wait} seconds until its state is one of {@code until}. */
    private <P, S extends Enum<S>> ResponseEntity<?> watched(
            ProcessKind<P, S> kind,
            String id,
            java.util.function.Supplier<Optional<P>> read,
            int wait,
            String until,
            HttpServletRequest request)
            throws InterruptedException {
        Optional<Set<S>> ending = states(kind.states(), until, kind.isFinal(), wait);
        if (ending.isEmpty()) {
            return invalid(waitRule(kind.states()), request);
        }
        Set<String> names = ending.get().stream().map(Enum::name).collect(java.util.stream.Collectors.toSet());
        return watch.await(id, read, p -> ending.get().contains(kind.state().apply(p)), names, Duration.ofSeconds(wait))
                .<ResponseEntity<?>>map(p -> ResponseEntity.ok(kind.view().apply(p)))
                .orElseGet(() -> notFound("no " + kind.noun() + " " + id, request));
    }

    /** The states that end a wait: those named in {@code until}, or the final ones; empty if anything is invalid. */
    private static <E extends Enum<E>> Optional<Set<E>> states(
            Class<E> type, String until, Predicate<E> byDefault, int wait) {
        if (wait < 0 || wait > MAX_WAIT_SECONDS) {
            return Optional.empty();
        }
        if (until == null || until.isBlank()) {
            Set<E> finals = EnumSet.noneOf(type);
            for (E state : type.getEnumConstants()) {
                if (byDefault.test(state)) {
                    finals.add(state);
                }
            }
            return Optional.of(finals);
        }
        Set<E> named = EnumSet.noneOf(type);
        for (String name : until.split(",", -1)) {
            Optional<E> state = parse(type, name.strip());
            if (state.isEmpty()) {
                return Optional.empty();
            }
            named.add(state.get());
        }
        return Optional.of(named);
    }

    private static String waitRule(Class<? extends Enum<?>> type) {
        return "wait must be 0 to " + MAX_WAIT_SECONDS + " seconds and until a comma-separated list of "
                + java.util.Arrays.toString(type.getEnumConstants());
    }

    @PostMapping("/api/v1/transfers/{id}/{action}")
    @Operation(
            summary = "terminate, suspend, resume or complete a transfer; the counterparty is told. A consumer resumes"
                    + " only a suspension it made (409 otherwise)")
    public ResponseEntity<?> transferAction(
            @PathVariable String id, @PathVariable String action, HttpServletRequest request) {
        Function<TransferProcess, Result<io.trustspace.contract.transfer.TransferChange>> step = switch (action) {
            case "terminate" -> t -> t.terminate("terminated", List.of(), now());
            case "suspend" -> t -> t.suspend("suspended", List.of(), now());
            case "complete" -> t -> t.complete(now());
            case "resume" -> t -> t.start(null, now());
            default -> null;
        };
        if (step == null) {
            return invalid("action must be terminate, suspend, resume or complete", request);
        }
        return transfers.act(id, step).fold(t -> ResponseEntity.ok(view(t)), f -> Problems.response(f, request));
    }

    @GetMapping("/api/v1/transfers/{id}/data-address")
    @Operation(
            summary = "Consumer: the provider's endpoint and short-lived token of a started pull, for an application"
                    + " that reads the data from the provider's data plane itself; each disclosure is evidenced"
                    + " (transfer.address-disclosed)")
    public ResponseEntity<?> dataAddress(@PathVariable String id, HttpServletRequest request) {
        return startedPull(id)
                .fold(
                        t -> {
                            transfers.disclosed(
                                    t,
                                    request.getUserPrincipal() == null
                                            ? "unknown"
                                            : request.getUserPrincipal().getName());
                            ObjectNode node = NODES.objectNode();
                            node.put("transferId", t.id());
                            node.put("endpointType", t.dataAddress().endpointType());
                            node.put("endpoint", t.dataAddress().endpoint());
                            for (EndpointProperty property : t.dataAddress().endpointProperties()) {
                                if (property.named("authorization")) {
                                    node.put("authorization", property.value());
                                }
                            }
                            return ResponseEntity.ok()
                                    .header("Cache-Control", "no-store")
                                    .body(node);
                        },
                        f -> Problems.response(f, request));
    }

    /** Our consumer-side transfer {@code id}, if it is a started pull with a data address. */
    private Result<TransferProcess> startedPull(String id) {
        Optional<TransferProcess> transfer = transfers.find(id);
        if (transfer.isEmpty() || transfer.get().role() != TransferRole.CONSUMER) {
            return Result.notFound("no transfer " + id + " as consumer");
        }
        TransferProcess t = transfer.get();
        if (t.state() != TransferState.STARTED || t.dataAddress() == null) {
            return Result.conflict(
                    "transfer " + id + " is " + t.state() + (t.dataAddress() == null ? " without a data address" : ""));
        }
        return Result.ok(t);
    }

    @GetMapping("/api/v1/transfers/{id}/data")
    @Operation(summary = "Read a pulled transfer's data through this connector (X-Purpose: the purpose of this use)")
    public void data(@PathVariable String id, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        Result<TransferProcess> started = startedPull(id);
        if (started instanceof Result.Failure<TransferProcess> failure) {
            Problems.write(response, failure, request);
            return;
        }
        TransferProcess t = started.orElseThrow();
        // A blocking connection read on this thread: the JDK HttpClient hands a streamed body over between threads
        // in small buffers, which capped a bulk pull at a few hundred MiB/s however idle the machine was.
        HttpURLConnection pull;
        try {
            pull = (HttpURLConnection)
                    URI.create(t.dataAddress().endpoint()).toURL().openConnection();
        } catch (IOException | IllegalArgumentException e) {
            Problems.write(
                    response,
                    (Result.Failure<?>) Result.unavailable("the provider's data address is unusable: " + e),
                    request);
            return;
        }
        pull.setConnectTimeout((int) PULL_CONNECT_TIMEOUT.toMillis());
        pull.setReadTimeout((int) PULL_READ_TIMEOUT.toMillis());
        pull.setInstanceFollowRedirects(false);
        for (EndpointProperty property : t.dataAddress().endpointProperties()) {
            // Ours are named "authorization"; Eclipse EDC's "https://w3id.org/edc/v0.0.1/ns/authorization".
            if (property.named("authorization")) {
                pull.setRequestProperty("Authorization", property.value());
            }
        }
        String purpose = request.getHeader("X-Purpose");
        if (purpose != null && purpose.length() <= 200) {
            pull.setRequestProperty("X-Purpose", purpose);
        }
        String range = request.getHeader("Range");
        if (range != null && range.length() <= 100) {
            pull.setRequestProperty("Range", range);
        }
        int status;
        try {
            status = pull.getResponseCode();
        } catch (IOException e) {
            pull.disconnect();
            Problems.write(
                    response,
                    (Result.Failure<?>) Result.unavailable("the provider's data plane cannot be reached: " + e),
                    request);
            return;
        }
        response.setStatus(status);
        for (String header : List.of("Content-Type", "Content-Range", "Content-Length", "Accept-Ranges")) {
            String value = pull.getHeaderField(header);
            if (value != null) {
                response.setHeader(header, value);
            }
        }
        try (InputStream in = status >= 400 ? pull.getErrorStream() : pull.getInputStream()) {
            if (in == null) {
                return;
            }
            if (status != 200 && status != 206) {
                new Upstream(in).transferTo(response.getOutputStream());
                return;
            }
            // What we received, as we pass it on: our own evidence of the delivery, next to the provider's.
            MessageDigest digest = suite.newDigest();
            long bytes = FileSend.copy(new Upstream(in), response.getOutputStream(), Long.MAX_VALUE, digest);
            long promised = pull.getContentLengthLong();
            if (promised >= 0 && bytes != promised) {
                // Ended early without an error: still a broken delivery, for our client and for the evidence.
                throw new org.apache.coyote.CloseNowException(
                        "the provider's stream ended after " + bytes + " of " + promised + " bytes", null);
            }
            Map<String, Object> received = new LinkedHashMap<>();
            received.put("transfer", t.id());
            received.put("agreement", t.agreementId());
            received.put("provider", t.counterPartyId());
            received.put("bytes", bytes);
            received.put("digest", DataPlane.dataDigest(suite, digest.digest()));
            received.put("range", pull.getHeaderField("Content-Range"));
            transactions.inTransaction(() -> evidence.record(
                    "transfer.received",
                    List.of(t.agreementId(), t.id()),
                    JSON.writeValueAsString(received).getBytes(StandardCharsets.UTF_8)));
        }
    }

    /**
     * The provider's stream. If it breaks (it closes a use revoked mid-stream that way), our client must see a broken
     * download too, not a short one: the connection closes (see ProblemHandling#closeNow).
     */
    private static final class Upstream extends java.io.FilterInputStream {
        Upstream(InputStream in) {
            super(in);
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws org.apache.coyote.CloseNowException {
            try {
                return in.read(buffer, offset, length);
            } catch (IOException e) {
                throw new org.apache.coyote.CloseNowException("the provider's stream broke: " + e.getMessage(), e);
            }
        }
    }

    static ObjectNode view(ContractNegotiation n) {
        ObjectNode node = NODES.objectNode();
        node.put("id", n.id());
        node.put("role", n.role().name());
        node.put("state", n.state().name());
        node.put("providerPid", n.providerPid());
        node.put("consumerPid", n.consumerPid());
        node.put("counterPartyId", n.counterPartyId());
        node.put("counterPartyAddress", n.counterPartyAddress());
        node.put("datasetId", n.datasetId());
        if (n.offer() != null) {
            node.set("offer", DspCodec.offerJson(n.offer()));
        }
        if (n.agreement() != null) {
            node.put("agreementId", n.agreement().id());
            node.set("agreement", DspCodec.agreementJson(n.agreement()));
        }
        node.put("providerSignature", n.providerSignature());
        node.put("consumerSignature", n.consumerSignature());
        node.put("terminationCode", n.terminationCode());
        ArrayNode reasons = node.putArray("terminationReason");
        n.terminationReason().forEach(reasons::add);
        node.put("createdAt", n.createdAt().toString());
        node.put("updatedAt", n.updatedAt().toString());
        return node;
    }

    static ObjectNode view(TransferProcess t) {
        ObjectNode node = NODES.objectNode();
        node.put("id", t.id());
        node.put("role", t.role().name());
        node.put("state", t.state().name());
        node.put("providerPid", t.providerPid());
        node.put("consumerPid", t.consumerPid());
        node.put("agreementId", t.agreementId());
        node.put("format", t.format());
        node.put("counterPartyId", t.counterPartyId());
        // The data address holds the pull token: shown as present or not, never its value.
        node.put("dataAddress", t.dataAddress() != null);
        node.put("terminationCode", t.terminationCode());
        ArrayNode reasons = node.putArray("terminationReason");
        t.terminationReason().forEach(reasons::add);
        node.put("createdAt", t.createdAt().toString());
        node.put("updatedAt", t.updatedAt().toString());
        return node;
    }

    static ObjectNode view(Agreements.Stored a) {
        ObjectNode node = NODES.objectNode();
        node.put("agreementId", a.agreementId());
        node.put("negotiationId", a.negotiationId());
        node.put("role", a.role().name());
        node.put("provider", a.provider());
        node.put("consumer", a.consumer());
        node.put("datasetId", a.datasetId());
        node.put("state", a.state());
        node.put("uses", a.uses());
        node.put("concludedAt", a.concludedAt().toString());
        node.set("agreement", a.agreement());
        return node;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || !value.isString() || value.stringValue().isBlank() ? null : value.stringValue();
    }

    private static <E extends Enum<E>> Optional<E> parse(Class<E> type, String value) {
        try {
            return Optional.of(Enum.valueOf(type, value.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static java.time.Instant now() {
        return java.time.Instant.now();
    }

    private static ResponseEntity<?> invalid(String reason, HttpServletRequest request) {
        return Problems.response((Result.Failure<?>) Result.invalid(reason), request);
    }

    private static ResponseEntity<?> notFound(String reason, HttpServletRequest request) {
        return Problems.response((Result.Failure<?>) Result.notFound(reason), request);
    }
}
