package io.trustspace.ledger.outbox;

/**
 * Signs evidence as this node (port): a compact JWS over the record's canonical JSON with the node's active key, in
 * the suite's algorithm, with the key id in the header. Thread-safe.
 */
public interface EvidenceSigner {

    /** The DID evidence is signed as. */
    String actor();

    String sign(byte[] canonicalRecord);
}
