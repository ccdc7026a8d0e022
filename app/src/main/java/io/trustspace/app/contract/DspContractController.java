package io.trustspace.app.contract;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.trustspace.app.did.DidWeb;
import io.trustspace.app.dsp.DspAuthFilter;
import io.trustspace.common.Result;
import io.trustspace.contract.message.ContractAgreementMessage;
import io.trustspace.contract.message.ContractAgreementVerificationMessage;
import io.trustspace.contract.message.ContractNegotiationError;
import io.trustspace.contract.message.ContractNegotiationEventMessage;
import io.trustspace.contract.message.ContractNegotiationTerminationMessage;
import io.trustspace.contract.message.ContractOfferMessage;
import io.trustspace.contract.message.ContractRequestMessage;
import io.trustspace.contract.message.DspCodec;
import io.trustspace.contract.message.DspMessage;
import io.trustspace.contract.message.TransferCompletionMessage;
import io.trustspace.contract.message.TransferError;
import io.trustspace.contract.message.TransferRequestMessage;
import io.trustspace.contract.message.TransferStartMessage;
import io.trustspace.contract.message.TransferSuspensionMessage;
import io.trustspace.contract.message.TransferTerminationMessage;
import io.trustspace.contract.negotiation.ContractNegotiation;
import io.trustspace.contract.transfer.TransferProcess;
import io.trustspace.identity.auth.VerifiedCaller;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * The Dataspace Protocol 2025-1 contract negotiation and transfer process endpoints, for both roles: as provider
 * under our pids, and as consumer at the callback address we give providers (the same base). Errors are the
 * protocol's own {@code ContractNegotiationError} / {@code TransferError}: 400 malformed, 409 not allowed in the
 * process's state, 403 not the counterparty — never 404 for a process that exists.
 */
@RestController
@Tag(name = "dsp", description = "Dataspace Protocol endpoints (authenticated by access token)")
public class DspContractController {

    private static final Map<String, Class<? extends DspMessage>> NEGOTIATION_MESSAGES = Map.of(
            "request", ContractRequestMessage.class,
            "events", ContractNegotiationEventMessage.class,
            "agreement/verification", ContractAgreementVerificationMessage.class,
            "termination", ContractNegotiationTerminationMessage.class,
            "offers", ContractOfferMessage.class,
            "agreement", ContractAgreementMessage.class);
    private static final Map<String, Class<? extends DspMessage>> TRANSFER_MESSAGES = Map.of(
            "start", TransferStartMessage.class,
            "suspension", TransferSuspensionMessage.class,
            "completion", TransferCompletionMessage.class,
            "termination", TransferTerminationMessage.class);

    private final Negotiations negotiations;
    private final Transfers transfers;

    public DspContractController(Negotiations negotiations, Transfers transfers) {
        this.negotiations = negotiations;
        this.transfers = transfers;
    }

    @PostMapping(path = "/dsp/2025-1/negotiations/request", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "ContractRequestMessage (initial) → a new negotiation with us as provider (201)")
    public ResponseEntity<JsonNode> negotiationRequest(@RequestBody JsonNode body, HttpServletRequest request) {
        VerifiedCaller caller = caller(request);
        Result<ContractNegotiation> result = DspCodec.read(body, ContractRequestMessage.class)
                .flatMap(message -> onCallersHost(message.callbackAddress(), caller, message))
                .flatMap(message -> message.isCounterOffer()
                        ? Result.invalid(
                                "an initial ContractRequestMessage carries a callbackAddress, not a providerPid")
                        : negotiations.requested(message, caller.did(), Optional.of(caller)));
        return negotiation(result, 201, null);
    }

    @PostMapping(path = "/dsp/2025-1/negotiations/{pid}/request", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "ContractRequestMessage (counter-offer) on our negotiation as provider")
    public ResponseEntity<JsonNode> counterOffer(
            @PathVariable String pid, @RequestBody JsonNode body, HttpServletRequest request) {
        return negotiationMessage(pid, "request", body, request);
    }

