package io.trustspace.bench;

import io.trustspace.catalog.resource.ClassificationLevel;
import io.trustspace.catalog.resource.ResourceKind;
import io.trustspace.catalog.search.CatalogIndex;
import io.trustspace.catalog.search.CatalogIndexException;
import io.trustspace.catalog.search.Facet;
import io.trustspace.catalog.search.FacetCount;
import io.trustspace.catalog.search.SearchDocument;
import io.trustspace.catalog.search.SearchHit;
import io.trustspace.catalog.search.SearchPage;
import io.trustspace.catalog.search.SearchQuery;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * The PostgreSQL full-text alternative of ADR 0006, for comparison only (not product code). PostgreSQL has no Chinese
 * parser here (no zhparser), so text is segmented in Java with the same analyzers as {@code LuceneCatalogIndex}
 * (smartcn for Chinese and keywords, English for English) and the terms are stored as a {@code tsvector} built with
 * {@code array_to_tsvector} (no PostgreSQL parser involved, like {@code to_tsvector('simple', …)} on space-joined
 * terms but independent of the database locale), weighted A (title), B (keywords), D (description), under a GIN
 * index, with a B-tree index per single-valued facet and a GIN index on the formats. A query is the same per-word AND
 * of per-field ORs, as a {@code tsquery}; visibility is
 * {@code policy_key = ANY(?)}; facets are {@code GROUP BY}s over the filtered set, in a second statement.
 */
final class SearchPostgresIndex implements CatalogIndex {

    private static final String COLUMNS = "id, space, provider, provider_name, title_zh, title_en, description_zh,"
            + " description_en, keywords, industry, grade, formats, region, kind, policy_key, modified";

    private final DataSource dataSource;
    private final Analyzer chinese = new SmartChineseAnalyzer();
    private final Analyzer english = new EnglishAnalyzer();

    SearchPostgresIndex(DataSource dataSource) {
        this.dataSource = dataSource;
        execute("""
                CREATE TABLE IF NOT EXISTS search_document (
                  id text PRIMARY KEY, space text NOT NULL, provider text NOT NULL, provider_name text NOT NULL,
                  title_zh text NOT NULL, title_en text NOT NULL, description_zh text NOT NULL,
                  description_en text NOT NULL, keywords text[] NOT NULL, industry text NOT NULL, grade text NOT NULL,
                  formats text[] NOT NULL, region text NOT NULL, kind text NOT NULL, policy_key text NOT NULL,
                  modified timestamptz NOT NULL, terms tsvector NOT NULL);
                CREATE INDEX IF NOT EXISTS search_document_terms ON search_document USING gin (terms);
                CREATE INDEX IF NOT EXISTS search_document_modified ON search_document (modified DESC, id);
                CREATE INDEX IF NOT EXISTS search_document_policy ON search_document (policy_key);
                CREATE INDEX IF NOT EXISTS search_document_industry ON search_document (industry);
                CREATE INDEX IF NOT EXISTS search_document_region ON search_document (region);
                CREATE INDEX IF NOT EXISTS search_document_provider ON search_document (provider);
                CREATE INDEX IF NOT EXISTS search_document_formats ON search_document USING gin (formats);
                """);
    }

    @Override
    public void upsert(Collection<SearchDocument> documents) {
        String sql = "INSERT INTO search_document (" + COLUMNS + ", terms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                + " ?, ?, ?, ?, setweight(array_to_tsvector(?::text[]), 'A') || setweight(array_to_tsvector(?::text[]),"
                + " 'B') || setweight(array_to_tsvector(?::text[]), 'D')) ON CONFLICT (id) DO UPDATE SET"
                + " space = excluded.space, provider = excluded.provider, provider_name = excluded.provider_name,"
                + " title_zh = excluded.title_zh, title_en = excluded.title_en, description_zh = excluded.description_zh,"
                + " description_en = excluded.description_en, keywords = excluded.keywords, industry = excluded.industry,"
                + " grade = excluded.grade, formats = excluded.formats, region = excluded.region, kind = excluded.kind,"
                + " policy_key = excluded.policy_key, modified = excluded.modified, terms = excluded.terms";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(sql)) {
            connection.setAutoCommit(false);
            for (SearchDocument d : documents) {
                int p = 1;
                insert.setString(p++, d.id());
                insert.setString(p++, d.space());
                insert.setString(p++, d.provider());
                insert.setString(p++, d.providerName());
                insert.setString(p++, d.titleZh());
                insert.setString(p++, d.titleEn());
                insert.setString(p++, d.descriptionZh());
                insert.setString(p++, d.descriptionEn());
                insert.setArray(
                        p++, connection.createArrayOf("text", d.keywords().toArray()));
                insert.setString(p++, d.industry());
                insert.setString(p++, d.grade().name());
                insert.setArray(
                        p++, connection.createArrayOf("text", d.formats().toArray()));
                insert.setString(p++, d.region());
                insert.setString(p++, d.kind().name());
                insert.setString(p++, d.policyKey());
                insert.setTimestamp(p++, Timestamp.from(d.modified()));
                List<String> title = terms(chinese, d.titleZh());
                title.addAll(terms(english, d.titleEn()));
                List<String> description = terms(chinese, d.descriptionZh());
                description.addAll(terms(english, d.descriptionEn()));
                insert.setArray(p++, connection.createArrayOf("text", title.toArray()));
                List<String> keywords = new ArrayList<>();
                d.keywords().forEach(keyword -> keywords.addAll(terms(chinese, keyword)));
                insert.setArray(p++, connection.createArrayOf("text", keywords.toArray()));
                insert.setArray(p, connection.createArrayOf("text", description.toArray()));
                insert.addBatch();
            }
            insert.executeBatch();
            connection.commit();
        } catch (SQLException e) {
            throw new CatalogIndexException("cannot index " + documents.size() + " documents", e);
        }
    }

