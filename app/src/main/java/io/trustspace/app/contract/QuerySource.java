package io.trustspace.app.contract;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;

/**
 * A data source that is a PostgreSQL query (DataAddress type {@code PostgreSQL}: endpoint the JDBC URL, properties
 * {@code query}, {@code user}, {@code password}), delivered as CSV with a header row. The query runs in a read-only
 * transaction with a cursor ({@value #FETCH} rows at a time), so memory stays constant whatever the result size.
 */
final class QuerySource {

    static final String TYPE = "PostgreSQL";
    static final int FETCH = 1_000;
    static final int TIMEOUT_SECONDS = 30 * 60;

    private QuerySource() {}

    /** Why a source of this endpoint and these properties could never be read; null if it could. */
    static String problem(String jdbcUrl, Map<String, String> properties) {
        String query = properties.get("query");
        if (query == null || !query.strip().toLowerCase(Locale.ROOT).matches("(?s)(select|with)\\b.*")) {
            return "a PostgreSQL source needs a SELECT query in its 'query' property";
        }
        if (!jdbcUrl.startsWith("jdbc:postgresql://")) {
            return "a PostgreSQL source's endpoint is a jdbc:postgresql:// URL";
        }
        return null;
    }

    /** Streams the result of the query as CSV to {@code out}; returns the number of rows. */
    static long write(String jdbcUrl, Map<String, String> properties, OutputStream out) throws IOException {
        String problem = problem(jdbcUrl, properties);
        if (problem != null) {
            throw new IOException(problem);
        }
        String query = properties.get("query");
        try (Connection connection =
                DriverManager.getConnection(jdbcUrl, properties.get("user"), properties.get("password"))) {
            connection.setAutoCommit(false);
            connection.setReadOnly(true);
            try (PreparedStatement statement = connection.prepareStatement(query)) {
                statement.setFetchSize(FETCH);
                statement.setQueryTimeout(TIMEOUT_SECONDS);
                try (ResultSet rows = statement.executeQuery()) {
                    Writer csv = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
                    ResultSetMetaData columns = rows.getMetaData();
                    int count = columns.getColumnCount();
                    for (int i = 1; i <= count; i++) {
                        field(csv, columns.getColumnLabel(i), i == 1);
                    }
                    csv.write('\n');
                    long written = 0;
                    while (rows.next()) {
                        for (int i = 1; i <= count; i++) {
                            field(csv, rows.getString(i), i == 1);
                        }
                        csv.write('\n');
                        written++;
                    }
                    csv.flush();
                    return written;
                }
            } finally {
                connection.rollback();
            }
        } catch (SQLException e) {
            throw new IOException("the source query failed: " + e.getMessage(), e);
        }
    }

    /** RFC 4180: quoted when it holds a comma, quote or line break; NULL is an empty field. */
    private static void field(Writer csv, String value, boolean first) throws IOException {
        if (!first) {
            csv.write(',');
        }
        if (value == null) {
            return;
        }
        if (value.indexOf(',') >= 0
                || value.indexOf('"') >= 0
                || value.indexOf('\n') >= 0
                || value.indexOf('\r') >= 0) {
            csv.write('"');
            csv.write(value.replace("\"", "\"\""));
            csv.write('"');
        } else {
            csv.write(value);
        }
    }
}
