package io.trustspace.app.witness;

import com.zaxxer.hikari.HikariDataSource;
import io.trustspace.app.testing.TestDatabases;
import io.trustspace.common.jdbc.JdbcTransactions;
import io.trustspace.ledger.jdbc.JdbcWitnessStore;
import io.trustspace.ledger.witness.WitnessStore;
import io.trustspace.ledger.witness.WitnessStoreContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The witness store contract against PostgreSQL (external too, when CI provides one). */
class JdbcWitnessStoreIT extends WitnessStoreContract {

    private static HikariDataSource dataSource;

    @BeforeAll
    static void migrate() {
        dataSource = TestDatabases.migrated();
    }

    @AfterAll
    static void close() {
        dataSource.close();
    }

    @Override
    protected WitnessStore newStore() {
        return new JdbcWitnessStore(new JdbcTransactions(dataSource));
    }
}
