package io.trustspace.app.catalog;

import io.trustspace.app.catalog.HarvestStore.Harvested;
import io.trustspace.catalog.resource.ClassificationLevel;
import io.trustspace.catalog.resource.ResourceJson;
import io.trustspace.catalog.resource.ResourceKind;
import io.trustspace.catalog.resource.ResourceMetadata;
import io.trustspace.catalog.search.CatalogIndex;
import io.trustspace.catalog.search.SearchDocument;
import io.trustspace.catalog.search.SearchPage;
import io.trustspace.catalog.search.SearchQuery;
import io.trustspace.common.Result;
import io.trustspace.identity.auth.VerifiedCaller;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;

/**
 * The operator's resource directory (资源目录): full-text search with facets over everything harvested, each caller
 * seeing only what the resources' access policies let it see. Each distinct access policy is decided once per
 * search and the index filters on the permitted policy keys (ADR 0006), so visibility costs no per-hit work and
 * facet counts never leak hidden resources.
 */
public final class CatalogSearch {

    private final CatalogIndex index;
    private final AccessPolicies access;

    public CatalogSearch(CatalogIndex index, AccessPolicies access) {
        this.index = index;
        this.access = access;
    }

    /** A caller's search: {@code caller} empty is anonymous (public resources only). */
    public SearchPage search(SearchQuery query, Optional<VerifiedCaller> caller) {
        return index.search(query, access.visibleKeys(caller));
    }

    /** The operator's staff and regulators search everything. */
    public SearchPage searchAll(SearchQuery query) {
        return index.search(query, access.allKeys());
    }

    /** Indexes harvested datasets; those that cannot be indexed (no identifier, incomplete metadata) are skipped. */
    public int index(Collection<Harvested> harvested) {
        List<SearchDocument> documents = new ArrayList<>();
        for (Harvested dataset : harvested) {
            document(dataset).ifPresent(documents::add);
        }
        index.upsert(documents);
        return documents.size();
    }

    public void remove(Collection<String> identifiers) {
        index.remove(identifiers);
    }

    public long size() {
        return index.size();
    }

    Optional<SearchDocument> document(Harvested dataset) {
        Result<String> policyKey = access.register(dataset.accessPolicy());
        if (!(policyKey instanceof Result.Ok<String> key)) {
            return Optional.empty();
        }
        JsonNode metadataJson =
                dataset.document().path(DspCatalogJson.TS_CATALOG + "metadata").path("@value");
        Result<ResourceMetadata> read = ResourceJson.readMetadata(metadataJson);
        if (!(read instanceof Result.Ok<ResourceMetadata> ok) || ok.value().classification() == null) {
            return Optional.empty();
        }
        ResourceMetadata metadata = ok.value();
        ResourceKind kind;
        try {
            kind = ResourceKind.valueOf(
                    dataset.document().path(DspCatalogJson.TS_CATALOG + "kind").asString("DATASET"));
        } catch (IllegalArgumentException e) {
            kind = ResourceKind.DATASET;
        }
        ClassificationLevel grade = metadata.classification().level();
        List<String> formats = metadata.distributions().stream()
                .flatMap(d -> Stream.of(d.mediaType(), d.format())
                        .filter(Objects::nonNull)
                        .limit(1))
                .distinct()
                .toList();
        return Optional.of(new SearchDocument(
                dataset.identifier(),
                dataset.space(),
                dataset.provider(),
                dataset.provider(),
                metadata.title() == null ? null : metadata.title().zh(),
                metadata.title() == null ? null : metadata.title().en(),
                metadata.description() == null ? null : metadata.description().zh(),
                metadata.description() == null ? null : metadata.description().en(),
                metadata.keywords(),
                orUnknown(metadata.industry()),
                grade,
                formats,
                orUnknown(metadata.storageRegion() != null ? metadata.storageRegion() : metadata.spatialCoverage()),
                kind,
                key.value(),
                dataset.harvestedAt()));
    }

    private static String orUnknown(String value) {
        return value == null || value.isBlank() ? "unknown" : value;
    }
}
