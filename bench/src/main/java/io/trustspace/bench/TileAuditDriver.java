package io.trustspace.bench;

import io.trustspace.common.Result;
import io.trustspace.crypto.CryptoSuite;
import io.trustspace.crypto.CryptoSuites;
import io.trustspace.crypto.SuiteId;
import io.trustspace.ledger.merkle.InMemoryTreeHashes;
import io.trustspace.ledger.note.Checkpoint;
import io.trustspace.ledger.note.NoteVerifier;
import io.trustspace.ledger.note.SuiteNoteSigner;
import io.trustspace.ledger.tile.EntryBundle;
import io.trustspace.ledger.tile.Tile;
import io.trustspace.ledger.tile.TileAuditor;
import io.trustspace.ledger.tile.TileSource;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Load driver for a full audit of a tiled log: builds a log of {@code --entries} realistic evidence records (about
 * 280 bytes of canonical JSON each) in memory, serves it as c2sp.org/tlog-tiles resources from memory (hash tiles
 * read from the tree with {@link Tile#read}, entry bundles encoded on request with {@link EntryBundle#encode}, the
 * signed checkpoint), and times {@link TileAuditor#auditLatest} over it {@code --runs} times.
 *
 * <p>What is timed is what {@code trustspace ledger audit URL} does minus the network: fetch every bundle and tile,
 * recompute every leaf and interior hash, compare, check the root and the checkpoint signature. Serving the
 * resources happens on the same thread and is included; the driver reports its share separately.
 *
 * <p>Options: {@code --entries N} (1000000), {@code --suite intl|gm} (intl), {@code --runs R} (3). Prints
 * {@code RESULT key=value …} last. Target: ≤ 10 s for 10^6 entries.
 */
public final class TileAuditDriver {

    private static final long SEED = 20250301L;

    public static void main(String[] args) {
        LedgerAppendDriver.quietLogging();
        DriverOptions options = DriverOptions.parse(args, Set.of("entries", "suite", "runs"));
        long entries = options.number("entries", 1_000_000);
        int runs = options.integer("runs", 3);
        CryptoSuite suite = CryptoSuites.of(SuiteId.parse(options.string("suite", "intl")));
        if (entries < 1 || entries > Integer.MAX_VALUE || runs < 1) {
            throw new IllegalArgumentException("--entries must be 1 to 2^31 - 1 and --runs positive");
        }

        long buildStart = System.nanoTime();
        InMemoryLog log = InMemoryLog.build(suite, (int) entries);
        KeyPair keys = suite.generateSigningKeyPair();
        SuiteNoteSigner signer = SuiteNoteSigner.create(EvidenceSamples.LOG_ORIGIN, keys, suite);
        NoteVerifier logKey = signer.key().verifier(suite, keys.getPublic());
        log.checkpoint = new Checkpoint(EvidenceSamples.LOG_ORIGIN, entries, log.tree.rootHash())
                .sign(List.of(signer))
                .format();
        System.out.printf(
                "tile-audit: suite %s, %d entries of %d bytes on average, %d tiles; built in %.1f s%n",
                suite.id().label(),
                entries,
                log.entryBytes / entries,
                Tile.forTree(entries).size(),
                (System.nanoTime() - buildStart) / 1e9);

        double[] seconds = new double[runs];
        double[] serving = new double[runs];
        for (int run = 0; run < runs; run++) {
            log.servingNanos = 0;
            long start = System.nanoTime();
            Result<TileAuditor.AuditReport> report =
                    new TileAuditor(suite, log).auditLatest(List.of(logKey), 1, (index, entry) -> {});
            seconds[run] = (System.nanoTime() - start) / 1e9;
            serving[run] = log.servingNanos / 1e9;
            TileAuditor.AuditReport audited = report.orElseThrow();
            if (audited.entries() != entries) {
                throw new IllegalStateException("audit covered " + audited.entries() + " entries, not " + entries);
            }
            System.out.printf(
                    "run %d: %.3f s (of which serving tiles and bundles %.3f s), %d bundles, %d tiles checked%n",
                    run + 1, seconds[run], serving[run], audited.bundles(), audited.tiles());
        }
        int best = 0;
        for (int run = 1; run < runs; run++) {
            if (seconds[run] < seconds[best]) {
                best = run;
            }
        }
        StringBuilder result = new StringBuilder(String.format(
                Locale.ROOT,
                "RESULT driver=tile-audit suite=%s entries=%d",
                suite.id().label(),
                entries));
        for (int run = 0; run < runs; run++) {
            result.append(String.format(Locale.ROOT, " run%d_s=%.3f", run + 1, seconds[run]));
        }
        result.append(String.format(
                Locale.ROOT,
                " best_s=%.3f best_serving_s=%.3f entries_per_s=%.0f",
                seconds[best],
                serving[best],
                entries / seconds[best]));
        System.out.println(result);
    }

    /** A log held in memory and served as tiles, computing each resource on request. Single-threaded. */
    private static final class InMemoryLog implements TileSource {

        private final List<byte[]> entries;
        private final InMemoryTreeHashes tree;
        private final long entryBytes;
        private String checkpoint;
        private long servingNanos;

        private InMemoryLog(List<byte[]> entries, InMemoryTreeHashes tree, long entryBytes) {
            this.entries = entries;
            this.tree = tree;
            this.entryBytes = entryBytes;
        }

        static InMemoryLog build(CryptoSuite suite, int count) {
            EvidenceSamples samples = new EvidenceSamples(suite, SEED);
            InMemoryTreeHashes tree = new InMemoryTreeHashes(suite);
            List<byte[]> entries = new ArrayList<>(count);
            long bytes = 0;
            for (int i = 0; i < count; i++) {
                if (i % 65_536 == 0) {
                    samples.checkTemplate(i);
                }
                byte[] entry = samples.entry(i);
                entries.add(entry);
                tree.append(entry);
                bytes += entry.length;
            }
            return new InMemoryLog(entries, tree, bytes);
        }

        @Override
        public Optional<byte[]> fetch(String path) {
            long start = System.nanoTime();
            try {
                return serve(path);
            } finally {
                servingNanos += System.nanoTime() - start;
            }
        }

        private Optional<byte[]> serve(String path) {
            if (path.equals("checkpoint")) {
                return Optional.of(checkpoint.getBytes(StandardCharsets.UTF_8));
            }
            if (path.startsWith("tile/entries/")) {
                Result<Tile> tile = Tile.parseEntriesPath(path);
                if (!tile.isOk()) {
                    return Optional.empty();
                }
                long first = tile.orElseThrow().index() * Tile.FULL_WIDTH;
                int width = tile.orElseThrow().width();
                if (first + width > entries.size()) {
                    return Optional.empty();
                }
                return Optional.of(EntryBundle.encode(entries.subList((int) first, (int) first + width)));
            }
            Result<byte[]> tile = Tile.parsePath(path).flatMap(parsed -> parsed.read(tree));
            return tile.isOk() ? Optional.of(tile.orElseThrow()) : Optional.empty();
        }
    }

    private TileAuditDriver() {}
}
