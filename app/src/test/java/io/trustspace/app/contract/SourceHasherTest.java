package io.trustspace.app.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.trustspace.app.catalog.Asset;
import io.trustspace.app.testing.Eventually;
import io.trustspace.catalog.resource.DataAddress;
import io.trustspace.catalog.resource.LocalizedText;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/** Hashing File sources ahead of their pulls, on real files and the real clock (timestamps settle in 2 s). */
class SourceHasherTest {

    /** Bounded: the settling time twice over and a margin. */
    private static final Duration SETTLING = Duration.ofSeconds(15);

    @TempDir
    Path dir;

    private final SourceDigests digests = new SourceDigests();
    private final SourceHasher hasher = new SourceHasher(digests, SourceHasherTest::sha256, Clock.systemUTC());

    @AfterEach
    void stop() {
        hasher.close();
    }

    @Test
    void aFileWrittenJustNow_isHashedOnceItsTimestampsHaveSettled() throws Exception {
        Path file = write("fresh.bin", 1);
        SourceDigests.Version version = SourceDigests.version(file).orElseThrow();
        assertThat(hasher.hash(file)).as("too fresh to trust: look again").isPresent();
        assertThat(known(file, version)).isEmpty();

        hasher.stored(asset(file));

        Eventually.until(SETTLING, () -> known(file, version).isPresent());
        assertThat(known(file, version)).contains(sha256().digest(Files.readAllBytes(file)));
    }

    @Test
    void aFileRewrittenBeforeItSettled_isHashedAsItEndedUp() throws Exception {
        Path file = write("rewritten.bin", 2);
        SourceDigests.Version first = SourceDigests.version(file).orElseThrow();
        hasher.stored(asset(file));
        Thread.sleep(1_000);
        byte[] second = bytes(3);
        Files.write(file, second);
        SourceDigests.Version last = SourceDigests.version(file).orElseThrow();

        Eventually.until(SETTLING, () -> known(file, last).isPresent());
        assertThat(known(file, last)).contains(sha256().digest(second));
        assertThat(known(file, first)).isEmpty();
    }

    @Test
    void somethingThatIsNotAFile_isLeftToItsFirstPull() throws Exception {
        Path missing = dir.resolve("missing.bin");
        assertThat(hasher.hash(missing)).isEmpty();
        assertThat(hasher.hash(dir)).isEmpty();
        hasher.stored(asset(missing));
        Eventually.until(SETTLING, () -> !hasher.pending(missing));
        assertThat(digests.size()).as("nothing remembered").isZero();

        hasher.stored(Asset.listedWithoutReview(
                "http",
                LocalizedText.of("h", "h"),
                DataAddress.of("HttpData", "http://127.0.0.1:1/x"),
                JsonMapper.builder().build().createArrayNode(),
                Instant.now()));
        // After its transaction committed nothing may throw: the actions after it would be skipped.
        org.assertj.core.api.Assertions.assertThatCode(() -> hasher.stored(asset("not\u0000a path")))
                .doesNotThrowAnyException();
    }

    @Test
    void aFileWhoseTimestampsAreInTheFuture_isLookedAtAgainSoon_notParkedUntilThen() throws Exception {
        Path file = write("future.bin", 4);
        Files.setLastModifiedTime(
                file, java.nio.file.attribute.FileTime.from(Instant.now().plus(Duration.ofDays(3))));

        assertThat(hasher.hash(file))
                .hasValueSatisfying(
                        again -> assertThat(again).isLessThanOrEqualTo(SourceDigests.SETTLED.plusMillis(100)));
    }

    @Test
    void aFileStoredAgainWhileItIsLookedAt_isLookedAtOnceMore() throws Exception {
        // Where the file may have changed after the running look checked it: only another look can tell.
        Path file = write("again.bin", 5);
        java.util.concurrent.CountDownLatch looking = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch proceed = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.atomic.AtomicInteger looks = new java.util.concurrent.atomic.AtomicInteger();
        Clock settled = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(1));
        try (SourceHasher blocking = new SourceHasher(
                digests,
                () -> {
                    if (looks.incrementAndGet() == 1) {
                        looking.countDown();
                        await(proceed);
                    }
                    return sha256();
                },
                settled)) {
            blocking.stored(asset(file));
            assertThat(looking.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            blocking.stored(asset(file));
            proceed.countDown();

            Eventually.until(SETTLING, () -> !blocking.pending(file));
            assertThat(looks).hasValue(2);
            assertThat(known(file, SourceDigests.version(file).orElseThrow())).isPresent();
        }
    }

    private static void await(java.util.concurrent.CountDownLatch latch) {
        try {
            if (!latch.await(10, java.util.concurrent.TimeUnit.SECONDS)) {
                throw new IllegalStateException("not released in time");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Optional<byte[]> known(Path file, SourceDigests.Version version) {
        return digests.find("SHA-256", file, version, 0, version.size() - 1);
    }

    private Path write(String name, int seed) throws Exception {
        return Files.write(dir.resolve(name), bytes(seed));
    }

    private static byte[] bytes(int seed) {
        byte[] bytes = new byte[3 * 1024 * 1024 + 11];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    private static Asset asset(Path file) {
        return asset(file.toString());
    }

    private static Asset asset(String endpoint) {
        return Asset.listedWithoutReview(
                "file",
                LocalizedText.of("f", "f"),
                DataAddress.of("File", endpoint),
                JsonMapper.builder().build().createArrayNode(),
                Instant.now());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
