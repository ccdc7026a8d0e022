package io.trustspace.ledger.tile;

import io.trustspace.common.Result;
import io.trustspace.crypto.CryptoSuite;
import io.trustspace.ledger.merkle.MerkleHasher;
import io.trustspace.ledger.note.Checkpoint;
import io.trustspace.ledger.note.NoteVerifier;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Audits a whole tiled log against a checkpoint: fetches every entry bundle, recomputes every leaf hash and every
 * tree hash from the entries alone, checks each served hash tile (full and partial, every level) against the
 * recomputed hashes, and checks that the entries lead to the checkpoint's root hash. This is what
 * {@code trustspace ledger audit URL} runs; the transport is the {@link TileSource} port.
 *
 * <p>It streams: entries are hashed bundle by bundle into a compact range (the right edge of the tree, at most 64
 * hashes), whose completed nodes at tile levels are compared with the served tiles as soon as a tile's worth is
 * complete. Memory stays at one bundle plus one pending tile per level, and hashing writes into preallocated buffers,
 * so a million entries take seconds.
 *
 * <p>Not thread-safe: one instance audits one log at a time. Failures: INVALID for anything that does not check out
 * (malformed bundle or tile, wrong hash, wrong root), NOT_FOUND for a resource the log does not serve, UNAVAILABLE
 * when the source throws.
 */
public final class TileAuditor {

    /** What an audit covered. */
    public record AuditReport(Checkpoint checkpoint, long entries, int bundles, int tiles) {}

    /** Receives each audited entry, in log order, for checks beyond the tree (parsing evidence records, say). */
    @FunctionalInterface
    public interface EntryVisitor {
        void visit(long index, byte[] entry);
    }

    private final CryptoSuite suite;
    private final TileSource source;

    public TileAuditor(CryptoSuite suite, TileSource source) {
        this.suite = suite;
        this.source = source;
    }

    /**
     * Fetches {@code checkpoint}, opens it with the trusted keys (at least {@code required} must have signed) and
     * audits the log against it.
     */
    public Result<AuditReport> auditLatest(List<? extends NoteVerifier> trusted, int required, EntryVisitor visitor) {
        return fetch("checkpoint")
                .flatMap(bytes -> Checkpoint.open(new String(bytes, StandardCharsets.UTF_8), trusted, required))
                .flatMap(checkpoint -> audit(checkpoint, visitor));
    }

    /** Audits the log against a checkpoint whose signature the caller has verified. */
    public Result<AuditReport> audit(Checkpoint checkpoint) {
        return audit(checkpoint, (index, entry) -> {});
    }

    /** Audits the log against a verified checkpoint, handing each entry to {@code visitor}. */
    public Result<AuditReport> audit(Checkpoint checkpoint, EntryVisitor visitor) {
        return new Run(checkpoint, Objects.requireNonNull(visitor, "visitor")).execute();
    }

    private Result<byte[]> fetch(String path) {
        Optional<byte[]> bytes;
        try {
            bytes = source.fetch(path);
        } catch (RuntimeException e) {
            return Result.unavailable("could not fetch " + path + ": " + e.getMessage());
        }
        return bytes.map(Result::ok).orElseGet(() -> Result.notFound("the log does not serve " + path));
    }

    /** Bytes of a tile or bundle, and whether they are the full one served in place of a partial one. */
    private record Fetched(byte[] bytes, boolean full) {}

    /** Fetches a tile, falling back to the full tile when a partial one is no longer served (as the spec allows). */
    private Result<Fetched> fetchTile(Tile tile, boolean entries) {
        Result<byte[]> fetched = fetch(entries ? tile.entriesPath() : tile.path());
        if (fetched instanceof Result.Failure<byte[]> failure
                && failure.kind() == Result.Kind.NOT_FOUND
                && tile.isPartial()) {
            return fetch(entries ? tile.full().entriesPath() : tile.full().path())
                    .map(bytes -> new Fetched(bytes, true));
        }
        return fetched.map(bytes -> new Fetched(bytes, !tile.isPartial()));
    }

    /** The state of one audit. */
    private final class Run {
        private final Checkpoint checkpoint;
        private final EntryVisitor visitor;
        private final long size;
        private final MerkleHasher hasher = MerkleHasher.of(suite);
        private final int hashLength = hasher.hashLength();
        /** Compact range: roots of the perfect subtrees covering the leaves so far, largest first. */
        private final byte[][] rightEdge = new byte[64][hashLength];

        private int rightEdgeSize;
        /** Recomputed hashes of the tile being filled at each tile level. */
        private final byte[][] pending = new byte[Tile.MAX_LEVEL + 1][];

        private final int[] pendingCount = new int[Tile.MAX_LEVEL + 1];
        /** The node being carried up the right edge. */
        private final byte[] node = new byte[hashLength];

        private long leaves;
        /** The first failure met while checking a full tile in the middle of a bundle. */
        private Result<Void> failure;

        private int bundles;
        private int tiles;

        Run(Checkpoint checkpoint, EntryVisitor visitor) {
            this.checkpoint = checkpoint;
            this.visitor = visitor;
            this.size = checkpoint.size();
        }

