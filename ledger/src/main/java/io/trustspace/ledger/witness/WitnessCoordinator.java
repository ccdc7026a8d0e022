package io.trustspace.ledger.witness;

import io.trustspace.common.Result;
import io.trustspace.ledger.merkle.ConsistencyProof;
import io.trustspace.ledger.note.Checkpoint;
import io.trustspace.ledger.note.NoteSignature;
import io.trustspace.ledger.note.SignedNote;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The operator's side of witnessing: sends the log's newest checkpoint to each configured witness with a consistency
 * proof from the size that witness cosigned last, checks the cosignatures that come back against the witness's key,
 * and keeps the valid ones with the checkpoint, so receipts and checkpoints served afterwards carry them.
 *
 * <p>The size each witness holds is remembered from its answers, in memory. After a restart it is unknown and taken
 * as 0; the witness then answers 409 with its size and the coordinator retries once from there, as the spec
 * intends. A witness that already cosigned the newest checkpoint is not asked again.
 *
 * <p>Witnesses are asked one after another, so a {@link WitnessClient} must bound its calls; a failing witness only
 * costs its own cosignature. Cosignatures that do not verify are dropped: kept, they would make every client that
 * trusts that witness reject the whole checkpoint (c2sp.org/signed-note rejects a note with a bad signature by a
 * known key).
 *
 * <p>Thread-safe: {@link #cosignLatest()} is serialised; the app calls it after each new checkpoint, rate-limited.
 */
public final class WitnessCoordinator {

    private final WitnessedLog log;
    private final List<WitnessEndpoint> witnesses;
    private final Map<String, Long> knownSizes = new HashMap<>();

    /** @throws IllegalArgumentException if two witnesses have the same name */
    public WitnessCoordinator(WitnessedLog log, List<WitnessEndpoint> witnesses) {
        this.log = log;
        this.witnesses = List.copyOf(witnesses);
        Set<String> names = new LinkedHashSet<>();
        for (WitnessEndpoint witness : this.witnesses) {
            if (!names.add(witness.name())) {
                throw new IllegalArgumentException("two witnesses are named " + witness.name());
            }
        }
    }

    /** Asks every witness that has not cosigned it yet to cosign the newest checkpoint; see the class description. */
    public synchronized CosigningRound cosignLatest() {
        Optional<SignedNote> latest = log.latestCheckpoint();
        if (latest.isEmpty()) {
            return new CosigningRound(0, List.of(), Map.of());
        }
        SignedNote note = latest.get();
        Checkpoint checkpoint = Checkpoint.parse(note.text()).orElseThrow();
        List<String> cosignedBy = new ArrayList<>();
        Map<String, String> refusals = new LinkedHashMap<>();
        List<NoteSignature> received = new ArrayList<>();
        for (WitnessEndpoint witness : witnesses) {
            if (note.signatures().stream().anyMatch(signature -> signature.claimsKeyOf(witness.key()))) {
                cosignedBy.add(witness.name());
                continue;
            }
            Result<NoteSignature> cosignature = requestCosignature(witness, note, checkpoint.size());
            if (cosignature instanceof Result.Failure<NoteSignature> refused) {
                refusals.put(witness.name(), refused.reason());
            } else {
                received.add(cosignature.orElseThrow());
                cosignedBy.add(witness.name());
            }
        }
        if (!received.isEmpty()) {
            SignedNote cosigned = note;
            for (NoteSignature signature : received) {
                cosigned = cosigned.withSignature(signature);
            }
            Result<Void> kept = log.addCosignatures(cosigned);
            if (kept instanceof Result.Failure<Void> failed) {
                for (NoteSignature signature : received) {
                    cosignedBy.remove(signature.name());
                    refusals.put(signature.name(), "cosigned, but the log did not keep it: " + failed.reason());
                }
            }
        }
        return new CosigningRound(checkpoint.size(), cosignedBy, refusals);
    }

    /** The size {@code witnessName} was last known to hold (0 when unknown); for tests and status pages. */
    public synchronized long knownSize(String witnessName) {
        return knownSizes.getOrDefault(witnessName, 0L);
    }

    private Result<NoteSignature> requestCosignature(WitnessEndpoint witness, SignedNote note, long size) {
        long oldSize = knownSizes.getOrDefault(witness.name(), 0L);
        for (int attempt = 0; ; attempt++) {
            if (oldSize > size) {
                // The witness cosigned a larger tree of this origin than the log's newest: it saw a checkpoint this
                // log does not have (lost data, or someone else signing with the log's key). Never paper over that.
                return Result.conflict("witness holds size " + oldSize + ", beyond the log's newest checkpoint " + size
                        + ": the log lost checkpoints or its key signed another tree");
            }
            Result<ConsistencyProof> proof = log.consistencyProof(oldSize, size);
            if (proof instanceof Result.Failure<ConsistencyProof> failed) {
                return Result.unavailable(
                        "no consistency proof from " + oldSize + " to " + size + ": " + failed.reason());
            }
            Result<AddCheckpointOutcome> answer =
                    witness.client().addCheckpoint(AddCheckpointRequest.of(proof.orElseThrow(), note));
            if (answer instanceof Result.Failure<AddCheckpointOutcome> failed) {
                return failed.cast();
            }
            AddCheckpointOutcome outcome = answer.orElseThrow();
            if (outcome instanceof AddCheckpointOutcome.Conflict conflict) {
                knownSizes.put(witness.name(), conflict.latestSize());
                if (attempt == 0) {
                    oldSize = conflict.latestSize();
                    continue;
                }
                return Result.conflict("witness moved from size " + oldSize + " to " + conflict.latestSize()
                        + " while we asked; retrying next round");
            }
            if (outcome instanceof AddCheckpointOutcome.Cosigned cosigned) {
                return verified(witness, note, cosigned, size);
            }
            return Result.forbidden("witness refused: " + describe(outcome));
        }
    }

    private Result<NoteSignature> verified(
            WitnessEndpoint witness, SignedNote note, AddCheckpointOutcome.Cosigned cosigned, long size) {
        byte[] text = note.textBytes();
        int bad = 0;
        for (NoteSignature signature : cosigned.cosignatures()) {
            if (!signature.claimsKeyOf(witness.key())) {
                continue; // the spec has clients ignore cosignatures by keys they do not know
            }
            if (witness.key().verify(text, signature.signature())) {
                knownSizes.put(witness.name(), size);
                return Result.ok(signature);
            }
            bad++;
        }
        return Result.invalid(
                bad > 0
                        ? "witness returned " + bad + " cosignature(s) by its key that do not verify"
                        : "witness returned no cosignature by its key " + witness.name());
    }

    private static String describe(AddCheckpointOutcome outcome) {
        if (outcome instanceof AddCheckpointOutcome.Forked forked) {
            return "split view (409): " + forked.reason();
        }
        if (outcome instanceof AddCheckpointOutcome.BadProof badProof) {
            return "bad consistency proof (422): " + badProof.reason();
        }
        if (outcome instanceof AddCheckpointOutcome.UnknownLog unknown) {
            return "unknown log " + unknown.origin() + " (404)";
        }
        if (outcome instanceof AddCheckpointOutcome.BadSignature badSignature) {
            return "bad log signature (403): " + badSignature.reason();
        }
        if (outcome instanceof AddCheckpointOutcome.Invalid invalid) {
            return "malformed request (400): " + invalid.reason();
        }
        return outcome.toString();
    }
}
