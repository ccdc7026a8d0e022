package io.trustspace.app.contract;

import io.trustspace.common.Result;
import io.trustspace.common.jdbc.JdbcTransactions;
import io.trustspace.contract.message.DataAddress;
import io.trustspace.contract.message.DspCodec;
import io.trustspace.contract.message.DspMessage;
import io.trustspace.contract.message.OutgoingMessage;
import io.trustspace.contract.message.TransferProcessResponse;
import io.trustspace.contract.message.TransferRequestMessage;
import io.trustspace.contract.transfer.TransferChange;
import io.trustspace.contract.transfer.TransferEvent;
import io.trustspace.contract.transfer.TransferProcess;
import io.trustspace.contract.transfer.TransferProcessRepository;
import io.trustspace.contract.transfer.TransferRole;
import io.trustspace.contract.transfer.TransferState;
import io.trustspace.ledger.outbox.EvidenceRecorder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Transfer processes on this connector, both roles, with the same transaction discipline as {@link Negotiations}:
 * aggregate, evidence and outgoing message commit together; the {@link TransferAutomation} acts after the commit
 * and again after a restart.
 */
public final class Transfers {

    /** Formats this connector's data plane serves. */
    public static final List<String> FORMATS = List.of("HttpData-PULL", "HttpData-PUSH");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final TransferProcessRepository repository;
    private final JdbcTransactions transactions;
    private final EvidenceRecorder evidence;
    private final DspDispatcher dispatcher;
    private final ProcessWatch watch;
    private final Agreements agreements;
    private final Clock clock;
    private final Duration gap;
    private volatile TransferAutomation automation;

    public Transfers(
            TransferProcessRepository repository,
            JdbcTransactions transactions,
            EvidenceRecorder evidence,
            DspDispatcher dispatcher,
            ProcessWatch watch,
            Agreements agreements,
            Clock clock,
            Duration gap) {
        this.repository = repository;
        this.transactions = transactions;
        this.evidence = evidence;
        this.dispatcher = dispatcher;
        this.watch = watch;
        this.agreements = agreements;
        this.clock = clock;
        this.gap = gap;
    }

    public void automate(TransferAutomation newAutomation) {
        this.automation = newAutomation;
    }

    /**
     * Provider: a TransferRequestMessage. The agreement must exist here as provider, be in force and name the sender
     * as consumer; the format must be one we serve; a push sink must be an address we may send to.
     */
    public Result<TransferProcess> requested(TransferRequestMessage request, String sender) {
        Result<Received<TransferProcess>> result = inTransaction(apply -> {
            Optional<TransferProcess> existing = repository.findByConsumerPid(request.consumerPid()).stream()
                    .filter(t -> t.role() == TransferRole.PROVIDER
                            && t.counterPartyId().equals(sender))
                    .findFirst();
            if (existing.isPresent()) {
                return existing.get()
                        .receive(request, sender, clock.instant())
                        .flatMap(apply)
                        .map(received -> proceed(received, apply));
            }
            Optional<Agreements.Stored> agreement = agreements.find(request.agreementId());
            if (agreement.isEmpty()
                    || agreement.get().role() != io.trustspace.contract.negotiation.NegotiationRole.PROVIDER
                    || !agreement.get().consumer().equals(sender)) {
                return Result.<Received<TransferProcess>>invalid(
                        "no agreement " + request.agreementId() + " with you as consumer exists here");
            }
            if (!agreement.get().active()) {
                return Result.<Received<TransferProcess>>conflict("agreement " + request.agreementId() + " is "
                        + agreement.get().state());
            }
            if (!FORMATS.contains(request.format())) {
                return Result.<Received<TransferProcess>>invalid(
                        "format " + request.format() + " is not served here; formats are " + FORMATS);
            }
            if (request.format().endsWith("-PUSH")) {
                if (request.dataAddress() == null) {
                    return Result.<Received<TransferProcess>>invalid(
                            "a push transfer needs the consumer's dataAddress");
                }
                Optional<String> refused = automation.refusedSink(request.dataAddress());
                if (refused.isPresent()) {
                    return Result.<Received<TransferProcess>>invalid(refused.get());
                }
            }
            return TransferProcess.requested(UUID.randomUUID().toString(), request, sender, clock.instant())
                    .flatMap(apply)
                    .map(received -> proceed(received, apply));
        });
        return reply(result);
    }

    /**
     * Either role: a message for our process {@code pid}. The answer is the process as the message left it; steps
     * this side takes at once follow in the same transaction.
     */
    public Result<TransferProcess> receive(String pid, DspMessage message, String sender) {
        Result<Received<TransferProcess>> result = inTransaction(apply -> repository
                .lockById(pid)
                .<Result<Received<TransferProcess>>>map(t -> t.receive(message, sender, clock.instant())
                        .flatMap(apply)
                        .map(received -> proceed(received, apply)))
                .orElseGet(() -> Result.notFound("no transfer process " + pid)));
        return reply(result);
    }

