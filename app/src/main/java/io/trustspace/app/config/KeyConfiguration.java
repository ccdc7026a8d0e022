package io.trustspace.app.config;

import io.trustspace.app.keys.JdbcNodeKeyStore;
import io.trustspace.app.keys.KeyStoreException;
import io.trustspace.app.keys.NodeKeys;
import io.trustspace.crypto.CryptoSuite;
import io.trustspace.crypto.CryptoSuites;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The node's crypto suite, clock and keys. */
@Configuration(proxyBeanMethods = false)
public class KeyConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    SecureRandom secureRandom() {
        return new SecureRandom();
    }

    @Bean
    CryptoSuite cryptoSuite(NodeProperties properties, SecureRandom random) {
        return CryptoSuites.of(properties.suiteId(), random);
    }

    /** Depends on Flyway so the key tables exist before the store is opened. */
    @Bean
    NodeKeys nodeKeys(
            NodeProperties properties,
            DataSource dataSource,
            CryptoSuite suite,
            SecureRandom random,
            Clock clock,
            FlywayMigrationInitializer migrated) {
        char[] passphrase = passphrase(properties.key());
        try {
            return NodeKeys.open(new JdbcNodeKeyStore(dataSource), suite, passphrase, random, clock);
        } finally {
            java.util.Arrays.fill(passphrase, '\0');
        }
    }

    static char[] passphrase(NodeProperties.Key key) {
        if (key.passphrase() != null && !key.passphrase().isEmpty()) {
            return key.passphrase().toCharArray();
        }
        if (key.passphraseFile() != null) {
            try {
                String text = Files.readString(key.passphraseFile(), StandardCharsets.UTF_8)
                        .strip();
                if (!text.isEmpty()) {
                    return text.toCharArray();
                }
                throw new KeyStoreException("the key passphrase file " + key.passphraseFile() + " is empty");
            } catch (IOException e) {
                throw new KeyStoreException("cannot read the key passphrase file " + key.passphraseFile(), e);
            }
        }
        throw new KeyStoreException("no key passphrase: set TRUSTSPACE_KEY_PASSPHRASE or"
                + " TRUSTSPACE_KEY_PASSPHRASE_FILE (the node seals its private keys with it)");
    }
}
