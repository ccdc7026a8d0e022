package io.trustspace.ledger.merkle;

/**
 * Port to the stored hashes of a Merkle log: the hash of every <em>full</em> subtree, addressed by level and index.
 *
 * <p>{@code node(level, index)} is the Merkle Tree Hash of the {@code 2^level} leaves
 * {@code [index·2^level, (index+1)·2^level)}; level 0 holds the leaf hashes. A log of {@link #size()} leaves holds
 * exactly the nodes with {@code (index+1)·2^level ≤ size}. Partial subtrees on the right edge are never stored:
 * {@link MerkleLog} computes them, which keeps the store append-only (a node, once written, never changes).
 *
 * <p>This is the shape a relational store (one row per node), a tile store (C2SP tlog-tiles) and
 * {@link InMemoryTreeHashes} all have, so proofs for a log of millions of entries read O(log n) nodes.
 *
 * <p>Implementations must be safe for concurrent readers. They may grow between calls, but a node once returned
 * never changes.
 */
public interface TreeHashes {

    /** The number of leaves whose hashes are stored. */
    long size();

    /**
     * The hash of the full subtree at {@code level} and {@code index}; the caller may keep or modify the array.
     *
     * @throws IllegalArgumentException if that subtree is not complete within {@link #size()}, which is a
     *     programming error of the caller
     */
    byte[] node(int level, long index);
}
