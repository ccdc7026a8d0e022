package io.trustspace.app.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The data plane's copy hashes on another thread while it reads and writes: what it sends and the digest it
 * evidences must still be exactly the bytes, in order, whatever the size against its two buffers.
 */
class DataPlaneCopyTest {

    private static final byte[] SOURCE = new byte[3 * FileSend.BUFFER + 12_345];

    static {
        new Random(7).nextBytes(SOURCE);
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 1, FileSend.BUFFER - 1, FileSend.BUFFER, 2L * FileSend.BUFFER + 1})
    void aLimitedCopy_sendsThatPrefix_andDigestsExactlyIt(long limit) throws Exception {
        check(limit, (int) limit);
    }

    @ParameterizedTest
    @ValueSource(longs = {Long.MAX_VALUE, 10L * FileSend.BUFFER})
    void aCopyToTheEnd_sendsEverything_andDigestsExactlyIt(long limit) throws Exception {
        check(limit, SOURCE.length);
    }

    private static void check(long limit, int expected) throws Exception {
        ByteArrayOutputStream sent = new ByteArrayOutputStream();
        MessageDigest digest = MessageDigest.getInstance("SHA-256");

        long copied = FileSend.copy(new ByteArrayInputStream(SOURCE), sent, limit, digest);

        byte[] prefix = Arrays.copyOf(SOURCE, expected);
        assertThat(copied).isEqualTo(expected);
        assertThat(sent.toByteArray()).isEqualTo(prefix);
        assertThat(digest.digest())
                .isEqualTo(MessageDigest.getInstance("SHA-256").digest(prefix));
    }
}
