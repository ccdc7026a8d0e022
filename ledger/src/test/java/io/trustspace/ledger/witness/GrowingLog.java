package io.trustspace.ledger.witness;

import io.trustspace.common.Result;
import io.trustspace.crypto.CryptoSuite;
import io.trustspace.ledger.merkle.ConsistencyProof;
import io.trustspace.ledger.merkle.InMemoryTreeHashes;
import io.trustspace.ledger.merkle.MerkleLog;
import io.trustspace.ledger.note.Checkpoint;
import io.trustspace.ledger.note.NoteSignature;
import io.trustspace.ledger.note.SignedNote;
import io.trustspace.ledger.note.SuiteNoteSigner;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A log for witness tests: a real Merkle tree in memory ({@link InMemoryTreeHashes}, {@link MerkleLog}) whose
 * checkpoints are signed with a real log key, so proofs and signatures are what a witness would receive. Two
 * instances with the same origin and key pair but different entries are a forked log. Thread-safe.
 */
final class GrowingLog implements WitnessedLog {

    private final String origin;
    private final CryptoSuite suite;
    private final SuiteNoteSigner signer;
    private final InMemoryTreeHashes tree;
    private final Map<Long, SignedNote> notes = new ConcurrentHashMap<>();

    GrowingLog(String origin, CryptoSuite suite) {
        this(origin, suite, suite.generateSigningKeyPair());
    }

    GrowingLog(String origin, CryptoSuite suite, KeyPair keys) {
        this.origin = origin;
        this.suite = suite;
        this.signer = SuiteNoteSigner.create(origin, keys, suite);
        this.tree = new InMemoryTreeHashes(suite);
    }

    /** Appends {@code count} entries named {@code prefix-<index>}. */
    GrowingLog append(int count, String prefix) {
        for (int i = 0; i < count; i++) {
            tree.append((prefix + "-" + tree.size()).getBytes(StandardCharsets.UTF_8));
        }
        return this;
    }

    long size() {
        return tree.size();
    }

    SuiteNoteSigner signer() {
        return signer;
    }

    /** The log as a witness configures it, from the published verifier key. */
    KnownLog known() {
        return KnownLog.fromVerifierKey(signer.key().toVerifierKey()).orElseThrow();
    }

    /** The signed checkpoint for the current size (signed once per size). */
    SignedNote checkpoint() {
        return checkpoint(tree.size());
    }

    /** The signed checkpoint for an earlier or the current size (signed once per size). */
    SignedNote checkpoint(long size) {
        return notes.computeIfAbsent(size, s -> new Checkpoint(origin, s, root(s)).sign(List.of(signer)));
    }

    byte[] root(long size) {
        return new MerkleLog(tree, suite).rootHash(size).orElseThrow();
    }

    ConsistencyProof proof(long oldSize, long newSize) {
        return new MerkleLog(tree, suite).consistencyProof(oldSize, newSize).orElseThrow();
    }

    /** The add-checkpoint request for the current checkpoint with a proof from {@code oldSize}. */
    AddCheckpointRequest request(long oldSize) {
        return request(oldSize, tree.size());
    }

    /** The add-checkpoint request for the checkpoint of {@code size} with a proof from {@code oldSize}. */
    AddCheckpointRequest request(long oldSize, long size) {
        return AddCheckpointRequest.of(proof(oldSize, size), checkpoint(size));
    }

    @Override
    public Optional<SignedNote> latestCheckpoint() {
        return tree.size() == 0 ? Optional.empty() : Optional.of(checkpoint());
    }

    @Override
    public Result<ConsistencyProof> consistencyProof(long oldSize, long newSize) {
        return new MerkleLog(tree, suite).consistencyProof(oldSize, newSize);
    }

    @Override
    public synchronized Result<Void> addCosignatures(SignedNote cosigned) {
        long size = Checkpoint.parse(cosigned.text()).orElseThrow().size();
        SignedNote stored = notes.get(size);
        if (stored == null || !stored.text().equals(cosigned.text())) {
            return Result.conflict("no checkpoint with this text");
        }
        for (NoteSignature signature : cosigned.signatures()) {
            if (stored.signatures().stream()
                    .noneMatch(s -> s.name().equals(signature.name()) && s.keyId() == signature.keyId())) {
                stored = stored.withSignature(signature);
            }
        }
        notes.put(size, stored);
        return Result.ok(null);
    }
}
