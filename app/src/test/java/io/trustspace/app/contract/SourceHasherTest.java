package io.trustspace.app.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.trustspace.app.catalog.Asset;
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
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/** Hashing File sources ahead of their pulls, on real files and the real clock (timestamps settle in 2 s). */
class SourceHasherTest {

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

        await(() -> known(file, version).isPresent());
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

        await(() -> known(file, last).isPresent());
        assertThat(known(file, last)).contains(sha256().digest(second));
        assertThat(known(file, first)).isEmpty();
    }

    @Test
    void somethingThatIsNotAFile_isLeftToItsFirstPull() throws Exception {
        Path missing = dir.resolve("missing.bin");
        assertThat(hasher.hash(missing)).isEmpty();
        assertThat(hasher.hash(dir)).isEmpty();
        hasher.stored(asset(missing)); // no failure, nothing remembered
        hasher.stored(Asset.listedWithoutReview(
                "http",
                LocalizedText.of("h", "h"),
                DataAddress.of("HttpData", "http://127.0.0.1:1/x"),
                JsonMapper.builder().build().createArrayNode(),
                Instant.now()));
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
        return Asset.listedWithoutReview(
                "file",
                LocalizedText.of("f", "f"),
                DataAddress.of("File", file.toString()),
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

    /** Bounded: the settling time twice over and a margin. */
    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("in time").isLessThan(deadline);
            Thread.sleep(50);
        }
    }
}
