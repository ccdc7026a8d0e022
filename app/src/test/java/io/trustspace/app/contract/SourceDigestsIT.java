package io.trustspace.app.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.trustspace.app.testing.MigratedDatabase;
import io.trustspace.common.jdbc.JdbcTransactions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

/** Whole-file digests kept in PostgreSQL across restarts, matched only by the same version of the file. */
class SourceDigestsIT {

    @RegisterExtension
    static final MigratedDatabase database = new MigratedDatabase();

    @TempDir
    Path dir;

    private final byte[] digest = {1, 2, 3, 4};

    @BeforeEach
    void empty() {
        database.execute("TRUNCATE source_digest");
    }

    @Test
    void aWholeFileDigest_outlivesARestart() throws Exception {
        Path file = Files.write(dir.resolve("kept.bin"), new byte[1000]);
        SourceDigests.Version version = SourceDigests.version(file).orElseThrow();
        new SourceDigests(database.transactions()).remember("SHA-256", file, version, 0, 999, digest);

        SourceDigests restarted = new SourceDigests(database.transactions());

        assertThat(restarted.find("SHA-256", file, version, 0, 999)).hasValue(digest);
        assertThat(restarted.find("SM3", file, version, 0, 999)).isEmpty();
        assertThat(restarted.size()).as("loaded into memory").isEqualTo(1);
    }

    @Test
    void anotherVersionOfTheFile_doesNotMatchWhatWasKept() throws Exception {
        Path file = Files.write(dir.resolve("changed.bin"), new byte[1000]);
        SourceDigests.Version kept = SourceDigests.version(file).orElseThrow();
        new SourceDigests(database.transactions()).remember("SHA-256", file, kept, 0, 999, digest);

        // Same size, modification time set back: only the change time differs.
        FileTime modified = Files.getLastModifiedTime(file);
        Thread.sleep(20);
        Files.write(file, new byte[1000]);
        Files.setLastModifiedTime(file, modified);
        SourceDigests.Version now = SourceDigests.version(file).orElseThrow();
        assertThat(now).isNotEqualTo(kept);

        assertThat(new SourceDigests(database.transactions()).find("SHA-256", file, now, 0, 999))
                .isEmpty();
        // A newer version replaces the row: one per file and algorithm.
        new SourceDigests(database.transactions()).remember("SHA-256", file, now, 0, 999, new byte[] {9});
        assertThat(database.queryString("SELECT count(*) FROM source_digest")).isEqualTo("1");
        assertThat(new SourceDigests(database.transactions()).find("SHA-256", file, kept, 0, 999))
                .isEmpty();
    }

    @Test
    void theDigestsOfDeletedFiles_areForgotten_inBatches() throws Exception {
        SourceDigests digests = new SourceDigests(database.transactions());
        int files = SourceDigests.FORGET_BATCH + 3;
        for (int i = 0; i < files; i++) {
            Path file = Files.write(dir.resolve("f" + i + ".bin"), new byte[10]);
            digests.remember("SHA-256", file, SourceDigests.version(file).orElseThrow(), 0, 9, digest);
            digests.remember("SM3", file, SourceDigests.version(file).orElseThrow(), 0, 9, digest);
        }
        Path kept = dir.resolve("f1.bin");
        SourceDigests.Version version = SourceDigests.version(kept).orElseThrow();
        for (int i = 0; i < files; i++) {
            if (i != 1) {
                Files.delete(dir.resolve("f" + i + ".bin"));
            }
        }

        assertThat(digests.forgetMissing()).isEqualTo(2 * (files - 1));
        assertThat(database.queryString("SELECT count(*) FROM source_digest")).isEqualTo("2");
        assertThat(new SourceDigests(database.transactions()).find("SHA-256", kept, version, 0, 9))
                .hasValue(digest);
        assertThat(digests.forgetMissing()).isZero();
    }

    @Test
    void rangesAreRememberedInMemoryOnly() throws Exception {
        Path file = Files.write(dir.resolve("ranges.bin"), new byte[1000]);
        SourceDigests.Version version = SourceDigests.version(file).orElseThrow();
        SourceDigests digests = new SourceDigests(database.transactions());
        digests.remember("SHA-256", file, version, 100, 199, digest);

        assertThat(digests.find("SHA-256", file, version, 100, 199)).hasValue(digest);
        assertThat(new SourceDigests(database.transactions()).find("SHA-256", file, version, 100, 199))
                .isEmpty();
        assertThat(database.queryString("SELECT count(*) FROM source_digest")).isEqualTo("0");
    }

    @Test
    void aDatabaseThatCannotBeReached_isNoMoreThanNothingRemembered() throws Exception {
        Path file = Files.write(dir.resolve("unreachable.bin"), new byte[1000]);
        SourceDigests.Version version = SourceDigests.version(file).orElseThrow();
        PGSimpleDataSource nowhere = new PGSimpleDataSource();
        nowhere.setUrl("jdbc:postgresql://127.0.0.1:1/none?connectTimeout=2");
        SourceDigests digests = new SourceDigests(new JdbcTransactions(nowhere));

        digests.remember("SHA-256", file, version, 0, 999, digest); // no failure: a pull must go on

        assertThat(digests.find("SHA-256", file, version, 0, 999))
                .as("still remembered in memory")
                .hasValue(digest);
        assertThat(new SourceDigests(new JdbcTransactions(nowhere)).find("SHA-256", file, version, 0, 999))
                .isEmpty();
    }
}
