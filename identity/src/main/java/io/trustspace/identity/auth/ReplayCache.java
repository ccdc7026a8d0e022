package io.trustspace.identity.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * The token ids ({@code iss} + {@code jti}) seen while their tokens could still be accepted, so that each token is
 * accepted once. Bounded to {@code maxEntries}.
 *
 * <p>The trade-off when full: a plain LRU would evict the least recently used id even if its token is still live,
 * and a replay of that token would then be accepted. This cache never forgets a live token. Before admitting a new
 * id it drops every id whose token can no longer be accepted anyway ({@code acceptedUntil} passed: the time check
 * refuses it before the replay check is reached); if it is still full, the new token is refused ({@link
 * Admission#FULL}). So the cache fails closed: under a flood of valid tokens, new callers are turned away until
 * entries expire (at most the 5-minute lifetime plus skew), but a replay is never let through. Size it for peak
 * tokens per lifetime; 100,000 entries cost about 30 MB, since ids are kept as SHA-256 digests of (iss, jti) whatever
 * their length.
 *
 * <p>Per process: replicas of one connector must share a cache (or route each caller to one replica) for the
 * once-only guarantee to hold across them. Thread-safe: {@link #admit} is atomic.
 */
public final class ReplayCache {

    /** What {@link #admit} decided. */
    public enum Admission {
        /** First use of this id: remembered until its token expires. */
        ADMITTED,
        /** The id was seen before and its token is still live: a replay. */
        REPLAYED,
        /** The cache is full of live ids; the token cannot be remembered and must be refused. */
        FULL
    }

    private record Expiry(Instant acceptedUntil, String key) {}

    private final int maxEntries;
    private final Map<String, Instant> seen = new HashMap<>();
    private final PriorityQueue<Expiry> byExpiry =
            new PriorityQueue<>((a, b) -> a.acceptedUntil().compareTo(b.acceptedUntil()));

    public ReplayCache(int maxEntries) {
        if (maxEntries < 1) {
            throw new IllegalArgumentException("a replay cache holds at least one entry");
        }
        this.maxEntries = maxEntries;
    }

    /**
     * Admits the token {@code tokenId} of {@code issuer} once: remembers it until {@code acceptedUntil} (the last
     * instant the verifier would accept the token), unless it was already seen or the cache is full.
     */
    public synchronized Admission admit(String issuer, String tokenId, Instant acceptedUntil, Instant now) {
        while (!byExpiry.isEmpty() && byExpiry.peek().acceptedUntil().isBefore(now)) {
            Expiry expired = byExpiry.poll();
            seen.remove(expired.key(), expired.acceptedUntil());
        }
        String key = key(issuer, tokenId);
        if (seen.containsKey(key)) {
            return Admission.REPLAYED;
        }
        if (seen.size() >= maxEntries) {
            return Admission.FULL;
        }
        seen.put(key, acceptedUntil);
        byExpiry.add(new Expiry(acceptedUntil, key));
        return Admission.ADMITTED;
    }

    /** How many ids are remembered, including some whose tokens expired since the last {@link #admit}. */
    public synchronized int size() {
        return seen.size();
    }

    private static String key(String issuer, String tokenId) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            // Length-prefixed, so that no two (issuer, id) pairs share an encoding.
            byte[] issuerBytes = issuer.getBytes(StandardCharsets.UTF_8);
            sha256.update(Integer.toString(issuerBytes.length).getBytes(StandardCharsets.US_ASCII));
            sha256.update((byte) ':');
            sha256.update(issuerBytes);
            sha256.update(tokenId.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha256.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
