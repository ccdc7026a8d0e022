package io.trustspace.ledger.witness;

import io.trustspace.common.Result;
import io.trustspace.crypto.CryptoSuites;
import io.trustspace.crypto.SuiteId;
import io.trustspace.ledger.note.Checkpoint;
import io.trustspace.ledger.note.NoteKey;
import io.trustspace.ledger.note.NoteKeyType;
import io.trustspace.ledger.note.NoteVerifier;
import io.trustspace.ledger.note.SignedNote;
import io.trustspace.ledger.note.VerifiedNote;
import java.util.ArrayList;
import java.util.List;

/**
 * A client's rule for trusting a checkpoint: signed by the log and cosigned by at least {@code required} of the
 * {@code witnesses} it trusts (e.g. 2 of 3). With witnesses that only cosign consistent checkpoints, such a
 * checkpoint is one the log cannot show differently to others without {@code required} witnesses colluding.
 *
 * <p>Signed-note rules apply: signatures by keys the client does not know are ignored, but a signature by a known
 * key that does not verify rejects the checkpoint, and two signatures by one witness count once (they are refused).
 * Cosignature timestamps are not judged here; read them with
 * {@link io.trustspace.ledger.note.CosignatureVerifier#timestamp(byte[])} if freshness matters.
 *
 * <p>Immutable and thread-safe.
 */
public record CosignaturePolicy(List<NoteVerifier> witnesses, int required) {

    public CosignaturePolicy {
        witnesses = List.copyOf(witnesses);
        if (required < 0 || required > witnesses.size()) {
            throw new IllegalArgumentException(
                    "cannot require " + required + " cosignatures from " + witnesses.size() + " witnesses");
        }
    }

    /**
     * The policy for witnesses given by their verifier keys ({@code name+hash+base64}, type 0x04). Cosignatures are
     * Ed25519 in every space (c2sp.org/tlog-cosignature defines no SM2 variant), so they are verified with the intl
     * suite even in a gm space.
     */
    public static Result<CosignaturePolicy> fromVerifierKeys(List<String> witnessKeys, int required) {
        if (required < 0 || required > witnessKeys.size()) {
            return Result.invalid(
                    "cannot require " + required + " cosignatures from " + witnessKeys.size() + " witnesses");
        }
        List<NoteVerifier> verifiers = new ArrayList<>();
        for (String text : witnessKeys) {
            Result<NoteKey> key = NoteKey.parse(text);
            if (key instanceof Result.Failure<NoteKey> bad) {
                return bad.cast();
            }
            if (key.orElseThrow().type() != NoteKeyType.COSIGNATURE_V1) {
                return Result.invalid("witness key " + key.orElseThrow().name() + " has type "
                        + key.orElseThrow().type() + ", not a cosignature/v1 key");
            }
            Result<NoteVerifier> verifier = key.orElseThrow().verifier(CryptoSuites.of(SuiteId.INTL));
            if (verifier instanceof Result.Failure<NoteVerifier> bad) {
                return bad.cast();
            }
            verifiers.add(verifier.orElseThrow());
        }
        return Result.ok(new CosignaturePolicy(verifiers, required));
    }

    /**
     * Opens {@code signedNote}: it must parse, carry a valid signature by {@code logKey}, carry valid cosignatures by
     * at least {@link #required()} distinct trusted witnesses, and its text must be a checkpoint. Every failure is
     * {@code INVALID} and says which of these failed.
     */
    public Result<Checkpoint> check(String signedNote, NoteVerifier logKey) {
        Result<SignedNote> parsed = SignedNote.parse(signedNote);
        if (parsed instanceof Result.Failure<SignedNote> bad) {
            return bad.cast();
        }
        SignedNote note = parsed.orElseThrow();
        Result<VerifiedNote> byLog = note.verify(logKey);
        if (byLog instanceof Result.Failure<VerifiedNote> bad) {
            return Result.invalid("log signature: " + bad.reason());
        }
        if (required > 0) {
            Result<VerifiedNote> byWitnesses = note.verify(witnesses, required);
            if (byWitnesses instanceof Result.Failure<VerifiedNote> bad) {
                return Result.invalid("witness cosignatures: " + bad.reason());
            }
        }
        return Checkpoint.parse(note.text());
    }
}
