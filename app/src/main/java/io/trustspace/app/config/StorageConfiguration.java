package io.trustspace.app.config;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.trustspace.app.db.EmbeddedPostgresServer;
import io.trustspace.app.db.NodeDatabase;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The node's PostgreSQL: the external server named by {@code trustspace.db.url}, else the embedded one under
 * {@code trustspace.data-dir}. Spring Boot's Flyway migrates it before anything else uses it.
 */
@Configuration(proxyBeanMethods = false)
public class StorageConfiguration {

    @Bean(destroyMethod = "close")
    NodeDatabase nodeDatabase(NodeProperties properties) {
        NodeProperties.Db db = properties.db();
        if (db.external()) {
            return NodeDatabase.external(db.url(), db.user(), db.password());
        }
        EmbeddedPostgresServer server =
                EmbeddedPostgresServer.start(properties.dataDir().resolve("postgres"));
        return NodeDatabase.embedded(server, properties.node().name());
    }

    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(NodeProperties properties, NodeDatabase database) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(database.url());
        config.setUsername(database.user());
        config.setPassword(database.password());
        config.setPoolName("trustspace-" + properties.node().name());
        config.setMaximumPoolSize(properties.db().poolSize());
        config.setConnectionTimeout(10_000);
        return new HikariDataSource(config);
    }
}
