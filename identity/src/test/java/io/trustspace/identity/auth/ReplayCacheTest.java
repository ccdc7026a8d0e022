package io.trustspace.identity.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.trustspace.identity.auth.ReplayCache.Admission;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ReplayCacheTest {

    private static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");
    private static final String ISSUER = "did:web:consumer.example";

    @Test
    void admit_acceptsAnIdOnce_andRefusesItUntilItsTokenExpires() {
        ReplayCache cache = new ReplayCache(10);
        Instant until = T0.plusSeconds(180);

        assertThat(cache.admit(ISSUER, "a", until, T0)).isEqualTo(Admission.ADMITTED);
        assertThat(cache.admit(ISSUER, "a", until, T0.plusSeconds(1))).isEqualTo(Admission.REPLAYED);
        assertThat(cache.admit(ISSUER, "a", until, until)).isEqualTo(Admission.REPLAYED);
        assertThat(cache.admit("did:web:other.example", "a", until, T0)).isEqualTo(Admission.ADMITTED);
    }

    @Test
    void admit_keysOnIssuerAndIdTogether_withoutAmbiguousConcatenation() {
        ReplayCache cache = new ReplayCache(10);
        Instant until = T0.plusSeconds(180);

        assertThat(cache.admit("did:web:a", "b:c", until, T0)).isEqualTo(Admission.ADMITTED);
        assertThat(cache.admit("did:web:a:b", "c", until, T0)).isEqualTo(Admission.ADMITTED);
    }

    @Test
    void admit_whenFullOfLiveIds_refusesNewIds_andStillRefusesReplays() {
        ReplayCache cache = new ReplayCache(2);
        Instant until = T0.plusSeconds(180);
        cache.admit(ISSUER, "a", until, T0);
        cache.admit(ISSUER, "b", until, T0);

        assertThat(cache.admit(ISSUER, "c", until, T0.plusSeconds(10))).isEqualTo(Admission.FULL);
        assertThat(cache.admit(ISSUER, "a", until, T0.plusSeconds(10))).isEqualTo(Admission.REPLAYED);
        assertThat(cache.admit(ISSUER, "b", until, T0.plusSeconds(179))).isEqualTo(Admission.REPLAYED);
        assertThat(cache.size()).isEqualTo(2);
    }

    @Test
    void admit_whenFull_evictsTheIdsWhoseTokensExpiredFirst() {
        ReplayCache cache = new ReplayCache(2);
        cache.admit(ISSUER, "early", T0.plusSeconds(60), T0);
        cache.admit(ISSUER, "late", T0.plusSeconds(300), T0);

        assertThat(cache.admit(ISSUER, "new", T0.plusSeconds(400), T0.plusSeconds(61)))
                .isEqualTo(Admission.ADMITTED);
        assertThat(cache.admit(ISSUER, "late", T0.plusSeconds(300), T0.plusSeconds(62)))
                .isEqualTo(Admission.REPLAYED);
        assertThat(cache.size()).isEqualTo(2);
    }

    @Test
    void admit_neverHoldsMoreThanItsBound_andNeverAdmitsALiveReplay() {
        Random random = new Random(2026);
        int max = 64;
        ReplayCache cache = new ReplayCache(max);
        List<String> ids = new ArrayList<>();
        List<Instant> untils = new ArrayList<>();
        Instant now = T0;
        for (int step = 0; step < 5_000; step++) {
            now = now.plusMillis(random.nextInt(2_000));
            if (!ids.isEmpty() && random.nextInt(3) == 0) {
                int pick = random.nextInt(ids.size());
                Admission replay = cache.admit(ISSUER, ids.get(pick), untils.get(pick), now);
                if (!now.isAfter(untils.get(pick))) {
                    assertThat(replay).isEqualTo(Admission.REPLAYED);
                }
            } else {
                String id = "t" + step;
                Instant until = now.plusSeconds(60 + random.nextInt(300));
                if (cache.admit(ISSUER, id, until, now) == Admission.ADMITTED) {
                    ids.add(id);
                    untils.add(until);
                }
            }
            assertThat(cache.size()).isLessThanOrEqualTo(max);
        }
    }

    @Test
    void admit_isAtomic_oneOfManyConcurrentUsesWins() throws Exception {
        ReplayCache cache = new ReplayCache(1_000);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            for (int round = 0; round < 50; round++) {
                String id = "token-" + round;
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Admission>> results = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    results.add(pool.submit(() -> {
                        start.await();
                        return cache.admit(ISSUER, id, T0.plusSeconds(180), T0);
                    }));
                }
                start.countDown();
                int admitted = 0;
                for (Future<Admission> result : results) {
                    if (result.get(10, TimeUnit.SECONDS) == Admission.ADMITTED) {
                        admitted++;
                    }
                }
                assertThat(admitted).isEqualTo(1);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
