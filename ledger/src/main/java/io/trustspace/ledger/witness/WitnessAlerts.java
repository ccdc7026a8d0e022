package io.trustspace.ledger.witness;

/**
 * Where a witness reports evidence that a log misbehaved (port): two signed checkpoints of one size with different
 * roots (a split view), or a well-formed consistency proof that does not link the checkpoint the witness cosigned to
 * a new signed one. The evidence text is self-contained: both checkpoints as signed notes, the proof, and what
 * failed, so that a person or another party can check it without the witness.
 *
 * <p>Implementations must be thread-safe and should be quick; they may be called again with the same evidence (a
 * client retrying), and may de-duplicate. They should not throw: the witness refuses to cosign either way, and if
 * raising fails it logs the evidence instead.
 */
@FunctionalInterface
public interface WitnessAlerts {

    /** Records or forwards an alert about the log {@code origin}: a one-line reason and the evidence text. */
    void raise(String origin, String reason, String evidence);
}
