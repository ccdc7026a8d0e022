package io.trustspace.app.contract;

import io.trustspace.common.Result;
import java.util.List;
import java.util.function.Function;

/**
 * What a received DSP message did to a process ({@code process}: the answer to the sender shows it), and where the
 * steps this side took at once in the same transaction left it ({@code latest}: what is watched and automated next).
 * Shared by negotiations and transfer processes.
 *
 * @param <P> the process (ContractNegotiation, TransferProcess)
 */
record Received<P>(P process, P latest) {

    /**
     * Applies {@code actions} in order, starting from {@code from}, each change saved by {@code apply}; the first one
     * that does not fit any more (the other side moved meanwhile) ends the run with what was done.
     *
     * @param <C> the change an action makes (NegotiationChange, TransferChange)
     */
    static <P, C> P steps(P from, List<Function<P, Result<C>>> actions, Function<C, Result<P>> apply) {
        P latest = from;
        for (Function<P, Result<C>> action : actions) {
            Result<P> done = action.apply(latest).flatMap(apply);
            if (!(done instanceof Result.Ok<P> ok)) {
                break;
            }
            latest = ok.value();
        }
        return latest;
    }
}
