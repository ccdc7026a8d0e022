package io.trustspace.ledger.merkle;

import io.trustspace.crypto.CryptoSuite;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * An append-only Merkle tree in memory that stores every full-subtree hash, level by level: the operator's cache in
 * front of the database, and the reference {@link TreeHashes} for tests.
 *
 * <p>Appending a leaf writes its hash at level 0 and then, while the new node completes a pair, the parent one level
 * up: one hash per append amortised, and no hash ever rewritten. Hashes are kept in flat chunks of
 * {@value #CHUNK_HASHES} hashes per level rather than one array per hash, so a million leaves cost about 64 MB and
 * no per-hash objects.
 *
 * <p>Thread-safe: appends are serialised, reads run concurrently with each other and never observe a partly written
 * append.
 */
public final class InMemoryTreeHashes implements TreeHashes {

    private static final int CHUNK_SHIFT = 12;
    private static final int CHUNK_HASHES = 1 << CHUNK_SHIFT;
    private static final int CHUNK_MASK = CHUNK_HASHES - 1;

    private final CryptoSuite suite;
    private final MerkleHasher hasher;
    private final int hashLength;
    private final List<List<byte[]>> levels = new ArrayList<>();
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private long size;

    public InMemoryTreeHashes(CryptoSuite suite) {
        this.suite = suite;
        this.hasher = MerkleHasher.of(suite);
        this.hashLength = hasher.hashLength();
    }

    /** Appends {@code entry} as the next leaf and returns its index. */
    public long append(byte[] entry) {
        lock.writeLock().lock();
        try {
            long index = size;
            hasher.leafHashInto(entry, 0, entry.length, slotFor(0, index), offset(index));
            completeParents(index);
            return index;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Appends every entry in order under one lock; returns the index of the first. */
    public long appendAll(Iterable<byte[]> entries) {
        lock.writeLock().lock();
        try {
            long first = size;
            for (byte[] entry : entries) {
                long index = size;
                hasher.leafHashInto(entry, 0, entry.length, slotFor(0, index), offset(index));
                completeParents(index);
            }
            return first;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /**
     * Appends a leaf whose hash {@code H(0x00 || entry)} was computed elsewhere (for instance when reloading from a
     * store) and returns its index.
     *
     * @throws IllegalArgumentException if the hash has the wrong length
     */
    public long appendLeafHash(byte[] leafHash) {
        if (leafHash.length != hashLength) {
            throw new IllegalArgumentException(
                    "leaf hash has " + leafHash.length + " bytes, the suite hash has " + hashLength);
        }
        lock.writeLock().lock();
        try {
            long index = size;
            System.arraycopy(leafHash, 0, slotFor(0, index), offset(index), hashLength);
            completeParents(index);
            return index;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** The root hash of the whole tree as it is now. */
    public byte[] rootHash() {
        lock.readLock().lock();
        try {
            return new MerkleLog(this, suite).rootHash(size).orElseThrow();
        } finally {
            lock.readLock().unlock();
        }
    }

    @Override
    public long size() {
        lock.readLock().lock();
        try {
            return size;
        } finally {
            lock.readLock().unlock();
        }
    }

    @Override
    public byte[] node(int level, long index) {
        lock.readLock().lock();
        try {
            if (level < 0 || level >= 63 || index < 0 || (index + 1) > (size >>> level)) {
                throw new IllegalArgumentException(
                        "no full subtree at level " + level + " index " + index + " in a tree of " + size + " leaves");
            }
            byte[] hash = new byte[hashLength];
            System.arraycopy(levels.get(level).get(chunk(index)), offset(index), hash, 0, hashLength);
            return hash;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Called with the write lock held, after leaf {@code index} was written at level 0. */
    private void completeParents(long index) {
        long child = index;
        int level = 0;
        // A right child (odd index) completes its parent; carry upwards like a binary counter.
        while ((child & 1) == 1) {
            List<byte[]> lower = levels.get(level);
            long parent = child >>> 1;
            hasher.nodeHashInto(
                    lower.get(chunk(child - 1)),
                    offset(child - 1),
                    lower.get(chunk(child)),
                    offset(child),
                    slotFor(level + 1, parent),
                    offset(parent));
            child = parent;
            level++;
        }
        size = index + 1;
    }

    /** The chunk that holds {@code index} at {@code level}, allocating the level or chunk on first use. */
    private byte[] slotFor(int level, long index) {
        if (levels.size() == level) {
            levels.add(new ArrayList<>());
        }
        List<byte[]> chunks = levels.get(level);
        int chunk = chunk(index);
        if (chunks.size() == chunk) {
            chunks.add(new byte[CHUNK_HASHES * hashLength]);
        }
        return chunks.get(chunk);
    }

    private static int chunk(long index) {
        return Math.toIntExact(index >>> CHUNK_SHIFT);
    }

    private int offset(long index) {
        return (int) (index & CHUNK_MASK) * hashLength;
    }
}
