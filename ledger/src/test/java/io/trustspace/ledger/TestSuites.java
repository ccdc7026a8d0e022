package io.trustspace.ledger;

import io.trustspace.crypto.CryptoSuite;
import io.trustspace.crypto.SignatureAlgorithm;
import io.trustspace.crypto.SuiteId;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * Test-only crypto suites: JDK SHA-256 + Ed25519 ({@link #jdk()}, standing in for the intl suite) and Bouncy Castle
 * SM3 + SM2 ({@link #gm()}), until the crypto module's suites are available to this module's tests.
 *
 * <p>Built as dynamic proxies that implement only what the ledger uses (hashing and signatures) and throw for the
 * rest, so they keep compiling while the {@link CryptoSuite} interface grows.
 */
public final class TestSuites {

    private static final Provider BOUNCY_CASTLE = new BouncyCastleProvider();

    private TestSuites() {}

    /** SHA-256 and Ed25519 from the JDK: the "JdkTestSuite". */
    public static CryptoSuite jdk() {
        return proxy(new Operations(SuiteId.INTL, SignatureAlgorithm.ED25519) {
            @Override
            MessageDigest digest() throws GeneralSecurityException {
                return MessageDigest.getInstance("SHA-256");
            }

            @Override
            KeyPair keyPair() throws GeneralSecurityException {
                return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            }

            @Override
            Signature signature() throws GeneralSecurityException {
                return Signature.getInstance("Ed25519");
            }
        });
    }

    /** SM3 and SM2 (SM3withSM2, default user id) from Bouncy Castle. */
    public static CryptoSuite gm() {
        return proxy(new Operations(SuiteId.GM, SignatureAlgorithm.SM2_SM3) {
            @Override
            MessageDigest digest() throws GeneralSecurityException {
                return MessageDigest.getInstance("SM3", BOUNCY_CASTLE);
            }

            @Override
            KeyPair keyPair() throws GeneralSecurityException {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", BOUNCY_CASTLE);
                generator.initialize(new ECGenParameterSpec("sm2p256v1"));
                return generator.generateKeyPair();
            }

            @Override
            Signature signature() throws GeneralSecurityException {
                return Signature.getInstance("SM3withSM2", BOUNCY_CASTLE);
            }
        });
    }

    /** The Bouncy Castle provider the gm test suite uses, for tests that decode SM2 keys. */
    public static Provider bouncyCastle() {
        return BOUNCY_CASTLE;
    }

    private static CryptoSuite proxy(Operations operations) {
        return (CryptoSuite) Proxy.newProxyInstance(
                TestSuites.class.getClassLoader(), new Class<?>[] {CryptoSuite.class}, operations);
    }

    private abstract static class Operations implements InvocationHandler {
        private final SuiteId id;
        private final SignatureAlgorithm algorithm;

        Operations(SuiteId id, SignatureAlgorithm algorithm) {
            this.id = id;
            this.algorithm = algorithm;
        }

        abstract MessageDigest digest() throws GeneralSecurityException;

        abstract KeyPair keyPair() throws GeneralSecurityException;

        abstract Signature signature() throws GeneralSecurityException;

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            switch (method.getName()) {
                case "id":
                    return id;
                case "newDigest":
                    return digest();
                case "signatureAlgorithm":
                    return algorithm;
                case "generateSigningKeyPair":
                    return keyPair();
                case "sign":
                    Signature signer = signature();
                    signer.initSign((PrivateKey) args[0]);
                    signer.update((byte[]) args[1]);
                    return signer.sign();
                case "verify":
                    return verify((PublicKey) args[0], (byte[]) args[1], (byte[]) args[2]);
                case "toString":
                    return "TestSuite[" + id + "]";
                case "hashCode":
                    return System.identityHashCode(proxy);
                case "equals":
                    return proxy == args[0];
                default:
                    if (method.isDefault()) {
                        return InvocationHandler.invokeDefault(proxy, method, args);
                    }
                    throw new UnsupportedOperationException("test suite does not implement " + method.getName());
            }
        }

        private boolean verify(PublicKey key, byte[] message, byte[] signatureBytes) {
            try {
                Signature verifier = signature();
                verifier.initVerify(key);
                verifier.update(message);
                return verifier.verify(signatureBytes);
            } catch (GeneralSecurityException | RuntimeException e) {
                return false;
            }
        }
    }
}
