package io.trustspace.app.contract;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.security.MessageDigest;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

/**
 * Sends a byte range of a file with as few copies as the servlet stack allows (ADR 0010). Tomcat always copies what
 * it is given into its socket buffer, so the copy we can save is our own: a send without a digest hands Tomcat the
 * file's pages themselves, mapped a window at a time. A send that hashes reads the file into direct buffers instead,
 * and each chunk is hashed on another thread while the next one is read and written, since SHA-256 alone costs about
 * as much as moving the bytes; a chunk's buffer is refilled only after its hash ran.
 */
final class FileSend {

    /** Bulk transfers move through buffers this large: fewer system calls and servlet writes per GiB. */
    static final int BUFFER = 512 * 1024;

    /**
     * At most this many direct buffers ever exist (16 MiB); sends beyond them use heap buffers, read in {@link
     * #HEAP_READ} slices. Direct memory is freed only by the garbage collector, so it is bounded here rather than by
     * {@code -XX:MaxDirectMemorySize} failing under load.
     */
    static final int DIRECT_BUFFERS = 32;

    /**
     * A read into a heap buffer goes through the JDK's per-thread temporary direct buffer of the read's size: slices
     * keep that at what Tomcat's own socket buffers use.
     */
    static final int HEAP_READ = 64 * 1024;

    /** For {@link #unmap}; null where the JDK does not offer it. */
    private static final sun.misc.Unsafe UNSAFE = unsafe();

    private static final ConcurrentLinkedQueue<ByteBuffer> POOL = new ConcurrentLinkedQueue<>();
    private static final Semaphore DIRECT = new Semaphore(DIRECT_BUFFERS);

