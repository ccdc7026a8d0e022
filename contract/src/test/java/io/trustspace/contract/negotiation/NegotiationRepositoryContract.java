package io.trustspace.contract.negotiation;

import static io.trustspace.contract.negotiation.NegotiationFixtures.AGREEMENT;
import static io.trustspace.contract.negotiation.NegotiationFixtures.CONSUMER;
import static io.trustspace.contract.negotiation.NegotiationFixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import io.trustspace.common.Result;
import io.trustspace.contract.message.ContractAgreementVerificationMessage;
import io.trustspace.contract.message.ContractNegotiationResponse;
import io.trustspace.contract.message.ContractRequestMessage;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link NegotiationRepository} must have; extend it once per implementation (exported in the
 * test-jar for the JDBC adapter).
 */
public abstract class NegotiationRepositoryContract {

    private NegotiationRepository repository;

    protected abstract NegotiationRepository newRepository();

    @BeforeEach
    public void create() {
        repository = newRepository();
    }

    private static Result.Kind kind(Result<?> result) {
        assertThat(result.isOk()).as("expected a failure: %s", result).isFalse();
        return ((Result.Failure<?>) result).kind();
    }

    private ContractNegotiation saved(ContractNegotiation negotiation) {
        return repository.save(negotiation).orElseThrow();
    }

    @Test
    public void insert_thenUpdate_countsVersions_andKeepsEveryField() {
        ContractNegotiation inserted = saved(NegotiationFixtures.provider("p-1", NegotiationState.REQUESTED));
        assertThat(inserted.version()).isEqualTo(1);
        ContractNegotiation agreed = saved(
                inserted.agree(AGREEMENT, NOW.plusSeconds(1)).orElseThrow().negotiation());
        assertThat(agreed.version()).isEqualTo(2);
        ContractNegotiation signed =
                saved(agreed.withProviderSignature("eyJhbGciOiJFUzI1NiJ9..c2ln", NOW.plusSeconds(2))
                        .orElseThrow()
                        .negotiation());
        ContractNegotiation loaded = repository.findById("p-1").orElseThrow();
        assertThat(loaded).isEqualTo(signed);
        assertThat(loaded.agreement()).isEqualTo(AGREEMENT);
        assertThat(loaded.agreement().policy()).isEqualTo(AGREEMENT.policy());
        assertThat(loaded.offer()).isEqualTo(NegotiationFixtures.REQUESTED_OFFER);
        assertThat(loaded.providerSignature()).isEqualTo("eyJhbGciOiJFUzI1NiJ9..c2ln");
        assertThat(loaded.transitions()).isEqualTo(signed.transitions());
        assertThat(loaded.maxCounterOffers()).isEqualTo(ContractNegotiation.UNLIMITED_COUNTER_OFFERS);
    }

    @Test
    public void keepsTerminationAndCounterOffers() {
        ContractNegotiation countered = NegotiationFixtures.providerCountered("p-1", 3);
        ContractNegotiation terminated = countered
                .terminate("code-1", List.of("first", "second"), NOW)
                .orElseThrow()
                .negotiation();
        ContractNegotiation loaded = saved(terminated);
        assertThat(repository.findById("p-1")).contains(loaded);
        assertThat(loaded.terminationCode()).isEqualTo("code-1");
        assertThat(loaded.terminationReason()).containsExactly("first", "second");
        assertThat(loaded.counterOffers()).isEqualTo(1);
        assertThat(loaded.maxCounterOffers()).isEqualTo(3);
    }

    @Test
    public void keepsAConsumerWithoutProviderPid() {
        ContractNegotiation initial = saved(NegotiationFixtures.consumer("c-1", NegotiationState.INITIAL));
        assertThat(repository.findById("c-1")).contains(initial);
        assertThat(initial.providerPid()).isNull();
        ContractNegotiation learned =
                saved(initial.onRequestReply(new ContractNegotiationResponse("prov-1", "c-1", "REQUESTED"), NOW)
                        .orElseThrow()
                        .negotiation());
        assertThat(repository.findByProviderPid("prov-1")).containsExactly(learned);
    }

    @Test
    public void insert_refusesATakenId() {
        ContractNegotiation negotiation = NegotiationFixtures.provider("p-1", NegotiationState.REQUESTED);
        saved(negotiation);
        assertThat(kind(repository.save(negotiation))).isEqualTo(Result.Kind.CONFLICT);
    }

