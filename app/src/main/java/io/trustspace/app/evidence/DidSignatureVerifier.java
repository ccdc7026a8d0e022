package io.trustspace.app.evidence;

import io.trustspace.app.did.DidKeyResolver;
import io.trustspace.common.Result;
import io.trustspace.crypto.jose.Jws;
import io.trustspace.crypto.jose.VerifiedJws;
import io.trustspace.ledger.evidence.RecordSignatureVerifier;
import io.trustspace.ledger.evidence.SignedEvidence;
import java.security.PublicKey;
import java.util.Arrays;
import java.util.Map;

/**
 * Checks an evidence record's actor signature: the JWS header's {@code kid} names a verification method of the
 * actor's did:web document; the JWS must verify with that key over the record's canonical JSON.
 */
public final class DidSignatureVerifier implements RecordSignatureVerifier {

    private final DidKeyResolver keys;

    public DidSignatureVerifier(DidKeyResolver keys) {
        this.keys = keys;
    }

    @Override
    public Result<SignedEvidence> verify(SignedEvidence evidence) {
        Result<Map<String, Object>> header = Jws.unverifiedHeader(evidence.jws());
        if (header instanceof Result.Failure<Map<String, Object>> bad) {
            return bad.cast();
        }
        Result<PublicKey> key = keys.signingKey(evidence.record().actor(), header.orElseThrow());
        if (key instanceof Result.Failure<PublicKey> unresolved) {
            return unresolved.cast();
        }
        Result<VerifiedJws> verified = evidence.isDetached()
                ? Jws.verifyDetached(evidence.jws(), evidence.payload(), key.orElseThrow())
                : Jws.verify(evidence.jws(), key.orElseThrow());
        if (verified instanceof Result.Failure<VerifiedJws> rejected) {
            return Result.invalid(
                    "actor signature of record " + evidence.record().id() + " does not verify: " + rejected.reason());
        }
        if (!Arrays.equals(verified.orElseThrow().payload(), evidence.payload())) {
            return Result.invalid(
                    "actor signed other bytes than record " + evidence.record().id());
        }
        return Result.ok(evidence);
    }
}