    private Received<TransferProcess> proceed(
            TransferProcess received, Function<TransferChange, Result<TransferProcess>> apply) {
        TransferAutomation current = automation;
        return new Received<>(
                received, current == null ? received : Received.steps(received, current.immediate(received), apply));
    }

    private Result<TransferProcess> reply(Result<Received<TransferProcess>> result) {
        afterwards(result.map(Received::latest));
        return result.map(Received::process);
    }

    public Result<TransferProcess> act(String id, Function<TransferProcess, Result<TransferChange>> action) {
        Result<TransferProcess> result = inTransaction(apply -> repository
                .lockById(id)
                .<Result<TransferProcess>>map(t -> action.apply(t).flatMap(apply))
                .orElseGet(() -> Result.notFound("no transfer process " + id)));
        afterwards(result);
        return result;
    }

    /** Consumer: asks the provider at {@code address} for a transfer under {@code agreementId}. */
    public Result<TransferProcess> initiate(
            String providerId,
            String address,
            String agreementId,
            String format,
            DataAddress sink,
            String callbackAddress) {
        Instant now = clock.instant();
        TransferChange created;
        try {
            created = TransferProcess.initiate(
                    UUID.randomUUID().toString(), providerId, address, agreementId, format, sink, now);
        } catch (IllegalArgumentException e) {
            return Result.invalid(e.getMessage()); // an id with control characters, too long, ...
        }
        Result<TransferProcess> result = inTransaction(apply -> apply.apply(created)
                .flatMap(saved -> saved.request(callbackAddress, now).flatMap(apply)));
        afterwards(result);
        return result;
    }

    /**
     * Records that the pull address of our consumer-side {@code transfer} — a bearer token for the provider's data —
     * was handed to {@code to} outside this connector, so the ledger shows who could use it.
     */
    public void disclosed(TransferProcess transfer, String to) {
        ObjectNode payload = JSON.createObjectNode()
                .put("transfer", transfer.id())
                .put("agreement", transfer.agreementId())
                .put("endpoint", transfer.dataAddress().endpoint())
                .put("disclosedTo", to);
        transactions.inTransaction(() -> evidence.record(
                "transfer.address-disclosed",
                List.of(transfer.agreementId(), transfer.id()),
                payload.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    public Optional<TransferProcess> find(String id) {
        return repository.findById(id);
    }

    public List<TransferProcess> inState(TransferState state, int limit) {
        return repository.findByState(state, limit);
    }

    public void replied(String processId, TransferProcessResponse reply) {
        act(
                processId,
                t -> t.providerPid() != null && t.providerPid().equals(reply.providerPid())
                        ? Result.ok(unchanged(t))
                        : t.onRequestReply(reply, clock.instant()));
    }

    /**
     * A message could not be delivered: the process ends here, and the other side is told if it can be reached. A
     * refused request leaves no process on the provider's side, so there is nobody to tell.
     */
    public void undeliverable(String processId, String messageType, String reason) {
        String why = reason.length() > 500 ? reason.substring(0, 500) : reason;
        act(processId, t -> {
            if (t.state().isFinal()) {
                return Result.ok(unchanged(t));
            }
            if (t.role() == TransferRole.CONSUMER && t.providerPid() == null) {
                return t.requestRefused(why, clock.instant());
            }
            return t.terminate("delivery-failed", List.of(why), clock.instant())
                    .map(change -> messageType.equals("TransferTerminationMessage")
                            ? new TransferChange(
                                    change.transfer(),
                                    change.event(),
                                    change.from(),
                                    change.message(),
                                    null,
                                    change.at())
                            : change);
        });
    }

    /** Runs {@code work} in one transaction with the way to apply a change there; see {@link Negotiations}. */
    private <T> T inTransaction(Function<Function<TransferChange, Result<TransferProcess>>, T> work) {
        return ProcessSteps.inTransaction(transactions, evidence, steps -> work.apply(change -> apply(change, steps)));
    }

    private Result<TransferProcess> apply(TransferChange change, ProcessSteps steps) {
        if (change.isUnchanged()) {
            return Result.ok(change.transfer());
        }
        return repository.save(change.transfer()).map(saved -> {
            steps.add(change);
            change.outgoingMessage().ifPresent(outgoing -> enqueue(saved, outgoing));
            return saved;
        });
    }

    private void enqueue(TransferProcess transfer, OutgoingMessage outgoing) {
        dispatcher.enqueue(
                transfer.id(),
                outgoing.target(),
                transfer.counterPartyId(),
                outgoing.message().type(),
                DspCodec.write(outgoing.message()),
                clock.instant().plus(gap));
    }

    private void afterwards(Result<TransferProcess> result) {
        if (result instanceof Result.Ok<TransferProcess> ok) {
            watch.changed(ok.value().id(), ok.value().state().name());
            TransferAutomation current = automation;
            if (current != null) {
                current.next(ok.value());
            }
        }
    }

    private static TransferChange unchanged(TransferProcess t) {
        return new TransferChange(t, TransferEvent.UNCHANGED, t.state(), "none", null, t.updatedAt());
    }
}
