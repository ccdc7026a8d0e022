package io.trustspace.catalog.jdbc;

import io.trustspace.catalog.identifier.DataIdentifier;
import io.trustspace.catalog.resource.DataAddress;
import io.trustspace.catalog.resource.Finding;
import io.trustspace.catalog.resource.Resource;
import io.trustspace.catalog.resource.ResourceId;
import io.trustspace.catalog.resource.ResourceJson;
import io.trustspace.catalog.resource.ResourceKind;
import io.trustspace.catalog.resource.ResourceMetadata;
import io.trustspace.catalog.resource.ResourceRepository;
import io.trustspace.catalog.resource.ResourceState;
import io.trustspace.catalog.resource.Transition;
import io.trustspace.common.Result;
import io.trustspace.common.jdbc.JdbcTransactions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Catalog resources in PostgreSQL (table {@code catalog_resource}, migration {@code V7__catalog.sql}).
 *
 * <p>A resource is one row: the searchable columns (state, provider, identifier, last change) plus its metadata,
 * data address, findings and transitions as JSON. An insert is {@code INSERT … ON CONFLICT DO NOTHING}, so a taken
 * id or (provider, local id, revision) is a CONFLICT without aborting the caller's transaction; an update is
 * {@code UPDATE … WHERE id = ? AND version = ?}, which PostgreSQL re-checks against the newest row after waiting for
 * a concurrent writer, so of two racing saves of one version exactly one matches. Each save runs in the caller's
 * transaction, or in one of its own outside any. Thread-safe.
 */
public final class JdbcResourceRepository implements ResourceRepository {

    private static final String COLUMNS =
            "id, kind, provider, local_id, revision, state, identifier, version, metadata::text, data_address::text,"
                    + " findings::text, transitions::text";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final JdbcTransactions transactions;

    public JdbcResourceRepository(JdbcTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public Result<Resource> save(Resource resource) {
        return transactions.inTransaction(() -> transactions.withConnection(
                connection -> resource.version() == 0 ? insert(connection, resource) : update(connection, resource)));
    }

    private static Result<Resource> insert(Connection connection, Resource resource) throws SQLException {
        int inserted;
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO catalog_resource (id, kind,"
                + " provider, local_id, revision, state, identifier, version, metadata, data_address, findings,"
                + " transitions, last_transition_at) VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?::jsonb, ?::jsonb, ?::jsonb,"
                + " ?::jsonb, ?) ON CONFLICT DO NOTHING")) {
            insert.setString(1, resource.id().value());
            insert.setString(2, resource.kind().name());
            insert.setString(3, resource.provider());
            insert.setString(4, resource.localId());
            insert.setInt(5, resource.revision());
            bindState(insert, 6, resource);
            bindBody(insert, 8, resource);
            insert.setTimestamp(12, Timestamp.from(resource.lastTransition().at()));
            inserted = insert.executeUpdate();
        }
        if (inserted == 0) {
            return Result.conflict("resource " + resource.id() + " already exists, or provider " + resource.provider()
                    + " already has resource '" + resource.localId() + "' revision " + resource.revision());
        }
        return Result.ok(resource.withVersion(1));
    }

