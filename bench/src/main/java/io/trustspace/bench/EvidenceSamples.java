package io.trustspace.bench;

import io.trustspace.crypto.CryptoSuite;
import io.trustspace.crypto.SuiteId;
import io.trustspace.ledger.evidence.EvidenceRecord;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * Realistic evidence records for the benchmarks, the same for every run with the same seed: record {@code i} belongs
 * to contract negotiation {@code i / 8}, walks through its eight lifecycle events (requested … transfer.completed),
 * links to the previous event of that negotiation, and names a dataset once the transfer starts. The canonical JSON
 * of a record is about 250 to 300 bytes.
 *
 * <p>{@link #entry(long)} builds the canonical JSON from a template, about fifty times faster than
 * {@link EvidenceRecord#canonicalJson()}, so that a million entries can be made in a second or two; the template is
 * checked against the real canonicalisation ({@link #checkTemplate(long)}) before a driver relies on it.
 *
 * <p>Thread-safe (each call uses its own digest).
 */
final class EvidenceSamples {

    static final String ACTOR = "did:web:provider.example.org";
    static final String ACTOR_KEY_ID = ACTOR + "#evidence-1";
    static final String LOG_ORIGIN = "bench.trustspace.example/ledger";

    private static final int EVENTS_PER_NEGOTIATION = 8;
    private static final List<String> TYPES = List.of(
            "contract.requested",
            "contract.offered",
            "contract.agreed",
            "contract.verified",
            "contract.finalized",
            "transfer.requested",
            "transfer.started",
            "transfer.completed");
    private static final Instant START = Instant.parse("2025-03-01T08:00:00.000Z");
    private static final DateTimeFormatter RFC_3339_MILLIS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final CryptoSuite suite;
    private final long seed;
    private final String digestLabel;

    EvidenceSamples(CryptoSuite suite, long seed) {
        this.suite = suite;
        this.seed = seed;
        this.digestLabel = suite.id() == SuiteId.GM ? "sm3:" : "sha-256:";
    }

    /** The id of record {@code i}: unique, because the mixing function is a bijection of the 64-bit index. */
    String id(long i) {
        return "ev-" + HexFormat.of().toHexDigits(mix(i ^ seed));
    }

    EvidenceRecord record(long i) {
        return new EvidenceRecord(id(i), type(i), ACTOR, subjects(i), payloadDigest(i), time(i), previous(i));
    }

    /** The RFC 8785 canonical JSON of {@link #record(long)}, built from a template. */
    byte[] entry(long i) {
        // Members in the order RFC 8785 sorts them; every value is ASCII without characters to escape.
        StringBuilder json = new StringBuilder(300)
                .append("{\"actor\":\"")
                .append(ACTOR)
                .append("\",\"id\":\"")
                .append(id(i))
                .append("\",\"payloadDigest\":\"")
                .append(payloadDigest(i))
                .append('"');
        String previous = previous(i);
        if (previous != null) {
            json.append(",\"previous\":\"").append(previous).append('"');
        }
        json.append(",\"subjects\":[");
        List<String> subjects = subjects(i);
        for (int s = 0; s < subjects.size(); s++) {
            json.append(s == 0 ? "\"" : ",\"").append(subjects.get(s)).append('"');
        }
        json.append("],\"time\":\"")
                .append(RFC_3339_MILLIS.format(time(i)))
                .append("\",\"type\":\"")
                .append(type(i))
                .append("\"}");
        return json.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * Checks that the template gives exactly the platform's canonical JSON for record {@code i}.
     *
     * @throws IllegalStateException if it does not, which would make every number measured with it meaningless
     */
    void checkTemplate(long i) {
        byte[] canonical = record(i).canonicalJson();
        if (!Arrays.equals(canonical, entry(i))) {
            throw new IllegalStateException("template entry " + i + " differs from the canonical JSON:\n"
                    + new String(entry(i), StandardCharsets.US_ASCII) + "\n"
                    + new String(canonical, StandardCharsets.US_ASCII));
        }
    }

    private static String type(long i) {
        return TYPES.get((int) (i % EVENTS_PER_NEGOTIATION));
    }

    private static List<String> subjects(long i) {
        String agreement = "agreement-" + pad(i / EVENTS_PER_NEGOTIATION, 7);
        if (i % EVENTS_PER_NEGOTIATION < 5) {
            return List.of(agreement);
        }
        return List.of(agreement, "dataset-" + pad((i / EVENTS_PER_NEGOTIATION) % 5_000, 5));
    }

    private String previous(long i) {
        return i % EVENTS_PER_NEGOTIATION == 0 ? null : id(i - 1);
    }

    private String payloadDigest(long i) {
        byte[] payload = ("payload of evidence " + i + " under seed " + seed).getBytes(StandardCharsets.US_ASCII);
        return digestLabel + HexFormat.of().formatHex(suite.digest(payload));
    }

    private static Instant time(long i) {
        return START.plusMillis(i * 37);
    }

    private static String pad(long value, int digits) {
        String text = Long.toString(value);
        return text.length() >= digits ? text : "0".repeat(digits - text.length()) + text;
    }

    /** The SplitMix64 finaliser: a bijection on 64-bit values that scatters consecutive indices. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