    @Test
    public void update_refusesAStaleVersion_andAnUnknownNegotiation() {
        ContractNegotiation stored = saved(NegotiationFixtures.provider("p-1", NegotiationState.AGREED));
        ContractNegotiation verified = stored.onVerification(
                        new ContractAgreementVerificationMessage("p-1", "consumer-p-1"), NOW)
                .orElseThrow()
                .negotiation();
        ContractNegotiation terminated =
                stored.terminate("x", List.of(), NOW).orElseThrow().negotiation();
        assertThat(repository.save(verified).isOk()).isTrue();
        assertThat(kind(repository.save(terminated))).isEqualTo(Result.Kind.CONFLICT);
        assertThat(repository.findById("p-1").orElseThrow().state()).isEqualTo(NegotiationState.VERIFIED);
        assertThat(kind(repository.save(NegotiationFixtures.provider("p-2", NegotiationState.REQUESTED)
                        .withVersion(3))))
                .isEqualTo(Result.Kind.NOT_FOUND);
    }

    @Test
    public void concurrentSavesOfOneVersion_exactlyOneWins() throws Exception {
        ContractNegotiation stored = saved(NegotiationFixtures.provider("p-1", NegotiationState.REQUESTED));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Callable<Result<ContractNegotiation>>> saves = List.of(
                    () -> repository.save(
                            stored.terminate("a", List.of(), NOW).orElseThrow().negotiation()),
                    () -> repository.save(stored.offer(NegotiationFixtures.PROVIDER_OFFER, NOW)
                            .orElseThrow()
                            .negotiation()));
            long wins = 0;
            for (Future<Result<ContractNegotiation>> future : pool.invokeAll(saves)) {
                wins += future.get().isOk() ? 1 : 0;
            }
            assertThat(wins).isEqualTo(1);
            assertThat(repository.findById("p-1").orElseThrow().version()).isEqualTo(2);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    public void aSecondNegotiationForTheSameCounterpartyPid_isAConflict() {
        ContractRequestMessage request = NegotiationFixtures.initialRequest("their-pid");
        saved(ContractNegotiation.requested("p-1", request, CONSUMER, null, 1, NOW)
                .orElseThrow()
                .negotiation());
        ContractNegotiation retry = ContractNegotiation.requested("p-2", request, CONSUMER, null, 1, NOW)
                .orElseThrow()
                .negotiation();
        assertThat(kind(repository.save(retry))).isEqualTo(Result.Kind.CONFLICT);
        ContractNegotiation otherCounterparty = ContractNegotiation.requested(
                        "p-3", request, "did:web:other.example", null, 1, NOW)
                .orElseThrow()
                .negotiation();
        assertThat(repository.save(otherCounterparty).isOk()).isTrue();
    }

    @Test
    public void findByPids_findBothRoles() {
        ContractNegotiation provider = saved(NegotiationFixtures.provider("p-1", NegotiationState.REQUESTED));
        ContractNegotiation consumer = saved(NegotiationFixtures.consumer("c-1", NegotiationState.REQUESTED));
        assertThat(repository.findByConsumerPid("consumer-p-1")).containsExactly(provider);
        assertThat(repository.findByProviderPid("p-1")).containsExactly(provider);
        assertThat(repository.findByConsumerPid("c-1")).containsExactly(consumer);
        assertThat(repository.findByProviderPid("provider-c-1")).containsExactly(consumer);
        assertThat(repository.findByProviderPid("nobody")).isEmpty();
        assertThat(repository.findById("nobody")).isEmpty();
    }

    @Test
    public void findByState_leastRecentlyUpdatedFirst_upToLimit() {
        ContractNegotiation first = saved(
                ContractNegotiation.requested("p-b", NegotiationFixtures.initialRequest("x-1"), CONSUMER, null, 1, NOW)
                        .orElseThrow()
                        .negotiation());
        ContractNegotiation second = saved(ContractNegotiation.requested(
                        "p-a", NegotiationFixtures.initialRequest("x-2"), CONSUMER, null, 1, NOW.plusSeconds(1))
                .orElseThrow()
                .negotiation());
        saved(ContractNegotiation.requested(
                        "p-c", NegotiationFixtures.initialRequest("x-3"), CONSUMER, null, 1, NOW.plusSeconds(2))
                .orElseThrow()
                .negotiation());
        assertThat(repository.findByState(NegotiationState.REQUESTED, 2))
                .extracting(ContractNegotiation::id)
                .containsExactly(first.id(), second.id());
        assertThat(repository.findByState(NegotiationState.AGREED, 10)).isEmpty();
        assertThat(repository.findByState(NegotiationState.REQUESTED, 0)).isEmpty();
    }
}
