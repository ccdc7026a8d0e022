package io.trustspace.catalog.resource;

import static io.trustspace.catalog.resource.Fixtures.PROVIDER;
import static io.trustspace.catalog.resource.Fixtures.SPACE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trustspace.catalog.identifier.DataIdentifier;
import io.trustspace.common.Result;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ResourceTransitionsTest {

    private static final Instant NOW = Instant.parse("2026-03-01T08:00:00Z");
    private static final ResourceId ID = ResourceId.of(new UUID(0, 1));
    private static final Decision DECISION = Decision.of("reviewer:alice", "checked");

    /** The path from DRAFT to each state. */
    private static final Map<ResourceState, List<ResourceState>> PATHS = Map.of(
            ResourceState.DRAFT, List.of(),
            ResourceState.SUBMITTED, List.of(ResourceState.SUBMITTED),
            ResourceState.LISTED, List.of(ResourceState.SUBMITTED, ResourceState.LISTED),
            ResourceState.REJECTED, List.of(ResourceState.SUBMITTED, ResourceState.REJECTED),
            ResourceState.DELISTED, List.of(ResourceState.SUBMITTED, ResourceState.LISTED, ResourceState.DELISTED));

    /** Each use case and the state it moves to (update stays in DRAFT and is allowed only there). */
    private static final Map<String, BiFunction<Resource, Instant, Result<ResourceChange>>> USE_CASES = Map.of(
            "update", (r, now) -> r.update(PROVIDER, Fixtures.dataset(), null, now),
            "submit", (r, now) -> r.submit(PROVIDER, List.of(), now),
            "list", (r, now) -> r.list(SPACE, DECISION, now),
            "reject", (r, now) -> r.reject(DECISION, now),
            "reopen", (r, now) -> r.reopen(PROVIDER, now),
            "delist", (r, now) -> r.delist(DECISION, now));

    private static final Map<String, ResourceState> TARGETS = Map.of(
            "update", ResourceState.DRAFT,
            "submit", ResourceState.SUBMITTED,
            "list", ResourceState.LISTED,
            "reject", ResourceState.REJECTED,
            "reopen", ResourceState.DRAFT,
            "delist", ResourceState.DELISTED);

    static Resource in(ResourceState state) {
        List<Transition> transitions = new ArrayList<>();
        transitions.add(new Transition(null, ResourceState.DRAFT, PROVIDER, "drafted", NOW));
        ResourceState at = ResourceState.DRAFT;
        for (ResourceState next : PATHS.get(state)) {
            transitions.add(new Transition(at, next, "someone", "because", NOW));
            at = next;
        }
        DataIdentifier identifier = state == ResourceState.LISTED || state == ResourceState.DELISTED
                ? DataIdentifier.of(SPACE, PROVIDER, "traffic", 1)
                : null;
        return new Resource(
                ID,
                ResourceKind.DATASET,
                PROVIDER,
                "traffic",
                1,
                Fixtures.dataset(),
                Fixtures.ADDRESS,
                state,
                identifier,
                List.of(),
                3,
                transitions);
    }

    @Test
    void table_isTheIssuesStateMachine() {
        assertThat(ResourceState.DRAFT.next()).containsExactly(ResourceState.SUBMITTED);
        assertThat(ResourceState.SUBMITTED.next())
                .containsExactlyInAnyOrder(ResourceState.LISTED, ResourceState.REJECTED);
        assertThat(ResourceState.LISTED.next()).containsExactly(ResourceState.DELISTED);
        assertThat(ResourceState.REJECTED.next()).containsExactly(ResourceState.DRAFT);
        assertThat(ResourceState.DELISTED.isFinal()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(ResourceState.class)
    void everyUseCase_isAllowedExactlyWhereTheTableAllowsIt(ResourceState state) {
        Resource resource = in(state);
        for (Map.Entry<String, BiFunction<Resource, Instant, Result<ResourceChange>>> useCase : USE_CASES.entrySet()) {
            String name = useCase.getKey();
            boolean allowed = name.equals("update") ? state == ResourceState.DRAFT : state.canMoveTo(TARGETS.get(name));
            Result<ResourceChange> result = useCase.getValue().apply(resource, NOW.plusSeconds(1));
            if (allowed) {
                assertThat(result.isOk()).as(name + " from " + state).isTrue();
                assertThat(result.orElseThrow().resource().state()).isEqualTo(TARGETS.get(name));
            } else {
                assertThat(result).as(name + " from " + state).isInstanceOf(Result.Failure.class);
                Result.Failure<ResourceChange> failure = (Result.Failure<ResourceChange>) result;
                assertThat(failure.kind()).isEqualTo(Result.Kind.CONFLICT);
                assertThat(failure.reason()).contains(state.name());
            }
        }
    }

    @Test
    void transition_refusesEdgesOutsideTheTable() {
        for (ResourceState from : ResourceState.values()) {
            for (ResourceState to : allowedNot(from)) {
                assertThatThrownBy(() -> new Transition(from, to, "a", "r", NOW))
                        .isInstanceOf(IllegalArgumentException.class);
            }
        }
        assertThatThrownBy(() -> new Transition(null, ResourceState.LISTED, "a", "r", NOW))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static EnumSet<ResourceState> allowedNot(ResourceState from) {
        EnumSet<ResourceState> next = EnumSet.noneOf(ResourceState.class);
        next.addAll(from.next());
        return EnumSet.complementOf(next);
    }

    @Test
    void failedChecks_keepDraftWithFindings() {
        List<Finding> findings = List.of(new Finding("title.en", Finding.REQUIRED, "give it"));
        ResourceChange change =
                in(ResourceState.DRAFT).submit(PROVIDER, findings, NOW).orElseThrow();
        assertThat(change.event()).isEqualTo(ResourceEvent.CHECKS_FAILED);
        assertThat(change.resource().state()).isEqualTo(ResourceState.DRAFT);
        assertThat(change.resource().findings()).isEqualTo(findings);
        assertThat(change.resource().transitions()).hasSize(1);
    }

    @Test
    void providerOnlyUseCases_refuseAnotherProvider() {
        Result<ResourceChange> update =
                in(ResourceState.DRAFT).update(Fixtures.OTHER_PROVIDER, Fixtures.dataset(), null, NOW);
        assertThat(((Result.Failure<ResourceChange>) update).kind()).isEqualTo(Result.Kind.FORBIDDEN);
        Result<ResourceChange> submit = in(ResourceState.DRAFT).submit(Fixtures.OTHER_PROVIDER, List.of(), NOW);
        assertThat(((Result.Failure<ResourceChange>) submit).kind()).isEqualTo(Result.Kind.FORBIDDEN);
        Result<ResourceChange> reopen = in(ResourceState.REJECTED).reopen(Fixtures.OTHER_PROVIDER, NOW);
        assertThat(((Result.Failure<ResourceChange>) reopen).kind()).isEqualTo(Result.Kind.FORBIDDEN);
    }

    @Test
    void decisions_needActorAndReason_andTheCurrentVersion() {
        Resource submitted = in(ResourceState.SUBMITTED);
        assertThat(((Result.Failure<ResourceChange>) submitted.list(SPACE, Decision.of(" ", "ok"), NOW)).kind())
                .isEqualTo(Result.Kind.INVALID);
        assertThat(((Result.Failure<ResourceChange>) submitted.reject(Decision.of("alice", ""), NOW)).kind())
                .isEqualTo(Result.Kind.INVALID);
        Result<ResourceChange> stale = submitted.list(SPACE, new Decision("alice", "ok", 2L), NOW);
        assertThat(((Result.Failure<ResourceChange>) stale).kind()).isEqualTo(Result.Kind.CONFLICT);
        assertThat(submitted.list(SPACE, new Decision("alice", "ok", 3L), NOW).isOk())
                .isTrue();
    }

    @Test
    void listing_mintsTheIdentifier_andOnlyMintedStatesHaveOne() {
        ResourceChange listed =
                in(ResourceState.SUBMITTED).list(SPACE, DECISION, NOW).orElseThrow();
        assertThat(listed.resource().identifier()).isEqualTo(DataIdentifier.of(SPACE, PROVIDER, "traffic", 1));
        Resource draft = in(ResourceState.DRAFT);
        assertThatThrownBy(() -> new Resource(
                        draft.id(),
                        draft.kind(),
                        draft.provider(),
                        draft.localId(),
                        1,
                        draft.metadata(),
                        null,
                        ResourceState.DRAFT,
                        DataIdentifier.of(SPACE, PROVIDER, "traffic", 1),
                        List.of(),
                        0,
                        draft.transitions()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
