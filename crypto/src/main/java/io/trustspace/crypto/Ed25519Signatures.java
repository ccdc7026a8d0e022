package io.trustspace.crypto;

import java.io.IOException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.crypto.util.PublicKeyFactory;

/**
 * Ed25519 through Bouncy Castle's lightweight API, which is several times faster than JDK 17's SunEC. JCA keys of any
 * provider are converted through their standard encodings. Thread-safe.
 */
final class Ed25519Signatures {

    static final int SIGNATURE_LENGTH = 64;

    /**
     * Converting a key costs a scalar multiplication (private: deriving the public key) or a point decompression
     * (public), as much as the signature itself. A node signs with a few keys and verifies its peers' keys over and
     * over, each time from a freshly parsed JWK, so conversions are cached by the key's encoding. Bounded: when full
     * the cache starts over, which costs a few conversions and never grows memory.
     */
    static final int CACHE_LIMIT = 1_024;

    private static final Map<Encoding, Ed25519PrivateKeyParameters> PRIVATE = new ConcurrentHashMap<>();
    private static final Map<Encoding, Ed25519PublicKeyParameters> PUBLIC = new ConcurrentHashMap<>();

    /** A key's standard encoding, compared by content. */
    private record Encoding(byte[] bytes) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Encoding that && Arrays.equals(bytes, that.bytes);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(bytes);
        }

        @Override
        public String toString() {
            return "Encoding[hidden]";
        }
    }

    private Ed25519Signatures() {}

    static byte[] sign(PrivateKey key, byte[] message) {
        Ed25519Signer signer = new Ed25519Signer();
        signer.init(true, privateParams(key));
        signer.update(message, 0, message.length);
        return signer.generateSignature();
    }

    static boolean verify(PublicKey key, byte[] message, byte[] signature) {
        if (signature.length != SIGNATURE_LENGTH) {
            return false;
        }
        try {
            Ed25519Signer signer = new Ed25519Signer();
            signer.init(false, publicParams(key));
            signer.update(message, 0, message.length);
            return signer.verifySignature(signature);
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static Ed25519PrivateKeyParameters privateParams(PrivateKey key) {
        return cached(PRIVATE, key.getEncoded(), encoded -> {
            try {
                if (!(PrivateKeyFactory.createKey(encoded) instanceof Ed25519PrivateKeyParameters ed)) {
                    throw new IllegalArgumentException("not an Ed25519 private key");
                }
                return ed;
            } catch (IOException e) {
                throw new IllegalArgumentException("unreadable Ed25519 private key", e);
            }
        });
    }

    private static Ed25519PublicKeyParameters publicParams(PublicKey key) {
        return cached(PUBLIC, key.getEncoded(), encoded -> {
            try {
                if (!(PublicKeyFactory.createKey(encoded) instanceof Ed25519PublicKeyParameters ed)) {
                    throw new IllegalArgumentException("not an Ed25519 public key");
                }
                return ed;
            } catch (IOException e) {
                throw new IllegalArgumentException("unreadable Ed25519 public key", e);
            }
        });
    }

    private static <P> P cached(Map<Encoding, P> cache, byte[] encoded, Function<byte[], P> convert) {
        if (encoded == null) {
            throw new IllegalArgumentException("the key has no standard encoding");
        }
        Encoding encoding = new Encoding(encoded);
        P params = cache.get(encoding);
        if (params == null) {
            params = convert.apply(encoded);
            if (cache.size() >= CACHE_LIMIT) {
                cache.clear();
            }
            cache.put(encoding, params);
        }
        return params;
    }

    /** Entries held now (for tests). */
    static int cachedKeys() {
        return PRIVATE.size() + PUBLIC.size();
    }
}
