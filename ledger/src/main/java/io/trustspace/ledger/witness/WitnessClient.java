package io.trustspace.ledger.witness;

import io.trustspace.common.Result;

/**
 * Sends {@code add-checkpoint} requests to one witness (port). The HTTP adapter lives in the app: it POSTs
 * {@link AddCheckpointRequest#format()} to {@code <submission prefix>/add-checkpoint} and turns the answer into an
 * outcome with {@link AddCheckpointResponse#read}.
 *
 * <p>Implementations must be thread-safe and must bound the time a call may take (connect and read timeouts): the
 * coordinator asks its witnesses one after another.
 */
@FunctionalInterface
public interface WitnessClient {

    /**
     * The witness's answer, or a failure when there is no well-formed answer: {@code UNAVAILABLE} for network errors,
     * timeouts and statuses the protocol does not define, {@code INVALID} for a malformed 200 or 409 body. The
     * cosignatures of a {@link AddCheckpointOutcome.Cosigned} answer are not verified yet; the coordinator does that.
     */
    Result<AddCheckpointOutcome> addCheckpoint(AddCheckpointRequest request);
}
