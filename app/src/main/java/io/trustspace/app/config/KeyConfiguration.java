package io.trustspace.app.config;

import io.trustspace.app.did.NodeIdentity;
import io.trustspace.app.keys.KeyPurpose;
import io.trustspace.app.keys.KeyStoreException;
import io.trustspace.app.keys.NodeKeyring;
import io.trustspace.app.keys.NodeKeys;
import io.trustspace.common.jdbc.JdbcTransactions;
import io.trustspace.crypto.CryptoSuite;
import io.trustspace.crypto.CryptoSuites;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The node's identity, crypto suite, clock, transactions and keys. */
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

    @Bean
    NodeIdentity nodeIdentity(
            NodeProperties properties,
            @Value("${server.address:127.0.0.1}") String address,
            @Value("${server.port:8080}") int port) {
        return NodeIdentity.of(properties.node().name(), properties.publicUrl(address, port));
    }

    /** Depends on Flyway so that the tables exist before anything uses them. */
    @Bean
    JdbcTransactions transactions(DataSource dataSource, FlywayMigrationInitializer migrated) {
        return new JdbcTransactions(dataSource);
    }

    @Bean
    NodeKeyring nodeKeyring(
            NodeProperties properties,
            JdbcTransactions transactions,
            CryptoSuite suite,
            SecureRandom random,
            Clock clock) {
        char[] passphrase = passphrase(properties.key());
        try {
            return NodeKeyring.unlock(transactions, suite, passphrase, random, clock);
        } finally {
            java.util.Arrays.fill(passphrase, '\0');
        }
    }

    /** Records the node's DID for offline tools (key rotation signs its evidence as the node). */
    @Bean
    io.trustspace.app.did.JdbcNodeSettings nodeSettings(JdbcTransactions transactions, NodeIdentity identity) {
        io.trustspace.app.did.JdbcNodeSettings settings = new io.trustspace.app.did.JdbcNodeSettings(transactions);
        settings.put(io.trustspace.app.did.JdbcNodeSettings.DID, identity.did());
        return settings;
    }

    /** The keys this node signs evidence, tokens and agreements with. */
    @Bean
    NodeKeys signingKeys(NodeKeyring keyring) {
        return keyring.keys(KeyPurpose.SIGNING);
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
