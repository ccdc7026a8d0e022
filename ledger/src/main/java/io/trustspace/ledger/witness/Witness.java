package io.trustspace.ledger.witness;

import io.trustspace.common.Result;
import io.trustspace.ledger.merkle.ConsistencyProof;
import io.trustspace.ledger.merkle.MerkleHasher;
import io.trustspace.ledger.merkle.MerkleVerifier;
import io.trustspace.ledger.note.Checkpoint;
import io.trustspace.ledger.note.CosignatureSigner;
import io.trustspace.ledger.note.NoteKey;
import io.trustspace.ledger.note.NoteSignature;
import io.trustspace.ledger.note.SignedNote;
import io.trustspace.ledger.note.VerifiedNote;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A transparency-log witness (c2sp.org/tlog-witness): it cosigns a log's checkpoint only if the checkpoint is signed
 * by the log and consistent with the latest checkpoint it cosigned for that log, so it never cosigns two checkpoints
 * that are not prefixes of one another. Clients that require cosignatures from witnesses they trust therefore see
 * the log's one history, or nothing.
 *
 * <p>{@link #addCheckpoint(AddCheckpointRequest)} applies the spec's checks in its order:
 *
 * <ol>
 *   <li>the origin must be a {@link KnownLog} (else {@link AddCheckpointOutcome.UnknownLog}, 404) and a signature by
 *       one of its keys must verify, signatures by other keys being ignored ({@link AddCheckpointOutcome.BadSignature},
 *       403);
 *   <li>the root hash must have the log's hash length ({@link AddCheckpointOutcome.Invalid}, 400; old size at most
 *       the checkpoint size is already guaranteed by the request);
 *   <li>the old size must be the size the witness cosigned last, 0 if none ({@link AddCheckpointOutcome.Conflict},
 *       409 with that size);
 *   <li>for the same size the root must be the same ({@link AddCheckpointOutcome.Forked}, 409, and an alert); for a
 *       larger size the proof must verify from the cosigned root to the new one ({@link
 *       AddCheckpointOutcome.BadProof}, 422; an alert too if the proof is well-formed, because then either the proof
 *       was tampered with or the log forked, and only a person can tell which from the evidence);
 *   <li>the new state is stored by compare-and-set against the state read in step 3: if another request advanced the
 *       log meanwhile, this one answers {@link AddCheckpointOutcome.Conflict} with the new size rather than roll
 *       back. Only after the store accepted it is the checkpoint cosigned ({@link AddCheckpointOutcome.Cosigned}).
 * </ol>
 *
 * <p>The first checkpoint of a log is trusted on first use (old size 0, empty proof). Re-submitting the checkpoint
 * the witness cosigned last yields a fresh cosignature.
 *
 * <p>Thread-safe: all state is in the {@link WitnessStore}, whose compare-and-set serialises concurrent requests for
 * one log.
 */
public final class Witness {

    private static final Logger log = Logger.getLogger(Witness.class.getName());

    private final CosignatureSigner signer;
    private final Map<String, KnownLog> logs;
    private final WitnessStore store;
    private final WitnessAlerts alerts;
    private final Clock clock;

    /**
     * @param signer this witness's cosigner (its name and Ed25519 key; the intl suite in every space)
     * @param logs the logs it witnesses, at most one per origin
     * @throws IllegalArgumentException if two logs share an origin
     */
    public Witness(
            CosignatureSigner signer,
            Collection<KnownLog> logs,
            WitnessStore store,
            WitnessAlerts alerts,
            Clock clock) {
        this.signer = signer;
        Map<String, KnownLog> byOrigin = new LinkedHashMap<>();
        for (KnownLog known : logs) {
            if (byOrigin.putIfAbsent(known.origin(), known) != null) {
                throw new IllegalArgumentException("two logs are configured for origin " + known.origin());
            }
        }
        this.logs = Map.copyOf(byOrigin);
        this.store = store;
        this.alerts = alerts;
        this.clock = clock;
    }

    /** This witness's name, the key name on its cosignatures. */
    public String name() {
        return signer.name();
    }

    /** This witness's cosigner key, to publish as its verifier key. */
    public NoteKey key() {
        return signer.key();
    }

    /** Parses an HTTP request body and handles it; a malformed body is {@link AddCheckpointOutcome.Invalid}. */
    public AddCheckpointOutcome addCheckpoint(byte[] body) {
        Result<AddCheckpointRequest> request = AddCheckpointRequest.parse(body);
        if (request instanceof Result.Failure<AddCheckpointRequest> bad) {
            return new AddCheckpointOutcome.Invalid(bad.reason());
        }
        return addCheckpoint(request.orElseThrow());
    }

