package io.trustspace.app.witness;

import io.trustspace.app.testing.MigratedDatabase;
import io.trustspace.ledger.jdbc.JdbcWitnessStore;
import io.trustspace.ledger.witness.WitnessStore;
import io.trustspace.ledger.witness.WitnessStoreContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The witness store contract against PostgreSQL (external too, when CI provides one). */
class JdbcWitnessStoreIT extends WitnessStoreContract {

    @RegisterExtension
    static final MigratedDatabase database = new MigratedDatabase();

    @Override
    protected WitnessStore newStore() {
        return new JdbcWitnessStore(database.transactions());
    }
}
