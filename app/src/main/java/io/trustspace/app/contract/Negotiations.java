package io.trustspace.app.contract;

import io.trustspace.common.Result;
import io.trustspace.common.jdbc.JdbcTransactions;
import io.trustspace.contract.message.ContractNegotiationResponse;
import io.trustspace.contract.message.ContractRequestMessage;
import io.trustspace.contract.message.DspCodec;
import io.trustspace.contract.message.DspMessage;
import io.trustspace.contract.message.Offer;
import io.trustspace.contract.message.OutgoingMessage;
import io.trustspace.contract.negotiation.ContractNegotiation;
import io.trustspace.contract.negotiation.NegotiationChange;
import io.trustspace.contract.negotiation.NegotiationRepository;
import io.trustspace.contract.negotiation.NegotiationRole;
import io.trustspace.contract.negotiation.NegotiationState;
import io.trustspace.identity.auth.VerifiedCaller;
import io.trustspace.ledger.outbox.EvidenceRecorder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * Contract negotiations on this connector, both roles (履约: 合同协商). Every change — a received message, an action
 * of ours — is one transaction: the aggregate saved under its optimistic lock, the message it causes put in the
 * {@link DspOutbox}, and one evidence record for all steps the transaction took ({@link ProcessSteps}); the
 * dispatcher sends the message after the commit. What happens next is
 * the {@link NegotiationAutomation}'s decision, taken after the commit and again after a restart for every process
 * that is waiting on us, so a crash at any point continues where it stopped.
 */
public final class Negotiations {

    private final NegotiationRepository repository;
    private final JdbcTransactions transactions;
    private final EvidenceRecorder evidence;
    private final DspDispatcher dispatcher;
    private final ProcessWatch watch;
    private final Agreements agreements;
    private final AgreementSigner signatures;
    private final Clock clock;
    private final Duration gap;
    private volatile NegotiationAutomation automation;

    public Negotiations(
            NegotiationRepository repository,
            JdbcTransactions transactions,
            EvidenceRecorder evidence,
            DspDispatcher dispatcher,
            ProcessWatch watch,
            Agreements agreements,
            AgreementSigner signatures,
            Clock clock,
            Duration gap) {
        this.repository = repository;
        this.transactions = transactions;
        this.evidence = evidence;
        this.dispatcher = dispatcher;
        this.watch = watch;
        this.agreements = agreements;
        this.signatures = signatures;
        this.clock = clock;
        this.gap = gap;
    }

    public void automate(NegotiationAutomation newAutomation) {
        this.automation = newAutomation;
    }

    /** Provider: an initial ContractRequestMessage; a retry of one we already have is answered unchanged. */
    public Result<ContractNegotiation> requested(
            ContractRequestMessage request, String sender, Optional<VerifiedCaller> claims) {
        Result<Received<ContractNegotiation>> result = inTransaction(apply -> {
            Optional<ContractNegotiation> existing = repository.findByConsumerPid(request.consumerPid()).stream()
                    .filter(n -> n.role() == NegotiationRole.PROVIDER
                            && n.counterPartyId().equals(sender))
                    .findFirst();
            if (existing.isPresent()) {
                return existing.get()
                        .receive(request, sender, clock.instant())
                        .flatMap(apply)
                        .map(received -> proceed(received, null, apply));
            }
            NegotiationAutomation.Admission admission = automation.admit(request, sender, claims);
            if (admission.refusal() != null) {
                return Result.<Received<ContractNegotiation>>invalid(admission.refusal());
            }
            return ContractNegotiation.requested(
                            UUID.randomUUID().toString(),
                            request,
                            sender,
                            admission.datasetId(),
                            admission.maxCounterOffers(),
                            clock.instant())
                    .flatMap(apply)
                    .map(received -> {
                        automation.decided(received, admission);
                        return proceed(received, admission, apply);
                    });
        });
        return reply(result);
    }

    /**
     * Either role: a message for our process {@code pid}. NOT_FOUND only when there is no such process. The answer
     * is the negotiation as the message left it; steps this side takes at once follow in the same transaction.
     */
    public Result<ContractNegotiation> receive(String pid, DspMessage message, String sender) {
        // A counter-signature is checked before the transaction: resolving the counterparty's key may go over the
        // network, which must not happen while the process row is locked. What it is checked against (counterparty,
        // agreement) does not change once set.
        Optional<String> refused = signatures.refusal(message, () -> repository.findById(pid));
        if (refused.isPresent()) {
            return Result.invalid(refused.get());
        }
        Result<Received<ContractNegotiation>> result = inTransaction(apply -> repository
                .lockById(pid)
                .<Result<Received<ContractNegotiation>>>map(n -> n.receive(message, sender, clock.instant())
                        .flatMap(apply)
                        .map(received -> proceed(received, null, apply)))
                .orElseGet(() -> Result.notFound("no negotiation " + pid)));
        return reply(result);
    }

    /** One of our own actions on process {@code id} (accept, agree, verify, terminate, …). */
    public Result<ContractNegotiation> act(String id, Function<ContractNegotiation, Result<NegotiationChange>> action) {
        return act(id, List.of(action));
    }

