package io.trustspace.ledger.note;

import io.trustspace.ledger.TestSuites;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.HexFormat;

/** Decodes raw SM2 public keys with the gm test suite's Bouncy Castle provider, as the app would with its own. */
final class TestSuitesKeys {

    private static final byte[] SM2_SPKI_PREFIX =
            HexFormat.of().parseHex("3059301306072a8648ce3d020106082a811ccf5501822d034200");

    private TestSuitesKeys() {}

    static PublicKey sm2PublicKey(byte[] raw) {
        byte[] spki = new byte[SM2_SPKI_PREFIX.length + raw.length];
        System.arraycopy(SM2_SPKI_PREFIX, 0, spki, 0, SM2_SPKI_PREFIX.length);
        System.arraycopy(raw, 0, spki, SM2_SPKI_PREFIX.length, raw.length);
        try {
            return KeyFactory.getInstance("EC", TestSuites.bouncyCastle()).generatePublic(new X509EncodedKeySpec(spki));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
