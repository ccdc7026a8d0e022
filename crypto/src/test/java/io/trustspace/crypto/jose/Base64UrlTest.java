package io.trustspace.crypto.jose;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Base64UrlTest {

    @Test
    void everyUnpaddedEncoding_isAccepted() {
        for (int length = 0; length < 200; length++) {
            byte[] bytes = new byte[length];
            ThreadLocalRandom.current().nextBytes(bytes);
            String encoded = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);

            assertThat(Base64Url.isUnpadded(encoded)).as(encoded).isTrue();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"ab+c", "ab/c", "abc=", "ab c", "ab.c", "abcd\n", "é", "abcde"})
    void otherAlphabetsPaddingAndImpossibleLengths_areRefused(String text) {
        assertThat(Base64Url.isUnpadded(text)).isFalse();
    }

    @Test
    void theAlphabetAlone_allowsAnyLength() {
        assertThat(Base64Url.usesAlphabet("abcde")).isTrue();
        assertThat(Base64Url.usesAlphabet("")).isTrue();
        assertThat(Base64Url.usesAlphabet("a=")).isFalse();
    }
}