        Result<AuditReport> execute() {
            if (checkpoint.rootHash().length != hashLength) {
                return Result.invalid("checkpoint root hash has " + checkpoint.rootHash().length
                        + " bytes, the suite hash has " + hashLength);
            }
            long bundleCount = (size + Tile.FULL_WIDTH - 1) / Tile.FULL_WIDTH;
            for (long index = 0; index < bundleCount; index++) {
                int width = (int) Math.min(Tile.FULL_WIDTH, size - index * Tile.FULL_WIDTH);
                Result<Void> bundle = auditBundle(new Tile(0, index, width));
                if (!bundle.isOk()) {
                    return bundle.map(ignored -> null);
                }
            }
            // What remains pending at each level is that level's partial tile; a level can have one even when the
            // level below ended on a full tile (a tree of 65,536 leaves has a partial level-2 tile of width 1).
            for (int level = 1; level <= Tile.MAX_LEVEL; level++) {
                if (pendingCount[level] > 0) {
                    Result<Void> partial = checkTile(level);
                    if (!partial.isOk()) {
                        return partial.map(ignored -> null);
                    }
                }
            }
            byte[] root = root();
            if (!MessageDigest.isEqual(root, checkpoint.rootHash())) {
                return Result.invalid("root mismatch: the " + size + " entries hash to " + hex(root)
                        + ", the checkpoint says " + hex(checkpoint.rootHash()));
            }
            return Result.ok(new AuditReport(checkpoint, leaves, bundles, tiles));
        }

        private Result<Void> auditBundle(Tile tile) {
            Result<Fetched> bundle = fetchTile(tile, true);
            if (!bundle.isOk()) {
                return bundle.map(ignored -> null);
            }
            Fetched fetched = bundle.orElseThrow();
            byte[] leafHashes = pendingBuffer(0);
            long first = leaves;
            // A full bundle served in place of a partial one holds more entries than this checkpoint covers.
            boolean exact = !fetched.full() || !tile.isPartial();
            Result<Integer> walked =
                    EntryBundle.forEach(fetched.bytes(), tile.width(), exact, (position, data, offset, length) -> {
                        hasher.leafHashInto(data, offset, length, leafHashes, position * hashLength);
                        visitor.visit(first + position, Arrays.copyOfRange(data, offset, offset + length));
                    });
            if (walked instanceof Result.Failure<Integer> malformed) {
                return Result.invalid(tile.entriesPath() + ": " + malformed.reason());
            }
            bundles++;
            pendingCount[0] = tile.width();
            for (int position = 0; position < tile.width(); position++) {
                append(leafHashes, position * hashLength);
                if (failure != null) {
                    return failure;
                }
            }
            return checkTile(0);
        }

        /** Adds a leaf hash to the right edge, collecting completed nodes at tile levels above 0. */
        private void append(byte[] leafHashes, int offset) {
            System.arraycopy(leafHashes, offset, node, 0, hashLength);
            long index = leaves++;
            int level = 0;
            while ((index & 1) == 1) {
                rightEdgeSize--;
                hasher.nodeHashInto(rightEdge[rightEdgeSize], 0, node, 0, node, 0);
                index >>>= 1;
                level++;
                if (level % Tile.HEIGHT == 0) {
                    collect(level / Tile.HEIGHT);
                }
            }
            System.arraycopy(node, 0, rightEdge[rightEdgeSize++], 0, hashLength);
        }

        private void collect(int tileLevel) {
            byte[] buffer = pendingBuffer(tileLevel);
            System.arraycopy(node, 0, buffer, pendingCount[tileLevel] * hashLength, hashLength);
            if (++pendingCount[tileLevel] == Tile.FULL_WIDTH && failure == null) {
                // A full tile never changes again, so check it now and keep only one pending tile per level.
                Result<Void> full = checkTile(tileLevel);
                if (!full.isOk()) {
                    failure = full;
                }
            }
        }

        /** Compares the pending hashes of a level with the served tile, then starts the next tile of that level. */
        private Result<Void> checkTile(int tileLevel) {
            int width = pendingCount[tileLevel];
            long nodesBefore = tileLevel == 0 ? leaves - width : completedNodes(tileLevel) - width;
            Tile tile = new Tile(tileLevel, nodesBefore / Tile.FULL_WIDTH, width);
            Result<Fetched> served = fetchTile(tile, false);
            if (!served.isOk()) {
                return served.map(ignored -> null);
            }
            byte[] bytes = served.orElseThrow().bytes();
            int expectedLength = (served.orElseThrow().full() ? Tile.FULL_WIDTH : width) * hashLength;
            if (bytes.length != expectedLength) {
                return Result.invalid(tile.path() + " has " + bytes.length + " bytes, expected " + expectedLength);
            }
            byte[] recomputed = pending[tileLevel];
            for (int i = 0; i < width; i++) {
                int at = i * hashLength;
                if (!Arrays.equals(bytes, at, at + hashLength, recomputed, at, at + hashLength)) {
                    return Result.invalid(tile.path() + " hash " + i + " is "
                            + hex(Arrays.copyOfRange(bytes, at, at + hashLength)) + ", the entries give "
                            + hex(Arrays.copyOfRange(recomputed, at, at + hashLength)));
                }
            }
            tiles++;
            pendingCount[tileLevel] = 0;
            return Result.ok(null);
        }

        /** Nodes completed so far at tree level 8·tileLevel. */
        private long completedNodes(int tileLevel) {
            int treeLevel = tileLevel * Tile.HEIGHT;
            return treeLevel >= Long.SIZE - 1 ? 0 : leaves >>> treeLevel;
        }

        private byte[] pendingBuffer(int tileLevel) {
            if (pending[tileLevel] == null) {
                pending[tileLevel] = new byte[Tile.FULL_WIDTH * hashLength];
            }
            return pending[tileLevel];
        }

        /** MTH of all leaves: the right edge folded from the right. */
        private byte[] root() {
            if (rightEdgeSize == 0) {
                return hasher.emptyRoot();
            }
            byte[] root = rightEdge[rightEdgeSize - 1].clone();
            for (int i = rightEdgeSize - 2; i >= 0; i--) {
                hasher.nodeHashInto(rightEdge[i], 0, root, 0, root, 0);
            }
            return root;
        }
    }

    private static String hex(byte[] hash) {
        return HexFormat.of().formatHex(hash);
    }
}
