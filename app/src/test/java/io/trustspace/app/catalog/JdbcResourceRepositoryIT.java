package io.trustspace.app.catalog;

import io.trustspace.app.testing.MigratedDatabase;
import io.trustspace.catalog.jdbc.JdbcResourceRepository;
import io.trustspace.catalog.resource.ResourceRepository;
import io.trustspace.catalog.resource.ResourceRepositoryContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The resource repository contract against PostgreSQL (external too, when CI provides one). */
class JdbcResourceRepositoryIT extends ResourceRepositoryContract {

    @RegisterExtension
    static final MigratedDatabase database = new MigratedDatabase();

    @Override
    protected ResourceRepository newRepository() {
        // The contract's fixtures reuse ids and local ids from test to test; each test starts from empty tables.
        database.execute("TRUNCATE catalog_resource CASCADE");
        return new JdbcResourceRepository(database.transactions());
    }
}
