package io.trustspace.ledger.note;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;

/**
 * The c2sp.org/tlog-cosignature v1 (Ed25519) wire format, shared by {@link CosignatureSigner} and
 * {@link CosignatureVerifier}.
 *
 * <p>The signed message is {@code "cosignature/v1\ntime <timestamp>\n"} followed by the whole checkpoint text; the
 * signature bytes are the timestamp as a big-endian u64 followed by the 64-byte Ed25519 signature.
 */
final class Cosignature {

    static final int TIMESTAMP_LENGTH = 8;
    static final int ED25519_SIGNATURE_LENGTH = 64;

    private Cosignature() {}

    static byte[] signedMessage(long timestamp, byte[] noteText) {
        byte[] header = ("cosignature/v1\ntime " + timestamp + "\n").getBytes(StandardCharsets.US_ASCII);
        return ByteBuffer.allocate(header.length + noteText.length)
                .put(header)
                .put(noteText)
                .array();
    }

    /** The POSIX timestamp of a cosignature, if the bytes have the cosignature length and a timestamp < 2^63. */
    static Optional<Long> timestamp(byte[] signature) {
        if (signature.length != TIMESTAMP_LENGTH + ED25519_SIGNATURE_LENGTH) {
            return Optional.empty();
        }
        long timestamp = ByteBuffer.wrap(signature, 0, TIMESTAMP_LENGTH).getLong();
        return timestamp < 0 ? Optional.empty() : Optional.of(timestamp);
    }

    static Instant instant(long timestamp) {
        return Instant.ofEpochSecond(timestamp);
    }
}
