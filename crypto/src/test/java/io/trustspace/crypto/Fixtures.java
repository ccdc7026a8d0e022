package io.trustspace.crypto;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.HexFormat;
import java.util.Properties;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.util.PrivateKeyInfoFactory;
import org.bouncycastle.jce.ECNamedCurveTable;
import org.bouncycastle.jce.spec.ECPrivateKeySpec;

/** Test fixtures under src/test/resources/crypto/ and keys built from published test-vector scalars. */
public final class Fixtures {

    private Fixtures() {}

    public static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex.replace(" ", "").toLowerCase());
    }

    public static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    public static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    public static Properties properties(String name) {
        Properties properties = new Properties();
        try (InputStream in = resource(name)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    public static String text(String name) {
        try (InputStream in = resource(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream resource(String name) {
        InputStream in = Fixtures.class.getResourceAsStream("/crypto/" + name);
        if (in == null) {
            throw new IllegalStateException("missing fixture crypto/" + name);
        }
        return in;
    }

    /** An SM2 private key from its scalar, as the GB/T 32918.5 examples give it. */
    public static PrivateKey sm2PrivateKey(String scalarHex) throws GeneralSecurityException {
        return KeyFactory.getInstance("EC", CryptoSuites.provider())
                .generatePrivate(new ECPrivateKeySpec(
                        new BigInteger(scalarHex, 16), ECNamedCurveTable.getParameterSpec("sm2p256v1")));
    }

    /** An Ed25519 private key from its 32-byte seed, as RFC 8032 gives it. */
    public static PrivateKey ed25519PrivateKey(byte[] seed) throws GeneralSecurityException, IOException {
        byte[] pkcs8 = PrivateKeyInfoFactory.createPrivateKeyInfo(new Ed25519PrivateKeyParameters(seed))
                .getEncoded();
        return KeyFactory.getInstance("Ed25519", CryptoSuites.provider())
                .generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
    }
}