    @PostMapping(path = "/dsp/2025-1/negotiations/{pid}/events", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "ContractNegotiationEventMessage: ACCEPTED (to a provider) or FINALIZED (to a consumer)")
    public ResponseEntity<JsonNode> event(
            @PathVariable String pid, @RequestBody JsonNode body, HttpServletRequest request) {
        return negotiationMessage(pid, "events", body, request);
    }

    @PostMapping(
            path = "/dsp/2025-1/negotiations/{pid}/agreement/verification",
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "ContractAgreementVerificationMessage, consumer → provider")
    public ResponseEntity<JsonNode> verification(
            @PathVariable String pid, @RequestBody JsonNode body, HttpServletRequest request) {
        return negotiationMessage(pid, "agreement/verification", body, request);
    }

    @PostMapping(path = "/dsp/2025-1/negotiations/{pid}/termination", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "ContractNegotiationTerminationMessage, either direction")
    public ResponseEntity<JsonNode> negotiationTermination(
            @PathVariable String pid, @RequestBody JsonNode body, HttpServletRequest request) {
        return negotiationMessage(pid, "termination", body, request);
    }

    @PostMapping(path = "/dsp/2025-1/negotiations/{pid}/offers", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "ContractOfferMessage, provider → us as consumer")
    public ResponseEntity<JsonNode> offer(
            @PathVariable String pid, @RequestBody JsonNode body, HttpServletRequest request) {
        return negotiationMessage(pid, "offers", body, request);
    }

    @PostMapping(path = "/dsp/2025-1/negotiations/{pid}/agreement", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "ContractAgreementMessage, provider → us as consumer")
    public ResponseEntity<JsonNode> agreement(
            @PathVariable String pid, @RequestBody JsonNode body, HttpServletRequest request) {
        return negotiationMessage(pid, "agreement", body, request);
    }

    @GetMapping(path = "/dsp/2025-1/negotiations/{pid}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The negotiation's state, to its counterparty")
    public ResponseEntity<JsonNode> negotiation(@PathVariable String pid, HttpServletRequest request) {
        VerifiedCaller caller = caller(request);
        Result<ContractNegotiation> found = negotiations
                .find(pid)
                .filter(n -> n.counterPartyId().equals(caller.did()))
                .<Result<ContractNegotiation>>map(Result::ok)
                .orElseGet(() -> Result.notFound("no negotiation " + pid));
        return negotiation(found, 200, pid);
    }

    private ResponseEntity<JsonNode> negotiationMessage(
            String pid, String path, JsonNode body, HttpServletRequest request) {
        VerifiedCaller caller = caller(request);
        Result<ContractNegotiation> result = DspCodec.read(body, NEGOTIATION_MESSAGES.get(path))
                .flatMap(message -> negotiations.receive(pid, message, caller.did()));
        return negotiation(result, 200, pid);
    }

    private static ResponseEntity<JsonNode> negotiation(Result<ContractNegotiation> result, int status, String pid) {
        if (result instanceof Result.Ok<ContractNegotiation> ok) {
            return ok.value()
                    .toResponse()
                    .<ResponseEntity<JsonNode>>fold(
                            response -> ResponseEntity.status(status)
                                    .contentType(MediaType.APPLICATION_JSON)
                                    .body(DspCodec.write(response)),
                            failure -> error(500, failure.reason(), true, pid));
        }
        Result.Failure<ContractNegotiation> failure = (Result.Failure<ContractNegotiation>) result;
        return error(status(failure.kind()), failure.reason(), true, pid);
    }

    @PostMapping(path = "/dsp/2025-1/transfers/request", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "TransferRequestMessage → a new transfer process with us as provider (201)")
    public ResponseEntity<JsonNode> transferRequest(@RequestBody JsonNode body, HttpServletRequest request) {
        VerifiedCaller caller = caller(request);
        Result<TransferProcess> result = DspCodec.read(body, TransferRequestMessage.class)
                .flatMap(message -> onCallersHost(message.callbackAddress(), caller, message))
                .flatMap(message -> transfers.requested(message, caller.did()));
        return transfer(result, 201, null);
    }

