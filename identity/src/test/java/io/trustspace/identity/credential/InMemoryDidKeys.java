package io.trustspace.identity.credential;

import io.trustspace.common.Result;
import io.trustspace.crypto.CryptoSuite;
import java.security.KeyPair;
import java.security.PublicKey;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** DID documents as a map from {@code did#keyId} to public key: the fake of {@link DidKeys}. */
public final class InMemoryDidKeys implements DidKeys {

    private final Map<String, PublicKey> keys = new ConcurrentHashMap<>();
    private final AtomicInteger lookups = new AtomicInteger();

    /** A new key pair of the suite's default algorithm, published as {@code did#keyId}. */
    public DidSigningKey newKey(String did, String keyId, CryptoSuite suite) {
        KeyPair pair = suite.generateSigningKeyPair();
        keys.put(did + "#" + keyId, pair.getPublic());
        return new DidSigningKey(did, keyId, pair.getPrivate(), suite);
    }

    public void publish(String did, String keyId, PublicKey key) {
        keys.put(did + "#" + keyId, key);
    }

    public int lookups() {
        return lookups.get();
    }

    @Override
    public Result<PublicKey> resolve(String did, String keyId) {
        lookups.incrementAndGet();
        PublicKey key = keys.get(did + "#" + keyId);
        return key != null
                ? Result.ok(key)
                : Result.unauthorized("key " + keyId + " is not a verification method of " + did);
    }
}
