package io.trustspace.catalog.search;

import static io.trustspace.catalog.search.SearchDocuments.document;
import static io.trustspace.catalog.search.SearchDocuments.evCharging;
import static io.trustspace.catalog.search.SearchDocuments.weather;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trustspace.catalog.resource.ClassificationLevel;
import io.trustspace.catalog.search.SearchDocuments.Field;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LuceneCatalogIndexTest {

    private static final Set<String> OPEN = Set.of("policy-open");

    private final LuceneCatalogIndex index = LuceneCatalogIndex.inMemory();

    @AfterEach
    void close() {
        index.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"充电", "电动汽车", "充电桩", "电动汽车充电", "charging", "Charge", "electric vehicles", "新能源"})
    void chineseAndEnglishWords_findTheDocument(String text) {
        index.upsert(List.of(evCharging(), weather()));

        SearchPage page = index.search(SearchQuery.text(text), OPEN);

        assertThat(ids(page)).containsExactly(evCharging().id());
        assertThat(page.total()).isEqualTo(1);
    }

    @Test
    void everyWordMustMatch() {
        index.upsert(List.of(evCharging(), weather()));

        assertThat(index.search(SearchQuery.text("充电 气象"), OPEN).total()).isZero();
        assertThat(ids(index.search(SearchQuery.text("上海市 气象"), OPEN)))
                .containsExactly(weather().id());
    }

    @Test
    void aPartOfAWordSmartcnKeepsWhole_findsIt_belowAWholeWordMatch() {
        // smartcn keeps 上海市 and 充电桩 whole; users search for 上海 and 电桩 all the same.
        SearchDocument city = document("a/p/city@1", "上海市逐小时气象观测数据", "").build();
        SearchDocument word = document("a/p/word@1", "上海 港口 吞吐量", "").build();
        index.upsert(List.of(city, word, evCharging()));

        assertThat(ids(index.search(SearchQuery.text("上海"), OPEN))).containsExactly(word.id(), city.id());
        assertThat(ids(index.search(SearchQuery.text("电桩"), OPEN)))
                .containsExactly(evCharging().id());
        assertThat(ids(index.search(SearchQuery.text("上海 气象"), OPEN))).containsExactly(city.id());
        assertThat(index.search(SearchQuery.text("海上"), OPEN).total()).isZero();
    }

    @Test
    void aSubstringNeverSpansTwoKeywords() {
        SearchDocument keywords = document("a/p/keywords@1", "交通数据", "")
                .with(Field.KEYWORDS, "城市,上海")
                .build();
        index.upsert(List.of(keywords));

        assertThat(index.search(SearchQuery.text("市上"), OPEN).total()).isZero();
        assertThat(ids(index.search(SearchQuery.text("城市"), OPEN))).containsExactly(keywords.id());
    }

    @Test
    void titleMatch_ranksAboveDescriptionMatch() {
        SearchDocument inTitle = document("a/p/title@1", "气象数据", "").build();
        SearchDocument inDescription = document("a/p/description@1", "交通流量", "")
                .with(Field.DESCRIPTION_ZH, "附带气象数据")
                .build();
        index.upsert(List.of(inDescription, inTitle));

        assertThat(ids(index.search(SearchQuery.text("气象"), OPEN))).containsExactly(inTitle.id(), inDescription.id());
    }

    @Test
    void hits_returnTheDocumentAsIndexed() {
        index.upsert(List.of(evCharging()));

        SearchHit hit = index.search(SearchQuery.text("充电"), OPEN).hits().get(0);

        assertThat(hit.document()).isEqualTo(evCharging());
        assertThat(hit.score()).isPositive();
    }

    @Test
    void facets_countEveryMatchingDocument_byCountThenValue() {
        index.upsert(List.of(
                document("s/p/a@1", "交通数据", "")
                        .with(Field.INDUSTRY, "G5411")
                        .with(Field.FORMATS, "text/csv,application/json")
                        .build(),
                document("s/p/b@1", "交通数据", "").with(Field.INDUSTRY, "G5411").build(),
                document("s/p/c@1", "交通数据", "")
                        .with(Field.INDUSTRY, "D4430")
                        .with(Field.REGION, "CN-31")
                        .build(),
                document("s/p/d@1", "医疗数据", "").with(Field.INDUSTRY, "Q8411").build()));

        SearchPage page = index.search(SearchQuery.text("交通").atPage(0, 1), OPEN);

        assertThat(page.total()).isEqualTo(3);
        assertThat(page.hits()).hasSize(1);
        assertThat(page.facet(Facet.INDUSTRY)).containsExactly(new FacetCount("G5411", 2), new FacetCount("D4430", 1));
        assertThat(page.facet(Facet.FORMAT))
                .containsExactly(new FacetCount("text/csv", 3), new FacetCount("application/json", 1));
        assertThat(page.facet(Facet.REGION)).containsExactly(new FacetCount("CN-11", 2), new FacetCount("CN-31", 1));
        assertThat(page.facet(Facet.GRADE)).containsExactly(new FacetCount("GENERAL", 3));
        assertThat(page.facet(Facet.PROVIDER)).containsExactly(new FacetCount("91110105MA01C3D718", 3));
        assertThat(page.facet(Facet.KIND)).containsExactly(new FacetCount("DATASET", 3));
    }

    @Test
    void facetFilters_orWithinAFacet_andAcrossFacets() {
        index.upsert(List.of(
                document("s/p/a@1", "交通数据", "")
                        .with(Field.INDUSTRY, "G5411")
                        .with(Field.REGION, "CN-11")
                        .build(),
                document("s/p/b@1", "交通数据", "")
                        .with(Field.INDUSTRY, "G5411")
                        .with(Field.REGION, "CN-31")
                        .build(),
                document("s/p/c@1", "交通数据", "")
                        .with(Field.INDUSTRY, "D4430")
                        .with(Field.REGION, "CN-31")
                        .build(),
                document("s/p/d@1", "交通数据", "")
                        .with(Field.INDUSTRY, "Q8411")
                        .with(Field.REGION, "CN-44")
                        .build()));

        SearchQuery either = SearchQuery.all().filteredBy(Facet.INDUSTRY, "G5411", "D4430");
        assertThat(ids(index.search(either, OPEN))).containsExactlyInAnyOrder("s/p/a@1", "s/p/b@1", "s/p/c@1");

        SearchQuery both = either.filteredBy(Facet.REGION, "CN-31");
        SearchPage page = index.search(both, OPEN);
        assertThat(ids(page)).containsExactlyInAnyOrder("s/p/b@1", "s/p/c@1");
        assertThat(page.facet(Facet.INDUSTRY)).containsExactly(new FacetCount("D4430", 1), new FacetCount("G5411", 1));

        assertThat(index.search(SearchQuery.text("交通").filteredBy(Facet.FORMAT, "application/pdf"), OPEN)
                        .total())
                .isZero();
    }

    @Test
    void gradeFacet_filtersByLevelName() {
        index.upsert(List.of(
                document("s/p/a@1", "交通数据", "")
                        .grade(ClassificationLevel.IMPORTANT)
                        .build(),
                document("s/p/b@1", "交通数据", "").build()));

        SearchPage page = index.search(SearchQuery.all().filteredBy(Facet.GRADE, "IMPORTANT"), OPEN);

        assertThat(ids(page)).containsExactly("s/p/a@1");
    }

    @Test
    void documentsUnderAnInvisiblePolicy_neverAppear_inHitsTotalOrFacets() {
        SearchDocument secret = document("s/p/secret@1", "充电桩运营数据", "")
                .with(Field.POLICY, "policy-members-only")
                .with(Field.INDUSTRY, "Z9999")
                .with(Field.PROVIDER, "secret-provider")
                .build();
        index.upsert(List.of(evCharging(), secret, weather()));

        for (SearchQuery query : List.of(
                SearchQuery.text("充电桩"),
                SearchQuery.all(),
                SearchQuery.all().filteredBy(Facet.INDUSTRY, "Z9999"),
                SearchQuery.text("运营"))) {
            SearchPage page = index.search(query, OPEN);
            assertThat(ids(page)).doesNotContain(secret.id());
            assertThat(page.total()).isEqualTo(page.hits().size());
            assertThat(page.facets().values())
                    .allSatisfy(counts -> assertThat(counts)
                            .extracting(FacetCount::value)
                            .doesNotContain("Z9999", "secret-provider"));
        }
        assertThat(index.search(SearchQuery.all(), OPEN).total()).isEqualTo(2);
        assertThat(ids(index.search(SearchQuery.text("运营"), Set.of("policy-open", "policy-members-only"))))
                .containsExactly(secret.id());
    }

    @Test
    void noVisiblePolicy_givesAnEmptyPageWithoutCounts() {
        index.upsert(List.of(evCharging(), weather()));

        SearchPage page = index.search(SearchQuery.all(), Set.of());

        assertThat(page.total()).isZero();
        assertThat(page.hits()).isEmpty();
        assertThat(page.facets()).containsOnlyKeys(Facet.values());
        assertThat(page.facets().values())
                .allSatisfy(counts -> assertThat(counts).isEmpty());
        assertThat(index.search(SearchQuery.all(), Set.of("some-other-policy")).total())
                .isZero();
    }

    @Test
    void emptyIndex_givesAnEmptyPage() {
        SearchPage page = index.search(SearchQuery.text("充电"), OPEN);

        assertThat(page.total()).isZero();
        assertThat(page.hits()).isEmpty();
        assertThat(index.search(SearchQuery.all(), OPEN).total()).isZero();
        assertThat(index.size()).isZero();
    }

    @Test
    void blankQuery_matchesEveryVisibleDocument_newestFirst() {
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        List<SearchDocument> documents = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            documents.add(document("s/p/d" + i + "@1", "数据" + i, "")
                    .modified(start.plusSeconds(i))
                    .build());
        }
        documents.add(
                document("s/p/hidden@1", "数据", "").with(Field.POLICY, "other").build());
        index.upsert(documents);

        SearchPage page = index.search(SearchQuery.text("   "), OPEN);

        assertThat(page.total()).isEqualTo(5);
        assertThat(ids(page)).containsExactly("s/p/d4@1", "s/p/d3@1", "s/p/d2@1", "s/p/d1@1", "s/p/d0@1");
        assertThat(page.hits()).allSatisfy(hit -> assertThat(hit.score()).isZero());
    }

    @Test
    void pages_partitionTheResults() {
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        index.upsert(IntStream.range(0, 45)
                .mapToObj(i -> document("s/p/d%02d@1".formatted(i), "交通流量", "")
                        .modified(start.plusSeconds(i))
                        .build())
                .toList());

        List<String> seen = new ArrayList<>();
        for (int page = 0; page < 3; page++) {
            SearchPage result = index.search(SearchQuery.text("交通").atPage(page, 20), OPEN);
            assertThat(result.total()).isEqualTo(45);
            assertThat(result.page()).isEqualTo(page);
            seen.addAll(ids(result));
        }
        assertThat(seen).hasSize(45).doesNotHaveDuplicates();
        assertThat(index.search(SearchQuery.text("交通").atPage(2, 20), OPEN).hits())
                .hasSize(5);
        SearchPage beyond = index.search(SearchQuery.text("交通").atPage(3, 20), OPEN);
        assertThat(beyond.hits()).isEmpty();
        assertThat(beyond.total()).isEqualTo(45);
        assertThat(beyond.facet(Facet.INDUSTRY)).containsExactly(new FacetCount("D4430", 45));
    }

    @Test
    void upsert_replacesTheDocumentWithTheSameId() {
        index.upsert(List.of(evCharging()));
        SearchDocument renamed = document(evCharging().id(), "城市气象站数据", "").build();

        index.upsert(List.of(renamed));
        index.upsert(List.of(renamed));

        assertThat(index.size()).isEqualTo(1);
        assertThat(index.search(SearchQuery.text("充电"), OPEN).total()).isZero();
        assertThat(index.search(SearchQuery.text("气象"), OPEN).hits())
                .extracting(SearchHit::document)
                .containsExactly(renamed);
    }

    @Test
    void remove_dropsTheDocuments_andIgnoresUnknownIds() {
        index.upsert(List.of(evCharging(), weather()));

        index.remove(List.of(evCharging().id(), "no/such/id@1"));

        assertThat(index.size()).isEqualTo(1);
        assertThat(index.search(SearchQuery.text("充电"), OPEN).total()).isZero();
        assertThat(index.search(SearchQuery.all(), OPEN).facet(Facet.INDUSTRY))
                .containsExactly(new FacetCount("M7410", 1));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"title:(foo AND \"", "*", "?", "\\", "充电 OR", "a~2 b^3 [x TO y] {", "/regex[/", "!!!", "\"\""})
    void querySyntax_isJustText_andNeverThrows(String text) {
        index.upsert(List.of(evCharging()));

        SearchPage page = index.search(SearchQuery.text(text), OPEN);

        assertThat(page.total()).isGreaterThanOrEqualTo(0);
    }

    @Test
    void querySyntaxCharacters_areDropped_butItsWordsStillCount() {
        index.upsert(List.of(evCharging()));

        assertThat(index.search(SearchQuery.text("title:(充电"), OPEN).total()).isZero(); // "title" must match too
        assertThat(index.search(SearchQuery.text("(充电*)"), OPEN).total()).isEqualTo(1);
    }

    @Test
    void queriesWithManyWords_useTheFirst32_andDoNotHitClauseLimits() {
        index.upsert(List.of(evCharging()));
        String text =
                "充电 ".repeat(60) + IntStream.range(0, 40).mapToObj(i -> "w" + i).reduce("", (a, b) -> a + " " + b);

        assertThat(index.search(SearchQuery.text(text.substring(0, SearchQuery.MAX_TEXT_LENGTH)), OPEN)
                        .total())
                .isZero();
    }

    @Test
    void repeatedWords_countOnce_soTheLongestTextStaysFarFromClauseLimits() {
        index.upsert(List.of(evCharging()));

        // 200 characters that segment into 200 words, half of them looked up in the English fields as well.
        assertThat(index.search(SearchQuery.text("充b".repeat(100)), OPEN).total())
                .isZero();
        assertThat(index.search(SearchQuery.text("电桩".repeat(100)), OPEN).total())
                .isEqualTo(1);
    }

    @Test
    void aPairWithACharacterOutsideTheBasicPlane_isStillAPair() {
        // 𠮷 is two chars in Java: counting chars would take 𠮷野 (three) for no pair and drop it from the query.
        SearchDocument together = document("a/p/together@1", "门店客流", "")
                .with(Field.KEYWORDS, "𠮷野家")
                .build();
        SearchDocument apart =
                document("a/p/apart@1", "门店客流", "").with(Field.KEYWORDS, "家野𠮷").build();
        index.upsert(List.of(apart, together, evCharging()));

        assertThat(ids(index.search(SearchQuery.text("𠮷野"), OPEN))).containsExactly(together.id(), apart.id());
    }

    @Test
    void persistentIndex_survivesReopening(@TempDir Path directory) {
        try (LuceneCatalogIndex persistent = LuceneCatalogIndex.open(directory)) {
            persistent.upsert(List.of(evCharging(), weather()));
            persistent.remove(List.of(weather().id()));
        }

        try (LuceneCatalogIndex reopened = LuceneCatalogIndex.open(directory)) {
            assertThat(reopened.size()).isEqualTo(1);
            assertThat(reopened.search(SearchQuery.text("充电"), OPEN).hits())
                    .extracting(SearchHit::document)
                    .containsExactly(evCharging());
        }
    }

    @Test
    void closedIndex_refusesWork() {
        index.close();

        assertThatThrownBy(() -> index.search(SearchQuery.all(), OPEN)).isInstanceOf(IllegalStateException.class);
        index.close();
    }

    @Test
    void concurrentWritesAndSearches_seeWholeCalls() throws Exception {
        int writers = 2;
        int batches = 20;
        List<Thread> threads = new ArrayList<>();
        List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int w = 0; w < writers; w++) {
            int writer = w;
            threads.add(new Thread(() -> {
                for (int b = 0; b < batches; b++) {
                    int batch = b;
                    index.upsert(IntStream.range(0, 5)
                            .mapToObj(i -> document("s/w%d/b%d/%d@1".formatted(writer, batch, i), "交通数据", "")
                                    .build())
                            .toList());
                }
            }));
        }
        threads.add(new Thread(() -> {
            for (int i = 0; i < 50; i++) {
                SearchPage page = index.search(SearchQuery.text("交通"), OPEN);
                if (page.total() % 5 != 0) {
                    failures.add(new AssertionError("saw half a batch: " + page.total()));
                }
            }
        }));
        threads.forEach(thread -> thread.setUncaughtExceptionHandler((t, e) -> failures.add(e)));
        threads.forEach(Thread::start);
        for (Thread thread : threads) {
            thread.join();
        }

        assertThat(failures).isEmpty();
        assertThat(index.search(SearchQuery.text("交通"), OPEN).total()).isEqualTo(writers * batches * 5);
        assertThat(index.search(SearchQuery.all().filteredBy(Facet.INDUSTRY, "D4430"), Set.of("policy-of-nobody"))
                        .total())
                .isZero();
    }

    private static List<String> ids(SearchPage page) {
        return page.hits().stream().map(SearchHit::id).toList();
    }
}
