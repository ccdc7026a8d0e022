package io.trustspace.catalog.search;

import io.trustspace.catalog.resource.ClassificationLevel;
import io.trustspace.catalog.resource.ResourceKind;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.cjk.CJKWidthFilter;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;

/**
 * The catalog index in-process with Lucene (ADR 0006).
 *
 * <p><b>Analysis.</b> Chinese titles, descriptions and all keywords are segmented with smartcn's
 * {@link SmartChineseAnalyzer} (HMM word segmentation; English words in them are lower-cased and Porter-stemmed);
 * English titles and descriptions use {@link EnglishAnalyzer}. smartcn keeps 上海市 as one word, so a search for 上海
 * would miss it: the Chinese text is therefore also indexed as overlapping pairs of Han characters ({@link
 * HanBigrams}: 上海, 海市), and a Chinese query word also matches as that run of pairs — a substring — at a lower
 * boost than a whole word. The query text is segmented the same way and never
 * parsed as query syntax: every term must match in some field (title over keywords over description, by boost), so
 * {@code title:(foo AND "} is just three words. At most {@link #MAX_QUERY_TERMS} distinct terms are used, a repeated one once; a text
 * with no searchable term at all (only punctuation) matches nothing.
 *
 * <p><b>Facets and visibility.</b> Facet values are indexed as keywords (for filters) and as sorted-set doc values
 * (for counting). Visibility is a {@link TermInSetQuery} on the policy key, added as a filter clause, so facet counts
 * are taken over visible matching documents only.
 *
 * <p><b>Writes.</b> {@link #upsert} and {@link #remove} commit (so an {@link #open(Path) opened} index survives a
 * restart with every call that returned) and refresh the searcher before returning, so a search started afterwards
 * sees them. Callers that load many documents should pass them in batches (thousands per call): each call costs a
 * commit. Thread-safe: write calls are serialised (the searcher is refreshed only between whole calls, so a search
 * never sees half of one), searches run concurrently on a {@link SearcherManager} snapshot.
 */
public final class LuceneCatalogIndex implements CatalogIndex {

    /** Distinct query terms used; further terms of a long text are ignored. */
    public static final int MAX_QUERY_TERMS = 32;

    private static final String ID = "id";
    private static final String SPACE = "space";
    private static final String PROVIDER_NAME = "provider_name";
    private static final String TITLE_ZH = "title_zh";
    private static final String TITLE_EN = "title_en";
    private static final String DESCRIPTION_ZH = "description_zh";
    private static final String DESCRIPTION_EN = "description_en";
    private static final String KEYWORDS = "keywords";
    private static final String HAN_PAIRS = "han_pairs";
    private static final String POLICY = "policy";
    private static final String MODIFIED = "modified";
    private static final String STORED = "stored_";

    private static final float TITLE_BOOST = 3f;
    private static final float KEYWORD_BOOST = 2f;
    private static final float DESCRIPTION_BOOST = 1f;
    private static final float SUBSTRING_BOOST = 0.5f;

    private static final Sort BY_RELEVANCE = new Sort(
            SortField.FIELD_SCORE,
            new SortField(MODIFIED, SortField.Type.LONG, true),
            new SortField(ID, SortField.Type.STRING));
    private static final Sort BY_MODIFIED =
            new Sort(new SortField(MODIFIED, SortField.Type.LONG, true), new SortField(ID, SortField.Type.STRING));

    private final Directory directory;
    private final Analyzer chinese;
    private final Analyzer english;
    private final Analyzer hanPairs;
    private final Analyzer analyzer;
    private final FacetsConfig facetsConfig;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final Object writeLock = new Object();
    private final Object facetStateLock = new Object();
    private volatile FacetState facetState;
    private volatile boolean closed;

    private record FacetState(IndexReader reader, SortedSetDocValuesReaderState state) {}

    private LuceneCatalogIndex(Directory directory) throws IOException {
        this.directory = directory;
        this.chinese = new SmartChineseAnalyzer();
        this.english = new EnglishAnalyzer();
        this.hanPairs = new HanBigrams();
        this.analyzer = new PerFieldAnalyzerWrapper(
                chinese, Map.of(TITLE_EN, english, DESCRIPTION_EN, english, HAN_PAIRS, hanPairs));
        this.facetsConfig = new FacetsConfig();
        for (Facet facet : Facet.values()) {
            facetsConfig.setMultiValued(facet.field(), facet.multiValued());
        }
        IndexWriterConfig config =
                new IndexWriterConfig(analyzer).setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
        this.writer = new IndexWriter(directory, config);
        this.searchers = new SearcherManager(writer, null);
    }

