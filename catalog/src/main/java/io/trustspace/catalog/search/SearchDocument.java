package io.trustspace.catalog.search;

import io.trustspace.catalog.resource.ClassificationLevel;
import io.trustspace.catalog.resource.ResourceKind;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What the catalog search indexes of one listed resource: its searchable text in Chinese and English, its facet
 * values and the key of its access policy. Built from the catalog store; the index is a projection of it.
 *
 * @param id the unique key: the data identifier, e.g. {@code cn.demo/91110105MA01C3D718/ev-charging@1}
 * @param space the space prefix of the identifier
 * @param provider the providing participant's id (facet {@link Facet#PROVIDER})
 * @param providerName the provider's display name (stored, not searched)
 * @param titleZh the Chinese title, may be empty
 * @param titleEn the English title, may be empty
 * @param descriptionZh the Chinese description, may be empty
 * @param descriptionEn the English description, may be empty
 * @param keywords keywords in either language
 * @param industry the GB/T 4754 industry code, e.g. {@code D4430} (facet {@link Facet#INDUSTRY})
 * @param grade the data level (facet {@link Facet#GRADE})
 * @param formats the media types of the distributions (facet {@link Facet#FORMAT})
 * @param region the ISO 3166-2 region, e.g. {@code CN-31} (facet {@link Facet#REGION})
 * @param kind the resource kind (facet {@link Facet#KIND})
 * @param policyKey an opaque key naming the document's access policy; many documents share one, and a caller sees
 *     a document only if its key is among the caller's visible keys (see {@link CatalogIndex#search})
 * @param modified when the resource last changed (orders results of a blank query, newest first)
 */
public record SearchDocument(
        String id,
        String space,
        String provider,
        String providerName,
        String titleZh,
        String titleEn,
        String descriptionZh,
        String descriptionEn,
        List<String> keywords,
        String industry,
        ClassificationLevel grade,
        List<String> formats,
        String region,
        ResourceKind kind,
        String policyKey,
        Instant modified) {

    public SearchDocument {
        requireNonBlank(id, "id");
        requireNonBlank(space, "space");
        requireNonBlank(provider, "provider");
        providerName = Objects.requireNonNullElse(providerName, "");
        titleZh = Objects.requireNonNullElse(titleZh, "");
        titleEn = Objects.requireNonNullElse(titleEn, "");
        descriptionZh = Objects.requireNonNullElse(descriptionZh, "");
        descriptionEn = Objects.requireNonNullElse(descriptionEn, "");
        keywords = List.copyOf(Objects.requireNonNullElse(keywords, List.of()));
        requireNonBlank(industry, "industry");
        Objects.requireNonNull(grade, "grade");
        formats = List.copyOf(Objects.requireNonNullElse(formats, List.of()));
        formats.forEach(format -> requireNonBlank(format, "format"));
        requireNonBlank(region, "region");
        Objects.requireNonNull(kind, "kind");
        requireNonBlank(policyKey, "policyKey");
        Objects.requireNonNull(modified, "modified");
    }

    private static void requireNonBlank(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }
}
