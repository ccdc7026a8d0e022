package io.trustspace.ledger.witness;

import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/**
 * What a witness remembers of a log: the latest checkpoint it cosigned, as tree size and root hash, and the signed
 * note it cosigned (the log's signatures as received), kept so that an alert can show both signed checkpoints of a
 * split view, not just the witness's word.
 *
 * <p>Immutable: the root hash is copied in and out.
 */
public record CosignedCheckpoint(long size, byte[] rootHash, String signedNote) {

    public CosignedCheckpoint {
        if (size < 0) {
            throw new IllegalArgumentException("tree size " + size + " is negative");
        }
        if (rootHash.length == 0) {
            throw new IllegalArgumentException("root hash is empty");
        }
        Objects.requireNonNull(signedNote, "signedNote");
        rootHash = rootHash.clone();
    }

    /** A copy of the root hash. */
    @Override
    public byte[] rootHash() {
        return rootHash.clone();
    }

    /** True if {@code other} is the same tree: same size and root hash (the notes may carry other signatures). */
    public boolean sameTree(CosignedCheckpoint other) {
        return size == other.size && Arrays.equals(rootHash, other.rootHash);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CosignedCheckpoint that && sameTree(that) && signedNote.equals(that.signedNote);
    }

    @Override
    public int hashCode() {
        return Objects.hash(size, Arrays.hashCode(rootHash), signedNote);
    }

    @Override
    public String toString() {
        return "CosignedCheckpoint[size " + size + ", root "
                + Base64.getEncoder().encodeToString(rootHash) + "]";
    }
}
