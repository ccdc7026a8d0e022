package io.trustspace.contract.transfer;

import java.util.Locale;

/** What happened to a transfer process; each but {@link #UNCHANGED} is one evidence record of {@link #evidenceType()}. */
public enum TransferEvent {
    INITIATED,
    REQUESTED,
    STARTED,
    SUSPENDED,
    COMPLETED,
    TERMINATED,
    PROVIDER_PID_LEARNED,
    /** A duplicate (retry) of what already happened: nothing to save, record or send. */
    UNCHANGED;

    /** {@code transfer.started}, {@code transfer.provider-pid-learned}, … */
    public String evidenceType() {
        return "transfer." + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
