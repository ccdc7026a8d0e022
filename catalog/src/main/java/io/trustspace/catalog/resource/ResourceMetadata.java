package io.trustspace.catalog.resource;

import io.trustspace.catalog.identifier.DataIdentifier;
import java.util.List;

/**
 * What a provider says about a resource, after DCAT 3 and the additions. Parts may be missing (null, or an
 * empty list) while the resource is a draft; {@link AdmissionChecks} decides what a submission needs. Lists are
 * copied (null becomes empty). The data address is not here: see {@link DataAddress}. Immutable.
 *
 * @param title {@code dct:title}, zh and en
 * @param description {@code dct:description}, zh and en
 * @param industry GB/T 4754-2017 industry code (section letter and/or 2–4 digits, e.g. {@code G5430} or {@code 54})
 * @param keywords {@code dcat:keyword}
 * @param classification GB/T 43697-2024 level, category and security assessment reference
 * @param personalInformation whether personal information is held, and the legal basis
 * @param schema the fields of the data (required for datasets)
 * @param temporalCoverage {@code dct:temporal}
 * @param spatialCoverage {@code dct:spatial}: a GB/T 2260 division code or place name
 * @param updateFrequency {@code dct:accrualPeriodicity}
 * @param storageRegion where the data is stored: a region (e.g. {@code 310000} or {@code 上海})
 * @param storageCountry where the data is stored: ISO 3166-1 alpha-2 country code ({@code CN})
 * @param sample a small shareable sample
 * @param distributions {@code dcat:distribution}
 * @param basedOn for a data product: the datasets it is built on
 */
public record ResourceMetadata(
        LocalizedText title,
        LocalizedText description,
        String industry,
        List<String> keywords,
        Classification classification,
        PersonalInformation personalInformation,
        List<SchemaField> schema,
        TemporalCoverage temporalCoverage,
        String spatialCoverage,
        UpdateFrequency updateFrequency,
        String storageRegion,
        String storageCountry,
        Sample sample,
        List<Distribution> distributions,
        List<DataIdentifier> basedOn) {

    public ResourceMetadata {
        keywords = copy(keywords);
        schema = copy(schema);
        distributions = copy(distributions);
        basedOn = copy(basedOn);
    }

    /** Nothing said yet: the metadata of a fresh draft. */
    public static ResourceMetadata empty() {
        return new ResourceMetadata(
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    /** Only a title: what seeded assets of test and interop runs carry. */
    public static ResourceMetadata titled(LocalizedText title) {
        return new ResourceMetadata(
                title, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    /** {@link List#copyOf} that keeps null entries out of sight of the checks by refusing them (a caller's bug). */
    private static <T> List<T> copy(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }
}
