package io.trustspace.identity.credential;

import io.trustspace.crypto.CryptoSuite;
import io.trustspace.crypto.jose.Jws;
import java.security.PrivateKey;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A private key this node signs with as a DID, and the verification method that publishes its public half: the
 * operator's key for credentials and status lists, a participant's key for access tokens. Immutable and thread-safe;
 * {@link #toString()} does not show the key.
 *
 * @param did the signer's DID
 * @param keyId the fragment of the verification method in the DID document (the {@code kid} is {@code did#keyId})
 * @param suite the space's crypto suite, which must sign with this key type
 */
public record DidSigningKey(String did, String keyId, PrivateKey privateKey, CryptoSuite suite) {

    public DidSigningKey {
        new DidUrl(did, keyId); // validates both
        Objects.requireNonNull(privateKey, "privateKey");
        Objects.requireNonNull(suite, "suite");
    }

    /** The verification method, {@code did#keyId}: the {@code kid} header of everything this key signs. */
    public DidUrl kid() {
        return new DidUrl(did, keyId);
    }

    /**
     * A compact JWS over {@code payload} with header {@code alg} (from the key), {@code kid} and {@code typ}, plus
     * {@code cty} when not null.
     */
    public String sign(String typ, String cty, byte[] payload) {
        Map<String, Object> headers = new LinkedHashMap<>();
        headers.put("typ", typ);
        if (cty != null) {
            headers.put("cty", cty);
        }
        return Jws.sign(suite, privateKey, kid().toString(), headers, payload);
    }

    @Override
    public String toString() {
        return "DidSigningKey[" + kid() + ", suite " + suite.id().label() + "]";
    }
}
