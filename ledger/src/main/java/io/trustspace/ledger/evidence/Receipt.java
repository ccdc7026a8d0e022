package io.trustspace.ledger.evidence;

import io.trustspace.common.Result;
import io.trustspace.crypto.CryptoSuite;
import io.trustspace.ledger.merkle.InclusionProof;
import io.trustspace.ledger.merkle.MerkleHasher;
import io.trustspace.ledger.merkle.MerkleVerifier;
import io.trustspace.ledger.note.Checkpoint;
import io.trustspace.ledger.note.NoteVerifier;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;

/**
 * Proof that an evidence record is in the ledger: the record's leaf index, a signed checkpoint, and the inclusion
 * proof from the record's leaf to that checkpoint's root. Anyone holding the record, the receipt and the log's
 * verifier key can check it offline.
 *
 * <p>Immutable: the proof hashes are copied in and out.
 */
public record Receipt(String recordId, long leafIndex, String signedCheckpoint, List<byte[]> inclusionProof) {

    public Receipt {
        Objects.requireNonNull(recordId, "recordId");
        Objects.requireNonNull(signedCheckpoint, "signedCheckpoint");
        inclusionProof = copy(inclusionProof);
    }

    /** A copy of the inclusion proof hashes, from the leaf upwards. */
    @Override
    public List<byte[]> inclusionProof() {
        return copy(inclusionProof);
    }

    /** {@link #verify(EvidenceRecord, CryptoSuite, Collection, int)} with the log's key alone. */
    public Result<Checkpoint> verify(EvidenceRecord record, CryptoSuite suite, NoteVerifier logKey) {
        return verify(record, suite, List.of(logKey), 1);
    }

    /**
     * Checks that this receipt proves {@code record} is in the log: the receipt names the record, the checkpoint
     * carries valid signatures of at least {@code required} of the trusted keys (the log's key, or witnesses), and
     * the inclusion proof leads from the record's leaf hash {@code H(0x00 || canonical JSON)} to the checkpoint's
     * root. Returns the checkpoint the record is proven against; every failure is INVALID with the reason.
     */
    public Result<Checkpoint> verify(
            EvidenceRecord record, CryptoSuite suite, Collection<? extends NoteVerifier> trusted, int required) {
        if (!record.id().equals(recordId)) {
            return Result.invalid("receipt is for record '" + recordId + "', not '" + record.id() + "'");
        }
        return Checkpoint.open(signedCheckpoint, trusted, required).flatMap(checkpoint -> {
            byte[] leafHash = MerkleHasher.of(suite).leafHash(record.canonicalJson());
            InclusionProof proof = new InclusionProof(leafIndex, checkpoint.size(), inclusionProof);
            return new MerkleVerifier(suite)
                    .verifyInclusion(leafHash, proof, checkpoint.rootHash())
                    .map(verified -> checkpoint);
        });
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Receipt that
                && leafIndex == that.leafIndex
                && recordId.equals(that.recordId)
                && signedCheckpoint.equals(that.signedCheckpoint)
                && inclusionProof.size() == that.inclusionProof.size()
                && IntStream.range(0, inclusionProof.size())
                        .allMatch(i -> Arrays.equals(inclusionProof.get(i), that.inclusionProof.get(i)));
    }

    @Override
    public int hashCode() {
        int hash = Objects.hash(recordId, leafIndex, signedCheckpoint);
        for (byte[] proofHash : inclusionProof) {
            hash = 31 * hash + Arrays.hashCode(proofHash);
        }
        return hash;
    }

    private static List<byte[]> copy(List<byte[]> hashes) {
        return hashes.stream()
                .map(hash -> Objects.requireNonNull(hash, "proof hash").clone())
                .toList();
    }

    @Override
    public String toString() {
        return "Receipt[" + recordId + " at " + leafIndex + ", " + inclusionProof.size() + " proof hashes]";
    }
}
