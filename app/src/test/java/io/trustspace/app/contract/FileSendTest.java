package io.trustspace.app.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A file range goes out through two alternating direct buffers while another thread hashes the previous one: what
 * is sent and the digest evidenced must be exactly the range's bytes, in order, wherever it starts and ends against
 * the buffers — and a file shorter than promised must show as a short send, not as invented bytes.
 */
class FileSendTest {

    private static final int SIZE = 3 * FileSend.BUFFER + 12_345;

    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource({
        "0, " + SIZE,
        "0, 1",
        "1, " + FileSend.BUFFER,
        (FileSend.BUFFER - 1) + ", " + (2 * FileSend.BUFFER + 2),
        (SIZE - 1) + ", 1",
        "0, 0"
    })
    void aRange_isSentExactly_andDigestedExactly(long position, long length) throws Exception {
        byte[] file = write();

        ByteArrayOutputStream sent = new ByteArrayOutputStream();
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        long count;
        try (FileChannel channel = FileChannel.open(dir.resolve("source.bin"), StandardOpenOption.READ)) {
            count = FileSend.send(channel, position, length, Channels.newChannel(sent)::write, digest);
        }

        byte[] range = Arrays.copyOfRange(file, (int) position, (int) (position + length));
        assertThat(count).isEqualTo(length);
        assertThat(sent.toByteArray()).isEqualTo(range);
        assertThat(digest.digest())
                .isEqualTo(MessageDigest.getInstance("SHA-256").digest(range));
    }

    /** Beyond its direct buffers a send reads into heap buffers, in slices: the same bytes must come out. */
    @ParameterizedTest
    @CsvSource({
        "0, " + SIZE,
        (FileSend.HEAP_READ - 1) + ", " + (FileSend.BUFFER + FileSend.HEAP_READ + 3),
        (SIZE - 1) + ", 1"
    })
    void throughHeapBuffers_aRangeIsSentAndDigestedExactly(long position, long length) throws Exception {
        byte[] file = write();

        ByteArrayOutputStream sent = new ByteArrayOutputStream();
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        java.nio.ByteBuffer[] heap = {
            java.nio.ByteBuffer.allocate(FileSend.BUFFER), java.nio.ByteBuffer.allocate(FileSend.BUFFER)
        };
        boolean[] reusable = {false};
        long count;
        try (FileChannel channel = FileChannel.open(dir.resolve("source.bin"), StandardOpenOption.READ)) {
            count = FileSend.send(channel, position, length, Channels.newChannel(sent)::write, digest, heap, reusable);
        }

        byte[] range = Arrays.copyOfRange(file, (int) position, (int) (position + length));
        assertThat(count).isEqualTo(length);
        assertThat(sent.toByteArray()).isEqualTo(range);
        assertThat(digest.digest())
                .isEqualTo(MessageDigest.getInstance("SHA-256").digest(range));
        assertThat(reusable[0]).isTrue();
    }

    @ParameterizedTest
    @CsvSource({"0", "100"})
    void aFileShorterThanPromised_sendsWhatItHas_andSaysSo(long position) throws Exception {
        byte[] file = write();

        ByteArrayOutputStream sent = new ByteArrayOutputStream();
        long count;
        try (FileChannel channel = FileChannel.open(dir.resolve("source.bin"), StandardOpenOption.READ)) {
            count = FileSend.send(channel, position, SIZE + 1_000_000L, Channels.newChannel(sent)::write, null);
        }

        assertThat(count).isEqualTo(SIZE - position);
        assertThat(sent.toByteArray()).isEqualTo(Arrays.copyOfRange(file, (int) position, SIZE));
    }

    /** Without a digest the file's pages go out mapped, a window at a time: every range must come out exactly. */
    @ParameterizedTest
    @CsvSource({
        "0, " + SIZE,
        "0, 1",
        (FileSend.BUFFER - 1) + ", " + (2 * FileSend.BUFFER + 2),
        (SIZE - 1) + ", 1",
        "0, 0",
        SIZE + ", 0"
    })
    void mapped_aRangeIsSentExactly(long position, long length) throws Exception {
        byte[] file = write();

        ByteArrayOutputStream sent = new ByteArrayOutputStream();
        long count;
        try (FileChannel channel = FileChannel.open(dir.resolve("source.bin"), StandardOpenOption.READ)) {
            count = FileSend.send(channel, position, length, Channels.newChannel(sent)::write, null);
        }

        assertThat(count).isEqualTo(length);
        assertThat(sent.toByteArray()).isEqualTo(Arrays.copyOfRange(file, (int) position, (int) (position + length)));
    }

    @ParameterizedTest
    @CsvSource({"0, 0", "5, 3"})
    void mapped_acrossWindows_theBytesStayInOrder(long position, long shorter) throws Exception {
        byte[] file = new byte[(int) (FileSend.MAPPED_WINDOW * 2 + FileSend.BUFFER + 7)];
        new Random(5).nextBytes(file);
        Files.write(dir.resolve("large.bin"), file);
        long length = file.length - position - shorter;

        ByteArrayOutputStream sent = new ByteArrayOutputStream(file.length);
        long count;
        try (FileChannel channel = FileChannel.open(dir.resolve("large.bin"), StandardOpenOption.READ)) {
            count = FileSend.send(channel, position, length, Channels.newChannel(sent)::write, null);
        }

        assertThat(count).isEqualTo(length);
        assertThat(Arrays.equals(
                        sent.toByteArray(), Arrays.copyOfRange(file, (int) position, (int) (position + length))))
                .isTrue();
    }

    /**
     * A file truncated while its mapped pages are being sent: reading past the new end faults (SIGBUS), which must end
     * the send as a short one, with only true bytes out, and leave the JVM standing.
     */
    @Test
    void mapped_aFileTruncatedMidSend_endsShort_withOnlyItsBytes() throws Exception {
        byte[] file = write();
        Path source = dir.resolve("source.bin");

        ByteArrayOutputStream sent = new ByteArrayOutputStream();
        java.nio.channels.WritableByteChannel copy = Channels.newChannel(sent);
        int[] chunks = {0};
        long count;
        try (FileChannel channel = FileChannel.open(source, StandardOpenOption.READ)) {
            count = FileSend.send(
                    channel,
                    0,
                    SIZE,
                    chunk -> {
                        if (chunks[0]++ == 1) {
                            try (FileChannel writer = FileChannel.open(source, StandardOpenOption.WRITE)) {
                                writer.truncate(FileSend.BUFFER);
                            }
                        }
                        copy.write(chunk);
                    },
                    null);
        }

        assertThat(count).isEqualTo(FileSend.BUFFER);
        assertThat(sent.toByteArray()).isEqualTo(Arrays.copyOf(file, FileSend.BUFFER));
        assertThat(chunks[0]).isEqualTo(2);
    }

    private byte[] write() throws Exception {
        byte[] file = new byte[SIZE];
        new Random(11).nextBytes(file);
        Files.write(dir.resolve("source.bin"), file);
        return file;
    }
}
