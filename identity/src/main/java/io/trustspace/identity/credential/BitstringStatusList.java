package io.trustspace.identity.credential;

import io.trustspace.common.Result;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Base64;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A bitstring of credential status values (W3C Bitstring Status List v1.0): bit {@code i} set means the credential
 * holding index {@code i} is revoked (or suspended, for a suspension list). Immutable and thread-safe; {@link #with}
 * returns a changed copy.
 *
 * <p>Bit order follows the spec: index 0 is the left-most bit, that is the most significant bit of the first byte.
 * The encoded form is {@code encodedList}: the multibase base64url prefix {@code u}, then base64url without padding of
 * the GZIP (RFC 1952) compression of the bytes.
 *
 * <p>A list has at least {@value #MIN_ENTRIES} entries (16 KiB), the spec's minimum for herd privacy, and a whole
 * number of bytes. {@link #decode} bounds the work an untrusted list can cause: the encoded text by the compressed
 * size the limit allows, and decompression stops one byte past {@code maxBytes}, so a gzip bomb costs at most that
 * much memory before it is refused.
 */
public final class BitstringStatusList {

    /** The spec's minimum number of entries, 131,072 (16 KiB). */
    public static final int MIN_ENTRIES = 131_072;

    /** Default bound on a decoded list: 1 MiB, 8,388,608 entries. */
    public static final int DEFAULT_MAX_BYTES = 1 << 20;

    /** The largest bound {@link #decode} takes: 256 MiB, two billion entries. */
    public static final int MAX_BYTES_LIMIT = 1 << 28;

    private static final int MIN_BYTES = MIN_ENTRIES / 8;
    private static final Pattern BASE64URL = Pattern.compile("[A-Za-z0-9_-]*");
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private final byte[] bytes;

    private BitstringStatusList(byte[] bytes) {
        this.bytes = bytes;
    }

    /**
     * A list of {@code entries} cleared bits.
     *
     * @throws IllegalArgumentException if {@code entries} is below {@value #MIN_ENTRIES} or not a multiple of 8
     */
    public static BitstringStatusList empty(int entries) {
        if (entries < MIN_ENTRIES || entries % 8 != 0) {
            throw new IllegalArgumentException(
                    "a status list has at least " + MIN_ENTRIES + " entries, a multiple of 8, not " + entries);
        }
        return new BitstringStatusList(new byte[entries / 8]);
    }

    /** A list of the spec's minimum size, {@value #MIN_ENTRIES} cleared bits. */
    public static BitstringStatusList empty() {
        return empty(MIN_ENTRIES);
    }

    /** The number of entries (bits). */
    public int size() {
        return bytes.length * 8;
    }

    /**
     * Whether bit {@code index} is set.
     *
     * @throws IndexOutOfBoundsException if {@code index} is not below {@link #size()}; check untrusted indexes first
     */
    public boolean isSet(int index) {
        checkIndex(index);
        return (bytes[index >>> 3] & (0x80 >>> (index & 7))) != 0;
    }

    /** A copy with bit {@code index} set to {@code value}; this list is unchanged. */
    public BitstringStatusList with(int index, boolean value) {
        checkIndex(index);
        byte[] copy = bytes.clone();
        int mask = 0x80 >>> (index & 7);
        copy[index >>> 3] = (byte) (value ? copy[index >>> 3] | mask : copy[index >>> 3] & ~mask);
        return new BitstringStatusList(copy);
    }

    /** The raw bitstring, index 0 in the most significant bit of byte 0. A copy. */
    public byte[] toBytes() {
        return bytes.clone();
    }

    /** The {@code encodedList} value: {@code u} + base64url(gzip(bitstring)). */
    public String encode() {
        ByteArrayOutputStream compressed = new ByteArrayOutputStream(64 + bytes.length / 64);
        try (GZIPOutputStream gzip = new GZIPOutputStream(compressed)) {
            gzip.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("in-memory GZIP failed", e);
        }
        return "u" + ENCODER.encodeToString(compressed.toByteArray());
    }

    /**
     * Decodes an {@code encodedList} of at most {@code maxBytes} decompressed bytes. Failures (all INVALID) say
     * which rule the list breaks: missing {@code u} prefix, not base64url, not GZIP, larger than {@code maxBytes},
     * fewer than {@value #MIN_ENTRIES} entries (the spec's STATUS_LIST_LENGTH_ERROR).
     *
     * @throws IllegalArgumentException if {@code maxBytes} is below the 16 KiB minimum list or above {@value
     *     #MAX_BYTES_LIMIT}
     */
    public static Result<BitstringStatusList> decode(String encodedList, int maxBytes) {
        if (maxBytes < MIN_BYTES || maxBytes > MAX_BYTES_LIMIT) {
            throw new IllegalArgumentException(
                    "maxBytes must be between " + MIN_BYTES + " and " + MAX_BYTES_LIMIT + ", not " + maxBytes);
        }
        if (encodedList == null || encodedList.isEmpty() || encodedList.charAt(0) != 'u') {
            return Result.invalid("encodedList must be multibase base64url, starting with 'u'");
        }
        // Deflate never expands by more than about 0.1% plus block and header overhead.
        long maxCompressed = (long) maxBytes + maxBytes / 500 + 1024;
        long maxEncoded = 1 + (maxCompressed * 4 + 2) / 3;
        String body = encodedList.substring(1);
        if (encodedList.length() > maxEncoded) {
            return Result.invalid("encodedList has %d characters; a list of at most %d bytes needs no more than %d"
                    .formatted(encodedList.length(), maxBytes, maxEncoded));
        }
        if (!BASE64URL.matcher(body).matches() || body.length() % 4 == 1) {
            return Result.invalid("encodedList is not unpadded base64url after the 'u' prefix");
        }
        byte[] compressed = Base64.getUrlDecoder().decode(body);
        byte[] bytes;
        try (InputStream gzip = new GZIPInputStream(new ByteArrayInputStream(compressed))) {
            bytes = gzip.readNBytes(maxBytes + 1);
        } catch (IOException e) {
            return Result.invalid("encodedList is not GZIP data: " + e.getMessage());
        }
        if (bytes.length > maxBytes) {
            return Result.invalid("encodedList decompresses to more than " + maxBytes + " bytes; refused");
        }
        if (bytes.length < MIN_BYTES) {
            return Result.invalid("status list has %d entries, fewer than the %d the spec requires for herd privacy"
                    .formatted(bytes.length * 8, MIN_ENTRIES));
        }
        return Result.ok(new BitstringStatusList(bytes));
    }

    private void checkIndex(int index) {
        if (index < 0 || index >= size()) {
            throw new IndexOutOfBoundsException("index " + index + " outside a list of " + size() + " entries");
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof BitstringStatusList that && Arrays.equals(bytes, that.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        int set = 0;
        for (byte b : bytes) {
            set += Integer.bitCount(b & 0xFF);
        }
        return "BitstringStatusList[" + size() + " entries, " + set + " set]";
    }
}
