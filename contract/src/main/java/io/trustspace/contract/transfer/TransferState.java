package io.trustspace.contract.transfer;

/**
 * The DSP 2025-1 transfer process states, plus {@link #INITIAL} for a consumer transfer whose request has not been
 * sent. COMPLETED and TERMINATED are final: nothing leaves them.
 */
public enum TransferState {
    INITIAL,
    REQUESTED,
    STARTED,
    SUSPENDED,
    COMPLETED,
    TERMINATED;

    public boolean isFinal() {
        return this == COMPLETED || this == TERMINATED;
    }

    /** The state name a DSP {@code TransferProcess} body carries; INITIAL reports REQUESTED. */
    public String dspName() {
        return this == INITIAL ? REQUESTED.name() : name();
    }
}
