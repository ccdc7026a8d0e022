package io.trustspace.app.did;

import static org.assertj.core.api.Assertions.assertThat;

import io.trustspace.app.testing.MigratedDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Node settings in PostgreSQL: a pin taken on first contact is never replaced by a later first contact. */
class JdbcNodeSettingsIT {

    @RegisterExtension
    static final MigratedDatabase database = new MigratedDatabase();

    @Test
    void aPinIsKeptByTheFirstWriter_andEveryLaterOneGetsThatPin() {
        JdbcNodeSettings replicaA = new JdbcNodeSettings(database.transactions());
        JdbcNodeSettings replicaB = new JdbcNodeSettings(database.transactions());

        assertThat(replicaA.putIfAbsent("witness-key https://w.example", "key-a"))
                .isEqualTo("key-a");
        assertThat(replicaB.putIfAbsent("witness-key https://w.example", "key-b"))
                .isEqualTo("key-a");
        assertThat(replicaB.get("witness-key https://w.example")).contains("key-a");
    }

    @Test
    void put_replacesWhatWasThere() {
        JdbcNodeSettings settings = new JdbcNodeSettings(database.transactions());
        settings.put("did", "did:web:a.example");
        settings.put("did", "did:web:b.example");

        assertThat(settings.get("did")).contains("did:web:b.example");
    }
}
