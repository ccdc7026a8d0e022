package io.trustspace.app.identity;

import io.trustspace.app.testing.MigratedDatabase;
import io.trustspace.identity.jdbc.JdbcParticipantRepository;
import io.trustspace.identity.participant.ParticipantRepository;
import io.trustspace.identity.participant.ParticipantRepositoryContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The participant repository contract against PostgreSQL (external too, when CI provides one). */
class JdbcParticipantRepositoryIT extends ParticipantRepositoryContract {

    @RegisterExtension
    static final MigratedDatabase database = new MigratedDatabase();

    @Override
    protected ParticipantRepository newRepository() {
        return new JdbcParticipantRepository(database.transactions());
    }
}
