package io.trustspace.ledger.testing;

import io.trustspace.ledger.outbox.EvidenceSigner;

/** Signs nothing: returns a well-formed detached compact JWS with a constant signature. */
public final class FakeEvidenceSigner implements EvidenceSigner {

    public static final String ACTOR = "did:web:operator.trustspace.example";

    @Override
    public String actor() {
        return ACTOR;
    }

    @Override
    public String sign(byte[] canonicalRecord) {
        // {"alg":"EdDSA"} . (detached payload) . "signature"
        return "eyJhbGciOiJFZERTQSJ9..c2lnbmF0dXJl";
    }
}
