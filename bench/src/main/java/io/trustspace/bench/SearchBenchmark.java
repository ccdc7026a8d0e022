package io.trustspace.bench;

import io.trustspace.bench.SearchCorpus.BenchQuery;
import io.trustspace.bench.SearchCorpus.QueryKind;
import io.trustspace.catalog.search.CatalogIndex;
import io.trustspace.catalog.search.LuceneCatalogIndex;
import io.trustspace.catalog.search.SearchDocument;
import io.trustspace.catalog.search.SearchPage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Catalog search latency (issue "operator's catalog search": at 10^5 resources one page of 20 results with facet
 * counts, p50 ≤ 20 ms, p99 ≤ 100 ms). Builds the deterministic {@link SearchCorpus}, indexes it with
 * {@link LuceneCatalogIndex} (on disk, memory-mapped) and with the {@link SearchPostgresIndex} alternative (embedded
 * PostgreSQL, as {@link LedgerAppendDriver} starts it), then runs the same query mix — one Chinese word, two words,
 * an English word, a blank query with facet filters, a rare word — on one thread for the caller who sees 30 of the 50
 * policies, and prints p50/p99 per kind and overall, indexing time and index size. The totals of both engines are
 * compared query by query, so the two are known to answer the same question.
 *
 * <p>Options: {@code --documents} (100000), {@code --queries} measured per engine (2000), {@code --warmup} queries
 * (1000), {@code --engines} ({@code lucene,postgres}), {@code --batch} documents per index call (1000), {@code --seed}
 * (42). Prints {@code RESULT …} lines last.
 */
public final class SearchBenchmark {

    private SearchBenchmark() {}

    public static void main(String[] args) throws Exception {
        DriverOptions options =
                DriverOptions.parse(args, Set.of("documents", "queries", "warmup", "engines", "batch", "seed"));
        int documents = options.integer("documents", 100_000);
        int queries = options.integer("queries", 2_000);
        int warmup = options.integer("warmup", 1_000);
        int batch = options.integer("batch", 1_000);
        long seed = options.number("seed", 42);
        List<String> engines =
                List.of(options.string("engines", "lucene,postgres").split(","));

        long start = System.nanoTime();
        List<SearchDocument> corpus = new SearchCorpus(seed).documents(documents);
        System.out.printf(Locale.ROOT, "corpus: %d documents built in %.1f s%n", corpus.size(), seconds(start));
        List<BenchQuery> warm = new SearchCorpus(seed).queries(warmup, seed + 1);
        List<BenchQuery> measured = new SearchCorpus(seed).queries(queries, seed + 2);
        Set<String> visible = SearchCorpus.visiblePolicies();

        List<String> results = new ArrayList<>();
        Map<String, long[]> totals = new java.util.LinkedHashMap<>();
        for (String engine : engines) {
            switch (engine) {
                case "lucene" -> {
                    Path directory = Files.createTempDirectory("trustspace-search-");
                    try (LuceneCatalogIndex index = LuceneCatalogIndex.open(directory)) {
                        double indexing = load(index, corpus, batch);
                        long bytes = directorySize(directory);
                        results.addAll(run("lucene", index, warm, measured, visible, indexing, bytes, totals));
                    } finally {
                        delete(directory);
                    }
                }
                case "postgres" -> {
                    try (BenchDatabase database = BenchDatabase.start(2);
                            SearchPostgresIndex index = new SearchPostgresIndex(database.dataSource())) {
                        double indexing = load(index, corpus, batch);
                        long analyzeStart = System.nanoTime();
                        index.analyze();
                        System.out.printf(Locale.ROOT, "postgres: VACUUM ANALYZE %.1f s%n", seconds(analyzeStart));
                        results.addAll(
                                run("postgres", index, warm, measured, visible, indexing, index.bytesOnDisk(), totals));
                    }
                }
                default -> throw new IllegalArgumentException("unknown engine '" + engine + "' (lucene, postgres)");
            }
        }
        if (totals.size() == 2) {
            long[][] both = totals.values().toArray(long[][]::new);
            int differ = 0;
            for (int i = 0; i < both[0].length; i++) {
                if (both[0][i] != both[1][i] && differ++ < 5) {
                    System.out.printf(
                            "totals differ for %s: %d vs %d%n", measured.get(i).query(), both[0][i], both[1][i]);
                }
            }
            results.add("RESULT driver=search check=totals queries=%d differing=%d".formatted(both[0].length, differ));
        }
        results.forEach(System.out::println);
    }

    private static double load(CatalogIndex index, List<SearchDocument> corpus, int batch) {
        long start = System.nanoTime();
        for (int from = 0; from < corpus.size(); from += batch) {
            index.upsert(corpus.subList(from, Math.min(corpus.size(), from + batch)));
        }
        return seconds(start);
    }

    private static List<String> run(
            String engine,
            CatalogIndex index,
            List<BenchQuery> warm,
            List<BenchQuery> measured,
            Set<String> visible,
            double indexing,
            long bytes,
            Map<String, long[]> totals) {
        System.out.printf(
                Locale.ROOT,
                "%s: %d documents indexed in %.1f s, %.1f MB%n",
                engine,
                index.size(),
                indexing,
                bytes / 1e6);
        for (BenchQuery query : warm) {
            index.search(query.query(), visible);
        }
        Map<QueryKind, List<Long>> byKind = new EnumMap<>(QueryKind.class);
        Map<QueryKind, Long> hitsByKind = new EnumMap<>(QueryKind.class);
        long[] all = new long[measured.size()];
        long[] queryTotals = new long[measured.size()];
        for (int i = 0; i < measured.size(); i++) {
            BenchQuery query = measured.get(i);
            long start = System.nanoTime();
            SearchPage page = index.search(query.query(), visible);
            long nanos = System.nanoTime() - start;
            all[i] = nanos;
            queryTotals[i] = page.total();
            byKind.computeIfAbsent(query.kind(), k -> new ArrayList<>()).add(nanos);
            hitsByKind.merge(query.kind(), page.total(), Long::sum);
        }
        totals.put(engine, queryTotals);
        List<String> lines = new ArrayList<>();
        lines.add(String.format(
                Locale.ROOT,
                "RESULT driver=search engine=%s documents=%d indexing_s=%.1f index_mb=%.1f queries=%d p50_ms=%.2f"
                        + " p99_ms=%.2f max_ms=%.2f",
                engine,
                index.size(),
                indexing,
                bytes / 1e6,
                all.length,
                percentile(all, 50),
                percentile(all, 99),
                percentile(all, 100)));
        byKind.forEach((kind, nanos) -> {
            long[] times = nanos.stream().mapToLong(Long::longValue).toArray();
            lines.add(String.format(
                    Locale.ROOT,
                    "RESULT driver=search engine=%s kind=%s queries=%d mean_total=%d p50_ms=%.2f p99_ms=%.2f",
                    engine,
                    kind.name().toLowerCase(Locale.ROOT),
                    times.length,
                    hitsByKind.get(kind) / times.length,
                    percentile(times, 50),
                    percentile(times, 99)));
        });
        lines.forEach(System.out::println);
        return lines;
    }

    /** The nearest-rank percentile, in milliseconds. */
    private static double percentile(long[] nanos, double percent) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(percent / 100 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1e6;
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static long directorySize(Path directory) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile)
                    .mapToLong(file -> {
                        try {
                            return Files.size(file);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    })
                    .sum();
        }
    }

    private static void delete(Path directory) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        }
    }
}
