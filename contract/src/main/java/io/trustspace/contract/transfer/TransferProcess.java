package io.trustspace.contract.transfer;

import static io.trustspace.contract.transfer.TransferState.COMPLETED;
import static io.trustspace.contract.transfer.TransferState.INITIAL;
import static io.trustspace.contract.transfer.TransferState.REQUESTED;
import static io.trustspace.contract.transfer.TransferState.STARTED;
import static io.trustspace.contract.transfer.TransferState.SUSPENDED;
import static io.trustspace.contract.transfer.TransferState.TERMINATED;

import io.trustspace.common.Result;
import io.trustspace.contract.message.DataAddress;
import io.trustspace.contract.message.Direction;
import io.trustspace.contract.message.DspMessage;
import io.trustspace.contract.message.OutgoingMessage;
import io.trustspace.contract.message.Pids;
import io.trustspace.contract.message.TransferCompletionMessage;
import io.trustspace.contract.message.TransferProcessResponse;
import io.trustspace.contract.message.TransferRequestMessage;
import io.trustspace.contract.message.TransferStartMessage;
import io.trustspace.contract.message.TransferSuspensionMessage;
import io.trustspace.contract.message.TransferTerminationMessage;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A DSP 2025-1 transfer process as one party (provider or consumer) sees it. An immutable aggregate: every received
 * message ({@code on…}) and every action returns the next process with what happened ({@link TransferChange}, with
 * the message to send for actions), or a failure: CONFLICT when the state machine does not allow it now (the
 * reason names the state and the message; a DSP edge answers 400/409 with a {@code TransferError}, never 404),
 * INVALID for a message naming other pids or going the wrong way, FORBIDDEN from someone other than the
 * counterparty ({@link #receive}).
 *
 * <p>State machine:
 *
 * <pre>
 *   INITIAL --request (consumer)--> REQUESTED --start (provider)--> STARTED
 *   STARTED --suspend (either)--> SUSPENDED --start (provider, or the consumer resuming its own suspension)--> STARTED
 *   STARTED --complete (either)--> COMPLETED            (not from SUSPENDED)
 *   any state but COMPLETED/TERMINATED --terminate (either)--> TERMINATED
 * </pre>
 *
 * The provider releases the data, so it may resume any suspension; the consumer resumes only one it made itself. A
 * suspension the provider made (by its admin or by usage control) is a CONFLICT for the consumer's resume and for a
 * start the consumer sends: otherwise a consumer could undo the provider's suspension and pull again.
 *
 * <p>A duplicate of the received message that caused the current state is {@link TransferEvent#UNCHANGED unchanged};
 * any termination received while TERMINATED is too. A consumer accepts the provider's start before it processed
 * the reply to its request (learning the providerPid then); the reply's pid must match ({@link #onRequestReply}).
 *
 * <p>{@code dataAddress}: for pull formats the address the provider sent in its start message (consumer side) or
 * the one it sent (provider side); for push formats the consumer's sink from the request. {@code version} is the
 * optimistic lock.
 */
public record TransferProcess(
        String id,
        TransferRole role,
        String providerPid,
        String consumerPid,
        String agreementId,
        String format,
        String counterPartyId,
        String counterPartyAddress,
        TransferState state,
        DataAddress dataAddress,
        String terminationCode,
        List<String> terminationReason,
        long version,
        Instant createdAt,
        Instant updatedAt,
        List<TransferTransition> transitions) {

    private static final String START = "TransferStartMessage";
    private static final String SUSPENSION = "TransferSuspensionMessage";
    private static final String COMPLETION = "TransferCompletionMessage";
    private static final String TERMINATION = "TransferTerminationMessage";
    private static final String REQUEST = "TransferRequestMessage";

    public TransferProcess {
        Pids.problem("id", id).ifPresent(TransferProcess::fail);
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(counterPartyAddress, "counterPartyAddress");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        Pids.problem("agreementId", agreementId).ifPresent(TransferProcess::fail);
        Pids.problem("format", format).ifPresent(TransferProcess::fail);
        Pids.problem("counterPartyId", counterPartyId).ifPresent(TransferProcess::fail);
        terminationReason = List.copyOf(terminationReason);
        transitions = List.copyOf(transitions);
        if (role == TransferRole.PROVIDER ? !id.equals(providerPid) : !id.equals(consumerPid)) {
            fail("our own pid must be the transfer id");
        }
        if (role == TransferRole.PROVIDER && (consumerPid == null || state == INITIAL)) {
            fail("a provider transfer knows the consumerPid and is never INITIAL");
        }
        if (version < 0) {
            fail("version " + version + " is negative");
        }
        if (transitions.isEmpty() || transitions.get(0).from() != null) {
            fail("a transfer's history starts with its creation");
        }
        for (int i = 1; i < transitions.size(); i++) {
            if (transitions.get(i).from() != transitions.get(i - 1).to()) {
                fail("transition " + i + " does not start where transition " + (i - 1) + " ended");
            }
        }
        if (transitions.get(transitions.size() - 1).to() != state) {
            fail("state " + state + " is not where the last transition ended");
        }
        createdAt = createdAt.truncatedTo(ChronoUnit.MILLIS);
        updatedAt = updatedAt.truncatedTo(ChronoUnit.MILLIS);
    }

    private static void fail(String problem) {
        throw new IllegalArgumentException(problem);
    }

    // ---- creation ----

    /**
     * Provider side: the process a {@link TransferRequestMessage} from {@code counterPartyId} opens (→ REQUESTED).
     * {@code id} is our new providerPid. The app checks the agreement (exists, FINALIZED, with this consumer) and the
     * format before calling this. Nothing is sent: the reply is {@link #toResponse()}.
     */
    public static Result<TransferChange> requested(
            String id, TransferRequestMessage request, String counterPartyId, Instant now) {
        Optional<String> problem = Pids.problem("counterPartyId", counterPartyId);
        if (problem.isPresent()) {
            return Result.invalid(problem.get());
        }
        TransferTransition created =
                new TransferTransition(null, REQUESTED, Direction.RECEIVED, REQUEST, counterPartyId, now);
        TransferProcess transfer = new TransferProcess(
                id,
                TransferRole.PROVIDER,
                id,
                request.consumerPid(),
                request.agreementId(),
                request.format(),
                counterPartyId,
                request.callbackAddress(),
                REQUESTED,
                request.dataAddress(),
                null,
                List.of(),
                0,
                now,
                now,
                List.of(created));
        return Result.ok(new TransferChange(transfer, TransferEvent.REQUESTED, null, REQUEST, null, created.at()));
    }

    /**
     * Consumer side: a transfer under {@code agreementId} in {@code format} from the provider at
     * {@code counterPartyAddress}, not yet sent (→ INITIAL); {@code sink} is the push destination or null. Send it
     * with {@link #request}.
     */
    public static TransferChange initiate(
            String id,
            String counterPartyId,
            String counterPartyAddress,
            String agreementId,
            String format,
            DataAddress sink,
            Instant now) {
        TransferTransition created =
                new TransferTransition(null, INITIAL, Direction.LOCAL, "initiate", TransferTransition.SELF, now);
        TransferProcess transfer = new TransferProcess(
                id,
                TransferRole.CONSUMER,
                null,
                id,
                agreementId,
                format,
                counterPartyId,
                counterPartyAddress,
                INITIAL,
                sink,
                null,
                List.of(),
                0,
                now,
                now,
                List.of(created));
        return new TransferChange(transfer, TransferEvent.INITIATED, null, "initiate", null, created.at());
    }

    // ---- received messages ----

    /** Applies a message from {@code sender}: FORBIDDEN unless it is the counterparty, then the matching {@code on…}. */
    public Result<TransferChange> receive(DspMessage message, String sender, Instant now) {
        if (!counterPartyId.equals(sender)) {
            return Result.forbidden("transfer " + id + " is with " + counterPartyId + ", not with " + sender);
        }
        if (message instanceof TransferRequestMessage m) {
            return onRequest(m, now);
        } else if (message instanceof TransferStartMessage m) {
            return onStart(m, now);
        } else if (message instanceof TransferSuspensionMessage m) {
            return onSuspension(m, now);
        } else if (message instanceof TransferCompletionMessage m) {
            return onCompletion(m, now);
        } else if (message instanceof TransferTerminationMessage m) {
            return onTermination(m, now);
        }
        return Result.invalid(message.type() + " is not a transfer process message");
    }

    /** Provider: the same request again while still freshly REQUESTED is unchanged; anything else CONFLICT. */
    public Result<TransferChange> onRequest(TransferRequestMessage request, Instant now) {
        if (role != TransferRole.PROVIDER) {
            return wrongWay(REQUEST);
        }
        // A retry of the request that opened this process, whatever happened since (the consumer may not have seen
        // our reply before a crash): answered with the current state, changing nothing.
        boolean retry = request.consumerPid().equals(consumerPid)
                && request.agreementId().equals(agreementId)
                && request.format().equals(format)
                && !transitions.isEmpty()
                && transitions.get(0).message().equals(REQUEST);
        return retry
                ? Result.ok(TransferChange.unchanged(this, REQUEST, now))
                : Result.conflict("transfer " + id + " already exists in state " + state
                        + ": a TransferRequestMessage cannot be applied to it");
    }

    /**
     * A start. Consumer: INITIAL/REQUESTED/SUSPENDED → STARTED, keeping the message's data address (if any).
     * Provider: only the consumer resuming, SUSPENDED → STARTED. A repeat while STARTED is unchanged.
     */
    public Result<TransferChange> onStart(TransferStartMessage start, Instant now) {
        Optional<Result<TransferChange>> pids = checkPids(start.providerPid(), start.consumerPid());
        if (pids.isPresent()) {
            return pids.get();
        }
        if (role == TransferRole.PROVIDER && start.dataAddress() != null) {
            return Result.invalid("a consumer's TransferStartMessage carries no dataAddress");
        }
        if (state == STARTED
                && lastReceived(START)
                && (start.dataAddress() == null || start.dataAddress().equals(dataAddress))) {
            return Result.ok(TransferChange.unchanged(this, START, now));
        }
        Set<TransferState> from =
                role == TransferRole.PROVIDER ? Set.of(SUSPENDED) : Set.of(INITIAL, REQUESTED, SUSPENDED);
        if (!from.contains(state)) {
            return illegal(START);
        }
        if (role == TransferRole.PROVIDER && suspendedBy(Direction.SENT)) {
            return providersSuspension();
        }
        Next next = next(start.providerPid());
        if (start.dataAddress() != null) {
            next.dataAddress = start.dataAddress();
        }
        return Result.ok(next.move(STARTED, TransferEvent.STARTED, Direction.RECEIVED, START, null, now));
    }

    /** Either role: STARTED → SUSPENDED; a repeat while SUSPENDED is unchanged. */
    public Result<TransferChange> onSuspension(TransferSuspensionMessage suspension, Instant now) {
        return simple(
                suspension.providerPid(),
                suspension.consumerPid(),
                SUSPENSION,
                SUSPENDED,
                TransferEvent.SUSPENDED,
                now);
    }

    /** Either role: STARTED → COMPLETED (not from SUSPENDED); a repeat while COMPLETED is unchanged. */
    public Result<TransferChange> onCompletion(TransferCompletionMessage completion, Instant now) {
        return simple(
                completion.providerPid(),
                completion.consumerPid(),
                COMPLETION,
                COMPLETED,
                TransferEvent.COMPLETED,
                now);
    }

    /** Either role: any non-final state → TERMINATED; while TERMINATED unchanged. */
    public Result<TransferChange> onTermination(TransferTerminationMessage termination, Instant now) {
        Optional<Result<TransferChange>> pids = checkPids(termination.providerPid(), termination.consumerPid());
        if (pids.isPresent()) {
            return pids.get();
        }
        if (state == TERMINATED) {
            return Result.ok(TransferChange.unchanged(this, TERMINATION, now));
        }
        if (state.isFinal()) {
            return illegal(TERMINATION);
        }
        Next next = next(termination.providerPid());
        next.terminationCode = termination.code();
        next.terminationReason = termination.reason();
        return Result.ok(next.move(TERMINATED, TransferEvent.TERMINATED, Direction.RECEIVED, TERMINATION, null, now));
    }

    /** Consumer: the reply to our request names the provider's pid; learn it, or check it against the one learned. */
    public Result<TransferChange> onRequestReply(TransferProcessResponse reply, Instant now) {
        String message = "TransferProcess";
        if (role != TransferRole.CONSUMER) {
            return wrongWay(message);
        }
        if (!reply.consumerPid().equals(consumerPid)) {
            return Result.invalid("the reply is for consumerPid " + reply.consumerPid() + ", not " + consumerPid);
        }
        if (providerPid != null) {
            return providerPid.equals(reply.providerPid())
                    ? Result.ok(TransferChange.unchanged(this, message, now))
                    : Result.conflict("transfer " + id + " in state " + state + " already has providerPid "
                            + providerPid + ", the reply says " + reply.providerPid());
        }
        Next next = next(reply.providerPid());
        return Result.ok(next.stay(TransferEvent.PROVIDER_PID_LEARNED, message, now));
    }

    // ---- actions ----

    /** Consumer: sends the request with our {@code callbackAddress}. INITIAL → REQUESTED. */
    public Result<TransferChange> request(String callbackAddress, Instant now) {
        Objects.requireNonNull(callbackAddress, "callbackAddress");
        if (role != TransferRole.CONSUMER) {
            return wrongWay(REQUEST);
        }
        if (state != INITIAL) {
            return illegalAction("request", REQUEST);
        }
        OutgoingMessage out = OutgoingMessage.to(
                counterPartyAddress,
                "/transfers/request",
                new TransferRequestMessage(consumerPid, agreementId, format, callbackAddress, dataAddress));
        return Result.ok(next(providerPid).move(REQUESTED, TransferEvent.REQUESTED, Direction.SENT, REQUEST, out, now));
    }

    /**
     * Starts. Provider: REQUESTED/SUSPENDED → STARTED, sending {@code address} (the pull endpoint, or null for push).
     * Consumer: resumes, SUSPENDED → STARTED, {@code address} must be null.
     */
    public Result<TransferChange> start(DataAddress address, Instant now) {
        if (role == TransferRole.CONSUMER && address != null) {
            return Result.invalid("a consumer resuming a transfer sends no dataAddress");
        }
        Set<TransferState> from = role == TransferRole.PROVIDER ? Set.of(REQUESTED, SUSPENDED) : Set.of(SUSPENDED);
        if (!from.contains(state)) {
            return illegalAction("start", START);
        }
        if (role == TransferRole.CONSUMER && suspendedBy(Direction.RECEIVED)) {
            return providersSuspension();
        }
        Next next = next(providerPid);
        if (address != null) {
            next.dataAddress = address;
        }
        OutgoingMessage out = send("start", new TransferStartMessage(providerPid, consumerPid, address));
        return Result.ok(next.move(STARTED, TransferEvent.STARTED, Direction.SENT, START, out, now));
    }

    /** Either role: STARTED → SUSPENDED. */
    public Result<TransferChange> suspend(String code, List<String> reason, Instant now) {
        if (state != STARTED) {
            return illegalAction("suspend", SUSPENSION);
        }
        OutgoingMessage out = send("suspension", new TransferSuspensionMessage(providerPid, consumerPid, code, reason));
        return Result.ok(
                next(providerPid).move(SUSPENDED, TransferEvent.SUSPENDED, Direction.SENT, SUSPENSION, out, now));
    }

    /** Either role: STARTED → COMPLETED. */
    public Result<TransferChange> complete(Instant now) {
        if (state != STARTED) {
            return illegalAction("complete", COMPLETION);
        }
        OutgoingMessage out = send("completion", new TransferCompletionMessage(providerPid, consumerPid));
        return Result.ok(
                next(providerPid).move(COMPLETED, TransferEvent.COMPLETED, Direction.SENT, COMPLETION, out, now));
    }

    /**
     * Either role: any non-final state → TERMINATED. A consumer still INITIAL sends nothing; one that does not know
     * the providerPid yet gets CONFLICT (retry after the reply).
     */
    /**
     * Consumer: the provider refused our request (a final 4xx), so there is no process on its side to tell:
     * REQUESTED without a providerPid → TERMINATED here, nothing sent. Unlike {@link #terminate}, which must reach
     * the provider and so waits for its pid.
     */
    public Result<TransferChange> requestRefused(String reason, Instant now) {
        if (role != TransferRole.CONSUMER || state != REQUESTED || providerPid != null) {
            return Result.conflict("transfer " + id + " in state " + state + " has no unanswered request");
        }
        Next next = next(null);
        next.terminationCode = "request-refused";
        next.terminationReason = List.of(reason);
        return Result.ok(next.move(TERMINATED, TransferEvent.TERMINATED, Direction.LOCAL, REQUEST, null, now));
    }

    public Result<TransferChange> terminate(String code, List<String> reason, Instant now) {
        if (state.isFinal()) {
            return illegalAction("terminate", TERMINATION);
        }
        OutgoingMessage out = null;
        if (state != INITIAL) {
            if (providerPid == null) {
                return Result.conflict("cannot terminate transfer " + id + " in state " + state
                        + " before the provider's pid is known");
            }
            out = send("termination", new TransferTerminationMessage(providerPid, consumerPid, code, reason));
        }
        Next next = next(providerPid);
        next.terminationCode = code;
        next.terminationReason = reason;
        return Result.ok(next.move(TERMINATED, TransferEvent.TERMINATED, Direction.SENT, TERMINATION, out, now));
    }

    // ---- views ----

    /** The DSP {@code TransferProcess} body; CONFLICT while a consumer does not know the providerPid yet. */
    public Result<TransferProcessResponse> toResponse() {
        if (providerPid == null) {
            return Result.conflict("transfer " + id + " in state " + state + " does not know the providerPid yet");
        }
        return Result.ok(new TransferProcessResponse(providerPid, consumerPid, state.dspName()));
    }

    /** The counterparty's pid; null while a consumer does not know it. */
    public String counterPartyPid() {
        return role == TransferRole.PROVIDER ? consumerPid : providerPid;
    }

    public TransferTransition lastTransition() {
        return transitions.get(transitions.size() - 1);
    }

    /** The same process at another stored version; for repositories only. */
    public TransferProcess withVersion(long newVersion) {
        Next next = next(providerPid);
        next.version = newVersion;
        return next.build();
    }

    /** Hides the data address, which may hold credentials. */
    @Override
    public String toString() {
        return "TransferProcess[" + id + " " + role + " " + state + " agreement=" + agreementId + " v" + version + "]";
    }

    // ---- internals ----

    private OutgoingMessage send(String suffix, DspMessage message) {
        if (providerPid == null) {
            throw new IllegalStateException("transfer " + id + " in state " + state + " has no providerPid");
        }
        return OutgoingMessage.to(counterPartyAddress, "/transfers/" + counterPartyPid() + "/" + suffix, message);
    }

    /** Whether the process is SUSPENDED by a suspension that went {@code direction} from this side. */
    private boolean suspendedBy(Direction direction) {
        TransferTransition last = lastTransition();
        return state == SUSPENDED
                && last.direction() == direction
                && last.message().equals(SUSPENSION);
    }

    private <T> Result<T> providersSuspension() {
        return Result.conflict("transfer " + id + " in state SUSPENDED was suspended by the provider ("
                + lastTransition().at() + "): only the provider resumes it, a consumer's " + START + " cannot");
    }

    private boolean lastReceived(String message) {
        TransferTransition last = lastTransition();
        return last.direction() == Direction.RECEIVED && last.message().equals(message);
    }

    private Result<TransferChange> simple(
            String msgProviderPid,
            String msgConsumerPid,
            String message,
            TransferState to,
            TransferEvent event,
            Instant now) {
        Optional<Result<TransferChange>> pids = checkPids(msgProviderPid, msgConsumerPid);
        if (pids.isPresent()) {
            return pids.get();
        }
        if (state == to && lastReceived(message)) {
            return Result.ok(TransferChange.unchanged(this, message, now));
        }
        if (state != STARTED) {
            return illegal(message);
        }
        return Result.ok(next(msgProviderPid).move(to, event, Direction.RECEIVED, message, null, now));
    }

    private Optional<Result<TransferChange>> checkPids(String msgProviderPid, String msgConsumerPid) {
        if (!consumerPid.equals(msgConsumerPid)) {
            return Optional.of(Result.invalid(
                    "the message names consumerPid " + msgConsumerPid + " but transfer " + id + " has " + consumerPid));
        }
        if (providerPid != null && !providerPid.equals(msgProviderPid)) {
            return Optional.of(Result.invalid(
                    "the message names providerPid " + msgProviderPid + " but transfer " + id + " has " + providerPid));
        }
        return Optional.empty();
    }

    private Result<TransferChange> illegal(String message) {
        return Result.conflict("cannot accept " + message + " in state " + state + " (transfer " + id + ", "
                + role.name().toLowerCase(Locale.ROOT) + " side)");
    }

    private Result<TransferChange> illegalAction(String action, String message) {
        return Result.conflict("cannot " + action + " (send " + message + ") in state " + state + " (transfer " + id
                + ", " + role.name().toLowerCase(Locale.ROOT) + " side)");
    }

    private Result<TransferChange> wrongWay(String message) {
        return Result.invalid("a " + role.name().toLowerCase(Locale.ROOT) + " does not receive or send " + message
                + " this way (transfer " + id + ")");
    }

    private Next next(String newProviderPid) {
        Next next = new Next(this);
        next.providerPid = newProviderPid;
        return next;
    }

    /** A mutable copy used to build the next immutable transfer. */
    private static final class Next {
        private final TransferProcess from;
        String providerPid;
        TransferState state;
        DataAddress dataAddress;
        String terminationCode;
        List<String> terminationReason;
        long version;
        Instant updatedAt;
        List<TransferTransition> transitions;

        Next(TransferProcess from) {
            this.from = from;
            providerPid = from.providerPid;
            state = from.state;
            dataAddress = from.dataAddress;
            terminationCode = from.terminationCode;
            terminationReason = from.terminationReason;
            version = from.version;
            updatedAt = from.updatedAt;
            transitions = from.transitions;
        }

        TransferProcess build() {
            return new TransferProcess(
                    from.id,
                    from.role,
                    providerPid,
                    from.consumerPid,
                    from.agreementId,
                    from.format,
                    from.counterPartyId,
                    from.counterPartyAddress,
                    state,
                    dataAddress,
                    terminationCode,
                    terminationReason,
                    version,
                    from.createdAt,
                    updatedAt,
                    transitions);
        }

        TransferChange move(
                TransferState to,
                TransferEvent event,
                Direction direction,
                String message,
                OutgoingMessage out,
                Instant now) {
            String actor = direction == Direction.RECEIVED ? from.counterPartyId : TransferTransition.SELF;
            TransferTransition transition = new TransferTransition(from.state, to, direction, message, actor, now);
            List<TransferTransition> all = new ArrayList<>(transitions);
            all.add(transition);
            transitions = all;
            state = to;
            updatedAt = transition.at();
            return new TransferChange(build(), event, from.state, message, out, transition.at());
        }

        TransferChange stay(TransferEvent event, String message, Instant now) {
            updatedAt = now.truncatedTo(ChronoUnit.MILLIS);
            return new TransferChange(build(), event, from.state, message, null, updatedAt);
        }
    }
}
