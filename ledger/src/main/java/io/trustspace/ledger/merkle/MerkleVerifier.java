package io.trustspace.ledger.merkle;

import io.trustspace.common.Result;
import io.trustspace.crypto.CryptoSuite;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.function.IntFunction;

/**
 * Verifies RFC 9162 inclusion (§2.1.3.2) and consistency (§2.1.4.2) proofs, following the RFC's algorithms step by
 * step.
 *
 * <p>Inputs come from untrusted parties, so everything is bounded and checked before any hashing: the index is
 * below the tree size, sizes are ordered, a proof has at most {@value #MAX_PROOF_HASHES} hashes and exactly the
 * number its (index, size) or (old, new) pair requires, and every hash has the suite's digest length. Each refusal
 * says which of these failed, or that the computed root differs from the expected one.
 *
 * <p>Stateless and thread-safe. Every failure is {@link Result.Kind#INVALID}.
 */
public final class MerkleVerifier {

    /** No tree of at most 2^63 - 1 leaves needs a longer proof. */
    public static final int MAX_PROOF_HASHES = 64;

    private final CryptoSuite suite;
    private final int hashLength;

    public MerkleVerifier(CryptoSuite suite) {
        this.suite = suite;
        this.hashLength = suite.newDigest().getDigestLength();
    }

    /** The number of hashes in the inclusion proof of leaf {@code index} in a tree of {@code size} leaves. */
    public static int inclusionProofLength(long index, long size) {
        if (index < 0 || index >= size) {
            throw new IllegalArgumentException("index " + index + " is not below tree size " + size);
        }
        int inner = innerProofLength(index, size);
        return inner + Long.bitCount(index >>> inner);
    }

    /** The number of hashes in the consistency proof from {@code oldSize} to {@code newSize} leaves. */
    public static int consistencyProofLength(long oldSize, long newSize) {
        if (oldSize < 0 || oldSize > newSize) {
            throw new IllegalArgumentException(
                    "old tree size " + oldSize + " is not between 0 and new tree size " + newSize);
        }
        if (oldSize == 0 || oldSize == newSize) {
            return 0;
        }
        // The path of the old tree's last leaf, minus the levels inside the old tree's largest right-edge subtree,
        // plus that subtree's own hash unless it is the whole old tree.
        int inner = innerProofLength(oldSize - 1, newSize);
        int border = Long.bitCount((oldSize - 1) >>> inner);
        int seed = oldSize == Long.lowestOneBit(oldSize) ? 0 : 1;
        return seed + inner - Long.numberOfTrailingZeros(oldSize) + border;
    }

    /** Levels below the point where the paths to {@code index} and to the last leaf part. */
    private static int innerProofLength(long index, long size) {
        return 64 - Long.numberOfLeadingZeros(index ^ (size - 1));
    }

    /** Verifies that {@code leafHash} is leaf {@code proof.leafIndex()} of the tree with root {@code rootHash}. */
    public Result<InclusionProof> verifyInclusion(byte[] leafHash, InclusionProof proof, byte[] rootHash) {
        return checkLength("root hash", rootHash)
                .flatMap(ok -> rootFromInclusionProof(leafHash, proof)
                        .flatMap(computed -> MessageDigest.isEqual(computed, rootHash)
                                ? Result.ok(proof)
                                : Result.invalid("root mismatch: the proof for index " + proof.leafIndex()
                                        + " in a tree of " + proof.treeSize() + " leads to " + hex(computed)
                                        + ", expected " + hex(rootHash))));
    }

    /** The root hash the inclusion proof leads to from {@code leafHash}, after checking the proof's shape. */
    public Result<byte[]> rootFromInclusionProof(byte[] leafHash, InclusionProof proof) {
        long index = proof.leafIndex();
        long size = proof.treeSize();
        if (index < 0) {
            return Result.invalid("index " + index + " is negative");
        }
        if (index >= size) {
            return Result.invalid("index " + index + " is not below tree size " + size);
        }
        Result<Void> shape = checkLength("leaf hash", leafHash)
                .flatMap(ok -> checkHashes(proof.length(), proof::hash))
                .flatMap(ok -> {
                    int expected = inclusionProofLength(index, size);
                    return proof.length() == expected
                            ? Result.ok(null)
                            : Result.invalid("proof has " + proof.length() + " hashes, expected " + expected
                                    + " for index " + index + " in a tree of " + size);
                });
        return shape.flatMap(ok -> walkInclusion(leafHash, proof));
    }

