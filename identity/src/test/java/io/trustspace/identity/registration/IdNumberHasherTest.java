package io.trustspace.identity.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trustspace.crypto.SuiteId;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class IdNumberHasherTest {

    private static final byte[] KEY = new byte[32];
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 1);

    static {
        for (int i = 0; i < KEY.length; i++) {
            KEY[i] = (byte) i;
        }
    }

    private static ResidentIdNumber number(String text) {
        return ResidentIdNumber.parse(text, TODAY).orElseThrow();
    }

    /** Expected values from Python's hmac module and {@code openssl dgst -sm3 -mac HMAC} with key 00..1f. */
    @Test
    void hashes_matchIndependentImplementations() {
        assertThat(new IdNumberHasher(SuiteId.INTL, KEY).hash(number("11010519491231002X")))
                .isEqualTo("hmac-sha256:a66755453b106dcea0cfa264214ae59ff1e8b067f3e5f3aa8085e1d8757880eb");
        assertThat(new IdNumberHasher(SuiteId.GM, KEY).hash(number("11010519491231002X")))
                .isEqualTo("hmac-sm3:b0388348088fd3f9c27114fb639a0f32b762dd6e5194279ced98d8455eef3ac5");
    }

    @Test
    void sameNumberAndKey_giveTheSameHash_andLowerCaseXIsTheSameNumber() {
        IdNumberHasher hasher = new IdNumberHasher(SuiteId.INTL, KEY);

        assertThat(hasher.hash(number("11010519491231002X"))).isEqualTo(hasher.hash(number("11010519491231002x")));
        assertThat(new IdNumberHasher(SuiteId.GM, KEY).hash(number("110105199003071239")))
                .isEqualTo(new IdNumberHasher(SuiteId.GM, KEY.clone()).hash(number("110105199003071239")));
    }

    @Test
    void anotherKey_givesAnotherHash() {
        byte[] other = KEY.clone();
        other[0] ^= 1;

        for (SuiteId suite : SuiteId.values()) {
            assertThat(new IdNumberHasher(suite, KEY).hash(number("110105199003071239")))
                    .isNotEqualTo(new IdNumberHasher(suite, other).hash(number("110105199003071239")));
        }
    }

    @Test
    void differentNumbers_giveDifferentHashes() {
        IdNumberHasher hasher = new IdNumberHasher(SuiteId.INTL, KEY);

        assertThat(hasher.hash(number("110105199003071239"))).isNotEqualTo(hasher.hash(number("310115198511204566")));
    }

    @Test
    void theHash_doesNotContainTheNumber_andTheHasherDoesNotPrintItsSecret() {
        IdNumberHasher hasher = new IdNumberHasher(SuiteId.INTL, KEY);

        assertThat(hasher.hash(number("110105199003071239"))).doesNotContain("110105199003071239");
        assertThat(hasher.toString()).doesNotContain("000102");
    }

    @Test
    void shortSecrets_areRefused() {
        assertThatThrownBy(() -> new IdNumberHasher(SuiteId.INTL, new byte[31]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("32");
    }

    @Test
    void theSecret_isCopied() {
        byte[] key = KEY.clone();
        IdNumberHasher hasher = new IdNumberHasher(SuiteId.INTL, key);
        String before = hasher.hash(number("110105199003071239"));
        key[0] = 42;

        assertThat(hasher.hash(number("110105199003071239"))).isEqualTo(before);
    }
}
