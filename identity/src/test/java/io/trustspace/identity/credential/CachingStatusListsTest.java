package io.trustspace.identity.credential;

import static org.assertj.core.api.Assertions.assertThat;

import io.trustspace.common.Result;
import io.trustspace.crypto.SuiteId;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CachingStatusListsTest {

    private static final String REVOCATION = "https://operator.a.example/status/1/revocation";
    private static final String SUSPENSION = "https://operator.a.example/status/1/suspension";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T08:00:00Z"));
    private final InMemoryDidKeys didKeys = new InMemoryDidKeys();
    private final PublishedStatusLists fetcher = new PublishedStatusLists();
    private TestOperator operator;
    private StatusListPosition position;

    @BeforeEach
    void publish() {
        operator = new TestOperator("a", SuiteId.INTL, clock, didKeys);
        fetcher.add(operator.statusLists);
        position = operator.statusLists
                .positionOf(operator.issue("did:web:provider.example").credential())
                .orElseThrow();
    }

    @Test
    void get_servesFromCacheUntilMaxAge_thenFetchesAgainAndSeesChanges() {
        CachingStatusLists lists = lists(Duration.ofMinutes(2), 10);
        lists.get(REVOCATION).orElseThrow();
        operator.statusLists.revoke(position);

        clock.advance(Duration.ofSeconds(119));
        assertThat(lists.get(REVOCATION).orElseThrow().list().isSet(position.index()))
                .isFalse();
        assertThat(fetcher.fetches()).isEqualTo(1);

        clock.advance(Duration.ofSeconds(1));
        assertThat(lists.get(REVOCATION).orElseThrow().list().isSet(position.index()))
                .isTrue();
        assertThat(fetcher.fetches()).isEqualTo(2);
    }

    @Test
    void get_neverCachesLongerThanTheListTtl() {
        CachingStatusLists lists = lists(Duration.ofHours(1), 10);
        lists.get(REVOCATION).orElseThrow();

        clock.advance(StatusListChecker.DEFAULT_TTL);
        lists.get(REVOCATION).orElseThrow();

        assertThat(fetcher.fetches()).isEqualTo(2);
    }

    @Test
    void get_doesNotCacheFailures() {
        CachingStatusLists lists = lists(Duration.ofMinutes(2), 10);
        fetcher.setReachable(false);
        Result<VerifiedStatusList> down = lists.get(REVOCATION);
        assertThat(((Result.Failure<?>) down).kind()).isEqualTo(Result.Kind.UNAVAILABLE);

        fetcher.setReachable(true);
        assertThat(lists.get(REVOCATION).isOk()).isTrue();
    }

    @Test
    void get_boundsTheCache_evictingTheLeastRecentlyUsed() {
        CachingStatusLists lists = lists(Duration.ofMinutes(2), 1);

        lists.get(REVOCATION).orElseThrow();
        lists.get(SUSPENSION).orElseThrow();
        lists.get(REVOCATION).orElseThrow();

        assertThat(fetcher.fetches()).isEqualTo(3);
    }

    private CachingStatusLists lists(Duration maxAge, int maxEntries) {
        return new CachingStatusLists(fetcher, new StatusListChecker(didKeys, clock), clock, maxAge, maxEntries);
    }
}
