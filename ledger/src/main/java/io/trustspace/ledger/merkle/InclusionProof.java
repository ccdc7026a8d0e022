package io.trustspace.ledger.merkle;

import java.util.List;

/**
 * An RFC 9162 §2.1.3 inclusion proof: the audit path from leaf {@code leafIndex} to the root of the tree of
 * {@code treeSize} leaves, listed from the leaf upwards.
 *
 * <p>Immutable: the hashes are copied in and out. The constructor checks only that nothing is null, because proofs
 * arrive from outside; {@link MerkleVerifier} checks the numbers and says why a proof is refused.
 */
public record InclusionProof(long leafIndex, long treeSize, List<byte[]> hashes) {

    public InclusionProof {
        hashes = HashList.copyOf(hashes);
    }

    /** A copy of the audit path. */
    @Override
    public List<byte[]> hashes() {
        return HashList.copyOf(hashes);
    }

    /** The number of hashes in the path, without copying them. */
    public int length() {
        return hashes.size();
    }

    byte[] hash(int i) {
        return hashes.get(i);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof InclusionProof that
                && leafIndex == that.leafIndex
                && treeSize == that.treeSize
                && HashList.equal(hashes, that.hashes);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Long.hashCode(leafIndex) + Long.hashCode(treeSize)) + HashList.hash(hashes);
    }

    @Override
    public String toString() {
        return "InclusionProof[leafIndex=" + leafIndex + ", treeSize=" + treeSize + ", hashes="
                + HashList.toString(hashes) + "]";
    }
}
