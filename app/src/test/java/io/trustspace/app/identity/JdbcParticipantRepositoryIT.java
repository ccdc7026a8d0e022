package io.trustspace.app.identity;

import com.zaxxer.hikari.HikariDataSource;
import io.trustspace.app.testing.TestDatabases;
import io.trustspace.common.jdbc.JdbcTransactions;
import io.trustspace.identity.jdbc.JdbcParticipantRepository;
import io.trustspace.identity.participant.ParticipantRepository;
import io.trustspace.identity.participant.ParticipantRepositoryContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The participant repository contract against PostgreSQL (external too, when CI provides one). */
class JdbcParticipantRepositoryIT extends ParticipantRepositoryContract {

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
    protected ParticipantRepository newRepository() {
        return new JdbcParticipantRepository(new JdbcTransactions(dataSource));
    }
}
