package io.trustspace.catalog.resource;

import io.trustspace.ledger.outbox.EvidenceSigner;

/** Signs nothing: returns a well-formed detached compact JWS with a constant signature. */
final class FakeEvidenceSigner implements EvidenceSigner {

    static final String ACTOR = "did:web:operator.trustspace.example";

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
