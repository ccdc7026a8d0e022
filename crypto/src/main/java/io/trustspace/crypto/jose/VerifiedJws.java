package io.trustspace.crypto.jose;

import io.trustspace.crypto.SignatureAlgorithm;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A JWS whose signature checked out: its algorithm, key id, whole protected header and payload. Immutable; the
 * payload is copied in and out.
 *
 * @param kid the {@code kid} header, or null if there was none
 * @param header every protected header parameter as parsed JSON (strings, numbers, booleans, lists, maps)
 */
public record VerifiedJws(SignatureAlgorithm algorithm, String kid, Map<String, Object> header, byte[] payload) {

    public VerifiedJws {
        Objects.requireNonNull(algorithm, "algorithm");
        header = Collections.unmodifiableMap(new LinkedHashMap<>(header)); // JSON may hold nulls
        payload = payload.clone();
    }

    public Optional<String> keyId() {
        return Optional.ofNullable(kid);
    }

    /** The {@code typ} header, if present and a string. */
    public Optional<String> type() {
        return header.get("typ") instanceof String typ ? Optional.of(typ) : Optional.empty();
    }

    @Override
    public byte[] payload() {
        return payload.clone();
    }

    public String payloadAsString() {
        return new String(payload, StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof VerifiedJws that
                && algorithm == that.algorithm
                && Objects.equals(kid, that.kid)
                && header.equals(that.header)
                && Arrays.equals(payload, that.payload);
    }

    @Override
    public int hashCode() {
        return Objects.hash(algorithm, kid, header, Arrays.hashCode(payload));
    }

    /** Algorithm, key id and payload length: payloads may carry personal data and do not belong in logs. */
    @Override
    public String toString() {
        return "VerifiedJws[%s, kid=%s, %d-byte payload]".formatted(algorithm.jwsName(), kid, payload.length);
    }
}