    /** Checks the request against the log's key and this witness's state and cosigns if it may; see the class. */
    public AddCheckpointOutcome addCheckpoint(AddCheckpointRequest request) {
        SignedNote note = request.note();
        Checkpoint checkpoint = request.checkpoint();
        KnownLog known = logs.get(checkpoint.origin());
        if (known == null) {
            return new AddCheckpointOutcome.UnknownLog(checkpoint.origin());
        }
        Result<VerifiedNote> verified = note.verify(known.keys(), 1);
        if (verified instanceof Result.Failure<VerifiedNote> bad) {
            return new AddCheckpointOutcome.BadSignature(
                    "checkpoint of " + known.origin() + " is not signed by the log: " + bad.reason());
        }
        int hashLength = MerkleHasher.of(known.suite()).hashLength();
        byte[] root = checkpoint.rootHash();
        if (root.length != hashLength) {
            return new AddCheckpointOutcome.Invalid("root hash has " + root.length + " bytes; the trees of "
                    + known.origin() + " have " + hashLength + "-byte hashes");
        }
        if (checkpoint.size() == 0
                && !MessageDigest.isEqual(root, MerkleHasher.of(known.suite()).emptyRoot())) {
            return new AddCheckpointOutcome.Invalid("a checkpoint of size 0 must carry the root of the empty tree");
        }

        Optional<CosignedCheckpoint> stored = store.latest(known.origin());
        long storedSize = stored.map(CosignedCheckpoint::size).orElse(0L);
        if (request.oldSize() != storedSize) {
            return new AddCheckpointOutcome.Conflict(storedSize);
        }
        if (stored.isPresent()) {
            Optional<AddCheckpointOutcome> refusal = checkConsistency(known, stored.get(), request);
            if (refusal.isPresent()) {
                return refusal.get();
            }
        }

        CosignedCheckpoint next = new CosignedCheckpoint(checkpoint.size(), root, note.format());
        boolean recorded = stored.isPresent()
                ? store.compareAndSet(known.origin(), stored.get(), next, clock.instant())
                : store.insertIfAbsent(known.origin(), next, clock.instant());
        if (!recorded) {
            // Another request moved the log on between our read and our write. Answer as if it had come first: the
            // client learns the new size and retries with a proof from there.
            return new AddCheckpointOutcome.Conflict(
                    store.latest(known.origin()).map(CosignedCheckpoint::size).orElse(0L));
        }
        return new AddCheckpointOutcome.Cosigned(List.of(NoteSignature.sign(signer, note.textBytes())));
    }

    /** Step 4 of the class description, against the state the witness holds (old size = stored size here). */
    private Optional<AddCheckpointOutcome> checkConsistency(
            KnownLog known, CosignedCheckpoint stored, AddCheckpointRequest request) {
        Checkpoint checkpoint = request.checkpoint();
        ConsistencyProof proof = request.proof();
        if (checkpoint.size() == stored.size()) {
            if (proof.length() != 0) {
                return Optional.of(new AddCheckpointOutcome.BadProof("consistency proof between equal sizes "
                        + stored.size() + " must be empty, but it has " + proof.length() + " hashes"));
            }
            if (!MessageDigest.isEqual(checkpoint.rootHash(), stored.rootHash())) {
                String reason = "split view: the log signed two checkpoints of size " + stored.size()
                        + " with different roots, " + base64(stored.rootHash()) + " (cosigned earlier) and "
                        + base64(checkpoint.rootHash());
                alert(known, stored, request, reason);
                return Optional.of(new AddCheckpointOutcome.Forked(reason));
            }
            return Optional.empty();
        }
        if (stored.size() == 0) {
            return Optional.empty(); // every tree extends the empty tree; the request already has an empty proof
        }
        int expected = MerkleVerifier.consistencyProofLength(stored.size(), checkpoint.size());
        if (proof.length() != expected) {
            return Optional.of(new AddCheckpointOutcome.BadProof("consistency proof has " + proof.length()
                    + " hashes, expected " + expected + " from tree size " + stored.size() + " to "
                    + checkpoint.size()));
        }
        int hashLength = MerkleHasher.of(known.suite()).hashLength();
        List<byte[]> hashes = proof.hashes();
        for (int i = 0; i < hashes.size(); i++) {
            if (hashes.get(i).length != hashLength) {
                return Optional.of(new AddCheckpointOutcome.BadProof("consistency proof hash " + (i + 1) + " has "
                        + hashes.get(i).length + " bytes, expected " + hashLength));
            }
        }
        Result<ConsistencyProof> verified =
                new MerkleVerifier(known.suite()).verifyConsistency(proof, stored.rootHash(), checkpoint.rootHash());
        if (verified instanceof Result.Failure<ConsistencyProof> bad) {
            // The proof has the right shape, so only its hashes can be wrong: tampered with in transit, or the new
            // tree does not extend the one this witness cosigned. Refuse, and leave the call to a person.
            String reason = "consistency proof from the cosigned size " + stored.size() + " to " + checkpoint.size()
                    + " does not verify (" + bad.reason() + "): a corrupted proof, or a fork of the log";
            alert(known, stored, request, reason);
            return Optional.of(new AddCheckpointOutcome.BadProof(reason));
        }
        return Optional.empty();
    }

    private void alert(KnownLog known, CosignedCheckpoint stored, AddCheckpointRequest request, String reason) {
        String evidence = "witness: " + signer.name() + "\n"
                + "origin: " + known.origin() + "\n"
                + "finding: " + reason + "\n"
                + "\n"
                + "checkpoint cosigned earlier (size " + stored.size() + "), as signed by the log:\n"
                + stored.signedNote()
                + "\n"
                + "add-checkpoint request refused:\n"
                + request.format();
        try {
            alerts.raise(known.origin(), reason, evidence);
        } catch (RuntimeException e) {
            // The refusal stands either way; make sure the evidence survives somewhere.
            log.log(
                    Level.SEVERE,
                    "witness alert for " + known.origin() + " could not be raised; evidence:\n" + evidence,
                    e);
        }
    }

    private static String base64(byte[] hash) {
        return Base64.getEncoder().encodeToString(hash);
    }
}