    /** An index held in memory (tests, or a replica that rebuilds at every start). */
    public static LuceneCatalogIndex inMemory() {
        try {
            return new LuceneCatalogIndex(new ByteBuffersDirectory());
        } catch (IOException e) {
            throw new CatalogIndexException("cannot create an in-memory index", e);
        }
    }

    /**
     * The index in {@code directory} (memory-mapped), created if there is none.
     *
     * @throws CatalogIndexException if it cannot be opened, e.g. because it is corrupt: delete and rebuild it
     */
    public static LuceneCatalogIndex open(Path directory) {
        Directory opened = null;
        try {
            opened = FSDirectory.open(directory);
            return new LuceneCatalogIndex(opened);
        } catch (IOException e) {
            CatalogIndexException failure =
                    new CatalogIndexException("cannot open the catalog index in " + directory, e);
            if (opened != null) {
                try {
                    opened.close();
                } catch (IOException closing) {
                    failure.addSuppressed(closing);
                }
            }
            throw failure;
        }
    }

    @Override
    public void upsert(Collection<SearchDocument> documents) {
        ensureOpen();
        try {
            List<Document> built = new ArrayList<>(documents.size());
            for (SearchDocument document : documents) {
                built.add(facetsConfig.build(toLucene(document)));
            }
            synchronized (writeLock) {
                for (Document document : built) {
                    writer.updateDocument(new Term(ID, document.get(ID)), document);
                }
                commitAndRefresh();
            }
        } catch (IOException e) {
            throw new CatalogIndexException("cannot index " + documents.size() + " documents", e);
        }
    }

    @Override
    public void remove(Collection<String> ids) {
        ensureOpen();
        try {
            synchronized (writeLock) {
                writer.deleteDocuments(ids.stream().map(id -> new Term(ID, id)).toArray(Term[]::new));
                commitAndRefresh();
            }
        } catch (IOException e) {
            throw new CatalogIndexException("cannot remove " + ids.size() + " documents", e);
        }
    }

