package io.trustspace.ledger.tile;

import static io.trustspace.ledger.tile.TileTest.assertReason;
import static org.assertj.core.api.Assertions.assertThat;

import io.trustspace.common.Result;
import io.trustspace.crypto.CryptoSuite;
import io.trustspace.ledger.TestSuites;
import io.trustspace.ledger.merkle.MerkleLog;
import io.trustspace.ledger.note.Checkpoint;
import io.trustspace.ledger.note.NoteVerifier;
import io.trustspace.ledger.note.SuiteNoteSigner;
import io.trustspace.ledger.tile.TileAuditor.AuditReport;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TileAuditorTest {

    private static final CryptoSuite SUITE = TestSuites.jdk();

    static InMemoryTiledLog logOf(int size) {
        InMemoryTiledLog log = new InMemoryTiledLog(SUITE);
        for (int i = 0; i < size; i++) {
            log.append(("{\"entry\":" + i + "}").getBytes(StandardCharsets.UTF_8));
        }
        return log;
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 255, 256, 257, 511, 513, 65_535, 65_536, 65_537, 70_000})
    void audit_acceptsAnHonestLogOfAnySize(int size) {
        InMemoryTiledLog log = logOf(size);
        List<Long> visited = new ArrayList<>();

        AuditReport report = new TileAuditor(SUITE, log)
                .audit(log.checkpoint(), (index, entry) -> visited.add(index))
                .orElseThrow();

        assertThat(report.entries()).isEqualTo(size);
        assertThat(report.bundles()).isEqualTo((size + 255) / 256);
        assertThat(report.tiles()).isEqualTo(Tile.forTree(size).size());
        assertThat(visited).hasSize(size);
        if (size > 0) {
            assertThat(visited.get(size - 1)).isEqualTo(size - 1);
        }
        assertThat(log.requested)
                .containsAll(Tile.forTree(size).stream().map(Tile::path).toList());
    }

    @Test
    void audit_ofAnOlderCheckpoint_fallsBackToFullTilesWhenPartialOnesAreGone() {
        InMemoryTiledLog log = logOf(600);
        Checkpoint old = new Checkpoint(
                "test.example/log",
                300,
                new MerkleLog(log.tree, SUITE).rootHash(300).orElseThrow());
        log.withheld.add("tile/0/001.p/44");
        log.withheld.add("tile/entries/001.p/44");

        assertThat(new TileAuditor(SUITE, log).audit(old).orElseThrow().entries())
                .isEqualTo(300);
        assertThat(log.requested).contains("tile/0/001", "tile/entries/001");
    }

    @Test
    void audit_findsAChangedEntry_atItsLevelZeroTile() {
        InMemoryTiledLog log = logOf(1000);
        List<byte[]> bundle = EntryBundle.decode(log.fetch("tile/entries/001").orElseThrow(), 256)
                .orElseThrow();
        bundle.set(7, "{\"entry\":\"forged\"}".getBytes(StandardCharsets.UTF_8));
        log.overrides.put("tile/entries/001", EntryBundle.encode(bundle));

        assertReason(new TileAuditor(SUITE, log).audit(log.checkpoint()), "tile/0/001 hash 7 is");
    }

    @Test
    void audit_findsAForgeryThatRewroteEveryTile_atTheRoot() {
        InMemoryTiledLog honest = logOf(1000);
        InMemoryTiledLog forged = new InMemoryTiledLog(SUITE);
        for (int i = 0; i < 1000; i++) {
            forged.append(honest.entries.get(i == 500 ? 501 : i));
        }

        assertReason(
                new TileAuditor(SUITE, forged).audit(honest.checkpoint()), "root mismatch: the 1000 entries hash to");
    }

    @Test
    void audit_findsATamperedUpperTile() {
        InMemoryTiledLog log = logOf(70_000);
        byte[] tile = log.fetch("tile/1/000").orElseThrow();
        tile[100] ^= 1;
        log.overrides.put("tile/1/000", tile);

        assertReason(new TileAuditor(SUITE, log).audit(log.checkpoint()), "tile/1/000 hash 3 is");
    }

    @Test
    void audit_refusesMalformedAndMissingResources() {
        InMemoryTiledLog log = logOf(300);
        Checkpoint checkpoint = log.checkpoint();

        log.overrides.put("tile/0/001.p/44", new byte[43 * 32]);
        assertReason(new TileAuditor(SUITE, log).audit(checkpoint), "tile/0/001.p/44 has 1376 bytes, expected 1408");

        log.overrides.clear();
        log.overrides.put("tile/entries/000", new byte[] {0, 5, 1});
        assertReason(
                new TileAuditor(SUITE, log).audit(checkpoint),
                "tile/entries/000: entry 0 of the bundle claims 5 bytes");

        log.overrides.clear();
        log.withheld.add("tile/0/000");
        Result<AuditReport> missing = new TileAuditor(SUITE, log).audit(checkpoint);
        assertThat(((Result.Failure<AuditReport>) missing).kind()).isEqualTo(Result.Kind.NOT_FOUND);
        assertReason(missing, "the log does not serve tile/0/000");

        TileSource broken = path -> {
            throw new IllegalStateException("connection reset");
        };
        Result<AuditReport> unavailable = new TileAuditor(SUITE, broken).audit(checkpoint);
        assertThat(((Result.Failure<AuditReport>) unavailable).kind()).isEqualTo(Result.Kind.UNAVAILABLE);
        assertReason(unavailable, "could not fetch tile/entries/000: connection reset");
    }

    @Test
    void auditLatest_opensTheServedCheckpointWithTheLogKey() {
        InMemoryTiledLog log = logOf(1234);
        SuiteNoteSigner signer = SuiteNoteSigner.create("test.example/log", SUITE.generateSigningKeyPair(), SUITE);
        log.checkpointText = log.checkpoint().sign(List.of(signer)).format();
        NoteVerifier key = signer.key().verifier(SUITE).orElseThrow();

        assertThat(new TileAuditor(SUITE, log)
                        .auditLatest(List.of(key), 1, (i, e) -> {})
                        .orElseThrow()
                        .entries())
                .isEqualTo(1234);

        log.checkpointText = log.checkpointText.replace("\n1234\n", "\n1233\n");
        assertReason(new TileAuditor(SUITE, log).auditLatest(List.of(key), 1, (i, e) -> {}), "does not verify");
    }

    @Test
    void audit_ofAMillionEntries_takesSeconds() {
        InMemoryTiledLog log = logOf(1_000_000);
        long started = System.nanoTime();

        AuditReport report = new TileAuditor(SUITE, log).audit(log.checkpoint()).orElseThrow();

        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.printf(
                "audited %,d entries (%,d bundles, %,d tiles) in %,d ms%n",
                report.entries(), report.bundles(), report.tiles(), millis);
        assertThat(report.entries()).isEqualTo(1_000_000);
    }
}