    /** Daemon threads, one per core: hashing must not keep a stopping node alive. */
    private static final ExecutorService HASHING =
            Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors(), runnable -> {
                Thread thread = new Thread(runnable, "data-plane-digest");
                thread.setDaemon(true);
                return thread;
            });

    private FileSend() {}

    /**
     * A send without a digest maps this much of the file at a time and unmaps it before the next: a few hundred
     * mappings per GiB, and never more address space or open mappings per send than this.
     */
    static final long MAPPED_WINDOW = 16L * 1024 * 1024;

    /**
     * The sink of a send: a servlet stream takes direct buffers as they are. It must be done with a chunk when {@code
     * write} returns, because a mapped chunk is unmapped right after: touching it later would crash the JVM.
     */
    interface Sink {
        void write(ByteBuffer chunk) throws IOException;
    }

    /**
     * Sends {@code length} bytes of {@code file} from {@code position}, feeding them to {@code digest} in order unless
     * it is null. Returns how many bytes were sent, which is less than {@code length} only if the file shrank.
     */
    static long send(FileChannel file, long position, long length, Sink out, MessageDigest digest) throws IOException {
        return digest == null ? sendMapped(file, position, length, out) : sendRead(file, position, length, out, digest);
    }

    /** {@link #send} through buffers of ours, read from the file with positional reads. */
    private static long sendRead(FileChannel file, long position, long length, Sink out, MessageDigest digest)
            throws IOException {
        ByteBuffer[] buffers = {take(), take()};
        boolean[] reusable = {false};
        try {
            return send(file, position, length, out, digest, buffers, reusable);
        } finally {
            give(buffers, reusable[0]);
        }
    }

    /**
     * {@link #send} through the two given buffers, direct or not; {@code reusable[0]} tells afterwards whether no hash
     * still reads them.
     */
    static long send(
            FileChannel file,
            long position,
            long length,
            Sink out,
            MessageDigest digest,
            ByteBuffer[] buffers,
            boolean[] reusable)
            throws IOException {
        return send((into, offset) -> read(file, into, position + offset), length, out, digest, buffers, reusable);
    }

    /**
     * {@link #send} without a digest, straight from the file's pages, which saves copying every byte once more into a
     * buffer of ours (measured in docs/benchmarks.md, "1 GiB pull"). A file cut short under a mapping is the one
     * hazard: reading a page past its new end raises SIGBUS, which the JVM turns into an {@link InternalError} in the
     * copying thread; that is taken as the file shrinking, like a positional read coming back short. A file system
     * that cannot map sends the usual way.
     */
    private static long sendMapped(FileChannel file, long position, long length, Sink out) throws IOException {
        long total = 0;
        while (total < length) {
            long window = Math.min(MAPPED_WINDOW, Math.min(length - total, file.size() - (position + total)));
            if (window <= 0) {
                return total;
            }
            MappedByteBuffer mapped;
            try {
                mapped = file.map(FileChannel.MapMode.READ_ONLY, position + total, window);
            } catch (IOException | UnsupportedOperationException unmappable) {
                return total + sendRead(file, position + total, length - total, out, null);
            }
            try {
                for (int at = 0; at < window; at += BUFFER) {
                    int chunk = (int) Math.min(BUFFER, window - at);
                    try {
                        out.write(mapped.slice(at, chunk));
                    } catch (InternalError fault) {
                        if (file.size() < position + total + at + chunk) {
                            return total + at;
                        }
                        throw fault;
                    }
                }
            } finally {
                unmap(mapped);
            }
            total += window;
        }
        return total;
    }

    /**
     * Unmaps now, not whenever the collector finds the buffer: mapped buffers are small on the heap, so without this
     * a busy node could pile up mappings (and keep deleted files' space) until the kernel's map limit. Java 17 has no
     * public call for it, only {@code sun.misc.Unsafe.invokeCleaner} in the jdk.unsupported module, kept for exactly
     * this; without it the collector unmaps.
     */
    private static void unmap(MappedByteBuffer mapped) {
        if (UNSAFE != null) {
            UNSAFE.invokeCleaner(mapped);
        }
    }

    private static sun.misc.Unsafe unsafe() {
        try {
            java.lang.reflect.Field field = sun.misc.Unsafe.class.getDeclaredField("theUnsafe");
            field.setAccessible(true);
            return (sun.misc.Unsafe) field.get(null);
        } catch (ReflectiveOperationException | RuntimeException unavailable) {
            return null;
        }
    }

    /**
     * Copies up to {@code limit} bytes of a stream (an HTTP source, a provider's data plane), through two heap
     * buffers and hashing as {@link #send} does, then flushes {@code out}. Returns how many bytes were copied.
     */
    static long copy(InputStream in, OutputStream out, long limit, MessageDigest digest) throws IOException {
        ByteBuffer[] buffers = {ByteBuffer.allocate(BUFFER), ByteBuffer.allocate(BUFFER)};
        long total = send(
                (into, offset) -> {
                    int read = in.read(into.array(), into.arrayOffset() + into.position(), into.remaining());
                    if (read > 0) {
                        into.position(into.position() + read);
                    }
                    return read;
                },
                limit,
                chunk -> out.write(chunk.array(), chunk.arrayOffset() + chunk.position(), chunk.remaining()),
                digest,
                buffers,
                new boolean[1]);
        out.flush();
        return total;
    }

    /** Where a send reads from: fills {@code into} towards its limit, {@code offset} bytes in; -1 at the end. */
    private interface Source {
        int read(ByteBuffer into, long offset) throws IOException;
    }

    /**
     * The one loop behind every send: two buffers alternate, one is hashed while the other is filled and written,
     * and a buffer is refilled only after its hash ran.
     */
    private static long send(
            Source from, long length, Sink out, MessageDigest digest, ByteBuffer[] buffers, boolean[] reusable)
            throws IOException {
        Future<?> hashing = null;
        long total = 0;
        try {
            for (int turn = 0; total < length; turn ^= 1) {
                ByteBuffer buffer = buffers[turn];
                buffer.clear().limit((int) Math.min(buffer.capacity(), length - total));
                int read = from.read(buffer, total);
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
            reusable[0] = hashing == null || hashing.isDone();
            if (!reusable[0]) {
                // The hashing thread may still read a buffer: let the garbage collector have both instead.
                hashing.cancel(false);
            }
        }
        return total;
    }

    private static void await(Future<?> hashing) throws IOException {
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

    /** Fills {@code buffer} from {@code position} as far as the file goes; -1 at its end. */
    private static int read(FileChannel file, ByteBuffer buffer, long position) throws IOException {
        if (buffer.isDirect()) {
            return file.read(buffer, position);
        }
        int limit = buffer.limit();
        int total = 0;
        while (buffer.position() < limit) {
            buffer.limit(Math.min(limit, buffer.position() + HEAP_READ));
            int read = file.read(buffer, position + total);
            if (read < 0) {
                break;
            }
            total += read;
        }
        buffer.limit(limit);
        return total == 0 && limit > 0 ? -1 : total;
    }

    private static ByteBuffer take() {
        ByteBuffer pooled = POOL.poll();
        if (pooled != null) {
            return pooled;
        }
        return DIRECT.tryAcquire() ? ByteBuffer.allocateDirect(BUFFER) : ByteBuffer.allocate(BUFFER);
    }

    /** Direct buffers go back to the pool; one still read by a hash is given up for good. */
    private static void give(ByteBuffer[] buffers, boolean reusable) {
        for (ByteBuffer buffer : buffers) {
            if (!buffer.isDirect()) {
                continue;
            }
            if (reusable) {
                POOL.offer(buffer);
            } else {
                DIRECT.release();
            }
        }
    }
}
