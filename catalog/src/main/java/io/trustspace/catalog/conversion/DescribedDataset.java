package io.trustspace.catalog.conversion;

import java.util.List;
import java.util.Objects;

/**
 * A dataset description as the converters exchange it: the common ground of CSV inference, JSON Schema, CKAN and
 * DCAT-AP. The catalog maps it to its own resource metadata. Optional strings are {@code null} when absent; lists are
 * copied and never {@code null}. Immutable and thread-safe.
 *
 * @param title the title, at least one language present
 * @param description the description, possibly {@link LocalizedText#EMPTY}
 * @param keywords keywords (tags), in order, without duplicates or blanks
 * @param format the format of the data as a whole (e.g. {@code CSV}), or {@code null}
 * @param fields the field schema, possibly empty
 * @param temporal the period covered, an ISO 8601 interval {@code start/end} or free text, or {@code null}
 * @param spatial the area covered (a place name or IRI), or {@code null}
 * @param publisher the publisher's name, or {@code null}
 * @param license the licence (an IRI or name), or {@code null}
 * @param distributions the distributions, possibly empty
 */
public record DescribedDataset(
        LocalizedText title,
        LocalizedText description,
        List<String> keywords,
        String format,
        List<FieldDescription> fields,
        String temporal,
        String spatial,
        String publisher,
        String license,
        List<Distribution> distributions) {

    public DescribedDataset {
        Objects.requireNonNull(title, "title");
        if (title.isEmpty()) {
            throw new IllegalArgumentException("title has neither a Chinese nor an English text");
        }
        description = description == null ? LocalizedText.EMPTY : description;
        keywords = keywords == null
                ? List.of()
                : keywords.stream()
                        .filter(k -> k != null && !k.isBlank())
                        .map(String::strip)
                        .distinct()
                        .toList();
        fields = fields == null ? List.of() : List.copyOf(fields);
        distributions = distributions == null ? List.of() : List.copyOf(distributions);
        format = blankToNull(format);
        temporal = blankToNull(temporal);
        spatial = blankToNull(spatial);
        publisher = blankToNull(publisher);
        license = blankToNull(license);
    }

    /** This description with the given field schema. */
    public DescribedDataset withFields(List<FieldDescription> newFields) {
        return new DescribedDataset(
                title, description, keywords, format, newFields, temporal, spatial, publisher, license, distributions);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