    /**
     * Several of our own actions on process {@code id}, in order, in one transaction. Fails when the first does;
     * a later one that does not fit any more (the other side moved meanwhile) ends the run with what was done.
     */
    public Result<ContractNegotiation> act(
            String id, List<Function<ContractNegotiation, Result<NegotiationChange>>> actions) {
        Result<ContractNegotiation> result = inTransaction(apply -> repository
                .lockById(id)
                .<Result<ContractNegotiation>>map(n -> actions.get(0)
                        .apply(n)
                        .flatMap(apply)
                        .map(first -> Received.steps(first, actions.subList(1, actions.size()), apply)))
                .orElseGet(() -> Result.notFound("no negotiation " + id)));
        afterwards(result);
        return result;
    }

    /** Consumer: starts a negotiation for {@code offer} with the provider at {@code address} and sends the request. */
    public Result<ContractNegotiation> initiate(
            String providerId, String address, String datasetId, Offer offer, String callbackAddress) {
        Instant now = clock.instant();
        NegotiationChange created;
        try {
            created = ContractNegotiation.initiate(
                    UUID.randomUUID().toString(), providerId, address, datasetId, offer, now);
        } catch (IllegalArgumentException e) {
            return Result.invalid(e.getMessage()); // an id with control characters, too long, ...
        }
        Result<ContractNegotiation> result = inTransaction(apply -> apply.apply(created)
                .flatMap(saved -> saved.request(callbackAddress, now).flatMap(apply)));
        afterwards(result);
        return result;
    }

    public Optional<ContractNegotiation> find(String id) {
        return repository.findById(id);
    }

    public List<ContractNegotiation> inState(NegotiationState state, int limit) {
        return repository.findByState(state, limit);
    }

    /** The reply to our initial request carries the provider's pid. */
    public void replied(String processId, ContractNegotiationResponse reply) {
        act(
                processId,
                n -> n.providerPid() != null && n.providerPid().equals(reply.providerPid())
                        ? Result.ok(unchanged(n))
                        : n.onRequestReply(reply, clock.instant()));
    }

    /**
     * A message could not be delivered: the process ends here, and the other side is told if it can be reached. A
     * refused initial request leaves no process on the provider's side, so there is nobody to tell.
     */
    public void undeliverable(String processId, String messageType, String reason) {
        String why = truncate(reason);
        act(processId, n -> {
            if (n.state().isFinal()) {
                return Result.ok(unchanged(n));
            }
            if (n.role() == NegotiationRole.CONSUMER && n.providerPid() == null) {
                return n.requestRefused(why, clock.instant());
            }
            return n.terminate("delivery-failed", List.of(why), clock.instant())
                    .map(change -> messageType.equals("ContractNegotiationTerminationMessage")
                            ? withoutMessage(change)
                            : change);
        });
    }

    private Received<ContractNegotiation> proceed(
            ContractNegotiation received,
            NegotiationAutomation.Admission admission,
            Function<NegotiationChange, Result<ContractNegotiation>> apply) {
        NegotiationAutomation current = automation;
        return new Received<>(
                received,
                current == null ? received : Received.steps(received, current.immediate(received, admission), apply));
    }

    private Result<ContractNegotiation> reply(Result<Received<ContractNegotiation>> result) {
        afterwards(result.map(Received::latest));
        return result.map(Received::process);
    }

    /**
     * Runs {@code work} in one transaction, handing it the way to apply a change there: save the aggregate, put the
     * message it causes in the outbox, and evidence it together with the transaction's other steps.
     */
    private <T> T inTransaction(Function<Function<NegotiationChange, Result<ContractNegotiation>>, T> work) {
        return ProcessSteps.inTransaction(transactions, evidence, steps -> work.apply(change -> apply(change, steps)));
    }

    private Result<ContractNegotiation> apply(NegotiationChange change, ProcessSteps steps) {
        if (change.isUnchanged()) {
            return Result.ok(change.negotiation());
        }
        return repository.save(change.negotiation()).map(saved -> {
            steps.add(change);
            change.outgoingMessage().ifPresent(outgoing -> enqueue(saved, outgoing));
            if (saved.state() == NegotiationState.FINALIZED && saved.agreement() != null) {
                agreements.concluded(saved);
            }
            return saved;
        });
    }

    private void enqueue(ContractNegotiation negotiation, OutgoingMessage outgoing) {
        Instant at = clock.instant().plus(gap);
        dispatcher.enqueue(
                negotiation.id(),
                outgoing.target(),
                negotiation.counterPartyId(),
                outgoing.message().type(),
                DspCodec.write(outgoing.message()),
                gap.isZero() ? clock.instant() : at);
    }

    private void afterwards(Result<ContractNegotiation> result) {
        if (result instanceof Result.Ok<ContractNegotiation> ok) {
            watch.changed(ok.value().id(), ok.value().state().name());
            NegotiationAutomation current = automation;
            if (current != null) {
                current.next(ok.value());
            }
        }
    }

    private static NegotiationChange unchanged(ContractNegotiation n) {
        return new NegotiationChange(
                n,
                io.trustspace.contract.negotiation.NegotiationEvent.UNCHANGED,
                n.state(),
                "none",
                null,
                n.updatedAt());
    }

    private static NegotiationChange withoutMessage(NegotiationChange change) {
        return new NegotiationChange(
                change.negotiation(), change.event(), change.from(), change.message(), null, change.at());
    }

    private static String truncate(String reason) {
        return reason.length() > 500 ? reason.substring(0, 500) : reason;
    }
}