    private static Result<Resource> update(Connection connection, Resource resource) throws SQLException {
        int updated;
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE catalog_resource SET state = ?,"
                        + " identifier = ?, version = version + 1, metadata = ?::jsonb, data_address = ?::jsonb,"
                        + " findings = ?::jsonb, transitions = ?::jsonb, last_transition_at = ? WHERE id = ? AND version = ?")) {
            bindState(update, 1, resource);
            bindBody(update, 3, resource);
            update.setTimestamp(7, Timestamp.from(resource.lastTransition().at()));
            update.setString(8, resource.id().value());
            update.setLong(9, resource.version());
            updated = update.executeUpdate();
        }
        if (updated == 0) {
            Optional<Long> stored = storedVersion(connection, resource.id());
            return stored.isEmpty()
                    ? Result.notFound("no resource " + resource.id())
                    : Result.conflict("resource " + resource.id() + " was changed concurrently: stored version "
                            + stored.get() + ", saved from version " + resource.version());
        }
        return Result.ok(resource.withVersion(resource.version() + 1));
    }

    /** Binds state and identifier at {@code index} and {@code index + 1}. */
    private static void bindState(PreparedStatement statement, int index, Resource resource) throws SQLException {
        statement.setString(index, resource.state().name());
        if (resource.identifier() == null) {
            statement.setNull(index + 1, Types.VARCHAR);
        } else {
            statement.setString(index + 1, resource.identifier().format());
        }
    }

    /** Binds metadata, data address, findings and transitions from {@code index} on. */
    private static void bindBody(PreparedStatement statement, int index, Resource resource) throws SQLException {
        statement.setString(index, ResourceJson.write(resource.metadata()).toString());
        if (resource.dataAddress() == null) {
            statement.setNull(index + 1, Types.VARCHAR);
        } else {
            statement.setString(
                    index + 1, ResourceJson.write(resource.dataAddress()).toString());
        }
        ArrayNode findings = NODES.arrayNode();
        for (Finding finding : resource.findings()) {
            findings.addObject()
                    .put("field", finding.field())
                    .put("rule", finding.rule())
                    .put("message", finding.message());
        }
        statement.setString(index + 2, findings.toString());
        ArrayNode transitions = NODES.arrayNode();
        for (Transition transition : resource.transitions()) {
            transitions
                    .addObject()
                    .put(
                            "from",
                            transition.from() == null ? null : transition.from().name())
                    .put("to", transition.to().name())
                    .put("actor", transition.actor())
                    .put("reason", transition.reason())
                    .put("at", transition.at().toString());
        }
        statement.setString(index + 3, transitions.toString());
    }

    private static Optional<Long> storedVersion(Connection connection, ResourceId id) throws SQLException {
        try (PreparedStatement select =
                connection.prepareStatement("SELECT version FROM catalog_resource WHERE id = ?")) {
            select.setString(1, id.value());
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(row.getLong(1)) : Optional.empty();
            }
        }
    }

    @Override
    public Optional<Resource> findById(ResourceId id) {
        return findOne("id = ?", id.value());
    }

    @Override
    public Optional<Resource> findByIdentifier(DataIdentifier identifier) {
        if (!identifier.isVersioned()) {
            throw new IllegalArgumentException("find by a versioned identifier: " + identifier);
        }
        return findOne("identifier = ?", identifier.format());
    }

    @Override
    public List<Resource> findRevisions(String provider, String localId) {
        return findMany("provider = ? AND local_id = ? ORDER BY revision", Integer.MAX_VALUE, provider, localId);
    }

    @Override
    public List<Resource> findByProvider(String provider, int limit) {
        return findMany("provider = ? ORDER BY last_transition_at DESC, id", limit, provider);
    }

    @Override
    public List<Resource> findByState(ResourceState state, int limit) {
        return findMany("state = ? ORDER BY last_transition_at, id", limit, state.name());
    }

    private Optional<Resource> findOne(String condition, String value) {
        List<Resource> found = findMany(condition, 1, value);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    private List<Resource> findMany(String condition, int limit, String... values) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit " + limit + " is negative");
        }
        return transactions.withConnection(connection -> {
            List<Resource> resources = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT " + COLUMNS + " FROM catalog_resource WHERE " + condition + " LIMIT ?")) {
                for (int i = 0; i < values.length; i++) {
                    select.setString(i + 1, values[i]);
                }
                select.setInt(values.length + 1, limit);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        resources.add(read(rows));
                    }
                }
            }
            return resources;
        });
    }

    private static Resource read(ResultSet row) throws SQLException {
        // Our own rows were validated when written; anything that no longer parses was altered behind our back.
        ResourceMetadata metadata = ResourceJson.readMetadata(row.getString(9)).orElseThrow();
        String address = row.getString(10);
        DataAddress dataAddress =
                address == null ? null : ResourceJson.readDataAddress(address).orElseThrow();
        List<Finding> findings = new ArrayList<>();
        for (JsonNode finding : JSON.readTree(row.getString(11))) {
            findings.add(new Finding(
                    finding.get("field").stringValue(),
                    finding.get("rule").stringValue(),
                    finding.get("message").stringValue()));
        }
        List<Transition> transitions = new ArrayList<>();
        for (JsonNode transition : JSON.readTree(row.getString(12))) {
            JsonNode from = transition.get("from");
            transitions.add(new Transition(
                    from == null || from.isNull() ? null : ResourceState.valueOf(from.stringValue()),
                    ResourceState.valueOf(transition.get("to").stringValue()),
                    transition.get("actor").stringValue(),
                    transition.get("reason").stringValue(),
                    Instant.parse(transition.get("at").stringValue())));
        }
        String identifier = row.getString(7);
        return new Resource(
                new ResourceId(row.getString(1)),
                ResourceKind.valueOf(row.getString(2)),
                row.getString(3),
                row.getString(4),
                row.getInt(5),
                metadata,
                dataAddress,
                ResourceState.valueOf(row.getString(6)),
                identifier == null ? null : DataIdentifier.parse(identifier).orElseThrow(),
                findings,
                row.getLong(8),
                transitions);
    }
}
