package io.trustspace.identity.credential;

import io.trustspace.common.Result;
import io.trustspace.crypto.jose.Jws;
import io.trustspace.crypto.jose.VerifiedJws;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Verifies a fetched {@code BitstringStatusListCredential} secured as a {@code vc+jwt} and decodes its list (Bitstring
 * Status List v1.0 §3.2, validate algorithm). Stateless apart from its collaborators; thread-safe.
 *
 * <p>Checks, in order, each failure naming the rule: length at most {@value #MAX_CREDENTIAL_LENGTH} characters; header
 * {@code typ vc+jwt} and a {@code kid} that is a DID URL; the key from {@link DidKeys} (its failure is passed on);
 * the signature ({@link Jws#verify}); VC 2.0 base context; type {@code BitstringStatusListCredential}; {@code id}
 * equal to the URL it was fetched from (so one list cannot be served in place of another); issuer equal to the DID
 * of the {@code kid}; {@code validFrom} not in the future and {@code validUntil}, if present, not past (both with
 * {@link #MAX_CLOCK_SKEW}); subject type {@code BitstringStatusList}; {@code statusSize} absent or 1; {@code
 * encodedList} decoding to at most {@code maxListBytes} ({@link BitstringStatusList#decode}).
 */
public final class StatusListChecker {

    public static final String CREDENTIAL_TYPE = "BitstringStatusListCredential";
    public static final String SUBJECT_TYPE = "BitstringStatusList";

    /** The spec's cache lifetime when a list has no {@code ttl}: 300,000 ms. */
    public static final Duration DEFAULT_TTL = Duration.ofMillis(300_000);

    public static final Duration MAX_CLOCK_SKEW = Duration.ofSeconds(60);

    /** Longest status list credential accepted: {@link Jws#MAX_COMPACT_LENGTH}, 1 MiB. */
    public static final int MAX_CREDENTIAL_LENGTH = Jws.MAX_COMPACT_LENGTH;

    private static final int MAX_PURPOSES = 8;
    private static final long MAX_TTL_MILLIS = Duration.ofDays(1).toMillis();

    private final DidKeys didKeys;
    private final Clock clock;
    private final int maxListBytes;

    /** A checker accepting lists of up to {@link BitstringStatusList#DEFAULT_MAX_BYTES}. */
    public StatusListChecker(DidKeys didKeys, Clock clock) {
        this(didKeys, clock, BitstringStatusList.DEFAULT_MAX_BYTES);
    }

    /** @param maxListBytes largest decompressed list accepted, 16 KiB to 256 MiB */
    public StatusListChecker(DidKeys didKeys, Clock clock, int maxListBytes) {
        this.didKeys = Objects.requireNonNull(didKeys, "didKeys");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (maxListBytes < BitstringStatusList.MIN_ENTRIES / 8 || maxListBytes > BitstringStatusList.MAX_BYTES_LIMIT) {
            throw new IllegalArgumentException(
                    "maxListBytes must be between 16 KiB and " + BitstringStatusList.MAX_BYTES_LIMIT);
        }
        this.maxListBytes = maxListBytes;
    }

    /** Verifies {@code compactJws}, fetched from {@code url}, and decodes its list. */
    public Result<VerifiedStatusList> check(String url, String compactJws) {
        if (compactJws == null || compactJws.length() > MAX_CREDENTIAL_LENGTH) {
            return Result.invalid("status list credential is missing or longer than " + MAX_CREDENTIAL_LENGTH);
        }
        Result<Map<String, Object>> header = Jws.unverifiedHeader(compactJws);
        if (header instanceof Result.Failure<Map<String, Object>> failure) {
            return Result.invalid("status list credential from " + url + ": " + failure.reason());
        }
        if (!VcJson.VC_JWT_TYPE.equals(header.orElseThrow().get("typ"))) {
            return Result.invalid("status list credential from " + url + " is not typ " + VcJson.VC_JWT_TYPE);
        }
        if (!(header.orElseThrow().get("kid") instanceof String kidText)) {
            return Result.invalid("status list credential from " + url + " has no kid");
        }
        Result<DidUrl> kid = DidUrl.parse(kidText);
        if (kid instanceof Result.Failure<DidUrl> failure) {
            return failure.cast();
        }
        Result<PublicKey> key =
                didKeys.resolve(kid.orElseThrow().did(), kid.orElseThrow().fragment());
        if (key instanceof Result.Failure<PublicKey> failure) {
            return new Result.Failure<>(
                    failure.kind(), "key " + kid.orElseThrow() + " of the status list: " + failure.reason());
        }
        Result<VerifiedJws> verified = Jws.verify(compactJws, key.orElseThrow());
        if (verified instanceof Result.Failure<VerifiedJws> failure) {
            return new Result.Failure<>(failure.kind(), "status list credential from " + url + ": " + failure.reason());
        }
        Result<ObjectNode> parsed = VcJson.parseObject(verified.orElseThrow().payload(), "status list credential");
        if (parsed instanceof Result.Failure<ObjectNode> failure) {
            return failure.cast();
        }
        return read(url, kid.orElseThrow().did(), parsed.orElseThrow());
    }

    private Result<VerifiedStatusList> read(String url, String signer, ObjectNode json) {
        if (!VcJson.hasBaseContext(json)) {
            return Result.invalid("status list credential @context must start with " + VcJson.CREDENTIALS_V2);
        }
        if (!VcJson.types(json.get("type")).contains(CREDENTIAL_TYPE)) {
            return Result.invalid("credential from " + url + " is not a " + CREDENTIAL_TYPE);
        }
        Optional<String> id = VcJson.string(json, "id");
        if (id.isEmpty() || !id.get().equals(url)) {
            return Result.invalid("status list fetched from " + url + " has id "
                    + id.map(DidUrl::quote).orElse("(none)") + "; the id must equal the URL");
        }
        Optional<String> issuer = VcJson.issuer(json);
        if (issuer.isEmpty() || !issuer.get().equals(signer)) {
            return Result.invalid("status list " + url + " names issuer "
                    + issuer.map(DidUrl::quote).orElse("(none)") + " but is signed by " + signer);
        }
        Instant now = clock.instant();
        Result<Instant> validFrom = VcJson.parseDateTime(json.get("validFrom"), "validFrom");
        if (validFrom instanceof Result.Failure<Instant> failure) {
            return failure.cast();
        }
        if (validFrom.orElseThrow().isAfter(now.plus(MAX_CLOCK_SKEW))) {
            return Result.invalid("status list " + url + " is not valid before " + validFrom.orElseThrow());
        }
        Instant validUntil = null;
        if (json.has("validUntil")) {
            Result<Instant> until = VcJson.parseDateTime(json.get("validUntil"), "validUntil");
            if (until instanceof Result.Failure<Instant> failure) {
                return failure.cast();
            }
            validUntil = until.orElseThrow();
            if (!now.minus(MAX_CLOCK_SKEW).isBefore(validUntil)) {
                return Result.invalid("status list " + url + " expired at " + validUntil);
            }
        }
        JsonNode subject = json.get("credentialSubject");
        if (subject == null
                || !subject.isObject()
                || !VcJson.types(subject.get("type")).contains(SUBJECT_TYPE)) {
            return Result.invalid("status list " + url + " credentialSubject is not a " + SUBJECT_TYPE);
        }
        Result<Set<String>> purposes = purposes(subject.get("statusPurpose"));
        if (purposes instanceof Result.Failure<Set<String>> failure) {
            return failure.cast();
        }
        JsonNode size = subject.get("statusSize");
        if (size != null && !(size.isIntegralNumber() && size.canConvertToLong() && size.longValue() == 1)) {
            return Result.invalid("status list " + url + " has statusSize other than 1; not supported");
        }
        Duration ttl = DEFAULT_TTL;
        JsonNode ttlNode = subject.get("ttl");
        if (ttlNode != null) {
            if (!ttlNode.isIntegralNumber()
                    || !ttlNode.canConvertToLong()
                    || ttlNode.longValue() < 0
                    || ttlNode.longValue() > MAX_TTL_MILLIS) {
                return Result.invalid("status list ttl must be milliseconds from 0 to " + MAX_TTL_MILLIS);
            }
            ttl = Duration.ofMillis(ttlNode.longValue());
        }
        Optional<String> encoded = VcJson.string(subject, "encodedList");
        if (encoded.isEmpty()) {
            return Result.invalid("status list " + url + " has no encodedList");
        }
        Result<BitstringStatusList> list = BitstringStatusList.decode(encoded.get(), maxListBytes);
        if (list instanceof Result.Failure<BitstringStatusList> failure) {
            return Result.invalid("status list " + url + ": " + failure.reason());
        }
        return Result.ok(new VerifiedStatusList(
                url, signer, purposes.orElseThrow(), list.orElseThrow(), validFrom.orElseThrow(), validUntil, ttl));
    }

    private static Result<Set<String>> purposes(JsonNode node) {
        Set<String> purposes = new LinkedHashSet<>();
        if (node != null && node.isString()) {
            purposes.add(node.stringValue());
        } else if (node != null && node.isArray() && node.size() > 0 && node.size() <= MAX_PURPOSES) {
            for (JsonNode element : node.values()) {
                if (!element.isString()) {
                    return Result.invalid("statusPurpose must be one or more strings");
                }
                purposes.add(element.stringValue());
            }
        } else {
            return Result.invalid("statusPurpose must be a string or 1 to " + MAX_PURPOSES + " strings");
        }
        return Result.ok(purposes);
    }
}
