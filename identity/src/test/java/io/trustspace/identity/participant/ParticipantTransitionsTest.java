package io.trustspace.identity.participant;

import static io.trustspace.identity.participant.ParticipantState.APPROVED;
import static io.trustspace.identity.participant.ParticipantState.PENDING;
import static io.trustspace.identity.participant.ParticipantState.REJECTED;
import static io.trustspace.identity.participant.ParticipantState.REVOKED;
import static io.trustspace.identity.participant.ParticipantState.SUSPENDED;
import static io.trustspace.identity.participant.ParticipantState.UNDER_REVIEW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trustspace.common.Result;
import io.trustspace.identity.registration.Contact;
import io.trustspace.identity.registration.DivisionCode;
import io.trustspace.identity.registration.IndustryCode;
import io.trustspace.identity.registration.RegistrationDetails;
import io.trustspace.identity.registration.UnifiedSocialCreditCode;
import io.trustspace.identity.verification.AssuranceLevel;
import io.trustspace.identity.verification.VerificationMethod;
import io.trustspace.identity.verification.VerificationResult;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The admission state machine, table-driven: every (state, action) pair, allowed or refused. */
class ParticipantTransitionsTest {

    private static final Instant NOW = Instant.parse("2026-03-01T08:00:00Z");
    private static final ReviewDecision DECISION = new ReviewDecision("reviewer:alice", "材料核对");

    static final RegistrationDetails DETAILS = new RegistrationDetails.Organisation(
            "北京星河数据科技有限公司",
            UnifiedSocialCreditCode.parse("91110105MA01C3D718").orElseThrow(),
            "张伟",
            new Contact("王芳", "13800138000", null),
            IndustryCode.parse("I6510").orElseThrow(),
            DivisionCode.parse("110105").orElseThrow());

    /** The actions, each with the states it may start from and the state it leads to. */
    enum Action {
        VERIFY(EnumSet.of(PENDING, UNDER_REVIEW), UNDER_REVIEW, "verified"),
        APPROVE(EnumSet.of(UNDER_REVIEW), APPROVED, "approved"),
        REJECT(EnumSet.of(UNDER_REVIEW), REJECTED, "rejected"),
        SUSPEND(EnumSet.of(APPROVED), SUSPENDED, "suspended"),
        REINSTATE(EnumSet.of(SUSPENDED), APPROVED, "reinstated"),
        REVOKE(EnumSet.of(APPROVED, SUSPENDED), REVOKED, "revoked");

        final Set<ParticipantState> from;
        final ParticipantState to;
        final String event;

        Action(Set<ParticipantState> from, ParticipantState to, String event) {
            this.from = from;
            this.to = to;
            this.event = event;
        }

        Result<ParticipantChange> apply(Participant participant) {
            return switch (this) {
                case VERIFY ->
                    participant.recordVerification(
                            List.of(VerificationResult.verified(
                                    VerificationMethod.FORMAT, AssuranceLevel.LOW, "ok", NOW)),
                            NOW);
                case APPROVE -> participant.approve(DECISION, NOW);
                case REJECT -> participant.reject(DECISION, NOW);
                case SUSPEND -> participant.suspend(DECISION, NOW);
                case REINSTATE -> participant.reinstate(DECISION, NOW);
                case REVOKE -> participant.revoke(DECISION, NOW);
            };
        }
    }

    /** A participant in {@code state}, reached along legal transitions. */
    static Participant in(ParticipantState state) {
        Participant pending = Participant.register(ParticipantId.of(new UUID(0, 1)), DETAILS, NOW)
                .participant();
        Map<ParticipantState, List<Action>> paths = Map.of(
                PENDING, List.of(),
                UNDER_REVIEW, List.of(Action.VERIFY),
                APPROVED, List.of(Action.VERIFY, Action.APPROVE),
                REJECTED, List.of(Action.VERIFY, Action.REJECT),
                SUSPENDED, List.of(Action.VERIFY, Action.APPROVE, Action.SUSPEND),
                REVOKED, List.of(Action.VERIFY, Action.APPROVE, Action.REVOKE));
        Participant participant = pending;
        for (Action step : paths.get(state)) {
            participant = step.apply(participant).orElseThrow().participant();
        }
        assertThat(participant.state()).isEqualTo(state);
        return participant;
    }

    static Stream<Arguments> everyStateAndAction() {
        return Stream.of(ParticipantState.values())
                .flatMap(state -> Stream.of(Action.values()).map(action -> Arguments.of(state, action)));
    }

    @ParameterizedTest(name = "{1} in {0}")
    @MethodSource("everyStateAndAction")
    void everyActionInEveryState_isAllowedExactlyWhereTheTableSays(ParticipantState state, Action action) {
        Participant participant = in(state);

        Result<ParticipantChange> result = action.apply(participant);

        if (action.from.contains(state)) {
            ParticipantChange change = result.orElseThrow();
            assertThat(change.participant().state()).isEqualTo(action.to);
            assertThat(change.participant().version())
                    .as("the repository moves the version")
                    .isEqualTo(participant.version());
            assertThat(change.participant().transitions())
                    .hasSize(participant.transitions().size() + 1);
            Transition transition = change.participant().lastTransition();
            assertThat(transition.from()).isEqualTo(state);
            assertThat(transition.to()).isEqualTo(action.to);
            assertThat(change.event().name()).isEqualTo(action.event);
            assertThat(change.event().transition()).isEqualTo(transition);
            assertThat(change.event().evidenceType()).isEqualTo("participant." + action.event);
            if (action != Action.VERIFY) {
                assertThat(transition.actor()).isEqualTo("reviewer:alice");
                assertThat(transition.reason()).isEqualTo("材料核对");
            } else {
                assertThat(transition.actor()).isEqualTo(Participant.SYSTEM);
                assertThat(transition.reason()).isEqualTo("FORMAT VERIFIED");
            }
        } else {
            assertThat(result.isOk()).isFalse();
            Result.Failure<ParticipantChange> failure = (Result.Failure<ParticipantChange>) result;
            assertThat(failure.kind()).isEqualTo(Result.Kind.CONFLICT);
            assertThat(failure.reason()).contains(state.name());
        }
    }