    /** RFC 9162 §2.1.3.2, steps 2 to 5. */
    private Result<byte[]> walkInclusion(byte[] leafHash, InclusionProof proof) {
        MerkleHasher hasher = MerkleHasher.of(suite);
        long fn = proof.leafIndex();
        long sn = proof.treeSize() - 1;
        byte[] r = leafHash;
        for (int i = 0; i < proof.length(); i++) {
            byte[] p = proof.hash(i);
            if (sn == 0) {
                return Result.invalid("proof has more hashes than the path to the root");
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = hasher.nodeHash(p, r);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>>= 1;
                    sn >>>= 1;
                }
            } else {
                r = hasher.nodeHash(r, p);
            }
            fn >>>= 1;
            sn >>>= 1;
        }
        if (sn != 0) {
            return Result.invalid("proof ends below the root");
        }
        return Result.ok(r);
    }

    /**
     * Verifies that the tree of {@code proof.oldSize()} leaves with root {@code oldRoot} is a prefix of the tree of
     * {@code proof.newSize()} leaves with root {@code newRoot}.
     */
    public Result<ConsistencyProof> verifyConsistency(ConsistencyProof proof, byte[] oldRoot, byte[] newRoot) {
        long oldSize = proof.oldSize();
        long newSize = proof.newSize();
        Result<Void> inputs = checkLength("old root hash", oldRoot)
                .flatMap(ok -> checkLength("new root hash", newRoot))
                .flatMap(ok -> checkHashes(proof.length(), proof::hash));
        if (!inputs.isOk()) {
            return inputs.map(ok -> proof);
        }
        if (oldSize < 0) {
            return Result.invalid("old tree size " + oldSize + " is negative");
        }
        if (oldSize > newSize) {
            return Result.invalid("old tree size " + oldSize + " is larger than new tree size " + newSize);
        }
        int expected = consistencyProofLength(oldSize, newSize);
        if (proof.length() != expected) {
            return Result.invalid("proof has " + proof.length() + " hashes, expected " + expected + " from tree size "
                    + oldSize + " to " + newSize);
        }
        if (oldSize == 0) {
            // Every tree extends the empty tree; only the claimed old root can be wrong.
            return MessageDigest.isEqual(oldRoot, MerkleHasher.of(suite).emptyRoot())
                    ? Result.ok(proof)
                    : Result.invalid("old root " + hex(oldRoot) + " is not the root of the empty tree");
        }
        if (oldSize == newSize) {
            return MessageDigest.isEqual(oldRoot, newRoot)
                    ? Result.ok(proof)
                    : Result.invalid("root mismatch: two different roots for the same tree size " + oldSize);
        }
        return walkConsistency(proof, oldRoot, newRoot);
    }

    /** RFC 9162 §2.1.4.2, steps 2 to 7. */
    private Result<ConsistencyProof> walkConsistency(ConsistencyProof proof, byte[] oldRoot, byte[] newRoot) {
        MerkleHasher hasher = MerkleHasher.of(suite);
        long oldSize = proof.oldSize();
        boolean oldIsPowerOfTwo = oldSize == Long.lowestOneBit(oldSize);
        // Step 2: a power-of-two old tree is itself a node of the new tree, so its root starts the path.
        int next = 0;
        byte[] seed = oldIsPowerOfTwo ? oldRoot : proof.hash(next++);
        long fn = oldSize - 1;
        long sn = proof.newSize() - 1;
        while ((fn & 1) == 1) {
            fn >>>= 1;
            sn >>>= 1;
        }
        byte[] fr = seed;
        byte[] sr = seed;
        for (; next < proof.length(); next++) {
            byte[] c = proof.hash(next);
            if (sn == 0) {
                return Result.invalid("proof has more hashes than the path to the new root");
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = hasher.nodeHash(c, fr);
                sr = hasher.nodeHash(c, sr);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>>= 1;
                    sn >>>= 1;
                }
            } else {
                sr = hasher.nodeHash(sr, c);
            }
            fn >>>= 1;
            sn >>>= 1;
        }
        if (sn != 0) {
            return Result.invalid("proof ends below the new root");
        }
        if (!MessageDigest.isEqual(fr, oldRoot)) {
            return Result.invalid("old root mismatch: the proof leads to " + hex(fr) + ", expected " + hex(oldRoot));
        }
        if (!MessageDigest.isEqual(sr, newRoot)) {
            return Result.invalid("new root mismatch: the proof leads to " + hex(sr) + ", expected " + hex(newRoot));
        }
        return Result.ok(proof);
    }

    private Result<Void> checkLength(String what, byte[] hash) {
        if (hash == null) {
            return Result.invalid(what + " is missing");
        }
        return hash.length == hashLength
                ? Result.ok(null)
                : Result.invalid(what + " has " + hash.length + " bytes, expected " + hashLength);
    }

    private Result<Void> checkHashes(int count, IntFunction<byte[]> hashAt) {
        if (count > MAX_PROOF_HASHES) {
            return Result.invalid(
                    "proof has " + count + " hashes, more than the " + MAX_PROOF_HASHES + " any tree can need");
        }
        for (int i = 0; i < count; i++) {
            Result<Void> length = checkLength("proof hash " + i, hashAt.apply(i));
            if (!length.isOk()) {
                return length;
            }
        }
        return Result.ok(null);
    }

    private static String hex(byte[] hash) {
        return HexFormat.of().formatHex(hash);
    }
}
