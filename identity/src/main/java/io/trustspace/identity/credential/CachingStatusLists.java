package io.trustspace.identity.credential;

import io.trustspace.common.Result;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * {@link StatusLists} that fetches through a {@link StatusListFetcher}, verifies with a {@link StatusListChecker} and
 * keeps each verified list for the shortest of {@code maxAge}, the list's {@code ttl} and its {@code validUntil}.
 * Failures are not cached, so a list that was briefly unreachable is retried on the next request. The cache holds at
 * most {@code maxEntries} lists, evicting the least recently used.
 *
 * <p>Thread-safe. Fetches run outside the lock; two requests for the same missing list may both fetch it.
 */
public final class CachingStatusLists implements StatusLists {

    private record Cached(VerifiedStatusList list, Instant freshUntil) {}

    private final StatusListFetcher fetcher;
    private final StatusListChecker checker;
    private final Clock clock;
    private final Duration maxAge;
    private final Map<String, Cached> cache;

    public CachingStatusLists(
            StatusListFetcher fetcher, StatusListChecker checker, Clock clock, Duration maxAge, int maxEntries) {
        this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
        this.checker = Objects.requireNonNull(checker, "checker");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (maxAge.isNegative() || maxEntries < 1) {
            throw new IllegalArgumentException("maxAge must not be negative and maxEntries must be positive");
        }
        this.maxAge = maxAge;
        this.cache = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Cached> eldest) {
                return size() > maxEntries;
            }
        };
    }

    @Override
    public Result<VerifiedStatusList> get(String url) {
        Instant now = clock.instant();
        synchronized (cache) {
            Cached cached = cache.get(url);
            if (cached != null && now.isBefore(cached.freshUntil())) {
                return Result.ok(cached.list());
            }
            cache.remove(url);
        }
        Result<VerifiedStatusList> checked = fetcher.fetch(url).flatMap(jws -> checker.check(url, jws));
        if (checked instanceof Result.Ok<VerifiedStatusList> ok) {
            VerifiedStatusList list = ok.value();
            Duration age = list.ttl().compareTo(maxAge) < 0 ? list.ttl() : maxAge;
            Instant freshUntil = now.plus(age);
            if (list.validUntil() != null && list.validUntil().isBefore(freshUntil)) {
                freshUntil = list.validUntil();
            }
            synchronized (cache) {
                cache.put(url, new Cached(list, freshUntil));
            }
        }
        return checked;
    }
}
