package io.trustspace.contract.negotiation;

import static io.trustspace.contract.negotiation.NegotiationState.ACCEPTED;
import static io.trustspace.contract.negotiation.NegotiationState.AGREED;
import static io.trustspace.contract.negotiation.NegotiationState.FINALIZED;
import static io.trustspace.contract.negotiation.NegotiationState.INITIAL;
import static io.trustspace.contract.negotiation.NegotiationState.OFFERED;
import static io.trustspace.contract.negotiation.NegotiationState.REQUESTED;
import static io.trustspace.contract.negotiation.NegotiationState.TERMINATED;
import static io.trustspace.contract.negotiation.NegotiationState.VERIFIED;

import io.trustspace.common.Result;
import io.trustspace.contract.message.Agreement;
import io.trustspace.contract.message.ContractAgreementMessage;
import io.trustspace.contract.message.ContractAgreementVerificationMessage;
import io.trustspace.contract.message.ContractNegotiationEventMessage;
import io.trustspace.contract.message.ContractNegotiationResponse;
import io.trustspace.contract.message.ContractNegotiationTerminationMessage;
import io.trustspace.contract.message.ContractOfferMessage;
import io.trustspace.contract.message.ContractRequestMessage;
import io.trustspace.contract.message.Direction;
import io.trustspace.contract.message.DspCodec;
import io.trustspace.contract.message.DspMessage;
import io.trustspace.contract.message.EventType;
import io.trustspace.contract.message.Offer;
import io.trustspace.contract.message.OutgoingMessage;
import io.trustspace.contract.message.Pids;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A DSP 2025-1 contract negotiation as one party (provider or consumer) sees it. An immutable aggregate: every
 * received message ({@code on…}) and every action returns the next negotiation with what happened
 * ({@link NegotiationChange}, holding the message to send for actions), or a failure:
 *
 * <ul>
 *   <li>CONFLICT: the state machine does not allow the message or action now; the reason names the state and the
 *       message. A DSP edge answers 400/409 with a {@code ContractNegotiationError} — never 404, the process exists.
 *   <li>INVALID: the message names other process ids than this negotiation's, goes the wrong way (e.g. a provider
 *       receiving an offer), or an action's offer/agreement lacks what DSP requires.
 *   <li>FORBIDDEN: {@link #receive} from someone other than the counterparty.
 * </ul>
 *
 * <p>State machine (the consumer sends REQUESTED, ACCEPTED, VERIFIED; the provider sends OFFERED, AGREED,
 * FINALIZED; either terminates):
 *
 * <pre>
 *   INITIAL --request--> REQUESTED --offer--> OFFERED --accept--> ACCEPTED --agree--> AGREED
 *   OFFERED --counter-offer--> REQUESTED --agree--> AGREED --verify--> VERIFIED --finalize--> FINALIZED
 *   any state but FINALIZED/TERMINATED --terminate--> TERMINATED
 * </pre>
 *
 * <p>Duplicates of the message that caused the current state (same type and content) are accepted as
 * {@link NegotiationEvent#UNCHANGED unchanged}, so the other side's retries are harmless; any termination received
 * while TERMINATED is such a duplicate (the two sides may terminate at the same time).
 *
 * <p>A consumer may learn the provider's pid from the first provider message, before the reply to its request was
 * processed (out of order); an offer or agreement is then accepted in INITIAL or REQUESTED, and the reply's pid must
 * match ({@link #onRequestReply}). {@code maxCounterOffers} (fixed at creation) bounds how many counter-offers a
 * provider accepts; once reached, every further counter-offer is refused, repeats included.
 *
 * <p>{@code version} is the optimistic lock: 0 before the first save, then the stored version.
 */
public record ContractNegotiation(
        String id,
        NegotiationRole role,
        String providerPid,
        String consumerPid,
        String counterPartyId,
        String counterPartyAddress,
        NegotiationState state,
        String datasetId,
        Offer offer,
        Agreement agreement,
        String providerSignature,
        String consumerSignature,
        String terminationCode,
        List<String> terminationReason,
        int counterOffers,
        int maxCounterOffers,
        long version,
        Instant createdAt,
        Instant updatedAt,
        List<NegotiationTransition> transitions) {

    /** No limit on counter-offers. */
    public static final int UNLIMITED_COUNTER_OFFERS = Integer.MAX_VALUE;

    /** The longest compact JWS we keep as an agreement signature. */
    public static final int MAX_SIGNATURE_LENGTH = DspCodec.MAX_SIGNATURE_LENGTH;

    private static final Pattern COMPACT_JWS = Pattern.compile("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*\\.[A-Za-z0-9_-]+");

    public ContractNegotiation {
        Pids.problem("id", id).ifPresent(ContractNegotiation::fail);
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(offer, "offer");
        Objects.requireNonNull(counterPartyAddress, "counterPartyAddress");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        Pids.problem("counterPartyId", counterPartyId).ifPresent(ContractNegotiation::fail);
        Pids.problem("datasetId", datasetId).ifPresent(ContractNegotiation::fail);
        terminationReason = List.copyOf(terminationReason);
        transitions = List.copyOf(transitions);
        if (role == NegotiationRole.PROVIDER ? !id.equals(providerPid) : !id.equals(consumerPid)) {
            fail("our own pid must be the negotiation id");
        }
        if (role == NegotiationRole.PROVIDER && consumerPid == null) {
            fail("a provider negotiation knows the consumerPid");
        }
        if (role == NegotiationRole.PROVIDER && state == INITIAL) {
            fail("only a consumer negotiation is INITIAL");
        }
        if (version < 0) {
            fail("version " + version + " is negative");
        }
        if (counterOffers < 0 || maxCounterOffers < 0) {
            fail("counter-offer counts are not negative");
        }
        if (transitions.isEmpty() || transitions.get(0).from() != null) {
            fail("a negotiation's history starts with its creation");
        }
        for (int i = 1; i < transitions.size(); i++) {
            if (transitions.get(i).from() != transitions.get(i - 1).to()) {
                fail("transition " + i + " does not start where transition " + (i - 1) + " ended");
            }
        }
        if (transitions.get(transitions.size() - 1).to() != state) {
            fail("state " + state + " is not where the last transition ended");
        }
        boolean agreed = state == AGREED || state == VERIFIED || state == FINALIZED;
        if (agreed && agreement == null) {
            fail("a negotiation in " + state + " has an agreement");
        }
        if (agreement == null && (providerSignature != null || consumerSignature != null)) {
            fail("signatures need an agreement");
        }
        createdAt = createdAt.truncatedTo(ChronoUnit.MILLIS);
        updatedAt = updatedAt.truncatedTo(ChronoUnit.MILLIS);
    }

    private static void fail(String problem) {
        throw new IllegalArgumentException(problem);
    }

    // ---- creation ----

    /**
     * Provider side: the negotiation an initial {@link ContractRequestMessage} from {@code counterPartyId} opens
     * (→ REQUESTED). {@code id} is our new providerPid (a UUID); {@code datasetId} the dataset the offer is for (the
     * app resolves it from the offer id; null means the offer's {@code target}). Nothing is sent: the reply is
     * {@link #toResponse()}.
     */
    public static Result<NegotiationChange> requested(
            String id,
            ContractRequestMessage request,
            String counterPartyId,
            String datasetId,
            int maxCounterOffers,
            Instant now) {
        if (request.isCounterOffer()) {
            return Result.invalid("a ContractRequestMessage with providerPid " + request.providerPid()
                    + " is a counter-offer on an existing negotiation, not a new one");
        }
        String dataset = datasetId != null ? datasetId : request.offer().target();
        if (dataset == null) {
            return Result.invalid("the offer names no target dataset");
        }
        Optional<String> problem = Pids.problem("counterPartyId", counterPartyId);
        if (problem.isPresent()) {
            return Result.invalid(problem.get());
        }
        NegotiationTransition created = new NegotiationTransition(
                null, REQUESTED, Direction.RECEIVED, "ContractRequestMessage", counterPartyId, now);
        ContractNegotiation negotiation = new ContractNegotiation(
                id,
                NegotiationRole.PROVIDER,
                id,
                request.consumerPid(),
                counterPartyId,
                request.callbackAddress(),
                REQUESTED,
                dataset,
                request.offer(),
                null,
                null,
                null,
                null,
                List.of(),
                0,
                maxCounterOffers,
                0,
                now,
                now,
                List.of(created));
        return Result.ok(new NegotiationChange(
                negotiation, NegotiationEvent.REQUESTED, null, "ContractRequestMessage", null, created.at()));
    }

    /**
     * Consumer side: a negotiation for {@code offer} on {@code datasetId} with the provider {@code counterPartyId}
     * at {@code counterPartyAddress} (its DSP 2025-1 base), not yet sent (→ INITIAL). {@code id} is our new
     * consumerPid. Send it with {@link #request}.
     */
    public static NegotiationChange initiate(
            String id, String counterPartyId, String counterPartyAddress, String datasetId, Offer offer, Instant now) {
        NegotiationTransition created =
                new NegotiationTransition(null, INITIAL, Direction.LOCAL, "initiate", NegotiationTransition.SELF, now);
        ContractNegotiation negotiation = new ContractNegotiation(
                id,
                NegotiationRole.CONSUMER,
                null,
                id,
                counterPartyId,
                counterPartyAddress,
                INITIAL,
                datasetId,
                offer,
                null,
                null,
                null,
                null,
                List.of(),
                0,
                UNLIMITED_COUNTER_OFFERS,
                0,
                now,
                now,
                List.of(created));
        return new NegotiationChange(negotiation, NegotiationEvent.INITIATED, null, "initiate", null, created.at());
    }

    /**
     * Whether {@code message} is a repeat of one we already received and moved past (now in one of {@code later}):
     * delivery is at least once, so a sender that crashed before it saw our answer sends it again; acknowledging
     * it changes nothing, refusing it would make the sender give up on a negotiation that succeeded.
     */
    private boolean lateRepeat(String message, NegotiationState... later) {
        if (!java.util.Arrays.asList(later).contains(state)) {
            return false;
        }
        return transitions.stream()
                .anyMatch(
                        t -> t.direction() == Direction.RECEIVED && t.message().equals(message));
    }

    // ---- received messages ----

    /**
     * Applies a message received from {@code sender} (the authenticated participant id): FORBIDDEN unless it is the
     * counterparty, then the {@code on…} method for the message's type.
     */
    public Result<NegotiationChange> receive(DspMessage message, String sender, Instant now) {
        if (!counterPartyId.equals(sender)) {
            return Result.forbidden("negotiation " + id + " is with " + counterPartyId + ", not with " + sender);
        }
        if (message instanceof ContractRequestMessage m) {
            return onRequest(m, now);
        } else if (message instanceof ContractOfferMessage m) {
            return onOffer(m, now);
        } else if (message instanceof ContractNegotiationEventMessage m) {
            return m.eventType() == EventType.ACCEPTED ? onAccepted(m, now) : onFinalized(m, now);
        } else if (message instanceof ContractAgreementMessage m) {
            return onAgreement(m, now);
        } else if (message instanceof ContractAgreementVerificationMessage m) {
            return onVerification(m, now);
        } else if (message instanceof ContractNegotiationTerminationMessage m) {
            return onTermination(m, now);
        }
        return Result.invalid(message.type() + " is not a contract negotiation message");
    }

    /**
     * Provider: a {@link ContractRequestMessage}. A counter-offer moves OFFERED → REQUESTED with the new offer; the
     * same counter-offer again while REQUESTED, or the same initial request again while still freshly REQUESTED, is
     * unchanged.
     */
    public Result<NegotiationChange> onRequest(ContractRequestMessage request, Instant now) {
        String message = "ContractRequestMessage";
        if (role != NegotiationRole.PROVIDER) {
            return wrongWay(message);
        }
        if (!request.isCounterOffer()) {
            // A retry of the request that opened this negotiation, whatever happened since (the consumer may not
            // have seen our reply before a crash): answered with the current state, changing nothing.
            boolean retry = request.consumerPid().equals(consumerPid)
                    && !transitions.isEmpty()
                    && transitions.get(0).message().equals(message)
                    && (state != REQUESTED
                            || transitions.size() > 1
                            || request.offer().equals(offer));
            return retry
                    ? Result.ok(NegotiationChange.unchanged(this, message, now))
                    : Result.conflict("negotiation " + id + " already exists in state " + state
                            + ": an initial ContractRequestMessage cannot be applied to it");
        }
        Optional<Result<NegotiationChange>> pids = checkPids(request.providerPid(), request.consumerPid());
        if (pids.isPresent()) {
            return pids.get();
        }
        if (state.isFinal()) {
            return illegal(message);
        }
        if (counterOffers >= maxCounterOffers) {
            return Result.conflict("cannot accept ContractRequestMessage (counter-offer) in state " + state
                    + ": negotiation " + id + " allows " + maxCounterOffers + " counter-offer(s)");
        }
        if (state == REQUESTED
                && counterOffers > 0
                && lastReceived(message)
                && request.offer().equals(offer)) {
            return Result.ok(NegotiationChange.unchanged(this, message, now));
        }
        if (state != OFFERED) {
            return illegal(message);
        }
        Next next = next();
        next.offer = request.offer();
        next.counterOffers = counterOffers + 1;
        return Result.ok(next.move(REQUESTED, NegotiationEvent.REQUESTED, Direction.RECEIVED, message, null, now));
    }

    /** Consumer: a {@link ContractOfferMessage}. INITIAL/REQUESTED → OFFERED; the same offer again while OFFERED is unchanged. */
    public Result<NegotiationChange> onOffer(ContractOfferMessage offerMessage, Instant now) {
        String message = "ContractOfferMessage";
        if (role != NegotiationRole.CONSUMER) {
            return wrongWay(message);
        }
        if (offerMessage.consumerPid() == null) {
            return Result.invalid("a ContractOfferMessage on negotiation " + id + " must name its consumerPid");
        }
        Optional<Result<NegotiationChange>> pids = checkPids(offerMessage.providerPid(), offerMessage.consumerPid());
        if (pids.isPresent()) {
            return pids.get();
        }
        if (state == OFFERED && offerMessage.offer().equals(offer)) {
            return Result.ok(NegotiationChange.unchanged(this, message, now));
        }
        if (state != INITIAL && state != REQUESTED) {
            return illegal(message);
        }
        Next next = next();
        next.providerPid = offerMessage.providerPid();
        next.offer = offerMessage.offer();
        return Result.ok(next.move(OFFERED, NegotiationEvent.OFFERED, Direction.RECEIVED, message, null, now));
    }

    /** Provider: the consumer's ACCEPTED event. OFFERED → ACCEPTED; again while ACCEPTED is unchanged. */
    public Result<NegotiationChange> onAccepted(ContractNegotiationEventMessage event, Instant now) {
        String message = "ContractNegotiationEventMessage:ACCEPTED";
        if (role != NegotiationRole.PROVIDER || event.eventType() != EventType.ACCEPTED) {
            return wrongWay("ContractNegotiationEventMessage:" + event.eventType());
        }
        if (lateRepeat(message, AGREED, VERIFIED, FINALIZED)) {
            return Result.ok(NegotiationChange.unchanged(this, message, now));
        }
        return simple(
                event.providerPid(),
                event.consumerPid(),
                message,
                OFFERED,
                ACCEPTED,
                NegotiationEvent.ACCEPTED,
                now,
                nothingElse -> {});
    }

    /** Consumer: a {@link ContractAgreementMessage}. INITIAL/REQUESTED/ACCEPTED → AGREED; the same agreement again while AGREED is unchanged. */
    public Result<NegotiationChange> onAgreement(ContractAgreementMessage agreementMessage, Instant now) {
        String message = "ContractAgreementMessage";
        if (role != NegotiationRole.CONSUMER) {
            return wrongWay(message);
        }
        Optional<Result<NegotiationChange>> pids =
                checkPids(agreementMessage.providerPid(), agreementMessage.consumerPid());
        if (pids.isPresent()) {
            return pids.get();
        }
        if ((state == AGREED || state == VERIFIED || state == FINALIZED)
                && agreementMessage.agreement().equals(agreement)) {
            return Result.ok(NegotiationChange.unchanged(this, message, now));
        }
        if (state != INITIAL && state != REQUESTED && state != ACCEPTED) {
            return illegal(message);
        }
        Optional<String> badSignature = signatureProblem("providerSignature", agreementMessage.providerSignature());
        if (badSignature.isPresent()) {
            return Result.invalid(badSignature.get());
        }
        Next next = next();
        next.providerPid = agreementMessage.providerPid();
        next.agreement = agreementMessage.agreement();
        next.providerSignature = agreementMessage.providerSignature();
        return Result.ok(next.move(AGREED, NegotiationEvent.AGREED, Direction.RECEIVED, message, null, now));
    }

    /** Provider: the consumer's verification. AGREED → VERIFIED; again while VERIFIED is unchanged. */
    public Result<NegotiationChange> onVerification(ContractAgreementVerificationMessage verification, Instant now) {
        String message = "ContractAgreementVerificationMessage";
        if (role != NegotiationRole.PROVIDER) {
            return wrongWay(message);
        }
        if (lateRepeat(message, FINALIZED)) {
            return Result.ok(NegotiationChange.unchanged(this, message, now));
        }
        Optional<String> badSignature = signatureProblem("consumerSignature", verification.consumerSignature());
        if (badSignature.isPresent()) {
            return Result.invalid(badSignature.get());
        }
        String signature = verification.consumerSignature();
        return simple(
                verification.providerPid(),
                verification.consumerPid(),
                message,
                AGREED,
                VERIFIED,
                NegotiationEvent.VERIFIED,
                now,
                next -> {
                    if (signature != null) {
                        next.consumerSignature = signature;
                    }
                });
    }

    /** Consumer: the provider's FINALIZED event. VERIFIED → FINALIZED; again while FINALIZED is unchanged. */
    public Result<NegotiationChange> onFinalized(ContractNegotiationEventMessage event, Instant now) {
        String message = "ContractNegotiationEventMessage:FINALIZED";
        if (role != NegotiationRole.CONSUMER || event.eventType() != EventType.FINALIZED) {
            return wrongWay("ContractNegotiationEventMessage:" + event.eventType());
        }
        return simple(
                event.providerPid(),
                event.consumerPid(),
                message,
                VERIFIED,
                FINALIZED,
                NegotiationEvent.FINALIZED,
                now,
                nothingElse -> {});
    }

    /** Either role: the counterparty terminates. Any non-final state → TERMINATED; while TERMINATED unchanged. */
    public Result<NegotiationChange> onTermination(ContractNegotiationTerminationMessage termination, Instant now) {
        String message = "ContractNegotiationTerminationMessage";
        Optional<Result<NegotiationChange>> pids = checkPids(termination.providerPid(), termination.consumerPid());
        if (pids.isPresent()) {
            return pids.get();
        }
        if (state == TERMINATED) {
            return Result.ok(NegotiationChange.unchanged(this, message, now));
        }
        if (state.isFinal()) {
            return illegal(message);
        }
        Next next = next();
        next.providerPid = termination.providerPid();
        next.terminationCode = termination.code();
        next.terminationReason = termination.reason();
        return Result.ok(next.move(TERMINATED, NegotiationEvent.TERMINATED, Direction.RECEIVED, message, null, now));
    }

    /**
     * Consumer: the provider's reply to our initial request names its pid. Learns it (no state change); unchanged if
     * already known and equal; CONFLICT if it differs from the pid an earlier provider message carried.
     */
    public Result<NegotiationChange> onRequestReply(ContractNegotiationResponse reply, Instant now) {
        String message = "ContractNegotiation";
        if (role != NegotiationRole.CONSUMER) {
            return wrongWay(message);
        }
        if (!reply.consumerPid().equals(consumerPid)) {
            return Result.invalid("the reply is for consumerPid " + reply.consumerPid() + ", not " + consumerPid);
        }
        if (providerPid != null) {
            return providerPid.equals(reply.providerPid())
                    ? Result.ok(NegotiationChange.unchanged(this, message, now))
                    : Result.conflict("negotiation " + id + " in state " + state + " already has providerPid "
                            + providerPid + ", the reply says " + reply.providerPid());
        }
        Next next = next();
        next.providerPid = reply.providerPid();
        return Result.ok(next.stay(NegotiationEvent.PROVIDER_PID_LEARNED, message, now));
    }

    // ---- actions ----

    /** Consumer: sends the initial request with our {@code callbackAddress}. INITIAL → REQUESTED. */
    public Result<NegotiationChange> request(String callbackAddress, Instant now) {
        Objects.requireNonNull(callbackAddress, "callbackAddress");
        String message = "ContractRequestMessage";
        if (role != NegotiationRole.CONSUMER) {
            return wrongWay(message);
        }
        if (state != INITIAL) {
            return illegalAction("request", message);
        }
        OutgoingMessage out = OutgoingMessage.to(
                counterPartyAddress,
                "/negotiations/request",
                ContractRequestMessage.initial(consumerPid, callbackAddress, offer));
        return Result.ok(next().move(REQUESTED, NegotiationEvent.REQUESTED, Direction.SENT, message, out, now));
    }

    /** Consumer: answers the provider's offer with {@code counterOffer}. OFFERED → REQUESTED. */
    public Result<NegotiationChange> counterOffer(Offer counterOffer, Instant now) {
        String message = "ContractRequestMessage";
        if (role != NegotiationRole.CONSUMER) {
            return wrongWay(message);
        }
        if (!counterOffer.hasRules()) {
            return Result.invalid("a counter-offer needs a permission or a prohibition");
        }
        if (state != OFFERED) {
            return illegalAction("counter-offer", message);
        }
        OutgoingMessage out = OutgoingMessage.to(
                counterPartyAddress,
                "/negotiations/" + providerPid + "/request",
                ContractRequestMessage.counterOffer(consumerPid, providerPid, counterOffer));
        Next next = next();
        next.offer = counterOffer;
        return Result.ok(next.move(REQUESTED, NegotiationEvent.REQUESTED, Direction.SENT, message, out, now));
    }

    /** Provider: offers {@code newOffer} (which needs a target and an assigner). REQUESTED → OFFERED. */
    public Result<NegotiationChange> offer(Offer newOffer, Instant now) {
        String message = "ContractOfferMessage";
        if (role != NegotiationRole.PROVIDER) {
            return wrongWay(message);
        }
        if (newOffer.target() == null || newOffer.assigner() == null) {
            return Result.invalid("an offer we send needs a target and an assigner");
        }
        if (state != REQUESTED) {
            return illegalAction("offer", message);
        }
        OutgoingMessage out = OutgoingMessage.to(
                counterPartyAddress,
                "/negotiations/" + consumerPid + "/offers",
                new ContractOfferMessage(providerPid, consumerPid, null, newOffer));
        Next next = next();
        next.offer = newOffer;
        return Result.ok(next.move(OFFERED, NegotiationEvent.OFFERED, Direction.SENT, message, out, now));
    }

    /** Consumer: accepts the provider's last offer. OFFERED → ACCEPTED. */
    public Result<NegotiationChange> accept(Instant now) {
        String message = "ContractNegotiationEventMessage:ACCEPTED";
        if (role != NegotiationRole.CONSUMER) {
            return wrongWay(message);
        }
        if (state != OFFERED) {
            return illegalAction("accept", message);
        }
        OutgoingMessage out = OutgoingMessage.to(
                counterPartyAddress,
                "/negotiations/" + providerPid + "/events",
                new ContractNegotiationEventMessage(providerPid, consumerPid, EventType.ACCEPTED));
        return Result.ok(next().move(ACCEPTED, NegotiationEvent.ACCEPTED, Direction.SENT, message, out, now));
    }

    /**
     * Provider: agrees on {@code newAgreement} (with timestamp and at least one permission). REQUESTED/ACCEPTED →
     * AGREED.
     */
    public Result<NegotiationChange> agree(Agreement newAgreement, Instant now) {
        return agree(newAgreement, null, now);
    }

    /**
     * Provider: agrees with {@code newAgreement}, signed by us ({@code signature}: compact JWS over its canonical
     * form, sent along so the consumer holds it; null to send none). REQUESTED or ACCEPTED → AGREED.
     */
    public Result<NegotiationChange> agree(Agreement newAgreement, String signature, Instant now) {
        String message = "ContractAgreementMessage";
        if (role != NegotiationRole.PROVIDER) {
            return wrongWay(message);
        }
        if (newAgreement.timestamp() == null || !newAgreement.hasPermission()) {
            return Result.invalid("an agreement we send needs a timestamp and a permission");
        }
        if (state != REQUESTED && state != ACCEPTED) {
            return illegalAction("agree", message);
        }
        Optional<String> badSignature = signatureProblem("providerSignature", signature);
        if (badSignature.isPresent()) {
            return Result.invalid(badSignature.get());
        }
        OutgoingMessage out = OutgoingMessage.to(
                counterPartyAddress,
                "/negotiations/" + consumerPid + "/agreement",
                new ContractAgreementMessage(providerPid, consumerPid, newAgreement, signature));
        Next next = next();
        next.agreement = newAgreement;
        next.providerSignature = signature;
        return Result.ok(next.move(AGREED, NegotiationEvent.AGREED, Direction.SENT, message, out, now));
    }

    /** Consumer: verifies the agreement. AGREED → VERIFIED. */
    public Result<NegotiationChange> verify(Instant now) {
        return verify(null, now);
    }

    /**
     * Consumer: verifies the agreement and countersigns it ({@code signature}: compact JWS over its canonical form,
     * sent along so the provider holds it; null to send none). AGREED → VERIFIED.
     */
    public Result<NegotiationChange> verify(String signature, Instant now) {
        String message = "ContractAgreementVerificationMessage";
        if (role != NegotiationRole.CONSUMER) {
            return wrongWay(message);
        }
        if (state != AGREED) {
            return illegalAction("verify", message);
        }
        Optional<String> badSignature = signatureProblem("consumerSignature", signature);
        if (badSignature.isPresent()) {
            return Result.invalid(badSignature.get());
        }
        OutgoingMessage out = OutgoingMessage.to(
                counterPartyAddress,
                "/negotiations/" + providerPid + "/agreement/verification",
                new ContractAgreementVerificationMessage(providerPid, consumerPid, signature));
        Next next = next();
        next.consumerSignature = signature;
        return Result.ok(next.move(VERIFIED, NegotiationEvent.VERIFIED, Direction.SENT, message, out, now));
    }

    /** Provider: finalizes. VERIFIED → FINALIZED. */
    public Result<NegotiationChange> finalizeAgreement(Instant now) {
        String message = "ContractNegotiationEventMessage:FINALIZED";
        if (role != NegotiationRole.PROVIDER) {
            return wrongWay(message);
        }
        if (state != VERIFIED) {
            return illegalAction("finalize", message);
        }
        OutgoingMessage out = OutgoingMessage.to(
                counterPartyAddress,
                "/negotiations/" + consumerPid + "/events",
                new ContractNegotiationEventMessage(providerPid, consumerPid, EventType.FINALIZED));
        return Result.ok(next().move(FINALIZED, NegotiationEvent.FINALIZED, Direction.SENT, message, out, now));
    }

    /**
     * Either role: terminates. Any non-final state → TERMINATED. A consumer still INITIAL sends nothing (the provider
     * does not know us); a consumer that does not know the providerPid yet gets CONFLICT (retry after the reply).
     */
    /**
     * Consumer: the provider refused our initial request (a final 4xx), so there is no process on its side to tell:
     * REQUESTED without a providerPid → TERMINATED here, nothing sent. Unlike {@link #terminate}, which must reach
     * the provider and so waits for its pid.
     */
    public Result<NegotiationChange> requestRefused(String reason, Instant now) {
        String message = "ContractRequestMessage";
        if (role != NegotiationRole.CONSUMER || state != REQUESTED || providerPid != null) {
            return Result.conflict("negotiation " + id + " in state " + state + " has no unanswered request");
        }
        Next next = next();
        next.terminationCode = "request-refused";
        next.terminationReason = List.of(reason);
        return Result.ok(next.move(TERMINATED, NegotiationEvent.TERMINATED, Direction.LOCAL, message, null, now));
    }

    public Result<NegotiationChange> terminate(String code, List<String> reason, Instant now) {
        String message = "ContractNegotiationTerminationMessage";
        if (state.isFinal()) {
            return illegalAction("terminate", message);
        }
        OutgoingMessage out = null;
        if (state != INITIAL) {
            if (providerPid == null) {
                return Result.conflict("cannot terminate negotiation " + id + " in state " + state
                        + " before the provider's pid is known");
            }
            String otherPid = role == NegotiationRole.PROVIDER ? consumerPid : providerPid;
            out = OutgoingMessage.to(
                    counterPartyAddress,
                    "/negotiations/" + otherPid + "/termination",
                    new ContractNegotiationTerminationMessage(providerPid, consumerPid, code, reason));
        }
        Next next = next();
        next.terminationCode = code;
        next.terminationReason = reason;
        return Result.ok(next.move(TERMINATED, NegotiationEvent.TERMINATED, Direction.SENT, message, out, now));
    }

    /** Attaches the provider's compact JWS over {@link Agreement#canonicalBytes()}. See {@link #sign}. */
    public Result<NegotiationChange> withProviderSignature(String jws, Instant now) {
        return sign(true, jws, now);
    }

    /** Attaches the consumer's compact JWS over {@link Agreement#canonicalBytes()}. See {@link #sign}. */
    public Result<NegotiationChange> withConsumerSignature(String jws, Instant now) {
        return sign(false, jws, now);
    }

    /**
     * A signature slot is set once: CONFLICT without an agreement or if a different signature is already there,
     * unchanged if the same one is, INVALID if {@code jws} is not a compact JWS. The app verifies the signature.
     */
    /** Why {@code jws} (null: none given) cannot be a signature slot's value, if it cannot. */
    private static Optional<String> signatureProblem(String slot, String jws) {
        if (jws != null
                && (jws.length() > MAX_SIGNATURE_LENGTH
                        || !COMPACT_JWS.matcher(jws).matches())) {
            return Optional.of(slot + " must be a compact JWS of at most " + MAX_SIGNATURE_LENGTH + " characters");
        }
        return Optional.empty();
    }

    private Result<NegotiationChange> sign(boolean provider, String jws, Instant now) {
        String slot = provider ? "providerSignature" : "consumerSignature";
        if (agreement == null) {
            return Result.conflict("negotiation " + id + " in state " + state + " has no agreement to sign");
        }
        if (jws == null) {
            return Result.invalid(slot + " is missing");
        }
        Optional<String> badSignature = signatureProblem(slot, jws);
        if (badSignature.isPresent()) {
            return Result.invalid(badSignature.get());
        }
        String current = provider ? providerSignature : consumerSignature;
        if (current != null) {
            return current.equals(jws)
                    ? Result.ok(NegotiationChange.unchanged(this, slot, now))
                    : Result.conflict("negotiation " + id + " already has a different " + slot);
        }
        Next next = next();
        if (provider) {
            next.providerSignature = jws;
        } else {
            next.consumerSignature = jws;
        }
        return Result.ok(next.stay(NegotiationEvent.SIGNED, slot, now));
    }

    // ---- views ----

    /** The DSP {@code ContractNegotiation} body; CONFLICT while a consumer does not know the providerPid yet. */
    public Result<ContractNegotiationResponse> toResponse() {
        if (providerPid == null) {
            return Result.conflict("negotiation " + id + " in state " + state + " does not know the providerPid yet");
        }
        return Result.ok(new ContractNegotiationResponse(providerPid, consumerPid, state.dspName()));
    }

    /** The counterparty's pid (consumerPid as provider, providerPid as consumer); null while unknown. */
    public String counterPartyPid() {
        return role == NegotiationRole.PROVIDER ? consumerPid : providerPid;
    }

    public NegotiationTransition lastTransition() {
        return transitions.get(transitions.size() - 1);
    }

    /** The same negotiation at another stored version; for repositories only. */
    public ContractNegotiation withVersion(long newVersion) {
        Next next = next();
        next.version = newVersion;
        return next.build();
    }

    // ---- internals ----

    private boolean lastReceived(String message) {
        NegotiationTransition last = lastTransition();
        return last.direction() == Direction.RECEIVED && last.message().equals(message);
    }

    /**
     * A message whose effect is {@code from} → {@code to}, plus what {@code also} records of what it carries; a repeat
     * while in {@code to} is unchanged.
     */
    private Result<NegotiationChange> simple(
            String msgProviderPid,
            String msgConsumerPid,
            String message,
            NegotiationState from,
            NegotiationState to,
            NegotiationEvent event,
            Instant now,
            java.util.function.Consumer<Next> also) {
        Optional<Result<NegotiationChange>> pids = checkPids(msgProviderPid, msgConsumerPid);
        if (pids.isPresent()) {
            return pids.get();
        }
        if (state == to && lastReceived(message)) {
            return Result.ok(NegotiationChange.unchanged(this, message, now));
        }
        if (state != from) {
            return illegal(message);
        }
        Next next = next();
        next.providerPid = msgProviderPid;
        also.accept(next);
        return Result.ok(next.move(to, event, Direction.RECEIVED, message, null, now));
    }

    /**
     * Checks that a received message names this negotiation. A consumer that does not know the providerPid yet takes
     * the message's (the caller stores it).
     */
    private Optional<Result<NegotiationChange>> checkPids(String msgProviderPid, String msgConsumerPid) {
        if (!consumerPid.equals(msgConsumerPid)) {
            return Optional.of(Result.invalid("the message names consumerPid " + msgConsumerPid + " but negotiation "
                    + id + " has " + consumerPid));
        }
        if (providerPid != null && !providerPid.equals(msgProviderPid)) {
            return Optional.of(Result.invalid("the message names providerPid " + msgProviderPid + " but negotiation "
                    + id + " has " + providerPid));
        }
        return Optional.empty();
    }

    private Result<NegotiationChange> illegal(String message) {
        return Result.conflict("cannot accept " + message + " in state " + state + " (negotiation " + id + ", "
                + role.name().toLowerCase(java.util.Locale.ROOT) + " side)");
    }

    private Result<NegotiationChange> illegalAction(String action, String message) {
        return Result.conflict("cannot " + action + " (send " + message + ") in state " + state + " (negotiation " + id
                + ", " + role.name().toLowerCase(java.util.Locale.ROOT) + " side)");
    }

    private Result<NegotiationChange> wrongWay(String message) {
        return Result.invalid("a " + role.name().toLowerCase(java.util.Locale.ROOT) + " does not " + "receive or send "
                + message + " this way (negotiation " + id + ")");
    }

    private Next next() {
        return new Next(this);
    }

    /** A mutable copy used to build the next immutable negotiation. */
    private static final class Next {
        private final ContractNegotiation from;
        String providerPid;
        NegotiationState state;
        Offer offer;
        Agreement agreement;
        String providerSignature;
        String consumerSignature;
        String terminationCode;
        List<String> terminationReason;
        int counterOffers;
        long version;
        Instant updatedAt;
        List<NegotiationTransition> transitions;

        Next(ContractNegotiation from) {
            this.from = from;
            providerPid = from.providerPid;
            state = from.state;
            offer = from.offer;
            agreement = from.agreement;
            providerSignature = from.providerSignature;
            consumerSignature = from.consumerSignature;
            terminationCode = from.terminationCode;
            terminationReason = from.terminationReason;
            counterOffers = from.counterOffers;
            version = from.version;
            updatedAt = from.updatedAt;
            transitions = from.transitions;
        }

        ContractNegotiation build() {
            return new ContractNegotiation(
                    from.id,
                    from.role,
                    providerPid,
                    from.consumerPid,
                    from.counterPartyId,
                    from.counterPartyAddress,
                    state,
                    from.datasetId,
                    offer,
                    agreement,
                    providerSignature,
                    consumerSignature,
                    terminationCode,
                    terminationReason,
                    counterOffers,
                    from.maxCounterOffers,
                    version,
                    from.createdAt,
                    updatedAt,
                    transitions);
        }

        NegotiationChange move(
                NegotiationState to,
                NegotiationEvent event,
                Direction direction,
                String message,
                OutgoingMessage out,
                Instant now) {
            String actor = direction == Direction.RECEIVED ? from.counterPartyId : NegotiationTransition.SELF;
            NegotiationTransition transition =
                    new NegotiationTransition(from.state, to, direction, message, actor, now);
            List<NegotiationTransition> all = new ArrayList<>(transitions);
            all.add(transition);
            transitions = all;
            state = to;
            updatedAt = transition.at();
            return new NegotiationChange(build(), event, from.state, message, out, transition.at());
        }

        NegotiationChange stay(NegotiationEvent event, String message, Instant now) {
            updatedAt = now.truncatedTo(ChronoUnit.MILLIS);
            return new NegotiationChange(build(), event, from.state, message, null, updatedAt);
        }
    }
}