    @Test
    void theTransitionTable_isExactlyTheDocumentedOne() {
        Map<ParticipantState, Set<ParticipantState>> expected = Map.of(
                PENDING, EnumSet.of(UNDER_REVIEW),
                UNDER_REVIEW, EnumSet.of(UNDER_REVIEW, APPROVED, REJECTED),
                APPROVED, EnumSet.of(SUSPENDED, REVOKED),
                REJECTED, EnumSet.noneOf(ParticipantState.class),
                SUSPENDED, EnumSet.of(APPROVED, REVOKED),
                REVOKED, EnumSet.noneOf(ParticipantState.class));
        for (ParticipantState from : ParticipantState.values()) {
            for (ParticipantState to : ParticipantState.values()) {
                assertThat(from.canMoveTo(to))
                        .as("%s → %s", from, to)
                        .isEqualTo(expected.get(from).contains(to));
            }
            assertThat(from.isFinal()).isEqualTo(expected.get(from).isEmpty());
        }
    }

    @Test
    void theRegistration_isTheFirstTransition() {
        ParticipantChange registered = Participant.register(
                ParticipantId.of(new UUID(0, 7)), DETAILS, Instant.parse("2026-03-01T08:00:00.123456Z"));

        assertThat(registered.participant().state()).isEqualTo(PENDING);
        assertThat(registered.participant().version()).isZero();
        assertThat(registered.participant().transitions()).singleElement().satisfies(t -> {
            assertThat(t.from()).isNull();
            assertThat(t.actor()).isEqualTo(Participant.APPLICANT);
            assertThat(t.at()).as("kept to the millisecond").isEqualTo(Instant.parse("2026-03-01T08:00:00.123Z"));
        });
        assertThat(registered.event()).isInstanceOf(ParticipantEvent.Registered.class);
    }

    @Test
    void reviewDecisions_needAReviewerAndAReason() {
        Participant underReview = in(UNDER_REVIEW);
        List<ReviewDecision> bad = List.of(
                new ReviewDecision(" ", "reason"),
                new ReviewDecision(null, "reason"),
                new ReviewDecision("alice", ""),
                new ReviewDecision("alice", null),
                new ReviewDecision("al\nice", "reason"),
                new ReviewDecision("a".repeat(ReviewDecision.MAX_REVIEWER + 1), "reason"),
                new ReviewDecision("alice", "r".repeat(ReviewDecision.MAX_REASON + 1)));
        for (ReviewDecision decision : bad) {
            Result<ParticipantChange> result = underReview.approve(decision, NOW);
            assertThat(((Result.Failure<ParticipantChange>) result).kind())
                    .as(decision.toString())
                    .isEqualTo(Result.Kind.INVALID);
        }
    }

    @Test
    void aDecisionOnAnOlderVersion_isAConflict() {
        Participant underReview = in(UNDER_REVIEW).withVersion(5);

        Result<ParticipantChange> stale = underReview.approve(new ReviewDecision("alice", "ok", 4L), NOW);
        Result<ParticipantChange> current = underReview.approve(new ReviewDecision("alice", "ok", 5L), NOW);

        assertThat(((Result.Failure<ParticipantChange>) stale).kind()).isEqualTo(Result.Kind.CONFLICT);
        assertThat(((Result.Failure<ParticipantChange>) stale).reason()).contains("version 5");
        assertThat(current.isOk()).isTrue();
    }

    @Test
    void aSuspendedParticipant_isReinstated_notApproved() {
        Result<ParticipantChange> approve = in(SUSPENDED).approve(DECISION, NOW);

        assertThat(((Result.Failure<ParticipantChange>) approve).reason())
                .contains("SUSPENDED")
                .contains("reinstate");
    }

    @Test
    void inconsistentParticipants_cannotBeBuilt() {
        Participant approved = in(APPROVED);
        BiFunction<ParticipantState, List<Transition>, Participant> build = (state, transitions) ->
                new Participant(approved.id(), DETAILS, state, 3, approved.verifications(), transitions);

        assertThatThrownBy(() -> build.apply(REJECTED, approved.transitions()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> build.apply(APPROVED, approved.transitions().subList(1, 3)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Transition(PENDING, APPROVED, "alice", "skip review", NOW))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> approved.withVersion(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void assuranceLevel_isTheBestOfTheLatestResultPerMethod() {
        Participant pending = in(PENDING);
        Participant first = pending.recordVerification(
                        List.of(
                                VerificationResult.verified(VerificationMethod.FORMAT, AssuranceLevel.LOW, "ok", NOW),
                                VerificationResult.verified(
                                        VerificationMethod.MARKET_REGULATION, AssuranceLevel.SUBSTANTIAL, "ok", NOW)),
                        NOW)
                .orElseThrow()
                .participant();
        Participant second = first.recordVerification(
                        List.of(VerificationResult.mismatch(VerificationMethod.MARKET_REGULATION, "注销", NOW)), NOW)
                .orElseThrow()
                .participant();

        assertThat(pending.assuranceLevel()).isEqualTo(AssuranceLevel.NONE);
        assertThat(first.assuranceLevel()).isEqualTo(AssuranceLevel.SUBSTANTIAL);
        assertThat(second.assuranceLevel())
                .as("the registry's latest answer counts")
                .isEqualTo(AssuranceLevel.LOW);
    }
}
