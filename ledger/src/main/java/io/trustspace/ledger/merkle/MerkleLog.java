package io.trustspace.ledger.merkle;

import io.trustspace.common.Result;
import io.trustspace.crypto.CryptoSuite;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Root hashes and proofs of a Merkle log (RFC 9162 §2.1), computed from its stored full-subtree hashes.
 *
 * <p>The RFC defines the tree recursively, splitting {@code n} leaves at the largest power of two {@code k < n}.
 * Every left part of such a split is a full subtree and is read from {@link TreeHashes}; only subtrees on the right
 * edge can be partial, and those are folded from the full subtrees of their binary decomposition. A root or proof
 * for a tree of {@code n} leaves therefore reads O(log n) stored hashes and computes at most O(log n) hashes,
 * whatever the size of the log.
 *
 * <p>Thread-safe if the {@link TreeHashes} is: each call uses its own {@link MerkleHasher}.
 */
public final class MerkleLog {

    private final TreeHashes hashes;
    private final CryptoSuite suite;

    public MerkleLog(TreeHashes hashes, CryptoSuite suite) {
        this.hashes = hashes;
        this.suite = suite;
    }

    /** MTH of the first {@code size} leaves: {@code H()} for 0, otherwise the RFC 9162 §2.1.1 root. */
    public Result<byte[]> rootHash(long size) {
        return requireStored(size).map(stored -> {
            MerkleHasher hasher = MerkleHasher.of(suite);
            return size == 0 ? hasher.emptyRoot() : subtreeHash(hasher, 0, size);
        });
    }

    /** The RFC 9162 §2.1.3.1 audit path for leaf {@code index} in the tree of the first {@code size} leaves. */
    public Result<InclusionProof> inclusionProof(long index, long size) {
        if (index < 0 || index >= size) {
            return Result.invalid("index " + index + " is not below tree size " + size);
        }
        return requireStored(size).map(stored -> auditPath(index, size));
    }

    private InclusionProof auditPath(long index, long size) {
        MerkleHasher hasher = MerkleHasher.of(suite);
        List<byte[]> topDown = new ArrayList<>();
        long start = 0;
        long width = size;
        long position = index;
        while (width > 1) {
            long split = Long.highestOneBit(width - 1);
            if (position < split) {
                topDown.add(subtreeHash(hasher, start + split, width - split));
                width = split;
            } else {
                topDown.add(fullSubtree(start, split));
                start += split;
                position -= split;
                width -= split;
            }
        }
        Collections.reverse(topDown);
        return new InclusionProof(index, size, topDown);
    }

    /**
     * The RFC 9162 §2.1.4.1 proof that the tree of {@code oldSize} leaves is a prefix of the tree of {@code newSize}
     * leaves. The proof is empty when the sizes are equal and, as every tree extends the empty one, when
     * {@code oldSize} is 0.
     */
    public Result<ConsistencyProof> consistencyProof(long oldSize, long newSize) {
        if (oldSize < 0 || oldSize > newSize) {
            return Result.invalid("old tree size " + oldSize + " is not between 0 and new tree size " + newSize);
        }
        return requireStored(newSize).map(stored -> subproof(oldSize, newSize));
    }

    private ConsistencyProof subproof(long oldSize, long newSize) {
        if (oldSize == 0 || oldSize == newSize) {
            return new ConsistencyProof(oldSize, newSize, List.of());
        }
        MerkleHasher hasher = MerkleHasher.of(suite);
        List<byte[]> topDown = new ArrayList<>();
        long start = 0;
        long width = newSize;
        long remaining = oldSize;
        boolean onOldRightEdge = true; // the RFC's flag b: the old tree's root is still a node of this subtree
        while (remaining != width) {
            long split = Long.highestOneBit(width - 1);
            if (remaining <= split) {
                topDown.add(subtreeHash(hasher, start + split, width - split));
                width = split;
            } else {
                topDown.add(fullSubtree(start, split));
                start += split;
                remaining -= split;
                width -= split;
                onOldRightEdge = false;
            }
        }
        List<byte[]> proof = new ArrayList<>(topDown.size() + 1);
        if (!onOldRightEdge) {
            proof.add(subtreeHash(hasher, start, width));
        }
        Collections.reverse(topDown);
        proof.addAll(topDown);
        return new ConsistencyProof(oldSize, newSize, proof);
    }

    /**
     * MTH of the {@code width} leaves from {@code start}, where {@code start} is a multiple of a power of two at
     * least {@code width} (true of every subtree the RFC's recursion visits). Such a range is the concatenation of
     * full, aligned subtrees, one per bit of {@code width}; the MTH folds them from the right.
     */
    private byte[] subtreeHash(MerkleHasher hasher, long start, long width) {
        byte[][] parts = new byte[Long.bitCount(width)][];
        long offset = start;
        int count = 0;
        for (int level = 63 - Long.numberOfLeadingZeros(width); level >= 0; level--) {
            if ((width & (1L << level)) != 0) {
                parts[count++] = hashes.node(level, offset >>> level);
                offset += 1L << level;
            }
        }
        byte[] folded = parts[count - 1];
        for (int i = count - 2; i >= 0; i--) {
            folded = hasher.nodeHash(parts[i], folded);
        }
        return folded;
    }

    private byte[] fullSubtree(long start, long width) {
        int level = Long.numberOfTrailingZeros(width);
        return hashes.node(level, start >>> level);
    }

    private Result<Long> requireStored(long size) {
        if (size < 0) {
            return Result.invalid("tree size " + size + " is negative");
        }
        long stored = hashes.size();
        if (size > stored) {
            return Result.notFound("tree size " + size + " is beyond the " + stored + " leaves of the log");
        }
        return Result.ok(size);
    }
}