    @Override
    public SearchPage search(SearchQuery query, Set<String> visiblePolicyKeys) {
        ensureOpen();
        if (visiblePolicyKeys.isEmpty()) {
            return SearchPage.empty(query);
        }
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                return search(searcher, query, visiblePolicyKeys);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new CatalogIndexException("cannot search the catalog index", e);
        }
    }

    @Override
    public long size() {
        ensureOpen();
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                return searcher.getIndexReader().numDocs();
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new CatalogIndexException("cannot read the catalog index", e);
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try (directory;
                analyzer;
                chinese;
                english;
                hanPairs) {
            searchers.close();
            writer.close();
        } catch (IOException e) {
            throw new CatalogIndexException("cannot close the catalog index", e);
        }
    }

    private SearchPage search(IndexSearcher searcher, SearchQuery query, Set<String> visiblePolicyKeys)
            throws IOException {
        BooleanQuery.Builder filtered = new BooleanQuery.Builder();
        filtered.add(query.isBlank() ? new MatchAllDocsQuery() : textQuery(query.text()), Occur.MUST);
        filtered.add(new TermInSetQuery(POLICY, bytes(visiblePolicyKeys)), Occur.FILTER);
        query.filters()
                .forEach((facet, values) ->
                        filtered.add(new TermInSetQuery(facet.field(), bytes(values)), Occur.FILTER));

        int window = query.page() * query.size() + query.size();
        FacetsCollectorManager.FacetsResult result = FacetsCollectorManager.search(
                searcher,
                filtered.build(),
                window,
                query.isBlank() ? BY_MODIFIED : BY_RELEVANCE,
                !query.isBlank(),
                new FacetsCollectorManager());
        FacetsCollector collector = result.facetsCollector();
        long total = 0;
        for (FacetsCollector.MatchingDocs matching : collector.getMatchingDocs()) {
            total += matching.totalHits;
        }
        if (total == 0) {
            return SearchPage.empty(query);
        }
        return new SearchPage(
                total,
                hits(searcher, result.topDocs(), query),
                facetCounts(searcher, collector),
                query.page(),
                query.size());
    }

    private List<SearchHit> hits(IndexSearcher searcher, TopDocs top, SearchQuery query) throws IOException {
        ScoreDoc[] docs = top.scoreDocs;
        int from = query.page() * query.size();
        List<SearchHit> hits = new ArrayList<>(Math.max(0, Math.min(query.size(), docs.length - from)));
        StoredFields stored = searcher.storedFields();
        for (int i = from; i < docs.length; i++) {
            SearchDocument document = fromLucene(stored.document(docs[i].doc));
            float score = Float.isNaN(docs[i].score) ? 0f : docs[i].score;
            hits.add(new SearchHit(document.id(), score, document));
        }
        return hits;
    }

    private Map<Facet, List<FacetCount>> facetCounts(IndexSearcher searcher, FacetsCollector collector)
            throws IOException {
        SortedSetDocValuesReaderState state = facetState(searcher.getIndexReader());
        SortedSetDocValuesFacetCounts counts = new SortedSetDocValuesFacetCounts(state, collector);
        Set<String> indexed = new HashSet<>();
        state.getDims().forEach(indexed::add);
        Map<Facet, List<FacetCount>> facets = new EnumMap<>(Facet.class);
        for (Facet facet : Facet.values()) {
            if (!indexed.contains(facet.field())) {
                continue;
            }
            // Lucene breaks ties by ordinal (byte order of the value); re-sorted to count, then value.
            FacetResult top = counts.getTopChildren(SearchPage.MAX_FACET_VALUES, facet.field());
            if (top == null) {
                continue;
            }
            List<FacetCount> values = new ArrayList<>(top.labelValues.length);
            for (LabelAndValue labelValue : top.labelValues) {
                values.add(new FacetCount(labelValue.label, labelValue.value.longValue()));
            }
            values.sort(FacetCount.BY_COUNT_THEN_VALUE);
            facets.put(facet, values);
        }
        return facets;
    }

    /** The facet ordinal state of {@code reader}, built once per reader (it maps ordinals across segments). */
    private SortedSetDocValuesReaderState facetState(IndexReader reader) throws IOException {
        FacetState current = facetState;
        if (current != null && current.reader() == reader) {
            return current.state();
        }
        synchronized (facetStateLock) {
            current = facetState;
            if (current != null && current.reader() == reader) {
                return current.state();
            }
            SortedSetDocValuesReaderState state = new DefaultSortedSetDocValuesReaderState(reader, facetsConfig);
            facetState = new FacetState(reader, state);
            return state;
        }
    }

    /** A word of the query: smartcn's term and where in the text it came from. */
    private record Word(String term, int start, int end) {}

    /**
     * Every word of {@code text} must match in some field. Words come from smartcn's segmentation of the whole text
     * (so 电动汽车充电 is 电动汽车 + 充电); a word without Chinese characters is also looked up in the English fields,
     * analyzed there with the English analyzer. A run of Chinese words written together (电动汽车充电, or 电桩, which
     * smartcn cuts into 电 + 桩 because it only knows 充电桩) matches either word by word or as a whole substring
     * of the Chinese text.
     */
    private Query textQuery(String text) throws IOException {
        List<Word> words = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        try (TokenStream tokens = chinese.tokenStream(TITLE_ZH, text)) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = tokens.addAttribute(OffsetAttribute.class);
            tokens.reset();
            while (tokens.incrementToken() && words.size() < MAX_QUERY_TERMS) {
                // A repeated word adds nothing a user meant, only clauses: 100 of them would near Lucene's limit.
                if (seen.add(term.toString())) {
                    words.add(new Word(term.toString(), offset.startOffset(), offset.endOffset()));
                }
            }
            tokens.end();
        }
        if (words.isEmpty()) {
            return new MatchNoDocsQuery("no searchable term");
        }
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        for (List<Word> run : runs(text, words)) {
            BooleanQuery.Builder byWords = new BooleanQuery.Builder();
            for (Word word : run) {
                byWords.add(wordQuery(word.term(), text.substring(word.start(), word.end())), Occur.MUST);
            }
            Query substring = hanSubstring(
                    text.substring(run.get(0).start(), run.get(run.size() - 1).end()));
            if (substring == null) {
                all.add(byWords.build(), Occur.MUST);
            } else {
                BooleanQuery.Builder either = new BooleanQuery.Builder();
                either.add(byWords.build(), Occur.SHOULD);
                either.add(boosted(substring, SUBSTRING_BOOST), Occur.SHOULD);
                all.add(either.build(), Occur.MUST);
            }
        }
        return all.build();
    }

    /** The words in order, those of one unbroken run of Chinese characters together; every other word alone. */
    private static List<List<Word>> runs(String text, List<Word> words) {
        List<List<Word>> runs = new ArrayList<>();
        Word previous = null;
        for (Word word : words) {
            boolean han = text.substring(word.start(), word.end()).codePoints().allMatch(LuceneCatalogIndex::isHan);
            boolean joins = han
                    && previous != null
                    && previous.end() == word.start()
                    && text.substring(previous.start(), previous.end())
                            .codePoints()
                            .allMatch(LuceneCatalogIndex::isHan);
            if (joins) {
                runs.get(runs.size() - 1).add(word);
            } else {
                runs.add(new ArrayList<>(List.of(word)));
            }
            previous = word;
        }
        return runs;
    }

    /** One word in some field: the title over keywords over description, or the English fields for other scripts. */
    private Query wordQuery(String term, String written) throws IOException {
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        any.add(boosted(new TermQuery(new Term(TITLE_ZH, term)), TITLE_BOOST), Occur.SHOULD);
        any.add(boosted(new TermQuery(new Term(KEYWORDS, term)), KEYWORD_BOOST), Occur.SHOULD);
        any.add(boosted(new TermQuery(new Term(DESCRIPTION_ZH, term)), DESCRIPTION_BOOST), Occur.SHOULD);
        if (written.codePoints().noneMatch(LuceneCatalogIndex::isHan)) {
            List<String> englishTerms = analyze(english, TITLE_EN, written);
            if (!englishTerms.isEmpty()) {
                any.add(boosted(allOf(TITLE_EN, englishTerms), TITLE_BOOST), Occur.SHOULD);
                any.add(boosted(allOf(DESCRIPTION_EN, englishTerms), DESCRIPTION_BOOST), Occur.SHOULD);
            }
        }
        return any.build();
    }

    /**
     * {@code word} as a run of Han character pairs in the Chinese text (上海 in 上海市), or null if it has fewer than
     * two Han characters in a row: one character alone is matched as a word or not at all.
     */
    private Query hanSubstring(String word) throws IOException {
        PhraseQuery.Builder phrase = new PhraseQuery.Builder();
        List<String> pairs = new ArrayList<>();
        try (TokenStream tokens = hanPairs.tokenStream(HAN_PAIRS, word)) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute increment = tokens.addAttribute(PositionIncrementAttribute.class);
            tokens.reset();
            int position = -1;
            while (tokens.incrementToken()) {
                position += increment.getPositionIncrement();
                // Code points, not chars: a character outside the BMP (𠮷) is two chars but no pair.
                if (Character.codePointCount(term, 0, term.length()) == 2 && isHan(Character.codePointAt(term, 0))) {
                    pairs.add(term.toString());
                    phrase.add(new Term(HAN_PAIRS, term.toString()), position);
                }
            }
            tokens.end();
        }
        if (pairs.isEmpty()) {
            return null;
        }
        return pairs.size() == 1 ? new TermQuery(new Term(HAN_PAIRS, pairs.get(0))) : phrase.build();
    }

    /**
     * Overlapping pairs of Han characters (上海市 → 上海, 海市), other words as they are. Values of the field are kept
     * far apart, so a pair run never spans the end of one keyword and the start of the next.
     */
    private static final class HanBigrams extends Analyzer {
        @Override
        protected TokenStreamComponents createComponents(String field) {
            Tokenizer source = new StandardTokenizer();
            TokenStream pairs =
                    new CJKBigramFilter(new LowerCaseFilter(new CJKWidthFilter(source)), CJKBigramFilter.HAN);
            return new TokenStreamComponents(source, pairs);
        }

        @Override
        public int getPositionIncrementGap(String field) {
            return 100;
        }
    }

    private static Query allOf(String field, List<String> terms) {
        if (terms.size() == 1) {
            return new TermQuery(new Term(field, terms.get(0)));
        }
        BooleanQuery.Builder every = new BooleanQuery.Builder();
        terms.forEach(term -> every.add(new TermQuery(new Term(field, term)), Occur.MUST));
        return every.build();
    }

    private static Query boosted(Query query, float boost) {
        return boost == 1f ? query : new BoostQuery(query, boost);
    }

    private static List<String> analyze(Analyzer analyzer, String field, String text) throws IOException {
        List<String> terms = new ArrayList<>();
        try (TokenStream tokens = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            tokens.reset();
            while (tokens.incrementToken()) {
                terms.add(term.toString());
            }
            tokens.end();
        }
        return terms;
    }

    private static boolean isHan(int codePoint) {
        return Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.HAN;
    }

    private static Document toLucene(SearchDocument document) {
        Document lucene = new Document();
        lucene.add(new StringField(ID, document.id(), Field.Store.YES));
        lucene.add(new SortedDocValuesField(ID, new BytesRef(document.id())));
        lucene.add(new StoredField(SPACE, document.space()));
        lucene.add(new StoredField(PROVIDER_NAME, document.providerName()));
        lucene.add(new TextField(TITLE_ZH, document.titleZh(), Field.Store.YES));
        lucene.add(new TextField(TITLE_EN, document.titleEn(), Field.Store.YES));
        lucene.add(new TextField(DESCRIPTION_ZH, document.descriptionZh(), Field.Store.YES));
        lucene.add(new TextField(DESCRIPTION_EN, document.descriptionEn(), Field.Store.YES));
        for (String keyword : document.keywords()) {
            lucene.add(new TextField(KEYWORDS, keyword, Field.Store.YES));
        }
        lucene.add(new TextField(HAN_PAIRS, document.titleZh(), Field.Store.NO));
        lucene.add(new TextField(HAN_PAIRS, document.descriptionZh(), Field.Store.NO));
        for (String keyword : document.keywords()) {
            lucene.add(new TextField(HAN_PAIRS, keyword, Field.Store.NO));
        }
        lucene.add(new StringField(POLICY, document.policyKey(), Field.Store.YES));
        lucene.add(new NumericDocValuesField(MODIFIED, document.modified().toEpochMilli()));
        lucene.add(new StoredField(MODIFIED, document.modified().toString()));
        for (Facet facet : Facet.values()) {
            for (String value : facet.valuesOf(document)) {
                lucene.add(new StringField(facet.field(), value, Field.Store.NO));
                lucene.add(new StoredField(STORED + facet.field(), value));
                lucene.add(new SortedSetDocValuesFacetField(facet.field(), value));
            }
        }
        return lucene;
    }

    private static SearchDocument fromLucene(Document stored) {
        return new SearchDocument(
                stored.get(ID),
                stored.get(SPACE),
                stored.get(STORED + Facet.PROVIDER.field()),
                stored.get(PROVIDER_NAME),
                stored.get(TITLE_ZH),
                stored.get(TITLE_EN),
                stored.get(DESCRIPTION_ZH),
                stored.get(DESCRIPTION_EN),
                List.of(stored.getValues(KEYWORDS)),
                stored.get(STORED + Facet.INDUSTRY.field()),
                ClassificationLevel.valueOf(stored.get(STORED + Facet.GRADE.field())),
                List.of(stored.getValues(STORED + Facet.FORMAT.field())),
                stored.get(STORED + Facet.REGION.field()),
                ResourceKind.valueOf(stored.get(STORED + Facet.KIND.field())),
                stored.get(POLICY),
                Instant.parse(stored.get(MODIFIED)));
    }

    private static List<BytesRef> bytes(Collection<String> values) {
        List<BytesRef> bytes = new ArrayList<>(values.size());
        values.forEach(value -> bytes.add(new BytesRef(value)));
        return bytes;
    }

    private void commitAndRefresh() throws IOException {
        writer.commit();
        searchers.maybeRefreshBlocking();
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("the catalog index is closed");
        }
    }
}
