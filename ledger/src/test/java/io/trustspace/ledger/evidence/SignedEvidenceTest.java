package io.trustspace.ledger.evidence;

import static io.trustspace.ledger.evidence.EvidenceRecordTest.assertReason;
import static org.assertj.core.api.Assertions.assertThat;

import io.trustspace.common.Result;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class SignedEvidenceTest {

    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();

    /** A minimal EdDSA JWS over the canonical record, standing in for the crypto module's JWS. */
    private static String detachedJws(EvidenceRecord record, KeyPair keys) throws Exception {
        String header = B64URL.encodeToString("{\"alg\":\"EdDSA\",\"b64\":true}".getBytes(StandardCharsets.UTF_8));
        String payload = B64URL.encodeToString(record.canonicalJson());
        Signature signer = Signature.getInstance("Ed25519");
        signer.initSign(keys.getPrivate());
        signer.update((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
        return header + ".." + B64URL.encodeToString(signer.sign());
    }

    /** How the app implements the port: rebuild the signing input from the canonical record and check it. */
    private static RecordSignatureVerifier verifierWith(PublicKey actorKey) {
        return evidence -> {
            String[] parts = evidence.jws().split("\\.", -1);
            String payload = B64URL.encodeToString(evidence.payload());
            try {
                Signature verifier = Signature.getInstance("Ed25519");
                verifier.initVerify(actorKey);
                verifier.update((parts[0] + "." + payload).getBytes(StandardCharsets.US_ASCII));
                return verifier.verify(Base64.getUrlDecoder().decode(parts[2]))
                        ? Result.ok(evidence)
                        : Result.invalid("signature of " + evidence.record().actor() + " does not verify");
            } catch (Exception e) {
                return Result.invalid("malformed JWS");
            }
        };
    }

    @Test
    void detachedSignature_overTheCanonicalRecord_verifiesThroughThePort() throws Exception {
        KeyPair actor = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        EvidenceRecord record = EvidenceRecordTest.sample("ev-1");
        SignedEvidence signed =
                SignedEvidence.of(record, detachedJws(record, actor)).orElseThrow();

        assertThat(signed.isDetached()).isTrue();
        assertThat(verifierWith(actor.getPublic()).verify(signed).isOk()).isTrue();

        SignedEvidence otherRecord = new SignedEvidence(EvidenceRecordTest.sample("ev-2"), signed.jws());
        assertReason(verifierWith(actor.getPublic()).verify(otherRecord), "does not verify");
    }

    @Test
    void of_refusesJwsOfTheWrongShapeOrForAnotherRecord() throws Exception {
        KeyPair actor = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        EvidenceRecord record = EvidenceRecordTest.sample("ev-1");
        String detached = detachedJws(record, actor);
        String[] parts = detached.split("\\.", -1);
        String attached = parts[0] + "." + B64URL.encodeToString(record.canonicalJson()) + "." + parts[2];
        String attachedOther = parts[0] + "."
                + B64URL.encodeToString(EvidenceRecordTest.sample("ev-9").canonicalJson()) + "." + parts[2];

        assertThat(SignedEvidence.of(record, attached).orElseThrow().isDetached())
                .isFalse();
        assertReason(SignedEvidence.of(record, attachedOther), "JWS payload is not the canonical JSON of record ev-1");
        assertReason(SignedEvidence.of(record, "a.b"), "not three base64url segments");
        assertReason(SignedEvidence.of(record, "a.b.c+d"), "not three base64url segments");
        assertReason(SignedEvidence.of(record, ""), "JWS is missing");
        assertReason(SignedEvidence.of(record, "a." + "b".repeat(SignedEvidence.MAX_JWS_LENGTH) + ".c"), "exceeds");
    }
}
