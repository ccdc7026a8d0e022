package io.trustspace.app.contract;

import io.trustspace.common.Result;
import io.trustspace.common.jdbc.JdbcTransactions;
import io.trustspace.contract.negotiation.ContractNegotiation;
import io.trustspace.contract.negotiation.NegotiationJson;
import io.trustspace.contract.negotiation.NegotiationRepository;
import io.trustspace.contract.negotiation.NegotiationState;
import java.util.List;
import java.util.Optional;

/**
 * Contract negotiations in PostgreSQL: the table {@code contract_negotiation}, looked up also by dataset, each row
 * holding the whole aggregate as {@link NegotiationJson}. Locking and conflicts: {@link ProcessTable}.
 */
public final class JdbcNegotiationRepository implements NegotiationRepository {

    private final ProcessTable<ContractNegotiation> table;

    public JdbcNegotiationRepository(JdbcTransactions transactions) {
        this.table = new ProcessTable<>(
                transactions,
                "contract_negotiation",
                "dataset_id",
                "negotiation",
                n -> new ProcessTable.Row(
                        n.id(),
                        n.role().name(),
                        n.providerPid(),
                        n.consumerPid(),
                        n.counterPartyId(),
                        n.counterPartyPid(),
                        n.state().name(),
                        n.datasetId(),
                        n.version(),
                        n.createdAt(),
                        n.updatedAt(),
                        NegotiationJson.write(n)),
                ContractNegotiation::withVersion,
                NegotiationJson::read);
    }

    @Override
    public Result<ContractNegotiation> save(ContractNegotiation negotiation) {
        return table.save(negotiation);
    }

    @Override
    public Optional<ContractNegotiation> findById(String id) {
        return table.findById(id);
    }

    @Override
    public Optional<ContractNegotiation> lockById(String id) {
        return table.lockById(id);
    }

    @Override
    public List<ContractNegotiation> findByProviderPid(String providerPid) {
        return table.findByProviderPid(providerPid);
    }

    @Override
    public List<ContractNegotiation> findByConsumerPid(String consumerPid) {
        return table.findByConsumerPid(consumerPid);
    }

    @Override
    public List<ContractNegotiation> findByState(NegotiationState state, int limit) {
        return table.findByState(state.name(), limit);
    }
}
