package io.trustspace.ledger.witness;

import io.trustspace.common.Result;
import io.trustspace.crypto.CryptoSuite;
import io.trustspace.crypto.CryptoSuites;
import io.trustspace.crypto.SuiteId;
import io.trustspace.ledger.note.Checkpoint;
import io.trustspace.ledger.note.NoteKey;
import io.trustspace.ledger.note.NoteVerifier;
import java.util.List;
import java.util.Objects;

/**
 * A log a witness witnesses: its checkpoint origin, the key(s) it signs checkpoints with (a witness must accept any
 * of them and ignore signatures by other keys), and the crypto suite whose hash builds its Merkle tree, which the
 * witness needs to check consistency proofs.
 *
 * <p>Immutable and thread-safe.
 */
public record KnownLog(String origin, List<NoteVerifier> keys, CryptoSuite suite) {

    public KnownLog {
        Objects.requireNonNull(suite, "suite");
        keys = List.copyOf(keys);
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("log " + origin + " needs at least one key");
        }
        // A checkpoint's first line is the origin; one that cannot be such a line would match no checkpoint.
        new Checkpoint(origin, 0, new byte[1]);
    }

    /**
     * The log whose origin is the key name of {@code verifierKey} (as a TrustSpace ledger's is), e.g.
     * {@code space.example.org/ledger+1a2b3c4d+AQ...}. See {@link #fromVerifierKey(String, String)}.
     */
    public static Result<KnownLog> fromVerifierKey(String verifierKey) {
        return NoteKey.parse(verifierKey).flatMap(key -> of(key.name(), key));
    }

    /**
     * The log {@code origin} signing with the key {@code verifierKey} (golang.org/x/mod/sumdb/note form). The suite
     * follows from the key type, because a TrustSpace space uses one suite for both: an Ed25519 log key means the intl
     * suite (SHA-256 tree), an SM2 key the gm suite (SM3 tree). A cosignature key cannot be a log key.
     */
    public static Result<KnownLog> fromVerifierKey(String origin, String verifierKey) {
        return NoteKey.parse(verifierKey).flatMap(key -> of(origin, key));
    }

    private static Result<KnownLog> of(String origin, NoteKey key) {
        CryptoSuite suite;
        switch (key.type()) {
            case ED25519 -> suite = CryptoSuites.of(SuiteId.INTL);
            case SM2_SM3 -> suite = CryptoSuites.of(SuiteId.GM);
            default -> {
                return Result.invalid("key " + key.name() + " has type " + key.type()
                        + "; a log signs checkpoints with an Ed25519 or SM2 key");
            }
        }
        if (!Checkpoint.parse(origin + "\n0\nAA==\n").isOk()) {
            return Result.invalid("origin '" + origin + "' cannot be the first line of a checkpoint");
        }
        return key.verifier(suite).map(verifier -> new KnownLog(origin, List.of(verifier), suite));
    }
}
