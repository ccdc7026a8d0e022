package io.trustspace.app.contract;

import io.trustspace.common.Result;
import io.trustspace.common.jdbc.JdbcTransactions;
import io.trustspace.contract.transfer.TransferJson;
import io.trustspace.contract.transfer.TransferProcess;
import io.trustspace.contract.transfer.TransferProcessRepository;
import io.trustspace.contract.transfer.TransferState;
import java.util.List;
import java.util.Optional;

/**
 * Transfer processes in PostgreSQL: the table {@code transfer_process}, looked up also by agreement, each row
 * holding the whole aggregate as {@link TransferJson} — including the data address, whose endpoint properties are
 * often credentials. Locking and conflicts: {@link ProcessTable}.
 */
public final class JdbcTransferProcessRepository implements TransferProcessRepository {

    private final ProcessTable<TransferProcess> table;

    public JdbcTransferProcessRepository(JdbcTransactions transactions) {
        this.table = new ProcessTable<>(
                transactions,
                "transfer_process",
                "agreement_id",
                "transfer",
                t -> new ProcessTable.Row(
                        t.id(),
                        t.role().name(),
                        t.providerPid(),
                        t.consumerPid(),
                        t.counterPartyId(),
                        t.counterPartyPid(),
                        t.state().name(),
                        t.agreementId(),
                        t.version(),
                        t.createdAt(),
                        t.updatedAt(),
                        TransferJson.write(t)),
                TransferProcess::withVersion,
                TransferJson::read);
    }

    @Override
    public Result<TransferProcess> save(TransferProcess transfer) {
        return table.save(transfer);
    }

    @Override
    public Optional<TransferProcess> findById(String id) {
        return table.findById(id);
    }

    @Override
    public Optional<TransferProcess> lockById(String id) {
        return table.lockById(id);
    }

    @Override
    public List<TransferProcess> findByProviderPid(String providerPid) {
        return table.findByProviderPid(providerPid);
    }

    @Override
    public List<TransferProcess> findByConsumerPid(String consumerPid) {
        return table.findByConsumerPid(consumerPid);
    }

    @Override
    public List<TransferProcess> findByState(TransferState state, int limit) {
        return table.findByState(state.name(), limit);
    }
}