    @PostMapping(path = "/dsp/2025-1/transfers/{pid}/{kind}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "TransferStart/Suspension/Completion/TerminationMessage, either direction")
    public ResponseEntity<JsonNode> transferMessage(
            @PathVariable String pid,
            @PathVariable String kind,
            @RequestBody JsonNode body,
            HttpServletRequest request) {
        Class<? extends DspMessage> type = TRANSFER_MESSAGES.get(kind);
        if (type == null) {
            return error(404, "no such transfer endpoint: " + kind, false, pid);
        }
        VerifiedCaller caller = caller(request);
        Result<TransferProcess> result =
                DspCodec.read(body, type).flatMap(message -> transfers.receive(pid, message, caller.did()));
        return transfer(result, 200, pid);
    }

    @GetMapping(path = "/dsp/2025-1/transfers/{pid}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The transfer process's state, to its counterparty")
    public ResponseEntity<JsonNode> transfer(@PathVariable String pid, HttpServletRequest request) {
        VerifiedCaller caller = caller(request);
        Result<TransferProcess> found = transfers
                .find(pid)
                .filter(t -> t.counterPartyId().equals(caller.did()))
                .<Result<TransferProcess>>map(Result::ok)
                .orElseGet(() -> Result.notFound("no transfer process " + pid));
        return transfer(found, 200, pid);
    }

    private static ResponseEntity<JsonNode> transfer(Result<TransferProcess> result, int status, String pid) {
        if (result instanceof Result.Ok<TransferProcess> ok) {
            return ok.value()
                    .toResponse()
                    .<ResponseEntity<JsonNode>>fold(
                            response -> ResponseEntity.status(status)
                                    .contentType(MediaType.APPLICATION_JSON)
                                    .body(DspCodec.write(response)),
                            failure -> error(500, failure.reason(), false, pid));
        }
        Result.Failure<TransferProcess> failure = (Result.Failure<TransferProcess>) result;
        return error(status(failure.kind()), failure.reason(), false, pid);
    }

    private static ResponseEntity<JsonNode> error(int status, String reason, boolean negotiation, String pid) {
        DspMessage error = negotiation
                ? new ContractNegotiationError(pid, null, String.valueOf(status), List.of(reason))
                : new TransferError(pid, null, String.valueOf(status), List.of(reason));
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_JSON)
                .body(DspCodec.write(error));
    }

    private static int status(Result.Kind kind) {
        return switch (kind) {
            case INVALID -> 400;
            case UNAUTHORIZED -> 401;
            case FORBIDDEN -> 403;
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case UNAVAILABLE -> 503;
        };
    }

    /**
     * {@code message}, if its callback address is on the host of the caller's did:web DID. We post the process's
     * messages there with our token: a member may not aim them at anyone else's service, nor at hosts inside our
     * network, only at its own host, which the space admitted with its DID. The interop profile's callers have no
     * DID (conformance runs only) and are not bound.
     */
    static <M> Result<M> onCallersHost(String callbackAddress, VerifiedCaller caller, M message) {
        if (callbackAddress == null || DspAuthFilter.isInteropCaller(caller)) {
            return Result.ok(message);
        }
        Result<URI> document = DidWeb.documentUrl(caller.did(), true);
        if (document instanceof Result.Failure<URI>) {
            return Result.invalid("callbackAddress: the caller " + caller.did()
                    + " has no did:web host that a callback address could be bound to");
        }
        String own = document.orElseThrow().getHost();
        String host = URI.create(callbackAddress).getHost();
        return own.equalsIgnoreCase(host)
                ? Result.ok(message)
                : Result.invalid("callbackAddress must be on the caller's own host " + own + " (from " + caller.did()
                        + "), not " + host);
    }

    private static VerifiedCaller caller(HttpServletRequest request) {
        return DspAuthFilter.caller(request);
    }
}
