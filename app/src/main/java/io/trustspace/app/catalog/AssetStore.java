package io.trustspace.app.catalog;

import io.trustspace.catalog.resource.ResourceJson;
import io.trustspace.catalog.resource.ResourceKind;
import io.trustspace.catalog.resource.ResourceState;
import io.trustspace.common.jdbc.JdbcTransactions;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;

/** A provider connector's assets in PostgreSQL (table {@code catalog_asset}). Thread-safe. */
public final class AssetStore {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String COLUMNS = "local_id, kind, resource_id, state, identifier, metadata::text,"
            + " data_address::text, access_policy::text, offers::text, findings::text, remote_version, modified_at";

    private final JdbcTransactions transactions;
    private final Consumer<Asset> stored;

    /** {@code stored} hears of every asset put here, once it is committed (the data plane hashes new files). */
    public AssetStore(JdbcTransactions transactions, Consumer<Asset> stored) {
        this.transactions = transactions;
        this.stored = stored;
    }

    /** Inserts or replaces the asset {@code asset.localId()}. */
    public void put(Asset asset) {
        upsert(asset);
        transactions.afterCommit(() -> stored.accept(asset));
    }

    private void upsert(Asset asset) {
        transactions.withConnection(connection -> {
            try (PreparedStatement upsert = connection.prepareStatement("INSERT INTO catalog_asset ("
                    + COLUMNS.replace("::text", "") + ") VALUES (?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?::jsonb, ?::jsonb,"
                    + " ?::jsonb, ?, ?) ON CONFLICT (local_id) DO UPDATE SET kind = EXCLUDED.kind,"
                    + " resource_id = EXCLUDED.resource_id, state = EXCLUDED.state, identifier = EXCLUDED.identifier,"
                    + " metadata = EXCLUDED.metadata, data_address = EXCLUDED.data_address,"
                    + " access_policy = EXCLUDED.access_policy, offers = EXCLUDED.offers,"
                    + " findings = EXCLUDED.findings, remote_version = EXCLUDED.remote_version,"
                    + " modified_at = EXCLUDED.modified_at")) {
                upsert.setString(1, asset.localId());
                upsert.setString(2, asset.kind().name());
                upsert.setString(3, asset.resourceId());
                upsert.setString(4, asset.state().name());
                upsert.setString(5, asset.identifier());
                upsert.setString(6, ResourceJson.write(asset.metadata()).toString());
                upsert.setString(7, ResourceJson.write(asset.dataAddress()).toString());
                if (asset.accessPolicy() == null || asset.accessPolicy().isNull()) {
                    upsert.setNull(8, Types.VARCHAR);
                } else {
                    upsert.setString(8, asset.accessPolicy().toString());
                }
                upsert.setString(9, asset.offers().toString());
                upsert.setString(
                        10, asset.findings() == null ? "[]" : asset.findings().toString());
                upsert.setLong(11, asset.remoteVersion());
                upsert.setTimestamp(12, Timestamp.from(asset.modifiedAt()));
                return upsert.executeUpdate();
            }
        });
    }

    public Optional<Asset> find(String localId) {
        List<Asset> found = query("local_id = ?", localId, 1);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /** Every asset, most recently modified first. */
    public List<Asset> all(int limit) {
        return query("TRUE ORDER BY modified_at DESC, local_id", null, limit);
    }

    /** Listed assets in a stable order (by local id), for paging the DSP catalog. */
    public List<Asset> listed(String afterLocalId, int limit) {
        return query(
                "state = 'LISTED' AND local_id > ? ORDER BY local_id", afterLocalId == null ? "" : afterLocalId, limit);
    }

    private List<Asset> query(String condition, String value, int limit) {
        return transactions.withConnection(connection -> {
            List<Asset> assets = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT " + COLUMNS + " FROM catalog_asset WHERE " + condition + " LIMIT ?")) {
                int index = 1;
                if (value != null) {
                    select.setString(index++, value);
                }
                select.setInt(index, limit);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        assets.add(read(rows));
                    }
                }
            }
            return assets;
        });
    }

    private static Asset read(ResultSet row) throws SQLException {
        String access = row.getString(8);
        return new Asset(
                row.getString(1),
                ResourceKind.valueOf(row.getString(2)),
                row.getString(3),
                ResourceState.valueOf(row.getString(4)),
                row.getString(5),
                ResourceJson.readMetadata(row.getString(6)).orElseThrow(),
                ResourceJson.readDataAddress(row.getString(7)).orElseThrow(),
                access == null ? null : JSON.readTree(access),
                (ArrayNode) JSON.readTree(row.getString(9)),
                JSON.readTree(row.getString(10)),
                row.getLong(11),
                row.getTimestamp(12).toInstant());
    }
}
