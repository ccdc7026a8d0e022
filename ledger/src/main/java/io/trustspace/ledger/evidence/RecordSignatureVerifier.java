package io.trustspace.ledger.evidence;

import io.trustspace.common.Result;

/**
 * Port that checks an actor's signature on an evidence record: resolves the record's {@code actor} DID to its
 * current verification keys, checks the JWS ({@link SignedEvidence#jws()}) over the canonical record
 * ({@link SignedEvidence#payload()}, supplied when the JWS is detached) with the algorithm its header names, and
 * checks that the key is authorised for the actor. Implemented by the application with the crypto module's JWS
 * support and the identity module's DID resolution.
 *
 * <p>Implementations must be thread-safe. Results: the same evidence when the signature holds; INVALID for a
 * malformed JWS or a signature that does not verify; UNAUTHORIZED when the key does not belong to the actor (or is
 * revoked); UNAVAILABLE when the actor's DID cannot be resolved right now, which the caller may retry.
 */
@FunctionalInterface
public interface RecordSignatureVerifier {

    Result<SignedEvidence> verify(SignedEvidence evidence);
}
