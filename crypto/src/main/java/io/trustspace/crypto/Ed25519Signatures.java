package io.trustspace.crypto;

import java.io.IOException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.concurrent.atomic.AtomicReference;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
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
     * One-entry caches keyed by key identity: a node signs with one key and verifies a few peers' keys over and over,
     * and converting a key costs a scalar multiplication (private: deriving the public key) or a point decompression
     * (public), as much as the signature itself.
     */
    private static final AtomicReference<Converted<PrivateKey, Ed25519PrivateKeyParameters>> LAST_PRIVATE =
            new AtomicReference<>();

    private static final AtomicReference<Converted<PublicKey, Ed25519PublicKeyParameters>> LAST_PUBLIC =
            new AtomicReference<>();

    private record Converted<K, P>(K key, P params) {
        @Override
        public String toString() {
            return "Converted[key material hidden]";
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
        } catch (RuntimeException | IOException e) {
            return false;
        }
    }

    private static Ed25519PrivateKeyParameters privateParams(PrivateKey key) {
        Converted<PrivateKey, Ed25519PrivateKeyParameters> last = LAST_PRIVATE.get();
        if (last != null && last.key() == key) {
            return last.params();
        }
        try {
            AsymmetricKeyParameter params = PrivateKeyFactory.createKey(key.getEncoded());
            if (!(params instanceof Ed25519PrivateKeyParameters ed)) {
                throw new IllegalArgumentException("not an Ed25519 private key");
            }
            LAST_PRIVATE.set(new Converted<>(key, ed));
            return ed;
        } catch (IOException e) {
            throw new IllegalArgumentException("unreadable Ed25519 private key", e);
        }
    }

    private static Ed25519PublicKeyParameters publicParams(PublicKey key) throws IOException {
        Converted<PublicKey, Ed25519PublicKeyParameters> last = LAST_PUBLIC.get();
        if (last != null && last.key() == key) {
            return last.params();
        }
        if (!(PublicKeyFactory.createKey(key.getEncoded()) instanceof Ed25519PublicKeyParameters ed)) {
            throw new IllegalArgumentException("not an Ed25519 public key");
        }
        LAST_PUBLIC.set(new Converted<>(key, ed));
        return ed;
    }
}
