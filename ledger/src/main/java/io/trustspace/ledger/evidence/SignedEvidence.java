package io.trustspace.ledger.evidence;

import io.trustspace.common.Result;
import io.trustspace.crypto.jose.Base64Url;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;

/**
 * An evidence record with its actor's signature: a JWS in compact serialisation (RFC 7515 §7.1) whose payload is the
 * record's RFC 8785 canonical JSON, either attached or detached (RFC 7515 Appendix F: empty payload segment). The
 * signature itself is checked by a {@link RecordSignatureVerifier}, which knows how to resolve the actor's DID to a
 * key; this type only checks the JWS's shape and that an attached payload is this record.
 *
 * <p>Immutable and thread-safe.
 */
public record SignedEvidence(EvidenceRecord record, String jws) {

    /** Longest JWS accepted, in chars: header and signature plus an attached payload of a maximal record. */
    public static final int MAX_JWS_LENGTH = 32 * 1024;

    public SignedEvidence {
        Objects.requireNonNull(record, "record");
        shapeProblem(record, jws).ifPresent(reason -> {
            throw new IllegalArgumentException(reason);
        });
    }

    /** The signed evidence, or an INVALID failure saying why the JWS cannot be this record's signature. */
    public static Result<SignedEvidence> of(EvidenceRecord record, String jws) {
        return shapeProblem(record, jws)
                .<Result<SignedEvidence>>map(Result::invalid)
                .orElseGet(() -> Result.ok(new SignedEvidence(record, jws)));
    }

    /** The bytes the JWS signs (with its protected header): the record's canonical JSON. */
    public byte[] payload() {
        return record.canonicalJson();
    }

    /** True if the JWS carries no payload and the verifier must supply {@link #payload()}. */
    public boolean isDetached() {
        return jws.indexOf("..") > 0;
    }

    private static Optional<String> shapeProblem(EvidenceRecord record, String jws) {
        if (jws == null || jws.isEmpty()) {
            return Optional.of("JWS is missing");
        }
        if (jws.length() > MAX_JWS_LENGTH) {
            return Optional.of("JWS of " + jws.length() + " chars exceeds " + MAX_JWS_LENGTH);
        }
        int first = jws.indexOf('.');
        int second = first < 0 ? -1 : jws.indexOf('.', first + 1);
        if (first <= 0
                || second < 0
                || second == jws.length() - 1
                || jws.indexOf('.', second + 1) >= 0
                || !Base64Url.usesAlphabet(jws.substring(0, first))
                || !Base64Url.usesAlphabet(jws.substring(first + 1, second))
                || !Base64Url.usesAlphabet(jws.substring(second + 1))) {
            return Optional.of("JWS is not three base64url segments separated by dots (compact form)");
        }
        String payload = jws.substring(first + 1, second);
        if (!payload.isEmpty()) {
            String expected = Base64.getUrlEncoder().withoutPadding().encodeToString(record.canonicalJson());
            if (!payload.equals(expected)) {
                return Optional.of("JWS payload is not the canonical JSON of record " + record.id());
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return "SignedEvidence[" + record.id() + ", " + jws.length() + "-char JWS]";
    }
}
