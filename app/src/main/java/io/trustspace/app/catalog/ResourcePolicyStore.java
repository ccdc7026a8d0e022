package io.trustspace.app.catalog;

import io.trustspace.catalog.resource.ResourceId;
import io.trustspace.common.jdbc.JdbcTransactions;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Types;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The operator's copy of each resource's access policy and offers (table {@code catalog_resource_policy}), written
 * in the same transaction as the resource itself.
 */
public final class ResourcePolicyStore {

    /** A resource's policies: {@code accessPolicy} null means public. */
    public record ResourcePolicies(JsonNode accessPolicy, JsonNode offers, String connectorAddress) {}

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcTransactions transactions;

    public ResourcePolicyStore(JdbcTransactions transactions) {
        this.transactions = transactions;
    }

    public void put(ResourceId id, ResourcePolicies policies) {
        transactions.withConnection(connection -> {
            try (PreparedStatement upsert = connection.prepareStatement("INSERT INTO catalog_resource_policy"
                    + " (resource_id, access_policy, offers, connector_address) VALUES (?, ?::jsonb, ?::jsonb, ?)"
                    + " ON CONFLICT (resource_id) DO UPDATE SET access_policy = EXCLUDED.access_policy,"
                    + " offers = EXCLUDED.offers, connector_address = EXCLUDED.connector_address")) {
                upsert.setString(1, id.value());
                if (policies.accessPolicy() == null || policies.accessPolicy().isNull()) {
                    upsert.setNull(2, Types.VARCHAR);
                } else {
                    upsert.setString(2, policies.accessPolicy().toString());
                }
                upsert.setString(3, policies.offers().toString());
                upsert.setString(4, policies.connectorAddress());
                return upsert.executeUpdate();
            }
        });
    }

    public Optional<ResourcePolicies> get(ResourceId id) {
        return transactions.withConnection(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT access_policy::text, offers::text,"
                    + " connector_address FROM catalog_resource_policy WHERE resource_id = ?")) {
                select.setString(1, id.value());
                try (ResultSet row = select.executeQuery()) {
                    if (!row.next()) {
                        return Optional.<ResourcePolicies>empty();
                    }
                    String access = row.getString(1);
                    return Optional.of(new ResourcePolicies(
                            access == null ? null : JSON.readTree(access),
                            JSON.readTree(row.getString(2)),
                            row.getString(3)));
                }
            }
        });
    }

    /** The DSP addresses of the connectors that hold at least one listed resource: the harvest's sources. */
    public java.util.List<String> listedConnectors() {
        return transactions.withConnection(connection -> {
            java.util.List<String> addresses = new java.util.ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT DISTINCT p.connector_address FROM"
                    + " catalog_resource_policy p JOIN catalog_resource r ON r.id = p.resource_id"
                    + " WHERE r.state = 'LISTED'")) {
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        addresses.add(rows.getString(1));
                    }
                }
            }
            return addresses;
        });
    }
}
