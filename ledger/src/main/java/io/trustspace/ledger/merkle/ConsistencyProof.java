package io.trustspace.ledger.merkle;

import java.util.List;

/**
 * An RFC 9162 §2.1.4 consistency proof that the tree of {@code oldSize} leaves is a prefix of the tree of
 * {@code newSize} leaves.
 *
 * <p>Immutable: the hashes are copied in and out. The constructor checks only that nothing is null, because proofs
 * arrive from outside; {@link MerkleVerifier} checks the numbers and says why a proof is refused.
 */
public record ConsistencyProof(long oldSize, long newSize, List<byte[]> hashes) {

    public ConsistencyProof {
        hashes = HashList.copyOf(hashes);
    }

    /** A copy of the proof hashes. */
    @Override
    public List<byte[]> hashes() {
        return HashList.copyOf(hashes);
    }

    /** The number of hashes in the proof, without copying them. */
    public int length() {
        return hashes.size();
    }

    byte[] hash(int i) {
        return hashes.get(i);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ConsistencyProof that
                && oldSize == that.oldSize
                && newSize == that.newSize
                && HashList.equal(hashes, that.hashes);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Long.hashCode(oldSize) + Long.hashCode(newSize)) + HashList.hash(hashes);
    }

    @Override
    public String toString() {
        return "ConsistencyProof[oldSize=" + oldSize + ", newSize=" + newSize + ", hashes=" + HashList.toString(hashes)
                + "]";
    }
}
