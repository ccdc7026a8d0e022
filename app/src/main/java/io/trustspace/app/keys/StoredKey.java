package io.trustspace.app.keys;

import io.trustspace.crypto.SignatureAlgorithm;
import java.time.Instant;

/** A node key as stored: public part in the clear (SubjectPublicKeyInfo PEM), private part sealed. */
public record StoredKey(
        String kid,
        SignatureAlgorithm algorithm,
        String publicKeyPem,
        String sealedPrivate,
        KeyStatus status,
        Instant createdAt,
        Instant retiredAt) {

    /** ACTIVE signs; RETIRED only verifies what it signed before. */
    public enum KeyStatus {
        ACTIVE,
        RETIRED
    }

    @Override
    public String toString() {
        return "StoredKey[" + kid + ", " + algorithm + ", " + status + "]";
    }
}
