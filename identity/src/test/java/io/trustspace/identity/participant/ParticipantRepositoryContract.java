package io.trustspace.identity.participant;

import static org.assertj.core.api.Assertions.assertThat;

import io.trustspace.common.Result;
import io.trustspace.common.json.CanonicalJson;
import io.trustspace.crypto.SuiteId;
import io.trustspace.identity.registration.Contact;
import io.trustspace.identity.registration.IdNumberHasher;
import io.trustspace.identity.registration.RegistrationDetails;
import io.trustspace.identity.registration.RegistrationRequest;
import io.trustspace.identity.registration.RegistrationValidator;
import io.trustspace.identity.registration.TestCodes;
import io.trustspace.identity.registration.Validation;
import io.trustspace.identity.verification.AssuranceLevel;
import io.trustspace.identity.verification.VerificationMethod;
import io.trustspace.identity.verification.VerificationResult;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link ParticipantRepository} must have. Extend it once per implementation and return a
 * repository from {@link #newRepository()}. Each test registers participants with fresh ids, codes and ID numbers,
 * so a repository backed by a shared database need not be emptied between tests. Test methods are public so that
 * subclasses in other packages (app, against PostgreSQL) inherit them.
 */
public abstract class ParticipantRepositoryContract {

    private static final Instant NOW = Instant.parse("2026-03-01T08:00:00.123Z");
    private static final RegistrationValidator VALIDATOR = new RegistrationValidator(
            new IdNumberHasher(SuiteId.INTL, "contract-test-secret-of-32-bytes!".getBytes(StandardCharsets.US_ASCII)),
            Clock.fixed(NOW, ZoneOffset.UTC));

    private final Random random = new Random();

    /** The repository under test. Called once per test. */
    protected abstract ParticipantRepository newRepository();

    private RegistrationDetails organisation(String uscc) {
        return details(new RegistrationRequest.Organisation(
                "测试数据科技有限公司", uscc, "张伟", new Contact("王芳", "13800138000", "wangfang@example.cn"), "I6510", "110105"));
    }

    private RegistrationDetails individual(String idNumber) {
        return details(new RegistrationRequest.Individual("李娜", idNumber, new Contact(null, "13912345678", null)));
    }

    private RegistrationDetails serviceProvider(String uscc) {
        RegistrationRequest.Organisation org = new RegistrationRequest.Organisation(
                "测试数据托管有限公司", uscc, "赵敏", new Contact("钱进", null, "ops@custody.example.cn"), "L72", "510100");
        return details(new RegistrationRequest.ServiceProvider(
                org, "CUSTODY", List.of("对象存储托管", "密钥托管"), List.of("https://custody.example.cn/api")));
    }

    private static RegistrationDetails details(RegistrationRequest request) {
        Validation validation = VALIDATOR.validate(request);
        assertThat(validation).isInstanceOf(Validation.Valid.class);
        return ((Validation.Valid) validation).details();
    }

    private String uscc() {
        return TestCodes.randomUscc(random);
    }

    private static ParticipantId newId() {
        return ParticipantId.of(UUID.randomUUID());
    }

    private static Participant registered(RegistrationDetails details, Instant at) {
        return Participant.register(newId(), details, at).participant();
    }

    private static Participant verified(Participant participant, Instant at) {
        List<VerificationResult> results = List.of(
                VerificationResult.verified(VerificationMethod.FORMAT, AssuranceLevel.LOW, "GB 32100 checks pass", at),
                VerificationResult.unavailable(VerificationMethod.MARKET_REGULATION, "HTTP 503", at));
        return participant.recordVerification(results, at).orElseThrow().participant();
    }

    private static <T> T ok(Result<T> result) {
        return result.orElseThrow();
    }

    private static Result.Kind failure(Result<?> result) {
        assertThat(result.isOk()).as("expected a failure").isFalse();
        return ((Result.Failure<?>) result).kind();
    }

    @Test
    public void insert_storesVersionOne_andReadsBackEqual() {
        ParticipantRepository repository = newRepository();
        for (RegistrationDetails details :
                List.of(organisation(uscc()), individual(TestCodes.randomIdNumber(random)), serviceProvider(uscc()))) {
            Participant participant = registered(details, NOW);

            Participant saved = ok(repository.save(participant));

            assertThat(saved.version()).isEqualTo(1);
            assertThat(saved).isEqualTo(participant.withVersion(1));
            assertThat(repository.findById(participant.id())).contains(saved);
        }
    }

    @Test
    public void unknownParticipants_areNotFound() {
        ParticipantRepository repository = newRepository();

        assertThat(repository.findById(newId())).isEmpty();
        assertThat(repository.findByUscc(io.trustspace.identity.registration.UnifiedSocialCreditCode.parse(uscc())
                        .orElseThrow()))
                .isEmpty();
        assertThat(repository.findByIdHash("hmac-sha256:" + "0".repeat(64))).isEmpty();
    }

    @Test
    public void participants_areFoundByCodeAndByIdHash() {
        ParticipantRepository repository = newRepository();
        Participant organisation = ok(repository.save(registered(organisation(uscc()), NOW)));
        Participant person = ok(repository.save(registered(individual(TestCodes.randomIdNumber(random)), NOW)));

        assertThat(repository.findByUscc(organisation.uscc().orElseThrow())).contains(organisation);
        assertThat(repository.findByIdHash(person.idHash().orElseThrow())).contains(person);
    }

    @Test
    public void aSecondParticipantWithTheSameIdCodeOrIdNumber_isAConflict() {
        ParticipantRepository repository = newRepository();
        String code = uscc();
        String number = TestCodes.randomIdNumber(random);
        Participant first = ok(repository.save(registered(organisation(code), NOW)));
        Participant person = ok(repository.save(registered(individual(number), NOW)));

        assertThat(failure(repository.save(registered(organisation(code), NOW))))
                .isEqualTo(Result.Kind.CONFLICT);
        assertThat(failure(repository.save(registered(serviceProvider(code), NOW))))
                .as("a service provider is the same organisation")
                .isEqualTo(Result.Kind.CONFLICT);
        assertThat(failure(repository.save(registered(individual(number), NOW))))
                .isEqualTo(Result.Kind.CONFLICT);
        Participant sameId =
                Participant.register(first.id(), organisation(uscc()), NOW).participant();
        assertThat(failure(repository.save(sameId))).isEqualTo(Result.Kind.CONFLICT);

        assertThat(repository.findById(first.id())).contains(first);
        assertThat(repository.findById(person.id())).contains(person);
    }

    @Test
    public void update_appendsHistory_andIncrementsTheVersion() {
        ParticipantRepository repository = newRepository();
        Participant saved = ok(repository.save(registered(organisation(uscc()), NOW)));

        Participant underReview = ok(repository.save(verified(saved, NOW.plusSeconds(1))));
        Participant reVerified = ok(repository.save(verified(underReview, NOW.plusSeconds(2))));
        Participant approved = ok(repository.save(reVerified
                .approve(new ReviewDecision("reviewer:alice", "营业执照与法人身份核对无误"), NOW.plusSeconds(3))
                .orElseThrow()
                .participant()));

        assertThat(underReview.version()).isEqualTo(2);
        assertThat(approved.version()).isEqualTo(4);
        Participant stored = repository.findById(saved.id()).orElseThrow();
        assertThat(stored).isEqualTo(approved);
        assertThat(stored.state()).isEqualTo(ParticipantState.APPROVED);
        assertThat(stored.verifications()).hasSize(4);
        assertThat(stored.transitions())
                .extracting(Transition::to)
                .containsExactly(
                        ParticipantState.PENDING,
                        ParticipantState.UNDER_REVIEW,
                        ParticipantState.UNDER_REVIEW,
                        ParticipantState.APPROVED);
        assertThat(stored.lastTransition().actor()).isEqualTo("reviewer:alice");
        assertThat(stored.createdAt()).isEqualTo(NOW);
        assertThat(stored.updatedAt()).isEqualTo(NOW.plusSeconds(3));
    }

    @Test
    public void savingFromAStaleVersion_isAConflict_andChangesNothing() {
        ParticipantRepository repository = newRepository();
        Participant saved = ok(repository.save(registered(organisation(uscc()), NOW)));
        Participant winner = ok(repository.save(verified(saved, NOW.plusSeconds(1))));

        Result<Participant> stale = repository.save(verified(saved, NOW.plusSeconds(2)));

        assertThat(failure(stale)).isEqualTo(Result.Kind.CONFLICT);
        assertThat(repository.findById(saved.id())).contains(winner);
    }

    @Test
    public void updatingAnUnknownParticipant_isNotFound() {
        ParticipantRepository repository = newRepository();
        Participant never = verified(registered(organisation(uscc()), NOW).withVersion(1), NOW);

        assertThat(failure(repository.save(never))).isEqualTo(Result.Kind.NOT_FOUND);
    }

    @Test
    public void concurrentSavesOfOneVersion_haveExactlyOneWinner() throws Exception {
        ParticipantRepository repository = newRepository();
        Participant saved = ok(repository.save(registered(organisation(uscc()), NOW)));
        int writers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Result<Participant>>> futures = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                Participant next = verified(saved, NOW.plusMillis(i + 1));
                Callable<Result<Participant>> save = () -> {
                    start.await();
                    return repository.save(next);
                };
                futures.add(pool.submit(save));
            }
            start.countDown();
            int won = 0;
            for (Future<Result<Participant>> future : futures) {
                Result<Participant> result = future.get(30, TimeUnit.SECONDS);
                if (result.isOk()) {
                    won++;
                } else {
                    assertThat(failure(result)).isEqualTo(Result.Kind.CONFLICT);
                }
            }
            assertThat(won).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        Participant stored = repository.findById(saved.id()).orElseThrow();
        assertThat(stored.version()).isEqualTo(2);
        assertThat(stored.transitions()).hasSize(2);
        assertThat(stored.verifications()).hasSize(2);
    }

    @Test
    public void findByState_returnsTheLongestWaitingFirst() {
        ParticipantRepository repository = newRepository();
        Instant base = NOW.minus(Duration.ofDays(3650));
        List<ParticipantId> ours = new ArrayList<>();
        // Verified in the order 2, 0, 1: the queue must follow the time of the last transition.
        int[] order = {2, 0, 1};
        List<Participant> registered = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            registered.add(ok(repository.save(registered(organisation(uscc()), base))));
            ours.add(registered.get(i).id());
        }
        for (int position = 0; position < 3; position++) {
            Participant participant = registered.get(order[position]);
            ok(repository.save(verified(participant, base.plusSeconds(position + 1))));
        }

        List<ParticipantId> waiting = repository.findByState(ParticipantState.UNDER_REVIEW, 1_000_000).stream()
                .map(Participant::id)
                .filter(ours::contains)
                .toList();

        assertThat(waiting).containsExactly(ours.get(2), ours.get(0), ours.get(1));
        assertThat(repository.findByState(ParticipantState.UNDER_REVIEW, 2)).hasSizeLessThanOrEqualTo(2);
        assertThat(repository.findByState(ParticipantState.UNDER_REVIEW, 0)).isEmpty();
    }

    @Test
    public void countByState_countsParticipantsInAState() {
        ParticipantRepository repository = newRepository();
        long pendingBefore = repository.countByState(ParticipantState.PENDING);
        long reviewBefore = repository.countByState(ParticipantState.UNDER_REVIEW);

        Participant saved = ok(repository.save(registered(organisation(uscc()), NOW)));
        ok(repository.save(registered(organisation(uscc()), NOW)));
        ok(repository.save(verified(saved, NOW)));

        assertThat(repository.countByState(ParticipantState.PENDING)).isEqualTo(pendingBefore + 1);
        assertThat(repository.countByState(ParticipantState.UNDER_REVIEW)).isEqualTo(reviewBefore + 1);
    }

    @Test
    public void storedIndividuals_holdNoPlainIdNumber() {
        ParticipantRepository repository = newRepository();
        String number = TestCodes.randomIdNumber(random);
        Participant saved = ok(repository.save(registered(individual(number), NOW)));

        Participant stored = repository.findById(saved.id()).orElseThrow();
        String payload =
                new String(CanonicalJson.canonicalize(stored.details().toJson()).orElseThrow(), StandardCharsets.UTF_8);

        assertThat(payload).doesNotContain(number).contains(stored.idMasked().orElseThrow());
        assertThat(stored.toString()).doesNotContain(number);
        assertThat(stored.idMasked()).contains(number.substring(0, 6) + "********" + number.substring(14));
    }
}
