package io.trustspace.identity.credential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trustspace.common.Result;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Base64;
import java.util.BitSet;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class BitstringStatusListTest {

    private static final int MAX = BitstringStatusList.DEFAULT_MAX_BYTES;

    @Test
    void decode_readsTheSpecExample_131072ClearEntries() throws IOException {
        JsonNode example;
        try (InputStream in = getClass().getResourceAsStream("/credential/bitstring-status-list-example.json")) {
            example = JsonMapper.builder().build().readTree(in);
        }
        String encoded = example.get("credentialSubject").get("encodedList").stringValue();

        BitstringStatusList list = BitstringStatusList.decode(encoded, MAX).orElseThrow();

        assertThat(list.size()).isEqualTo(131_072);
        assertThat(list).isEqualTo(BitstringStatusList.empty());
        assertThat(list.isSet(0)).isFalse();
        assertThat(list.isSet(131_071)).isFalse();
    }

    @Test
    void bitOrder_isMostSignificantBitFirst_index0IsTheLeftMostBit() {
        BitstringStatusList list =
                BitstringStatusList.empty().with(0, true).with(7, true).with(9, true);

        byte[] bytes = list.toBytes();
        assertThat(bytes[0] & 0xFF).isEqualTo(0x81);
        assertThat(bytes[1] & 0xFF).isEqualTo(0x40);
        assertThat(list.isSet(0)).isTrue();
        assertThat(list.isSet(1)).isFalse();
        assertThat(list.isSet(9)).isTrue();
    }

    @Test
    void encode_isMultibaseBase64urlOfGzip_andRoundTrips() {
        Random random = new Random(42);
        BitstringStatusList list = BitstringStatusList.empty(2 * BitstringStatusList.MIN_ENTRIES);
        BitSet expected = new BitSet();
        for (int i = 0; i < 2_000; i++) {
            int index = random.nextInt(list.size());
            list = list.with(index, true);
            expected.set(index);
        }

        String encoded = list.encode();

        assertThat(encoded).startsWith("uH4sI"); // 'u' then base64url of the GZIP magic 1f 8b 08
        assertThat(encoded).matches("u[A-Za-z0-9_-]+");
        BitstringStatusList decoded = BitstringStatusList.decode(encoded, MAX).orElseThrow();
        assertThat(decoded).isEqualTo(list);
        for (int i = 0; i < decoded.size(); i++) {
            assertThat(decoded.isSet(i)).isEqualTo(expected.get(i));
        }
    }

    @Test
    void with_returnsACopy_andCanClear() {
        BitstringStatusList empty = BitstringStatusList.empty();
        BitstringStatusList set = empty.with(5, true);

        assertThat(empty.isSet(5)).isFalse();
        assertThat(set.with(5, false)).isEqualTo(empty);
    }

    @Test
    void empty_refusesListsBelowTheSpecMinimumOrNotWholeBytes() {
        assertThatThrownBy(() -> BitstringStatusList.empty(131_064)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BitstringStatusList.empty(131_073)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void isSet_throwsOutsideTheList() {
        assertThatThrownBy(() -> BitstringStatusList.empty().isSet(131_072))
                .isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> BitstringStatusList.empty().isSet(-1)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void decode_refusesAListShorterThan16KiB() {
        String encoded = "u" + Base64.getUrlEncoder().withoutPadding().encodeToString(gzip(new byte[8 * 1024]));

        assertThat(reason(BitstringStatusList.decode(encoded, MAX))).contains("65536 entries, fewer than the 131072");
    }

    @Test
    void decode_refusesAGzipBomb_withoutInflatingIt() {
        // 32 MiB of zeros compress to about 32 KiB; the decoder stops one byte past the 1 MiB bound.
        byte[] bomb = gzip(new byte[32 * 1024 * 1024]);
        String encoded = "u" + Base64.getUrlEncoder().withoutPadding().encodeToString(bomb);

        long start = System.nanoTime();
        Result<BitstringStatusList> result = BitstringStatusList.decode(encoded, MAX);

        assertThat(reason(result)).contains("decompresses to more than 1048576 bytes");
        assertThat(System.nanoTime() - start).isLessThan(2_000_000_000L);
    }

    @Test
    void decode_refusesEncodedTextLongerThanTheBoundAllows() {
        String encoded = "u" + "A".repeat(64 * 1024);

        assertThat(reason(BitstringStatusList.decode(encoded, 16 * 1024))).contains("characters");
    }

    @Test
    void decode_refusesWrongMultibasePrefixPaddingAndForeignAlphabets() {
        String good = BitstringStatusList.empty().encode();

        assertThat(reason(BitstringStatusList.decode(good.substring(1), MAX))).contains("starting with 'u'");
        assertThat(reason(BitstringStatusList.decode("z" + good.substring(1), MAX)))
                .contains("starting with 'u'");
        assertThat(reason(BitstringStatusList.decode(good + "==", MAX))).contains("not unpadded base64url");
        assertThat(reason(BitstringStatusList.decode("u+" + good.substring(2), MAX)))
                .contains("not unpadded base64url");
        assertThat(reason(BitstringStatusList.decode("", MAX))).contains("starting with 'u'");
        assertThat(reason(BitstringStatusList.decode(null, MAX))).contains("starting with 'u'");
    }

    @Test
    void decode_refusesDataThatIsNotGzip() {
        String encoded = "u" + Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[20_000]);

        assertThat(reason(BitstringStatusList.decode(encoded, MAX))).contains("not GZIP");
    }

    @Test
    void decode_refusesTruncatedGzip() {
        byte[] compressed = gzip(new byte[16 * 1024]);
        byte[] truncated = Arrays.copyOf(compressed, compressed.length - 10);
        String encoded = "u" + Base64.getUrlEncoder().withoutPadding().encodeToString(truncated);

        assertThat(reason(BitstringStatusList.decode(encoded, MAX))).contains("not GZIP");
    }

    static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(bytes);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return out.toByteArray();
    }

    static String reason(Result<?> result) {
        assertThat(result).isInstanceOf(Result.Failure.class);
        return ((Result.Failure<?>) result).reason();
    }
}
