package io.trustspace.app.catalog;

import io.trustspace.common.jdbc.JdbcTransactions;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the operator harvested (table {@code catalog_harvested}): one row per source and dataset, holding the DSP
 * dataset as served. The search index is rebuilt from here, so the index itself needs no backup.
 */
public final class HarvestStore {

    /** One harvested dataset. {@code accessPolicy} null: public. */
    public record Harvested(
            String source,
            String datasetId,
            String identifier,
            String space,
            String provider,
            JsonNode document,
            JsonNode accessPolicy,
            Instant harvestedAt) {}

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String COLUMNS =
            "source, dataset_id, identifier, space, provider, document::text," + " access_policy::text, harvested_at";

    private final JdbcTransactions transactions;

    public HarvestStore(JdbcTransactions transactions) {
        this.transactions = transactions;
    }

    /** The dataset documents harvested from {@code source}, by dataset id. */
    public Map<String, JsonNode> documents(String source) {
        return transactions.withConnection(connection -> {
            Map<String, JsonNode> documents = new HashMap<>();
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT dataset_id, document::text FROM catalog_harvested WHERE source = ?")) {
                select.setString(1, source);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        documents.put(rows.getString(1), JSON.readTree(rows.getString(2)));
                    }
                }
            }
            return documents;
        });
    }

    public void put(Harvested harvested) {
        transactions.withConnection(connection -> {
            try (PreparedStatement upsert = connection.prepareStatement("INSERT INTO catalog_harvested (source,"
                    + " dataset_id, identifier, space, provider, document, access_policy, harvested_at) VALUES"
                    + " (?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?) ON CONFLICT (source, dataset_id) DO UPDATE SET"
                    + " identifier = EXCLUDED.identifier, space = EXCLUDED.space, provider = EXCLUDED.provider,"
                    + " document = EXCLUDED.document, access_policy = EXCLUDED.access_policy,"
                    + " harvested_at = EXCLUDED.harvested_at")) {
                upsert.setString(1, harvested.source());
                upsert.setString(2, harvested.datasetId());
                upsert.setString(3, harvested.identifier());
                upsert.setString(4, harvested.space());
                upsert.setString(5, harvested.provider());
                upsert.setString(6, harvested.document().toString());
                if (harvested.accessPolicy() == null || harvested.accessPolicy().isNull()) {
                    upsert.setNull(7, Types.VARCHAR);
                } else {
                    upsert.setString(7, harvested.accessPolicy().toString());
                }
                upsert.setTimestamp(8, Timestamp.from(harvested.harvestedAt()));
                return upsert.executeUpdate();
            }
        });
    }

    public void remove(String source, String datasetId) {
        transactions.withConnection(connection -> {
            try (PreparedStatement delete =
                    connection.prepareStatement("DELETE FROM catalog_harvested WHERE source = ? AND dataset_id = ?")) {
                delete.setString(1, source);
                delete.setString(2, datasetId);
                return delete.executeUpdate();
            }
        });
    }

    /** Every harvested dataset, in batches, for rebuilding the index. */
    public void forEach(Consumer<List<Harvested>> batches) {
        // In a transaction, so that PostgreSQL streams rows by the fetch size instead of loading them all.
        transactions.inTransaction(() -> transactions.withConnection(connection -> {
            try (PreparedStatement select =
                    connection.prepareStatement("SELECT " + COLUMNS + " FROM catalog_harvested")) {
                select.setFetchSize(1_000);
                try (ResultSet rows = select.executeQuery()) {
                    List<Harvested> batch = new ArrayList<>();
                    while (rows.next()) {
                        batch.add(read(rows));
                        if (batch.size() == 1_000) {
                            batches.accept(batch);
                            batch = new ArrayList<>();
                        }
                    }
                    if (!batch.isEmpty()) {
                        batches.accept(batch);
                    }
                }
            }
            return null;
        }));
    }

    /** Own-space datasets visible in the operator's DSP catalog, ordered by identifier for paging. */
    public List<Harvested> page(String space, String afterIdentifier, int limit) {
        return transactions.withConnection(connection -> {
            List<Harvested> page = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM catalog_harvested"
                    + " WHERE space = ? AND identifier > ? ORDER BY identifier LIMIT ?")) {
                select.setString(1, space);
                select.setString(2, afterIdentifier == null ? "" : afterIdentifier);
                select.setInt(3, limit);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        page.add(read(rows));
                    }
                }
            }
            return page;
        });
    }

    /** Every source something was harvested from: kept as a source until it has nothing left here. */
    public List<String> sources() {
        return transactions.withConnection(connection -> {
            List<String> sources = new ArrayList<>();
            try (PreparedStatement select =
                            connection.prepareStatement("SELECT DISTINCT source FROM catalog_harvested");
                    ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    sources.add(rows.getString(1));
                }
            }
            return sources;
        });
    }

    private static Harvested read(ResultSet row) throws java.sql.SQLException {
        String access = row.getString(7);
        return new Harvested(
                row.getString(1),
                row.getString(2),
                row.getString(3),
                row.getString(4),
                row.getString(5),
                JSON.readTree(row.getString(6)),
                access == null ? null : JSON.readTree(access),
                row.getTimestamp(8).toInstant());
    }
}
