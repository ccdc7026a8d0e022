package io.trustspace.catalog.conversion;

import io.trustspace.catalog.resource.LocalizedText;
import io.trustspace.catalog.resource.ResourceMetadata;
import io.trustspace.catalog.resource.TemporalCoverage;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Objects;

/**
 * A dataset description as the converters exchange it: the common ground of CSV inference, JSON Schema, CKAN and
 * DCAT-AP, with what those carry and {@link ResourceMetadata} does not (field titles, nullability and examples, free-text
 * periods, publisher, licence, access URLs). {@link #toMetadata()} maps it to a draft's metadata. Optional strings are {@code null} when absent; lists are
 * copied and never {@code null}. Immutable and thread-safe.
 *
 * @param title the title, at least one language present
 * @param description the description, possibly empty (neither language)
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
        List<DistributionLink> distributions) {

    public DescribedDataset {
        Objects.requireNonNull(title, "title");
        if (LocalizedTexts.isEmpty(title)) {
            throw new IllegalArgumentException("title has neither a Chinese nor an English text");
        }
        description = description == null ? LocalizedTexts.EMPTY : description;
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

    /**
     * The metadata of a draft resource as far as this description says it: title, description, keywords, the schema
     * (fields as {@link FieldDescription#toSchemaField()}), the period when {@code temporal} is a {@code start/end}
     * interval of ISO dates or date-times (times are dropped; free text is not mapped), the spatial coverage and the
     * distributions without their access URLs. Industry, classification, personal information, update frequency and
     * storage location are left for the provider to state.
     */
    public ResourceMetadata toMetadata() {
        return new ResourceMetadata(
                title,
                description,
                null,
                keywords,
                null,
                null,
                fields.stream().map(FieldDescription::toSchemaField).toList(),
                temporalCoverage(temporal),
                spatial,
                null,
                null,
                null,
                null,
                distributions.stream().map(DistributionLink::distribution).toList(),
                null);
    }

    private static TemporalCoverage temporalCoverage(String interval) {
        if (interval == null) {
            return null;
        }
        String[] parts = interval.split("/", -1);
        if (parts.length != 2 || parts[0].equals("..")) {
            return null;
        }
        try {
            LocalDate start = date(parts[0]);
            LocalDate end = parts[1].equals("..") ? null : date(parts[1]);
            return new TemporalCoverage(start, end);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static LocalDate date(String dateOrDateTime) {
        return LocalDate.parse(dateOrDateTime.length() > 10 ? dateOrDateTime.substring(0, 10) : dateOrDateTime);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
