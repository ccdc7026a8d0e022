package io.trustspace.catalog.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trustspace.common.Result;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SearchQueryTest {

    @Test
    void sizeAndPage_areBounded() {
        assertThat(reason(SearchQuery.of("x", null, 0, 0))).isEqualTo("size must be between 1 and 100, not 0");
        assertThat(reason(SearchQuery.of("x", null, 0, 101))).isEqualTo("size must be between 1 and 100, not 101");
        assertThat(reason(SearchQuery.of("x", null, -1, 20))).isEqualTo("page must be 0 or more, not -1");
        assertThat(reason(SearchQuery.of("x", null, 500, 20))).contains("beyond the first 10000 results");
        assertThat(SearchQuery.of("x", null, 499, 20).isOk()).isTrue();
        assertThat(SearchQuery.of("x", null, 0, 100).isOk()).isTrue();
    }

    @Test
    void text_isAtMost200Characters() {
        assertThat(SearchQuery.of("充".repeat(200), null, 0, 20).isOk()).isTrue();
        assertThat(reason(SearchQuery.of("充".repeat(201), null, 0, 20)))
                .isEqualTo("text must be at most 200 characters");
        assertThat(SearchQuery.of("  " + "a".repeat(200) + "  ", null, 0, 20)
                        .orElseThrow()
                        .text())
                .hasSize(200);
    }

    @Test
    void filterValues_mustNotBeBlank() {
        assertThat(reason(SearchQuery.of("", Map.of(Facet.REGION, Set.of(" ")), 0, 20)))
                .isEqualTo("filter values must not be blank (region)");
    }

    @Test
    void constructor_enforcesTheSameRules() {
        assertThatThrownBy(() -> SearchQuery.text("x").atPage(0, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("size must be between 1 and 100, not 0");
    }

    @Test
    void nullTextAndFilters_meanNone_andEmptyFilterSetsAreDropped() {
        SearchQuery query =
                SearchQuery.of(null, Map.of(Facet.FORMAT, Set.of()), 0, 20).orElseThrow();

        assertThat(query.isBlank()).isTrue();
        assertThat(query.filters()).isEmpty();
        assertThat(query.size()).isEqualTo(SearchQuery.DEFAULT_SIZE);
    }

    private static String reason(Result<SearchQuery> result) {
        assertThat(result).isInstanceOf(Result.Failure.class);
        Result.Failure<SearchQuery> failure = (Result.Failure<SearchQuery>) result;
        assertThat(failure.kind()).isEqualTo(Result.Kind.INVALID);
        return failure.reason();
    }
}
