package io.trustspace.crypto.jose;

import static io.trustspace.crypto.Fixtures.hex;
import static org.assertj.core.api.Assertions.assertThat;

import io.trustspace.common.Result;
import io.trustspace.crypto.CryptoSuite;
import io.trustspace.crypto.CryptoSuites;
import io.trustspace.crypto.SignatureAlgorithm;
import io.trustspace.crypto.SuiteId;
import java.security.KeyPair;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class SignatureEncodingTest {

    @RepeatedTest(20) // short r or s (leading zero bytes) turn up every few hundred signatures; 20 x 2 suites adds some
    void derAndRaw_roundTripForRealSignatures() {
        for (CryptoSuite suite : new CryptoSuite[] {CryptoSuites.of(SuiteId.INTL), CryptoSuites.of(SuiteId.GM)}) {
            SignatureAlgorithm algorithm =
                    suite.id() == SuiteId.GM ? SignatureAlgorithm.SM2_SM3 : SignatureAlgorithm.ES256;
            KeyPair keys = suite.generateKeyPair(algorithm);
            byte[] der = suite.sign(keys.getPrivate(), new byte[] {1, 2, 3});

            byte[] raw = SignatureEncoding.derToRaw(der, 32).orElseThrow();

            assertThat(raw).hasSize(64);
            assertThat(SignatureEncoding.rawToDer(raw).orElseThrow()).isEqualTo(der);
        }
    }

    @Test
    void smallComponents_arePaddedAndMinimallyEncoded() {
        byte[] raw = new byte[64];
        raw[31] = 1;
        raw[32] = (byte) 0x80;

        byte[] der = SignatureEncoding.rawToDer(raw).orElseThrow();

        assertThat(der)
                .isEqualTo(hex("3026 020101 022100 8000000000000000000000000000000000000000000000000000000000000000"));
        assertThat(SignatureEncoding.derToRaw(der, 32).orElseThrow()).isEqualTo(raw);
    }

    @Test
    void nonDerAndOutOfRangeInputs_areInvalid() {
        assertThat(SignatureEncoding.derToRaw(new byte[] {1, 2}, 32)).isEqualTo(Result.invalid("signature is not DER"));
        // BER long-form length for a short sequence
        assertThat(SignatureEncoding.derToRaw(hex("308106020101020101"), 32))
                .isEqualTo(Result.invalid("signature is not a DER SEQUENCE of two INTEGERs"));
        assertThat(SignatureEncoding.derToRaw(hex("3006020101020101" + "00"), 32))
                .isInstanceOf(Result.Failure.class);
        assertThat(SignatureEncoding.derToRaw(hex("3006020100020101"), 32))
                .isEqualTo(Result.invalid("signature component does not fit 32 bytes"));
        assertThat(SignatureEncoding.derToRaw(hex("300602010102ff01"), 32)).isInstanceOf(Result.Failure.class);
        assertThat(SignatureEncoding.derToRaw(hex("3009020101020101020101"), 32))
                .isEqualTo(Result.invalid("signature is not a DER SEQUENCE of two INTEGERs"));
        assertThat(SignatureEncoding.rawToDer(new byte[63]))
                .isEqualTo(Result.invalid("a raw signature has two equal halves, not 63 bytes"));
    }
}
