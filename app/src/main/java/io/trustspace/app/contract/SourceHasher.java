package io.trustspace.app.contract;

import io.trustspace.app.catalog.Asset;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hashes a File source in the background when it is registered, so that even the first pull of that version of the
 * file is sent without hashing on its path (ADR 0010): a provider publishes a file once and it is pulled many times,
 * and on a small machine hashing what is sent halves a bulk pull. The digest is established under the same rules as
 * by a send — the whole file, the same version before and after, timestamps settled before hashing began — into the
 * same {@link SourceDigests}, and the data plane records it as {@code source-version}.
 *
 * <p>One file at a time, on one daemon thread, so that registering many large files cannot take the machine from
 * the pulls. A file still being written is looked at again once its timestamps would have settled, at most {@value
 * #MAX_LOOKS} times; one that keeps changing is left to its first pull, which hashes what it sends. What it
 * establishes outlives a restart as {@link SourceDigests} keeps it; looks not yet made when the node stops are not
 * resumed, and those files are hashed by their first pull.
 */
public final class SourceHasher implements AutoCloseable {

    static final int MAX_LOOKS = 5;
    private static final int CHUNK = 1024 * 1024;
    private static final Logger log = LoggerFactory.getLogger(SourceHasher.class);

    private final SourceDigests digests;
    private final Supplier<MessageDigest> newDigest;
    private final Clock clock;
    /** Paths with a look scheduled or running; true if the asset was stored again meanwhile (look once more). */
    private final ConcurrentHashMap<Path, Boolean> pending = new ConcurrentHashMap<>();

    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "source-hasher");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        return thread;
    });

    public SourceHasher(SourceDigests digests, Supplier<MessageDigest> newDigest, Clock clock) {
        this.digests = digests;
        this.newDigest = newDigest;
        this.clock = clock;
    }

    /**
     * An asset was stored: if its data is a file, establish the file's digest soon. Cheap; any thread; never throws,
     * since it runs after the asset's transaction committed, where a failure could only skip what else was to run.
     */
    public void stored(Asset asset) {
        if (asset.dataAddress() == null
                || !"File".equalsIgnoreCase(asset.dataAddress().type())) {
            return;
        }
        Path path;
        try {
            path = Path.of(asset.dataAddress().endpoint()).toAbsolutePath();
        } catch (RuntimeException e) {
            log.debug("not hashing {} ahead of pulls: {}", asset.localId(), e.toString());
            return;
        }
        boolean[] fresh = {false};
        pending.compute(path, (p, scheduled) -> {
            fresh[0] = scheduled == null;
            return !fresh[0];
        });
        if (fresh[0]) {
            schedule(path, 1, Duration.ZERO);
        }
    }

    /** True while {@code path} has a look scheduled or running. */
    boolean pending(Path path) {
        return pending.containsKey(path.toAbsolutePath());
    }

    private void schedule(Path path, int look, Duration after) {
        try {
            worker.schedule(() -> look(path, look), after.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException closing) {
            pending.remove(path);
        }
    }

    private void look(Path path, int look) {
        try {
            Optional<Duration> again = hash(path);
            if (again.isPresent() && look < MAX_LOOKS) {
                schedule(path, look + 1, again.get());
                return;
            }
        } catch (IOException | RuntimeException e) {
            // Gone, unreadable, or not a file: its first pull says so to the consumer.
            log.debug("not hashing {} ahead of pulls: {}", path, e.toString());
        }
        // Stored again while this look ran: the file may have changed after the look's last check of it.
        if (pending.compute(path, (p, storedAgain) -> Boolean.TRUE.equals(storedAgain) ? Boolean.FALSE : null)
                != null) {
            schedule(path, 1, Duration.ZERO);
        }
    }

    /** Hashes {@code path} if it is settled and not known yet; when to look again if it was still changing. */
    Optional<Duration> hash(Path path) throws IOException {
        if (!Files.isRegularFile(path)) {
            return Optional.empty();
        }
        Optional<SourceDigests.Version> before = SourceDigests.version(path);
        if (before.isEmpty()) {
            return Optional.empty(); // no way to tell versions apart here: every pull hashes
        }
        SourceDigests.Version version = before.get();
        MessageDigest digest = newDigest.get();
        String algorithm = digest.getAlgorithm();
        long last = version.size() - 1;
        if (digests.find(algorithm, path, version, 0, last).isPresent()) {
            return Optional.empty();
        }
        Instant began = clock.instant();
        if (!version.settledBefore(began)) {
            Instant touched =
                    version.modified().toInstant().isAfter(version.changed().toInstant())
                            ? version.modified().toInstant()
                            : version.changed().toInstant();
            Duration wait = Duration.between(began, touched.plus(SourceDigests.SETTLED));
            if (wait.isNegative()) {
                return Optional.of(Duration.ZERO);
            }
            // A timestamp in the future (clock skew, a copy that kept its times) must not park the path for days:
            // such a file uses up its looks soon and is left to its first pull.
            Duration longest = SourceDigests.SETTLED.plusMillis(100);
            Duration next = wait.plusMillis(100);
            return Optional.of(next.compareTo(longest) > 0 ? longest : next);
        }
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            ByteBuffer buffer = ByteBuffer.allocateDirect(CHUNK);
            long position = 0;
            while (position < version.size()) {
                buffer.clear();
                int read = channel.read(buffer, position);
                if (read < 0) {
                    break;
                }
                buffer.flip();
                digest.update(buffer);
                position += read;
            }
        }
        Optional<SourceDigests.Version> after = SourceDigests.version(path);
        if (!before.equals(after)) {
            return Optional.of(SourceDigests.SETTLED.plusMillis(100));
        }
        digests.remember(algorithm, path, version, 0, last, digest.digest());
        return Optional.empty();
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}
