package io.trustspace.catalog.resource;

import java.time.LocalDate;
import java.util.List;

/** Complete, valid metadata to start from; tests break one thing at a time. */
final class Fixtures {

    static final String SPACE = "ts.example.cn";
    static final String PROVIDER = "urn:trustspace:participant:0b6f6c2e-9a39-4a51-9d0e-3b5a8f1f6a11";
    static final String OTHER_PROVIDER = "urn:trustspace:participant:5d3c1e0a-1111-4b2b-8c3c-000000000002";
    static final DataAddress ADDRESS = new DataAddress(
            "s3", "s3://secret-bucket.internal/traffic/2026/", java.util.Map.of("credentialsRef", "vault:kv/traffic"));

    private Fixtures() {}

    static ResourceMetadata dataset() {
        return new ResourceMetadata(
                LocalizedText.of("上海市道路交通流量", "Shanghai road traffic flow"),
                LocalizedText.of("主要道路每五分钟的车流量与平均车速。", "Vehicle counts and mean speed per 5 minutes."),
                "G5430",
                List.of("交通", "traffic"),
                Classification.general("交通运输/道路流量"),
                PersonalInformation.none(),
                List.of(
                        new SchemaField("road_id", FieldType.STRING, null, "schema:identifier"),
                        new SchemaField(
                                "observed_at", FieldType.DATE_TIME, null, "http://www.w3.org/ns/sosa/resultTime"),
                        new SchemaField("speed", FieldType.DECIMAL, "km/h", "schema:speed")),
                new TemporalCoverage(LocalDate.parse("2025-01-01"), null),
                "310000",
                UpdateFrequency.CONTINUOUS,
                "310000",
                "CN",
                new Sample("text/csv", "road_id,observed_at,speed\nR1,2026-01-01T08:00:00+08:00,42.5\n"),
                List.of(new Distribution("CSV", "text/csv", AccessMethod.DOWNLOAD)),
                List.of());
    }

    static ResourceMetadata withClassification(ResourceMetadata m, Classification classification) {
        return new ResourceMetadata(
                m.title(),
                m.description(),
                m.industry(),
                m.keywords(),
                classification,
                m.personalInformation(),
                m.schema(),
                m.temporalCoverage(),
                m.spatialCoverage(),
                m.updateFrequency(),
                m.storageRegion(),
                m.storageCountry(),
                m.sample(),
                m.distributions(),
                m.basedOn());
    }

    static ResourceMetadata withPersonalInformation(ResourceMetadata m, PersonalInformation pi) {
        return new ResourceMetadata(
                m.title(),
                m.description(),
                m.industry(),
                m.keywords(),
                m.classification(),
                pi,
                m.schema(),
                m.temporalCoverage(),
                m.spatialCoverage(),
                m.updateFrequency(),
                m.storageRegion(),
                m.storageCountry(),
                m.sample(),
                m.distributions(),
                m.basedOn());
    }

    static ResourceMetadata withSchema(ResourceMetadata m, List<SchemaField> schema) {
        return new ResourceMetadata(
                m.title(),
                m.description(),
                m.industry(),
                m.keywords(),
                m.classification(),
                m.personalInformation(),
                schema,
                m.temporalCoverage(),
                m.spatialCoverage(),
                m.updateFrequency(),
                m.storageRegion(),
                m.storageCountry(),
                m.sample(),
                m.distributions(),
                m.basedOn());
    }

    static ResourceMetadata withDistributions(ResourceMetadata m, List<Distribution> distributions) {
        return new ResourceMetadata(
                m.title(),
                m.description(),
                m.industry(),
                m.keywords(),
                m.classification(),
                m.personalInformation(),
                m.schema(),
                m.temporalCoverage(),
                m.spatialCoverage(),
                m.updateFrequency(),
                m.storageRegion(),
                m.storageCountry(),
                m.sample(),
                distributions,
                m.basedOn());
    }

    static ResourceMetadata withBasedOn(
            ResourceMetadata m, List<io.trustspace.catalog.identifier.DataIdentifier> basedOn) {
        return new ResourceMetadata(
                m.title(),
                m.description(),
                m.industry(),
                m.keywords(),
                m.classification(),
                m.personalInformation(),
                m.schema(),
                m.temporalCoverage(),
                m.spatialCoverage(),
                m.updateFrequency(),
                m.storageRegion(),
                m.storageCountry(),
                m.sample(),
                m.distributions(),
                basedOn);
    }

    static ResourceMetadata withIndustry(ResourceMetadata m, String industry) {
        return new ResourceMetadata(
                m.title(),
                m.description(),
                industry,
                m.keywords(),
                m.classification(),
                m.personalInformation(),
                m.schema(),
                m.temporalCoverage(),
                m.spatialCoverage(),
                m.updateFrequency(),
                m.storageRegion(),
                m.storageCountry(),
                m.sample(),
                m.distributions(),
                m.basedOn());
    }

    static ResourceMetadata withTitle(ResourceMetadata m, LocalizedText title) {
        return new ResourceMetadata(
                title,
                m.description(),
                m.industry(),
                m.keywords(),
                m.classification(),
                m.personalInformation(),
                m.schema(),
                m.temporalCoverage(),
                m.spatialCoverage(),
                m.updateFrequency(),
                m.storageRegion(),
                m.storageCountry(),
                m.sample(),
                m.distributions(),
                m.basedOn());
    }

    static ResourceMetadata withTemporal(ResourceMetadata m, TemporalCoverage coverage) {
        return new ResourceMetadata(
                m.title(),
                m.description(),
                m.industry(),
                m.keywords(),
                m.classification(),
                m.personalInformation(),
                m.schema(),
                coverage,
                m.spatialCoverage(),
                m.updateFrequency(),
                m.storageRegion(),
                m.storageCountry(),
                m.sample(),
                m.distributions(),
                m.basedOn());
    }

    static ResourceMetadata withStorage(ResourceMetadata m, String region, String country) {
        return new ResourceMetadata(
                m.title(),
                m.description(),
                m.industry(),
                m.keywords(),
                m.classification(),
                m.personalInformation(),
                m.schema(),
                m.temporalCoverage(),
                m.spatialCoverage(),
                m.updateFrequency(),
                region,
                country,
                m.sample(),
                m.distributions(),
                m.basedOn());
    }

    static ResourceMetadata withKeywords(ResourceMetadata m, List<String> keywords) {
        return new ResourceMetadata(
                m.title(),
                m.description(),
                m.industry(),
                keywords,
                m.classification(),
                m.personalInformation(),
                m.schema(),
                m.temporalCoverage(),
                m.spatialCoverage(),
                m.updateFrequency(),
                m.storageRegion(),
                m.storageCountry(),
                m.sample(),
                m.distributions(),
                m.basedOn());
    }
}
