package io.trustspace.crypto;

import static io.trustspace.crypto.Fixtures.hex;
import static io.trustspace.crypto.Fixtures.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import io.trustspace.crypto.keys.PemKeys;
import java.math.BigInteger;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import javax.crypto.SecretKey;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.crypto.engines.SM4Engine;
import org.bouncycastle.crypto.params.KeyParameter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Published test vectors: GB/T 32905 (SM3), GB/T 32907 (SM4), RFC 8998, FIPS 180, NIST GCM, RFC 8032, GB/T 32918. */
class StandardVectorsTest {

    private final CryptoSuite intl = CryptoSuites.of(SuiteId.INTL);
    private final CryptoSuite gm = CryptoSuites.of(SuiteId.GM);

    @Test
    void sm3_ofAbc_matchesGbT32905() {
        assertThat(hex(gm.digest(utf8("abc"))))
                .isEqualTo("66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0");
    }

    @Test
    void sm3_ofAbcdRepeatedSixteenTimes_matchesGbT32905() {
        assertThat(hex(gm.digest(utf8("abcd".repeat(16)))))
                .isEqualTo("debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732");
    }

    @Test
    void sha256_matchesFips180Examples() {
        assertThat(hex(intl.digest(new byte[0])))
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        assertThat(hex(intl.digest(utf8("abc"))))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(hex(intl.digest(utf8("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"))))
                .isEqualTo("248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    }

    @Test
    void digest_ofParts_equalsDigestOfConcatenation() {
        assertThat(gm.digest(utf8("ab"), utf8("c"))).isEqualTo(gm.digest(utf8("abc")));
    }

    @Test
    void sm4Block_matchesGbT32907Example1() {
        assertThat(hex(sm4Encrypt(hex("0123456789abcdeffedcba9876543210"), 1)))
                .isEqualTo("681edf34d206965e86b3e94f536e4246");
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS) // about 0.3 s here; the bound only catches a hang
    void sm4Block_encryptedOneMillionTimes_matchesGbT32907Example2() {
        assertThat(hex(sm4Encrypt(hex("0123456789abcdeffedcba9876543210"), 1_000_000)))
                .isEqualTo("595298c7c6fd271f0402f804c33d3f66");
    }

    @Test
    void sm4Gcm_matchesRfc8998AppendixA1() {
        SecretKey key = AeadAlgorithm.SM4_GCM.secretKey(hex("0123456789ABCDEFFEDCBA9876543210"));
        byte[] nonce = hex("00001234567800000000ABCD");
        byte[] aad = hex("FEEDFACEDEADBEEFFEEDFACEDEADBEEFABADDAD2");
        byte[] plaintext = hex("AAAAAAAAAAAAAAAABBBBBBBBBBBBBBBBCCCCCCCCCCCCCCCCDDDDDDDDDDDDDDDD"
                + "EEEEEEEEEEEEEEEEFFFFFFFFFFFFFFFFEEEEEEEEEEEEEEEEAAAAAAAAAAAAAAAA");
        String expected = "17F399F08C67D5EE19D0DC9969C4BB7D5FD46FD3756489069157B282BB200735"
                + "D82710CA5C22F0CCFA7CBF93D496AC15A56834CBCF98C397B4024A2691233B8D"
                + "83DE3541E4C2B58177E065A9BF7B62EC";

        byte[] sealed = AeadAlgorithm.SM4_GCM.encrypt(key, nonce, plaintext, aad);

        assertThat(hex(sealed)).isEqualToIgnoringCase(expected);
        assertThat(AeadAlgorithm.SM4_GCM.decrypt(key, nonce, sealed, aad).orElseThrow())
                .isEqualTo(plaintext);
    }

    @Test
    void aes256Gcm_matchesGcmSpecTestCase16() {
        SecretKey key = AeadAlgorithm.AES_256_GCM.secretKey(
                hex("feffe9928665731c6d6a8f9467308308feffe9928665731c6d6a8f9467308308"));
        byte[] nonce = hex("cafebabefacedbaddecaf888");
        byte[] aad = hex("feedfacedeadbeeffeedfacedeadbeefabaddad2");
        byte[] plaintext = hex("d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a72"
                + "1c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b39");

        byte[] sealed = AeadAlgorithm.AES_256_GCM.encrypt(key, nonce, plaintext, aad);

        assertThat(hex(sealed))
                .isEqualTo("522dc1f099567d07f47f37a32a84427d643a8cdcbfe5c0c97598a2bd2555d1aa"
                        + "8cb08e48590dbb3da7b08b1056828838c5f61e6393ba7a0abcc9f662"
                        + "76fc6ece0f4e1768cddf8853bb2d551b");
    }

    @Test
    void ed25519_matchesRfc8032Test1() throws Exception {
        PrivateKey key =
                Fixtures.ed25519PrivateKey(hex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60"));
        PublicKey publicKey = KeyType.ED25519
                .publicKey(hex("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a"))
                .orElseThrow();
        String expected = "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555"
                + "fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b";

        byte[] signature = intl.sign(key, new byte[0]);

        assertThat(hex(signature)).isEqualTo(expected);
        assertThat(intl.verify(publicKey, new byte[0], signature)).isTrue();
        assertThat(intl.verify(publicKey, new byte[] {0}, signature)).isFalse();
    }

    @Test
    void sm2_verifiesGbT32918Part5Signature() {
        Properties vector = Fixtures.properties("sm2-gbt32918-5-annex-a.properties");
        PublicKey key = gbtPublicKey(vector);
        byte[] der = der(vector.getProperty("sign.r"), vector.getProperty("sign.s"));
        byte[] message = utf8(vector.getProperty("sign.message"));

        assertThat(gm.verify(key, message, der)).isTrue();
        assertThat(gm.verify(key, utf8("message digesT"), der)).isFalse();
        assertThat(gm.verify(key, message, der(vector.getProperty("sign.r"), "01")))
                .isFalse();
    }

    @Test
    void sm2_decryptsGbT32918Part5Ciphertext() throws Exception {
        Properties vector = Fixtures.properties("sm2-gbt32918-5-annex-a.properties");
        PrivateKey key = Fixtures.sm2PrivateKey(vector.getProperty("private"));
        byte[] ciphertext = hex(
                vector.getProperty("encrypt.c1") + vector.getProperty("encrypt.c3") + vector.getProperty("encrypt.c2"));

        assertThat(gm.decryptWith(key, ciphertext).orElseThrow())
                .isEqualTo(utf8(vector.getProperty("encrypt.message")));
    }

    @Test
    void sm2_verifiesSignaturePinnedFromOpenSsl() {
        Properties fixture = Fixtures.properties("openssl-sm2-signature.properties");
        PublicKey key =
                PemKeys.readPublicKey(Fixtures.text("openssl-sm2-public.pem")).orElseThrow();
        byte[] message = utf8(fixture.getProperty("message"));
        byte[] signature = hex(fixture.getProperty("signature.der.hex"));

        assertThat(KeyType.of(key)).contains(KeyType.SM2);
        assertThat(gm.verify(key, message, signature)).isTrue();
        assertThat(gm.verify(key, utf8("tampered"), signature)).isFalse();
    }

    private static PublicKey gbtPublicKey(Properties vector) {
        return KeyType.SM2
                .publicKey(hex("04" + vector.getProperty("public.x") + vector.getProperty("public.y")))
                .orElseThrow();
    }

    private static byte[] der(String r, String s) {
        try {
            return new DERSequence(new ASN1Encodable[] {
                        new ASN1Integer(new BigInteger(r, 16)), new ASN1Integer(new BigInteger(s, 16))
                    })
                    .getEncoded();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] sm4Encrypt(byte[] keyAndPlaintext, int rounds) {
        SM4Engine engine = new SM4Engine();
        engine.init(true, new KeyParameter(keyAndPlaintext));
        byte[] block = keyAndPlaintext.clone();
        for (int i = 0; i < rounds; i++) {
            engine.processBlock(block, 0, block, 0);
        }
        return block;
    }
}
