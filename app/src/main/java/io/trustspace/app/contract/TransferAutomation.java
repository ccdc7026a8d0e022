package io.trustspace.app.contract;

import io.trustspace.contract.message.DataAddress;
import io.trustspace.contract.transfer.TransferProcess;
import java.util.Optional;

/** What this connector does next in a transfer process, as provider and as consumer. */
public interface TransferAutomation {

    /** Why a push destination must not be used (SSRF rules), or empty when it may. */
    Optional<String> refusedSink(DataAddress sink);

    /** After a change committed: schedule whatever this side does next. */
    void next(TransferProcess transfer);
}
