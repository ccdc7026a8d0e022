package io.trustspace.app.contract;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.security.MessageDigest;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sends a byte range of a file with as few copies as the servlet stack allows: the file is read straight into
 * direct buffers, which Tomcat writes to the socket without another copy into the heap (ADR 0010). When a digest is
 * asked for, each chunk is hashed on another thread while the next one is read and written, since SHA-256 alone
 * costs about as much as moving the bytes; a chunk's buffer is refilled only after its hash ran.
 */
final class FileSend {

    /** Bulk transfers move through buffers this large: fewer system calls and servlet writes per GiB. */
    static final int BUFFER = 512 * 1024;

    /** At most this many idle buffers are kept (8 MiB of direct memory); more concurrent sends allocate their own. */
    private static final int POOLED = 16;

    private static final ConcurrentLinkedQueue<ByteBuffer> POOL = new ConcurrentLinkedQueue<>();
    private static final AtomicInteger POOL_SIZE = new AtomicInteger();

    /** Daemon threads, one per core: hashing must not keep a stopping node alive. */
    private static final ExecutorService HASHING =
            Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors(), runnable -> {
                Thread thread = new Thread(runnable, "data-plane-digest");
                thread.setDaemon(true);
                return thread;
            });

    private FileSend() {}

    /** The sink of a send: a servlet stream takes direct buffers as they are. */
    interface Sink {
        void write(ByteBuffer chunk) throws IOException;
    }

    /**
     * Sends {@code length} bytes of {@code file} from {@code position}, feeding them to {@code digest} in order unless
     * it is null. Returns how many bytes were sent, which is less than {@code length} only if the file shrank.
     */
    static long send(FileChannel file, long position, long length, Sink out, MessageDigest digest) throws IOException {
        ByteBuffer[] buffers = {take(), take()};
        Future<?> hashing = null;
        long total = 0;
        try {
            for (int turn = 0; total < length; turn ^= 1) {
                ByteBuffer buffer = buffers[turn];
                buffer.clear().limit((int) Math.min(buffer.capacity(), length - total));
                int read = file.read(buffer, position + total);
                if (read < 0) {
                    break;
                }
                buffer.flip();
                out.write(buffer.duplicate());
                if (digest != null) {
                    await(hashing);
                    hashing = HASHING.submit(() -> digest.update(buffer));
                }
                total += read;
            }
            await(hashing);
        } finally {
            if (hashing == null || hashing.isDone()) {
                give(buffers);
            } else {
                // The hashing thread may still read a buffer: let the garbage collector have both instead.
                hashing.cancel(false);
            }
        }
        return total;
    }

    static void await(Future<?> hashing) throws IOException {
        if (hashing == null) {
            return;
        }
        try {
            hashing.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while hashing what was sent");
        } catch (ExecutionException e) {
            throw new IOException("hashing what was sent failed", e.getCause());
        }
    }

    static Future<?> hash(MessageDigest digest, byte[] chunk, int length) {
        return HASHING.submit(() -> digest.update(chunk, 0, length));
    }

    private static ByteBuffer take() {
        ByteBuffer buffer = POOL.poll();
        if (buffer == null) {
            return ByteBuffer.allocateDirect(BUFFER);
        }
        POOL_SIZE.decrementAndGet();
        return buffer;
    }

    private static void give(ByteBuffer[] buffers) {
        for (ByteBuffer buffer : buffers) {
            if (POOL_SIZE.incrementAndGet() <= POOLED) {
                POOL.offer(buffer);
            } else {
                POOL_SIZE.decrementAndGet();
            }
        }
    }
}
