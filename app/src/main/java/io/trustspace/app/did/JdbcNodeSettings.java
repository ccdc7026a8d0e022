package io.trustspace.app.did;

import io.trustspace.common.jdbc.JdbcTransactions;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Optional;

/** Small facts a node records about itself for offline tools (table {@code node_setting}). */
public final class JdbcNodeSettings {

    public static final String DID = "did";

    private final JdbcTransactions transactions;

    public JdbcNodeSettings(JdbcTransactions transactions) {
        this.transactions = transactions;
    }

    public void put(String name, String value) {
        transactions.withConnection(connection -> {
            try (PreparedStatement upsert =
                    connection.prepareStatement("INSERT INTO node_setting (name, value) VALUES (?, ?)"
                            + " ON CONFLICT (name) DO UPDATE SET value = EXCLUDED.value")) {
                upsert.setString(1, name);
                upsert.setString(2, value);
                return upsert.executeUpdate();
            }
        });
    }

    /**
     * Keeps {@code value} under {@code name} unless a value is already there; the value that holds either way. For
     * pins taken on first contact: when two replicas pin at once, both keep the first one written.
     */
    public String putIfAbsent(String name, String value) {
        return transactions.withConnection(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO node_setting (name, value) VALUES (?, ?) ON CONFLICT (name) DO NOTHING")) {
                insert.setString(1, name);
                insert.setString(2, value);
                insert.executeUpdate();
            }
            return get(name).orElseThrow();
        });
    }

    public Optional<String> get(String name) {
        return transactions.withConnection(connection -> {
            try (PreparedStatement select =
                    connection.prepareStatement("SELECT value FROM node_setting WHERE name = ?")) {
                select.setString(1, name);
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? Optional.of(row.getString(1)) : Optional.<String>empty();
                }
            }
        });
    }
}