    @Override
    public void remove(Collection<String> ids) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement delete =
                        connection.prepareStatement("DELETE FROM search_document WHERE id = ANY(?)")) {
            delete.setArray(1, connection.createArrayOf("text", ids.toArray()));
            delete.executeUpdate();
        } catch (SQLException e) {
            throw new CatalogIndexException("cannot remove documents", e);
        }
    }

    @Override
    public SearchPage search(SearchQuery query, Set<String> visiblePolicyKeys) {
        if (visiblePolicyKeys.isEmpty()) {
            return SearchPage.empty(query);
        }
        String tsquery = query.isBlank() ? null : tsquery(query.text());
        if (tsquery != null && tsquery.isEmpty()) {
            return SearchPage.empty(query);
        }
        StringBuilder where = new StringBuilder("policy_key = ANY(?)");
        if (tsquery != null) {
            where.append(" AND terms @@ ?::tsquery");
        }
        query.filters()
                .forEach((facet, values) -> where.append(
                        facet == Facet.FORMAT ? " AND formats && ?::text[]" : " AND " + column(facet) + " = ANY(?)"));
        String order = tsquery == null ? "modified DESC, id" : "ts_rank(terms, ?::tsquery) DESC, modified DESC, id";
        String page = "SELECT " + COLUMNS + ", " + (tsquery == null ? "0" : "ts_rank(terms, ?::tsquery)")
                + " AS score, count(*) OVER () AS total FROM search_document WHERE " + where + " ORDER BY " + order
                + " LIMIT ? OFFSET ?";
        String facets = "WITH m AS MATERIALIZED (SELECT industry, grade, formats, provider, region, kind FROM"
                + " search_document WHERE " + where + ")"
                + " SELECT 'INDUSTRY', industry, count(*) FROM m GROUP BY 2"
                + " UNION ALL SELECT 'GRADE', grade, count(*) FROM m GROUP BY 2"
                + " UNION ALL SELECT 'PROVIDER', provider, count(*) FROM m GROUP BY 2"
                + " UNION ALL SELECT 'REGION', region, count(*) FROM m GROUP BY 2"
                + " UNION ALL SELECT 'KIND', kind, count(*) FROM m GROUP BY 2"
                + " UNION ALL SELECT 'FORMAT', f, count(*) FROM m, unnest(m.formats) f GROUP BY 2";
        try (Connection connection = dataSource.getConnection()) {
            List<SearchHit> hits = new ArrayList<>();
            long total = 0;
            try (PreparedStatement statement = connection.prepareStatement(page)) {
                int p = 1;
                if (tsquery != null) {
                    statement.setString(p++, tsquery);
                }
                p = bindWhere(connection, statement, p, visiblePolicyKeys, tsquery, query);
                if (tsquery != null) {
                    statement.setString(p++, tsquery);
                }
                statement.setInt(p++, query.size());
                statement.setInt(p, query.page() * query.size());
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        SearchDocument document = document(rows);
                        hits.add(new SearchHit(document.id(), rows.getFloat("score"), document));
                        total = rows.getLong("total");
                    }
                }
            }
            Map<Facet, List<FacetCount>> counts = new EnumMap<>(Facet.class);
            try (PreparedStatement statement = connection.prepareStatement(facets)) {
                bindWhere(connection, statement, 1, visiblePolicyKeys, tsquery, query);
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        counts.computeIfAbsent(Facet.valueOf(rows.getString(1)), f -> new ArrayList<>())
                                .add(new FacetCount(rows.getString(2), rows.getLong(3)));
                    }
                }
            }
            Map<Facet, List<FacetCount>> top = new LinkedHashMap<>();
            counts.forEach((facet, values) -> {
                values.sort(FacetCount.BY_COUNT_THEN_VALUE);
                top.put(facet, values.subList(0, Math.min(SearchPage.MAX_FACET_VALUES, values.size())));
            });
            if (hits.isEmpty()) {
                // a page beyond the last has no row to carry the window count; every document has one kind
                total = counts.getOrDefault(Facet.KIND, List.of()).stream()
                        .mapToLong(FacetCount::count)
                        .sum();
            }
            return total == 0 ? SearchPage.empty(query) : new SearchPage(total, hits, top, query.page(), query.size());
        } catch (SQLException e) {
            throw new CatalogIndexException("cannot search", e);
        }
    }

    @Override
    public long size() {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT count(*) FROM search_document")) {
            row.next();
            return row.getLong(1);
        } catch (SQLException e) {
            throw new CatalogIndexException("cannot count", e);
        }
    }

    /** Table, indexes and TOAST, in bytes. */
    long bytesOnDisk() {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT pg_total_relation_size('search_document')")) {
            row.next();
            return row.getLong(1);
        } catch (SQLException e) {
            throw new CatalogIndexException("cannot measure", e);
        }
    }

    /** {@code VACUUM ANALYZE} after a bulk load, as an operator would run it. */
    void analyze() {
        execute("VACUUM ANALYZE search_document");
    }

    @Override
    public void close() {
        chinese.close();
        english.close();
    }

    private int bindWhere(
            Connection connection,
            PreparedStatement statement,
            int p,
            Set<String> visible,
            String tsquery,
            SearchQuery query)
            throws SQLException {
        statement.setArray(p++, connection.createArrayOf("text", visible.toArray()));
        if (tsquery != null) {
            statement.setString(p++, tsquery);
        }
        for (Set<String> values : query.filters().values()) {
            statement.setArray(p++, connection.createArrayOf("text", values.toArray()));
        }
        return p;
    }

    /**
     * The query as a {@code tsquery}: every smartcn word must match, as itself or (for a word without Chinese
     * characters) as all of its English-analyzed terms. Empty if there is no searchable word.
     */
    private String tsquery(String text) {
        Map<String, String> words = new LinkedHashMap<>();
        try (TokenStream tokens = chinese.tokenStream("text", text)) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = tokens.addAttribute(OffsetAttribute.class);
            tokens.reset();
            while (tokens.incrementToken() && words.size() < 32) {
                words.putIfAbsent(term.toString(), text.substring(offset.startOffset(), offset.endOffset()));
            }
            tokens.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> clauses = new ArrayList<>();
        for (Map.Entry<String, String> word : words.entrySet()) {
            String clause = lexeme(word.getKey());
            if (word.getValue()
                    .codePoints()
                    .noneMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)) {
                List<String> englishTerms = terms(english, word.getValue());
                if (!englishTerms.isEmpty()) {
                    clause = "(" + clause + " | ("
                            + String.join(
                                    " & ",
                                    englishTerms.stream()
                                            .map(SearchPostgresIndex::lexeme)
                                            .toList()) + "))";
                }
            }
            clauses.add(clause);
        }
        return String.join(" & ", clauses);
    }

    private static String lexeme(String term) {
        return "'" + term.replace("\\", "\\\\").replace("'", "''") + "'";
    }

    private static List<String> terms(Analyzer analyzer, String text) {
        List<String> terms = new ArrayList<>();
        try (TokenStream tokens = analyzer.tokenStream("text", text)) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            tokens.reset();
            while (tokens.incrementToken()) {
                terms.add(term.toString());
            }
            tokens.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return terms;
    }

    private static String column(Facet facet) {
        return switch (facet) {
            case INDUSTRY -> "industry";
            case GRADE -> "grade";
            case FORMAT -> "formats";
            case PROVIDER -> "provider";
            case REGION -> "region";
            case KIND -> "kind";
        };
    }

    private static SearchDocument document(ResultSet row) throws SQLException {
        return new SearchDocument(
                row.getString("id"),
                row.getString("space"),
                row.getString("provider"),
                row.getString("provider_name"),
                row.getString("title_zh"),
                row.getString("title_en"),
                row.getString("description_zh"),
                row.getString("description_en"),
                strings(row.getArray("keywords")),
                row.getString("industry"),
                ClassificationLevel.valueOf(row.getString("grade")),
                strings(row.getArray("formats")),
                row.getString("region"),
                ResourceKind.valueOf(row.getString("kind")),
                row.getString("policy_key"),
                row.getTimestamp("modified").toInstant());
    }

    private static List<String> strings(Array array) throws SQLException {
        return List.of((String[]) array.getArray());
    }

    private void execute(String sql) {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new CatalogIndexException(sql, e);
        }
    }
}
