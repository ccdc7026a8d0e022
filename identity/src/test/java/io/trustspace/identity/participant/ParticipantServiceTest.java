package io.trustspace.identity.participant;

import static org.assertj.core.api.Assertions.assertThat;

import io.trustspace.common.Result;
import io.trustspace.crypto.CryptoSuites;
import io.trustspace.crypto.SuiteId;
import io.trustspace.identity.registration.Contact;
import io.trustspace.identity.registration.IdNumberHasher;
import io.trustspace.identity.registration.ParticipantKind;
import io.trustspace.identity.registration.RegistrationRequest;
import io.trustspace.identity.registration.RegistrationValidator;
import io.trustspace.identity.registration.ResidentIdNumber;
import io.trustspace.identity.registration.UnifiedSocialCreditCode;
import io.trustspace.identity.verification.AssuranceLevel;
import io.trustspace.identity.verification.FormatVerifier;
import io.trustspace.identity.verification.IdentityVerifier;
import io.trustspace.identity.verification.OfflineRegistryVerifier;
import io.trustspace.identity.verification.VerificationMethod;
import io.trustspace.identity.verification.VerificationOutcome;
import io.trustspace.identity.verification.VerificationResult;
import io.trustspace.identity.verification.VerificationSubject;
import io.trustspace.ledger.evidence.EvidenceRecord;
import io.trustspace.ledger.outbox.EvidenceRecorder;
import io.trustspace.ledger.testing.DirectTransactions;
import io.trustspace.ledger.testing.FakeEvidenceSigner;
import io.trustspace.ledger.testing.InMemoryEvidenceOutbox;
import io.trustspace.ledger.testing.SteppingClock;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ParticipantServiceTest {

    private static final String NUMBER = "110105199003071239";

    private final SteppingClock clock = new SteppingClock(Instant.parse("2026-03-01T08:00:00Z"), Duration.ofSeconds(1));
    private final DirectTransactions transactions = new DirectTransactions();
    private final InMemoryEvidenceOutbox outbox = new InMemoryEvidenceOutbox(transactions);
    private final InMemoryParticipantRepository repository = new InMemoryParticipantRepository();
    private final AtomicLong uuids = new AtomicLong();
    private final AtomicLong evidenceIds = new AtomicLong();
    private final EvidenceRecorder recorder = new EvidenceRecorder(
            transactions,
            outbox,
            new FakeEvidenceSigner(),
            CryptoSuites.of(SuiteId.INTL),
            clock,
            () -> "ev-" + evidenceIds.incrementAndGet(),
            () -> {});
    private final RegistrationValidator validator =
            new RegistrationValidator(new IdNumberHasher(SuiteId.INTL, new byte[32]), clock);

    /** Plays 公安: remembers the plain number it was given, answers MATCH. */
    private final AtomicReference<String> publicSecuritySaw = new AtomicReference<>();

    private final AtomicInteger verifierCalls = new AtomicInteger();
    private ParticipantService service;

    @BeforeEach
    void wire() throws IOException {
        OfflineRegistryVerifier registry;
        try (InputStream in = getClass().getResourceAsStream("/identity/offline-registry.json")) {
            registry = OfflineRegistryVerifier.fromJson(in.readAllBytes(), AssuranceLevel.LOW, clock)
                    .orElseThrow();
        }
        IdentityVerifier publicSecurity = new IdentityVerifier() {
            @Override
            public VerificationMethod method() {
                return VerificationMethod.PUBLIC_SECURITY;
            }

            @Override
            public boolean appliesTo(VerificationSubject subject) {
                return subject.kind() == ParticipantKind.INDIVIDUAL;
            }

            @Override
            public VerificationResult verify(VerificationSubject subject) {
                verifierCalls.incrementAndGet();
                Optional<ResidentIdNumber> number = subject.residentIdNumber();
                if (number.isEmpty()) {
                    return VerificationResult.unavailable(method(), "number not supplied", clock.instant());
                }
                publicSecuritySaw.set(number.get().value());
                return VerificationResult.verified(
                        method(), AssuranceLevel.SUBSTANTIAL, number.get().masked() + " matches", clock.instant());
            }
        };
        service = service(repository, List.of(new FormatVerifier(clock), registry, publicSecurity));
    }

    private ParticipantService service(ParticipantRepository repository, List<IdentityVerifier> verifiers) {
        return new ParticipantService(
                repository,
                validator,
                verifiers,
                transactions,
                recorder,
                clock,
                () -> new UUID(0, uuids.incrementAndGet()));
    }

    private static RegistrationRequest.Organisation xinghe() {
        return new RegistrationRequest.Organisation(
                "北京星河数据科技有限公司",
                "91110105MA01C3D718",
                "张伟",
                new Contact("王芳", "13800138000", "wangfang@example.cn"),
                "I6510",
                "110105");
    }

    private static RegistrationRequest.Individual lina() {
        return new RegistrationRequest.Individual("李娜", NUMBER, new Contact(null, "13912345678", null));
    }

    private static ReviewDecision decision(String reason) {
        return new ReviewDecision("reviewer:alice", reason);
    }

    private static Result.Failure<Participant> failed(Result<Participant> result) {
        assertThat(result.isOk()).as("expected a failure").isFalse();
        return (Result.Failure<Participant>) result;
    }

    @Test
    void register_storesAPendingParticipant_withAnIdFromTheSupplier_andEvidence() {
        Participant participant = service.register(xinghe()).orElseThrow();

        assertThat(participant.id().value())
                .isEqualTo("urn:trustspace:participant:00000000-0000-0000-0000-000000000001");
        assertThat(participant.state()).isEqualTo(ParticipantState.PENDING);
        assertThat(participant.version()).isEqualTo(1);
        assertThat(repository.findById(participant.id())).contains(participant);
        List<EvidenceRecord> evidence = outbox.about(participant.id().value());
        assertThat(evidence).singleElement().satisfies(record -> {
            assertThat(record.type()).isEqualTo("participant.registered");
            assertThat(record.actor()).isEqualTo(FakeEvidenceSigner.ACTOR);
            assertThat(record.subjects()).containsExactly(participant.id().value());
        });
        assertThat(outbox.added()).allMatch(InMemoryEvidenceOutbox.Added::inTransaction);
        assertEvidenceMatchesTheStoredParticipant(participant.id());
    }

    @Test
    void invalidRequests_areRefusedWithEveryFieldError_andLeaveNoTrace() {
        RegistrationRequest.Organisation bad =
                new RegistrationRequest.Organisation("", "91110105MA01C3D71A", "张伟", null, "I6510", "110105");

        Result.Failure<Participant> failure = failed(service.register(bad));

        assertThat(failure.kind()).isEqualTo(Result.Kind.INVALID);
        assertThat(failure.reason())
                .isEqualTo("name [required] must not be empty; uscc [check-character] the check character (position 18)"
                        + " does not match positions 1-17; contact [required] give a contact with a phone number or an"
                        + " e-mail address");
        assertThat(outbox.added()).isEmpty();
        assertThat(repository.countByState(ParticipantState.PENDING)).isZero();
        assertThat(service.validate(bad)).isInstanceOf(io.trustspace.identity.registration.Validation.Invalid.class);
    }

    @Test
    void aSecondRegistrationOfTheSameOrganisation_isAConflict() {
        Participant first = service.register(xinghe()).orElseThrow();
        RegistrationRequest.ServiceProvider asProvider = new RegistrationRequest.ServiceProvider(
                xinghe(), "DEVELOPMENT", List.of("数据清洗"), List.of("https://xinghe.example.cn/api"));

        for (RegistrationRequest again : List.<RegistrationRequest>of(xinghe(), asProvider)) {
            Result.Failure<Participant> failure = failed(service.register(again));
            assertThat(failure.kind()).isEqualTo(Result.Kind.CONFLICT);
            assertThat(failure.reason())
                    .contains("91110105MA01C3D718")
                    .contains(first.id().value());
        }
        assertThat(outbox.added()).hasSize(1);
    }

    @Test
    void aSecondRegistrationOfTheSamePerson_isAConflict_thatNamesNeitherTheNumberNorTheParticipant() {
        Participant first = service.register(lina()).orElseThrow();

        Result.Failure<Participant> failure = failed(service.register(new RegistrationRequest.Individual(
                "李娜", " 110105199003071239 ", new Contact(null, null, "l@example.cn"))));

        assertThat(failure.kind()).isEqualTo(Result.Kind.CONFLICT);
        assertThat(failure.reason())
                .doesNotContain(NUMBER)
                .doesNotContain(first.id().value())
                .doesNotContain(first.state().name());
    }

    @Test
    void verify_runsTheApplicableVerifiers_keepsTheResults_andWaitsForAReviewer() {
        Participant registered = service.register(xinghe()).orElseThrow();

        Participant verified = service.verify(registered.id()).orElseThrow();

        assertThat(verified.state()).isEqualTo(ParticipantState.UNDER_REVIEW);
        assertThat(verified.verifications())
                .extracting(VerificationResult::method, VerificationResult::outcome)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(VerificationMethod.FORMAT, VerificationOutcome.VERIFIED),
                        org.assertj.core.groups.Tuple.tuple(
                                VerificationMethod.OFFLINE_REGISTRY, VerificationOutcome.VERIFIED));
        assertThat(verified.lastTransition().actor()).isEqualTo(Participant.SYSTEM);
        assertThat(verified.lastTransition().reason()).isEqualTo("FORMAT VERIFIED, OFFLINE_REGISTRY VERIFIED");
        assertThat(verifierCalls.get()).as("公安 does not apply to organisations").isZero();
        assertThat(outbox.about(registered.id().value()))
                .extracting(EvidenceRecord::type)
                .containsExactly(
                        "participant.registered",
                        "participant.verification",
                        "participant.verification",
                        "participant.verified");
        assertThat(new ManualReviewQueue(repository).waiting(10)).containsExactly(verified);
        assertThat(new ManualReviewQueue(repository).size()).isEqualTo(1);
        assertEvidenceMatchesTheStoredParticipant(registered.id());
    }

    @Test
    void verificationFindings_areKept_butDoNotDecide() {
        RegistrationRequest.Organisation cancelled = new RegistrationRequest.Organisation(
                "杭州云栖数据科技有限公司", "91330106MA27WX8H1X", "孙丽", xinghe().contact(), "I", "330106");
        Participant registered = service.register(cancelled).orElseThrow();

        Participant verified = service.verify(registered.id()).orElseThrow();

        assertThat(verified.state()).isEqualTo(ParticipantState.UNDER_REVIEW);
        assertThat(verified.verifications().get(1).outcome()).isEqualTo(VerificationOutcome.MISMATCH);
        assertThat(verified.verifications().get(1).details()).contains("注销");
        assertThat(service.reject(verified.id(), decision("登记状态为注销"))
                        .orElseThrow()
                        .state())
                .isEqualTo(ParticipantState.REJECTED);
    }

    @Test
    void verifyingAgain_appendsResults_andStaysUnderReview() {
        Participant registered = service.register(xinghe()).orElseThrow();
        service.verify(registered.id()).orElseThrow();

        Participant again = service.verify(registered.id()).orElseThrow();

        assertThat(again.state()).isEqualTo(ParticipantState.UNDER_REVIEW);
        assertThat(again.verifications()).hasSize(4);
        assertThat(again.transitions()).hasSize(3);
        assertEvidenceMatchesTheStoredParticipant(registered.id());
    }

    @Test
    void theWholeWorkflow_recordsEvidenceForEveryTransition() {
        ParticipantId id = service.register(xinghe()).orElseThrow().id();
        service.verify(id).orElseThrow();
        service.approve(id, decision("营业执照、法定代表人身份核对无误")).orElseThrow();
        service.suspend(id, decision("监管部门责令暂停")).orElseThrow();
        service.reinstate(id, decision("整改完成")).orElseThrow();
        Participant revoked = service.revoke(id, decision("主动退出数据空间")).orElseThrow();

        assertThat(revoked.state()).isEqualTo(ParticipantState.REVOKED);
        assertThat(revoked.version()).isEqualTo(6);
        assertThat(revoked.transitions())
                .extracting(Transition::actor)
                .containsExactly(
                        Participant.APPLICANT,
                        Participant.SYSTEM,
                        "reviewer:alice",
                        "reviewer:alice",
                        "reviewer:alice",
                        "reviewer:alice");
        assertThat(outbox.about(id.value()))
                .extracting(EvidenceRecord::type)
                .containsExactly(
                        "participant.registered",
                        "participant.verification",
                        "participant.verification",
                        "participant.verified",
                        "participant.approved",
                        "participant.suspended",
                        "participant.reinstated",
                        "participant.revoked");
        assertEvidenceMatchesTheStoredParticipant(id);
        assertThat(outbox.added()).allMatch(InMemoryEvidenceOutbox.Added::inTransaction);
    }

    @Test
    void illegalTransitions_areConflicts_namingTheState_andRecordNothing() {
        ParticipantId id = service.register(xinghe()).orElseThrow().id();

        Result.Failure<Participant> approvePending = failed(service.approve(id, decision("too early")));
        assertThat(approvePending.kind()).isEqualTo(Result.Kind.CONFLICT);
        assertThat(approvePending.reason()).contains("PENDING");

        service.verify(id).orElseThrow();
        service.reject(id, decision("材料不全")).orElseThrow();
        int evidenceBefore = outbox.added().size();
        int callsBefore = verifierCalls.get();

        for (Result<Participant> result : List.of(
                service.verify(id),
                service.approve(id, decision("x")),
                service.reject(id, decision("x")),
                service.suspend(id, decision("x")),
                service.reinstate(id, decision("x")),
                service.revoke(id, decision("x")))) {
            assertThat(failed(result).kind()).isEqualTo(Result.Kind.CONFLICT);
            assertThat(failed(result).reason()).contains("REJECTED");
        }
        assertThat(outbox.added()).hasSize(evidenceBefore);
        assertThat(verifierCalls.get()).isEqualTo(callsBefore);
        assertThat(repository.findById(id).orElseThrow().version()).isEqualTo(3);
    }

    @Test
    void aDecisionOnAStaleVersion_isAConflict() {
        ParticipantId id = service.register(xinghe()).orElseThrow().id();
        long seen = service.verify(id).orElseThrow().version();

        assertThat(failed(service.approve(id, new ReviewDecision("alice", "ok", seen - 1)))
                        .kind())
                .isEqualTo(Result.Kind.CONFLICT);
        assertThat(service.approve(id, new ReviewDecision("alice", "ok", seen))
                        .orElseThrow()
                        .state())
                .isEqualTo(ParticipantState.APPROVED);
    }

    @Test
    void aConcurrentUpdate_isAConflict_andRecordsNoEvidence() {
        ParticipantId id = service.register(xinghe()).orElseThrow().id();
        Participant seenByBob = service.verify(id).orElseThrow();
        // Bob's service read the participant before Alice approved it.
        ParticipantRepository stale = new ParticipantRepository() {
            @Override
            public Result<Participant> save(Participant participant) {
                return repository.save(participant);
            }

            @Override
            public Optional<Participant> findById(ParticipantId participantId) {
                return Optional.of(seenByBob);
            }

            @Override
            public Optional<Participant> findByUscc(UnifiedSocialCreditCode uscc) {
                return repository.findByUscc(uscc);
            }

            @Override
            public Optional<Participant> findByIdHash(String idHash) {
                return repository.findByIdHash(idHash);
            }

            @Override
            public List<Participant> findByState(ParticipantState state, int limit) {
                return repository.findByState(state, limit);
            }

            @Override
            public long countByState(ParticipantState state) {
                return repository.countByState(state);
            }
        };
        service.approve(id, decision("alice approves")).orElseThrow();
        int evidenceBefore = outbox.added().size();

        Result.Failure<Participant> bob =
                failed(service(stale, List.of()).reject(id, new ReviewDecision("reviewer:bob", "bob rejects")));

        assertThat(bob.kind()).isEqualTo(Result.Kind.CONFLICT);
        assertThat(bob.reason()).contains("concurrently");
        assertThat(outbox.added()).hasSize(evidenceBefore);
        assertThat(repository.findById(id).orElseThrow().state()).isEqualTo(ParticipantState.APPROVED);
    }

    @Test
    void individuals_areVerifiedWithTheSuppliedNumber_whichIsNeverKept() {
        Participant registered = service.register(lina()).orElseThrow();

        Participant verified =
                service.verify(registered.id(), "110105199003071239").orElseThrow();

        assertThat(publicSecuritySaw.get()).isEqualTo(NUMBER);
        assertThat(verified.verifications())
                .extracting(VerificationResult::method)
                .containsExactly(VerificationMethod.FORMAT, VerificationMethod.PUBLIC_SECURITY);
        assertThat(verified.idMasked()).contains("110105********1239");
        Participant stored = repository.findById(registered.id()).orElseThrow();
        assertThat(stored.toString()).doesNotContain(NUMBER);
        assertThat(new String(
                        io.trustspace.common.json.CanonicalJson.canonicalize(
                                        stored.details().toJson())
                                .orElseThrow(),
                        StandardCharsets.UTF_8))
                .doesNotContain(NUMBER);
        for (InMemoryEvidenceOutbox.Added added : outbox.added()) {
            assertThat(new String(added.record().canonicalJson(), StandardCharsets.UTF_8))
                    .doesNotContain(NUMBER);
        }
        assertEvidenceMatchesTheStoredParticipant(registered.id());
    }

    @Test
    void individuals_withoutTheNumber_areVerifiedWithoutARegistryLookup() {
        Participant registered = service.register(lina()).orElseThrow();

        Participant verified = service.verify(registered.id()).orElseThrow();

        assertThat(verified.verifications().get(1).outcome()).isEqualTo(VerificationOutcome.UNAVAILABLE);
        assertThat(publicSecuritySaw.get()).isNull();
    }

    @Test
    void aSuppliedNumberMustBeTheRegisteredOne() {
        Participant person = service.register(lina()).orElseThrow();
        Participant company = service.register(xinghe()).orElseThrow();

        Result.Failure<Participant> other = failed(service.verify(person.id(), "310115198511204566"));
        Result.Failure<Participant> malformed = failed(service.verify(person.id(), "110105199003071233"));
        Result.Failure<Participant> notAPerson = failed(service.verify(company.id(), NUMBER));

        assertThat(List.of(other, malformed, notAPerson)).allSatisfy(failure -> {
            assertThat(failure.kind()).isEqualTo(Result.Kind.INVALID);
            assertThat(failure.reason()).doesNotContain(NUMBER).doesNotContain("310115198511204566");
        });
        assertThat(publicSecuritySaw.get()).isNull();
    }

    @Test
    void aVerifierThatThrows_isRecordedAsUnavailable() {
        IdentityVerifier broken = new IdentityVerifier() {
            @Override
            public VerificationMethod method() {
                return VerificationMethod.TAX;
            }

            @Override
            public boolean appliesTo(VerificationSubject subject) {
                return true;
            }

            @Override
            public VerificationResult verify(VerificationSubject subject) {
                throw new IllegalStateException("bug");
            }
        };
        ParticipantService withBroken = service(repository, List.of(broken));
        ParticipantId id = withBroken.register(xinghe()).orElseThrow().id();

        Participant verified = withBroken.verify(id).orElseThrow();

        assertThat(verified.verifications()).singleElement().satisfies(result -> {
            assertThat(result.method()).isEqualTo(VerificationMethod.TAX);
            assertThat(result.outcome()).isEqualTo(VerificationOutcome.UNAVAILABLE);
        });
    }

    @Test
    void unknownParticipants_areNotFound() {
        ParticipantId unknown = ParticipantId.of(new UUID(9, 9));

        assertThat(failed(service.verify(unknown)).kind()).isEqualTo(Result.Kind.NOT_FOUND);
        assertThat(failed(service.approve(unknown, decision("x"))).kind()).isEqualTo(Result.Kind.NOT_FOUND);
        assertThat(failed(service.find(unknown)).kind()).isEqualTo(Result.Kind.NOT_FOUND);
    }

    @Test
    void serviceProviders_registerWithTheirTypeAndEndpoints() {
        RegistrationRequest.ServiceProvider custody = new RegistrationRequest.ServiceProvider(
                new RegistrationRequest.Organisation(
                        "成都天府数据托管有限公司",
                        "91510100MA6CQR2X73",
                        "赵敏",
                        new Contact("钱进", null, "ops@tianfu.example.cn"),
                        "L72",
                        "510100"),
                "数据托管",
                List.of("对象存储托管", "密钥托管"),
                List.of("https://custody.tianfu.example.cn/api"));

        Participant participant = service.register(custody).orElseThrow();

        assertThat(participant.kind()).isEqualTo(ParticipantKind.SERVICE_PROVIDER);
        assertThat(service.verify(participant.id()).orElseThrow().verifications())
                .extracting(VerificationResult::outcome)
                .containsExactly(VerificationOutcome.VERIFIED, VerificationOutcome.NOT_FOUND);
    }

    /**
     * Recomputes every evidence payload from the stored participant (each verification result by its position,
     * each transition by its states) and checks that the outbox holds exactly those digests, in order, chained.
     */
    private void assertEvidenceMatchesTheStoredParticipant(ParticipantId id) {
        Participant stored = repository.findById(id).orElseThrow();
        List<String> expected = new ArrayList<>();
        int nextResult = 0;
        for (Transition transition : stored.transitions()) {
            String name = eventName(transition);
            if (name.equals("verified")) {
                int results = transition.reason().equals("no verifier applies")
                        ? 0
                        : transition.reason().split(", ").length;
                for (int i = 0; i < results; i++) {
                    expected.add(recorder.digest(ParticipantEvent.verificationPayload(
                            id, nextResult, stored.verifications().get(nextResult))));
                    nextResult++;
                }
            }
            expected.add(recorder.digest(ParticipantEvent.transitionPayload(id, name, transition)));
        }
        List<EvidenceRecord> records = outbox.about(id.value());
        assertThat(records).extracting(EvidenceRecord::payloadDigest).containsExactlyElementsOf(expected);
        for (int i = 1; i < records.size(); i++) {
            assertThat(records.get(i).previous()).isEqualTo(records.get(i - 1).id());
        }
    }

    private static String eventName(Transition transition) {
        if (transition.from() == null) {
            return "registered";
        }
        return switch (transition.to()) {
            case UNDER_REVIEW -> "verified";
            case APPROVED -> transition.from() == ParticipantState.SUSPENDED ? "reinstated" : "approved";
            case REJECTED -> "rejected";
            case SUSPENDED -> "suspended";
            case REVOKED -> "revoked";
            case PENDING -> throw new AssertionError("PENDING is only reached by registration");
        };
    }
}
