package io.trustspace.app.contract;

import io.trustspace.common.Result;
import io.trustspace.contract.message.DataAddress;
import io.trustspace.contract.transfer.TransferChange;
import io.trustspace.contract.transfer.TransferProcess;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** What this connector does next in a transfer process, as provider and as consumer. */
public interface TransferAutomation {

    /** Why a push destination must not be used (SSRF rules), or empty when it may. */
    Optional<String> refusedSink(DataAddress sink);

    /**
     * In the transaction of a received message that left {@code transfer} as it is: the actions this side takes at
     * once (the provider starts a transfer it may serve). Empty when steps are spaced out or scripted, and for work
     * that takes long (delivering a push), which {@link #next} schedules after the commit.
     */
    List<Function<TransferProcess, Result<TransferChange>>> immediate(TransferProcess transfer);

    /** After a change committed: schedule whatever this side does next. */
    void next(TransferProcess transfer);
}
