package io.trustspace.app.catalog;

import io.trustspace.catalog.search.Facet;
import io.trustspace.catalog.search.FacetCount;
import io.trustspace.catalog.search.SearchDocument;
import io.trustspace.catalog.search.SearchHit;
import io.trustspace.catalog.search.SearchPage;
import io.trustspace.catalog.search.SearchQuery;
import io.trustspace.common.Result;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The search API's JSON: {@code {"q": "充电", "filters": {"industry": ["D4430"]}, "page": 0, "size": 20}} in, a page
 * of hits with facet counts out.
 */
final class SearchJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Set<String> MEMBERS = Set.of("q", "filters", "page", "size");

    private SearchJson() {}

    static Result<SearchQuery> query(JsonNode body) {
        if (body == null || !body.isObject()) {
            return Result.invalid("the body must be a JSON object like {\"q\": \"充电\"}");
        }
        Iterator<String> names = body.propertyNames().iterator();
        while (names.hasNext()) {
            String name = names.next();
            if (!MEMBERS.contains(name)) {
                return Result.invalid("unknown member '" + name + "'; expected " + MEMBERS);
            }
        }
        JsonNode q = body.get("q");
        if (q != null && !q.isNull() && !q.isString()) {
            return Result.invalid("q must be a string");
        }
        Map<Facet, Set<String>> filters = new EnumMap<>(Facet.class);
        JsonNode filterNode = body.get("filters");
        if (filterNode != null && !filterNode.isNull()) {
            if (!filterNode.isObject()) {
                return Result.invalid("filters must be an object of facet → values");
            }
            for (Map.Entry<String, JsonNode> entry : filterNode.properties()) {
                Facet facet;
                try {
                    facet = Facet.valueOf(entry.getKey().toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    return Result.invalid(
                            "filters." + entry.getKey() + ": no such facet; facets are " + List.of(Facet.values()));
                }
                if (!entry.getValue().isArray()) {
                    return Result.invalid("filters." + entry.getKey() + " must be an array of strings");
                }
                Set<String> values = new HashSet<>();
                for (JsonNode value : entry.getValue()) {
                    if (!value.isString()) {
                        return Result.invalid("filters." + entry.getKey() + " must be an array of strings");
                    }
                    values.add(value.stringValue());
                }
                filters.put(facet, values);
            }
        }
        Result<Integer> page = integer(body.get("page"), "page", 0);
        Result<Integer> size = integer(body.get("size"), "size", SearchQuery.DEFAULT_SIZE);
        if (page instanceof Result.Failure<Integer> failure) {
            return failure.cast();
        }
        if (size instanceof Result.Failure<Integer> failure) {
            return failure.cast();
        }
        return SearchQuery.of(
                q == null || q.isNull() ? null : q.stringValue(), filters, page.orElseThrow(), size.orElseThrow());
    }

    private static Result<Integer> integer(JsonNode node, String name, int fallback) {
        if (node == null || node.isNull()) {
            return Result.ok(fallback);
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            return Result.invalid(name + " must be an integer");
        }
        return Result.ok(node.intValue());
    }

    static ObjectNode page(SearchPage page) {
        ObjectNode node = NODES.objectNode();
        node.put("total", page.total());
        node.put("page", page.page());
        node.put("size", page.size());
        ArrayNode hits = node.putArray("hits");
        for (SearchHit hit : page.hits()) {
            SearchDocument document = hit.document();
            ObjectNode h = hits.addObject();
            h.put("identifier", hit.id());
            h.put("score", hit.score());
            h.put("space", document.space());
            h.put("provider", document.provider());
            h.put("kind", document.kind().name());
            h.putObject("title").put("zh", document.titleZh()).put("en", document.titleEn());
            h.putObject("description").put("zh", document.descriptionZh()).put("en", document.descriptionEn());
            ArrayNode keywords = h.putArray("keywords");
            document.keywords().forEach(keywords::add);
            h.put("industry", document.industry());
            h.put("grade", document.grade().name());
            ArrayNode formats = h.putArray("formats");
            document.formats().forEach(formats::add);
            h.put("region", document.region());
        }
        ObjectNode facets = node.putObject("facets");
        for (Map.Entry<Facet, List<FacetCount>> facet : page.facets().entrySet()) {
            ArrayNode counts = facets.putArray(facet.getKey().name().toLowerCase(Locale.ROOT));
            for (FacetCount count : facet.getValue()) {
                counts.addObject().put("value", count.value()).put("count", count.count());
            }
        }
        return node;
    }
}
