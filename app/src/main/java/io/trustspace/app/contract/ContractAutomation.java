package io.trustspace.app.contract;

import io.trustspace.app.catalog.Asset;
import io.trustspace.app.catalog.AssetStore;
import io.trustspace.app.catalog.DspCatalogJson;
import io.trustspace.app.contract.TckScript.Step;
import io.trustspace.common.Result;
import io.trustspace.common.jdbc.JdbcTransactions;
import io.trustspace.contract.message.Agreement;
import io.trustspace.contract.message.ContractRequestMessage;
import io.trustspace.contract.message.DataAddress;
import io.trustspace.contract.message.Offer;
import io.trustspace.contract.negotiation.ContractNegotiation;
import io.trustspace.contract.negotiation.NegotiationChange;
import io.trustspace.contract.negotiation.NegotiationRole;
import io.trustspace.contract.negotiation.NegotiationState;
import io.trustspace.contract.transfer.TransferChange;
import io.trustspace.contract.transfer.TransferProcess;
import io.trustspace.contract.transfer.TransferRole;
import io.trustspace.contract.transfer.TransferState;
import io.trustspace.identity.auth.VerifiedCaller;
import io.trustspace.policy.Action;
import io.trustspace.policy.Decision;
import io.trustspace.policy.EvaluationContext;
import io.trustspace.policy.LeftOperand;
import io.trustspace.policy.PolicyCompiler;
import io.trustspace.policy.PolicyParser;
import io.trustspace.policy.Reason;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * This connector's side of negotiations and transfers after each change:
 *
 * <ul>
 *   <li>provider: a request for one of our offers is decided from the contract policy and the consumer's verified
 *       claims (constraints only checkable at use — purpose — are left to usage control); a permitted request is
 *       agreed, a denied one terminated with the failed constraints as reasons, one for a resource classified
 *       重要 (or marked for it) waits for a person; a verification is finalized; a transfer request is started;
 *   <li>consumer: an offer equal to what we asked for is accepted, an agreement verified (and countersigned);
 *   <li>with the TCK profile, {@link TckScript} instead.
 * </ul>
 *
 * Without a step delay or script, a step that waits for nobody runs in the transaction of the message that called for
 * it ({@link #immediate}); its message goes out after our answer to that one. Otherwise steps run on a scheduler
 * after the commit, {@code stepDelay} apart; a step that no longer fits the state (the other side moved first) is
 * dropped. {@link #resume} re-runs the decision for every process waiting on us, so a restart continues where it
 * stopped.
 */
public final class ContractAutomation implements NegotiationAutomation, TransferAutomation, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ContractAutomation.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int MAX_SEEN = 100_000;

    private final Negotiations negotiations;
    private final Transfers transfers;
    private final AssetStore assets;
    private final JdbcTransactions transactions;
    private final AgreementSigner signer;
    private final DataPlane dataPlane;
    private final String self;
    private final Clock clock;
    private final Duration stepDelay;
    private final TckScript script;
    private final SinkPolicy sinks;
    private final ScheduledExecutorService scheduler;
    private final Map<String, Long> seen = Collections.synchronizedMap(new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
            return size() > MAX_SEEN;
        }
    });

    public ContractAutomation(
            Negotiations negotiations,
            Transfers transfers,
            AssetStore assets,
            JdbcTransactions transactions,
            AgreementSigner signer,
            DataPlane dataPlane,
            String self,
            Clock clock,
            Duration stepDelay,
            TckScript script,
            SinkPolicy sinks,
            int threads) {
        this.negotiations = negotiations;
        this.transfers = transfers;
        this.assets = assets;
        this.transactions = transactions;
        this.signer = signer;
        this.dataPlane = dataPlane;
        this.self = self;
        this.clock = clock;
        this.stepDelay = stepDelay;
        this.script = script;
        this.sinks = sinks;
        this.scheduler = Executors.newScheduledThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "contract-automation");
            thread.setDaemon(true);
            return thread;
        });
        negotiations.automate(this);
        transfers.automate(this);
    }

    // ---- provider admission ----

    @Override
    public Admission admit(ContractRequestMessage request, String sender, Optional<VerifiedCaller> caller) {
        Offer offer = request.offer();
        String datasetId = offer.target();
        if (datasetId == null) {
            return Admission.refused("the offer names no target dataset");
        }
        Optional<Asset> asset = assets.find(datasetId).filter(Asset::listed);
        if (asset.isEmpty()) {
            return Admission.refused("dataset " + datasetId + " is not offered here");
        }
        Optional<JsonNode> ours = offerOf(asset.get(), offer.id());
        if (ours.isEmpty()) {
            return Admission.refused("offer " + offer.id() + " is not one of dataset " + datasetId + "'s offers");
        }
        int maxCounterOffers =
                script != null ? script.maxCounterOffers(datasetId) : ContractNegotiation.UNLIMITED_COUNTER_OFFERS;
        ConsumerClaims claims = caller.map(ConsumerClaims::of).orElse(ConsumerClaims.none());
        if (script != null) {
            return new Admission(datasetId, maxCounterOffers, null, Verdict.PERMIT, List.of(), claims);
        }
        if (!sameRules(ours.get(), offer.policy())) {
            return new Admission(
                    datasetId,
                    maxCounterOffers,
                    null,
                    Verdict.DENY,
                    List.of("the requested terms differ from offer " + offer.id()),
                    claims);
        }
        Result<List<String>> failed = negotiationTimeFailures(ours.get(), claims);
        if (failed instanceof Result.Failure<List<String>> invalid) {
            return new Admission(datasetId, maxCounterOffers, null, Verdict.DENY, List.of(invalid.reason()), claims);
        }
        if (!failed.orElseThrow().isEmpty()) {
            return new Admission(datasetId, maxCounterOffers, null, Verdict.DENY, failed.orElseThrow(), claims);
        }
        boolean sensitive = asset.get().metadata().classification() != null
                && asset.get().metadata().classification().level()
                        != io.trustspace.catalog.resource.ClassificationLevel.GENERAL;
        return new Admission(
                datasetId, maxCounterOffers, null, sensitive ? Verdict.MANUAL : Verdict.PERMIT, List.of(), claims);
    }

    @Override
    public void decided(ContractNegotiation negotiation, Admission admission) {
        transactions.withConnection(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO negotiation_decision"
                    + " (negotiation_id, verdict, reasons, claims) VALUES (?, ?, ?::jsonb, ?::jsonb)"
                    + " ON CONFLICT DO NOTHING")) {
                insert.setString(1, negotiation.id());
                insert.setString(2, admission.verdict().name());
                insert.setString(3, JSON.writeValueAsString(admission.reasons()));
                insert.setString(4, admission.claims().toJson().toString());
                return insert.executeUpdate();
            }
        });
    }

    /** A person's decision on a request waiting for one (manual approval mode). */
    public Result<ContractNegotiation> approve(String negotiationId, boolean approved, String reason) {
        Optional<ContractNegotiation> negotiation = negotiations.find(negotiationId);
        if (negotiation.isEmpty()) {
            return Result.notFound("no negotiation " + negotiationId);
        }
        if (negotiation.get().role() != NegotiationRole.PROVIDER
                || negotiation.get().state() != NegotiationState.REQUESTED) {
            return Result.conflict("negotiation " + negotiationId + " is not a request waiting for a decision");
        }
        return approved ? agree(negotiationId) : terminate(negotiationId, reason);
    }

    // ---- what next ----

    @Override
    public void next(ContractNegotiation n) {
        if (n.state().isFinal() || !firstTime(n.id(), n.version())) {
            return;
        }
        List<Step> steps = script != null ? script.steps(n) : defaults(n);
        run(steps, 0, step -> negotiationStep(n.id(), step));
    }

    @Override
    public void next(TransferProcess t) {
        if (t.state().isFinal() || !firstTime(t.id(), t.version())) {
            return;
        }
        List<Step> steps = script != null ? script.steps(t) : defaults(t);
        run(steps, 0, step -> transferStep(t.id(), step));
    }

    private volatile PushDelivery push;

    /** Push transfers are delivered by {@code delivery} once started. */
    public void pushWith(PushDelivery delivery) {
        this.push = delivery;
    }

    @Override
    public Optional<String> refusedSink(DataAddress sink) {
        return sinks.refused(sink.endpoint());
    }

    /** After a restart: decide again for everything that waits on this side. */
    public void resume() {
        for (NegotiationState state : List.of(
                NegotiationState.REQUESTED,
                NegotiationState.OFFERED,
                NegotiationState.ACCEPTED,
                NegotiationState.AGREED,
                NegotiationState.VERIFIED)) {
            negotiations.inState(state, 10_000).forEach(this::next);
        }
        for (TransferState state : List.of(TransferState.REQUESTED, TransferState.STARTED)) {
            transfers.inState(state, 10_000).forEach(this::next);
        }
    }

    @Override
    public List<Function<ContractNegotiation, Result<NegotiationChange>>> immediate(
            ContractNegotiation n, Admission admission) {
        if (script != null || !stepDelay.isZero() || n.state().isFinal()) {
            return List.of();
        }
        List<Step> steps = admission != null ? verdictSteps(admission.verdict()) : defaults(n);
        List<String> denial = admission != null ? admission.reasons() : null;
        return steps.stream().flatMap(step -> actions(step, denial).stream()).toList();
    }

    private List<Step> defaults(ContractNegotiation n) {
        boolean provider = n.role() == NegotiationRole.PROVIDER;
        return switch (n.state()) {
            case REQUESTED -> provider ? verdictSteps(n) : List.of();
            case ACCEPTED -> provider ? List.of(Step.AGREE) : List.of();
            case VERIFIED -> provider ? List.of(Step.FINALIZE) : List.of();
            case OFFERED -> provider ? List.of() : List.of(Step.ACCEPT);
            case AGREED -> provider ? List.of() : List.of(Step.VERIFY);
            default -> List.of();
        };
    }

    private List<Step> defaults(TransferProcess t) {
        if (t.role() == TransferRole.PROVIDER && t.state() == TransferState.REQUESTED) {
            return List.of(Step.START);
        }
        // A started push is delivered (again after a restart: at least once; the destination sees a repeat).
        if (t.role() == TransferRole.PROVIDER
                && t.state() == TransferState.STARTED
                && t.format().endsWith("-PUSH")) {
            return List.of(Step.PUSH);
        }
        return List.of();
    }

    private List<Step> verdictSteps(ContractNegotiation n) {
        return decision(n.id()).map(d -> verdictSteps(Verdict.valueOf(d[0]))).orElse(List.of());
    }

    private static List<Step> verdictSteps(Verdict verdict) {
        return switch (verdict) {
            case PERMIT -> List.of(Step.AGREE);
            case DENY -> List.of(Step.TERMINATE);
            case MANUAL -> List.of();
        };
    }

    private void run(List<Step> steps, int index, Function<Step, Result<?>> action) {
        if (index >= steps.size()) {
            return;
        }
        scheduler.schedule(
                () -> {
                    try {
                        Result<?> done = action.apply(steps.get(index));
                        if (done instanceof Result.Failure<?> failure) {
                            log.debug("step {} dropped: {}", steps.get(index), failure.reason());
                            return;
                        }
                        run(steps, index + 1, action);
                    } catch (RuntimeException e) {
                        log.warn("step {} failed: {}", steps.get(index), e.toString());
                    }
                },
                stepDelay.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    private Result<?> negotiationStep(String id, Step step) {
        return negotiations.act(id, actions(step, null));
    }

    /**
     * What a step does to a negotiation, as one or more changes that go in one transaction: agreeing includes the
     * provider's signature and verifying the consumer's, each sent along to the other side. {@code denial}: the
     * reasons for a termination, when known (null: the recorded decision's).
     */
    private List<Function<ContractNegotiation, Result<NegotiationChange>>> actions(Step step, List<String> denial) {
        return switch (step) {
            case OFFER -> List.of(n -> n.offer(n.offer().with(n.datasetId(), self, null), clock.instant()));
            case AGREE ->
                List.of(n -> {
                    Agreement agreement = Agreement.of(
                            "urn:uuid:" + UUID.randomUUID(),
                            n.offer(),
                            n.datasetId(),
                            self,
                            n.counterPartyId(),
                            clock.instant());
                    return n.agree(agreement, signer.sign(agreement), clock.instant());
                });
            case FINALIZE -> List.of(n -> n.finalizeAgreement(clock.instant()));
            case ACCEPT -> List.of(n -> n.accept(clock.instant()));
            case VERIFY -> List.of(n -> n.verify(signer.sign(n.agreement()), clock.instant()));
            case COUNTER_OFFER -> List.of(n -> n.counterOffer(n.offer(), clock.instant()));
            case TERMINATE ->
                List.of(n -> n.terminate(
                        "terminated",
                        denial != null && !denial.isEmpty() ? denial : terminationReasons(n.id(), null),
                        clock.instant()));
            default -> List.of(n -> Result.invalid("not a negotiation step: " + step));
        };
    }

    private Result<ContractNegotiation> agree(String id) {
        return negotiations.act(id, actions(Step.AGREE, null));
    }

    private Result<ContractNegotiation> terminate(String id, String reason) {
        List<String> reasons = terminationReasons(id, reason);
        return negotiations.act(id, n -> n.terminate("terminated", reasons, clock.instant()));
    }

    private List<String> terminationReasons(String id, String reason) {
        List<String> reasons = new ArrayList<>();
        if (reason != null) {
            reasons.add(reason);
        } else {
            decision(id).ifPresent(d -> reasons.addAll(List.of(d).subList(1, d.length)));
        }
        if (reasons.isEmpty()) {
            reasons.add("terminated by the provider");
        }
        return reasons;
    }

    @Override
    public List<Function<TransferProcess, Result<TransferChange>>> immediate(TransferProcess t) {
        if (script != null || !stepDelay.isZero() || t.state().isFinal()) {
            return List.of();
        }
        return defaults(t).stream()
                .filter(step -> step != Step.PUSH)
                .map(this::action)
                .toList();
    }

    private Result<?> transferStep(String id, Step step) {
        if (step == Step.PUSH) {
            PushDelivery delivery = push;
            return delivery == null ? Result.unavailable("no push delivery configured") : delivery.deliver(id);
        }
        return transfers.act(id, action(step));
    }

    private Function<TransferProcess, Result<TransferChange>> action(Step step) {
        return switch (step) {
            case START -> t -> t.start(t.format().endsWith("-PULL") ? dataPlane.pullAddress(t) : null, clock.instant());
            case SUSPEND -> t -> t.suspend("suspended", List.of(), clock.instant());
            case COMPLETE -> t -> t.complete(clock.instant());
            case TERMINATE -> t -> t.terminate("terminated", List.of(), clock.instant());
            default -> t -> Result.invalid("not a transfer step: " + step);
        };
    }

    private boolean firstTime(String id, long version) {
        Long before = seen.put(id, version);
        return before == null || before != version;
    }

    private Optional<String[]> decision(String negotiationId) {
        return transactions.withConnection(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT verdict, reasons::text FROM negotiation_decision WHERE negotiation_id = ?")) {
                select.setString(1, negotiationId);
                try (ResultSet row = select.executeQuery()) {
                    if (!row.next()) {
                        return Optional.<String[]>empty();
                    }
                    List<String> parts = new ArrayList<>();
                    parts.add(row.getString(1));
                    JSON.readTree(row.getString(2)).forEach(reason -> parts.add(reason.asString()));
                    return Optional.of(parts.toArray(String[]::new));
                }
            }
        });
    }

    private static Optional<JsonNode> offerOf(Asset asset, String offerId) {
        int i = 0;
        for (JsonNode offer : asset.offers()) {
            String id = offer.path("@id").asString(DspCatalogJson.offerId(asset.localId(), i));
            if (id.equals(offerId)) {
                return Optional.of(offer);
            }
            i++;
        }
        return Optional.empty();
    }

    /** The rules (permission, prohibition, obligation) of two policies are the same JSON (RFC 8785). */
    static boolean sameRules(JsonNode ours, JsonNode requested) {
        for (String rule : List.of("permission", "prohibition", "obligation")) {
            if (!java.util.Arrays.equals(canonical(ours.get(rule)), canonical(requested.get(rule)))) {
                return false;
            }
        }
        return true;
    }

    private static byte[] canonical(JsonNode rules) {
        if (rules == null || rules.isNull() || (rules.isArray() && rules.isEmpty())) {
            return new byte[0];
        }
        JsonNode list = rules.isArray() ? rules : JSON.createArrayNode().add(rules);
        return io.trustspace.common.json.CanonicalJson.canonicalize(list).fold(bytes -> bytes, f -> new byte[] {1});
    }

    /**
     * The constraints that fail for this consumer at negotiation time. Purpose is declared with each use, so a
     * purpose constraint is left to usage control; everything else (recipient, region, time) is decided now.
     */
    static Result<List<String>> negotiationTimeFailures(JsonNode offer, ConsumerClaims claims) {
        ObjectNode policy = ((ObjectNode) offer).deepCopy();
        if (!policy.has("@type")) {
            policy.put("@type", "Offer");
        }
        return PolicyParser.parse(policy).map(parsed -> {
            java.time.Instant now = java.time.Instant.now();
            EvaluationContext.Builder context = claims.applyTo(EvaluationContext.builder(Action.USE, now)
                    .agreementStart(now)
                    .priorUses(0));
            Decision decision = PolicyCompiler.compile(parsed).decide(context.build());
            if (decision instanceof Decision.Deny deny) {
                List<String> failures = new ArrayList<>();
                deny.reasons().forEach(reason -> collect(reason, failures));
                return failures;
            }
            return List.of();
        });
    }

    private static void collect(Reason reason, List<String> failures) {
        if (reason instanceof Reason.ConstraintFailed failed) {
            if (failed.leftOperand() != LeftOperand.PURPOSE) {
                failures.add(failed.message());
            }
        } else if (reason instanceof Reason.LogicalFailed logical) {
            List<String> inner = new ArrayList<>();
            logical.failures().forEach(r -> collect(r, inner));
            if (!inner.isEmpty()) {
                failures.add(logical.message());
                failures.addAll(inner);
            }
        } else {
            failures.add(reason.message());
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
