package io.trustspace.catalog.resource;

import static io.trustspace.catalog.resource.Fixtures.dataset;
import static org.assertj.core.api.Assertions.assertThat;

import io.trustspace.catalog.identifier.DataIdentifier;
import io.trustspace.catalog.shacl.ShapeCheck;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class AdmissionChecksTest {

    private static final DataIdentifier LISTED_DATASET =
            DataIdentifier.of(Fixtures.SPACE, Fixtures.PROVIDER, "traffic", 1);

    private final AdmissionChecks checks = new AdmissionChecks();

    private List<Finding> check(ResourceMetadata metadata) {
        return checks.check(ResourceKind.DATASET, metadata, true);
    }

    private static Finding only(List<Finding> findings) {
        assertThat(findings).hasSize(1);
        return findings.get(0);
    }

    @Test
    void completeDataset_passes() {
        assertThat(check(dataset())).isEmpty();
    }

    @Test
    void emptyMetadata_reportsEveryRequiredFieldInOrder() {
        List<Finding> findings = checks.check(ResourceKind.DATASET, ResourceMetadata.empty(), false);
        assertThat(findings)
                .extracting(Finding::field)
                .containsExactly(
                        "title.zh",
                        "title.en",
                        "description.zh",
                        "description.en",
                        "industry",
                        "keywords",
                        "schema",
                        "classification.level",
                        "classification.category",
                        "personalInformation",
                        "updateFrequency",
                        "storageRegion",
                        "storageCountry",
                        "distributions",
                        "dataAddress");
        assertThat(findings).extracting(Finding::rule).containsOnly(Finding.REQUIRED);
    }

    @Test
    void missingEnglishTitle_isRequired() {
        Finding finding = only(check(Fixtures.withTitle(dataset(), LocalizedText.of("交通流量", "  "))));
        assertThat(finding.field()).isEqualTo("title.en");
        assertThat(finding.rule()).isEqualTo(Finding.REQUIRED);
    }

    @Test
    void overlongTitle_breaksLength() {
        String longTitle = "x".repeat(AdmissionChecks.MAX_TITLE_LENGTH + 1);
        Finding finding = only(check(Fixtures.withTitle(dataset(), LocalizedText.of("交通", longTitle))));
        assertThat(finding).isEqualTo(new Finding("title.en", Finding.LENGTH, finding.message()));
    }

    @Test
    void industry_mustBeGbt4754() {
        assertThat(check(Fixtures.withIndustry(dataset(), "54"))).isEmpty();
        assertThat(check(Fixtures.withIndustry(dataset(), "G"))).isEmpty();
        assertThat(only(check(Fixtures.withIndustry(dataset(), "Z99"))).rule()).isEqualTo(Finding.FORMAT);
        assertThat(only(check(Fixtures.withIndustry(dataset(), "98"))).rule()).isEqualTo(Finding.FORMAT);
        Finding contradicting = only(check(Fixtures.withIndustry(dataset(), "A5430")));
        assertThat(contradicting.message()).contains("belongs to section G");
    }

    @Test
    void keywords_duplicateAndTooLong() {
        List<Finding> findings = check(Fixtures.withKeywords(dataset(), List.of("traffic", "Traffic", "k".repeat(51))));
        assertThat(findings)
                .containsExactly(
                        new Finding(
                                "keywords[1]",
                                Finding.DUPLICATE,
                                findings.get(0).message()),
                        new Finding(
                                "keywords[2]", Finding.LENGTH, findings.get(1).message()));
    }

    @Test
    void datasetWithoutSchema_isRequired_butServiceMayHaveNone() {
        assertThat(only(check(Fixtures.withSchema(dataset(), List.of()))).field())
                .isEqualTo("schema");
        ResourceMetadata service = Fixtures.withDistributions(
                Fixtures.withSchema(dataset(), List.of()),
                List.of(new Distribution("OpenAPI 3.1", "application/json", AccessMethod.API)));
        assertThat(checks.check(ResourceKind.DATA_SERVICE, service, true)).isEmpty();
    }

    @Test
    void schema_namesTypesUnitsAndSemanticTagsAreChecked() {
        List<Finding> findings = check(Fixtures.withSchema(
                dataset(),
                List.of(
                        new SchemaField("speed", FieldType.DECIMAL, "km/h", "schema:speed"),
                        new SchemaField("speed", FieldType.DECIMAL, null, null),
                        new SchemaField("1st", null, " ", "not a tag"),
                        new SchemaField(null, FieldType.STRING, null, null))));
        assertThat(findings)
                .extracting(finding -> finding.field() + " " + finding.rule())
                .containsExactly(
                        "schema[1].name duplicate",
                        "schema[2].name format",
                        "schema[2].type required",
                        "schema[2].unit format",
                        "schema[2].semanticTag format",
                        "schema[3].name required");
    }

    @Test
    void classification_mustBePresent() {
        assertThat(check(Fixtures.withClassification(dataset(), null)))
                .extracting(Finding::field)
                .containsExactly("classification.level", "classification.category");
        Finding noCategory = only(check(
                Fixtures.withClassification(dataset(), new Classification(ClassificationLevel.GENERAL, " ", null))));
        assertThat(noCategory.field()).isEqualTo("classification.category");
    }

    @Test
    void coreData_cannotBeListedForSharing() {
        Finding finding = only(check(Fixtures.withClassification(
                dataset(), new Classification(ClassificationLevel.CORE, "能源/电网调度", "评估-2026-001"))));
        assertThat(finding.field()).isEqualTo("classification.level");
        assertThat(finding.rule()).isEqualTo(Finding.CORE_DATA);
    }

    @Test
    void importantData_needsSecurityAssessment() {
        Finding finding = only(check(Fixtures.withClassification(
                dataset(), new Classification(ClassificationLevel.IMPORTANT, "交通运输/车辆轨迹", null))));
        assertThat(finding.field()).isEqualTo("classification.securityAssessment");
        assertThat(finding.rule()).isEqualTo(Finding.SECURITY_ASSESSMENT);
        assertThat(check(Fixtures.withClassification(
                        dataset(), new Classification(ClassificationLevel.IMPORTANT, "交通运输/车辆轨迹", "沪网信评〔2026〕12号"))))
                .isEmpty();
    }

    @Test
    void personalInformation_needsLegalBasis() {
        Finding finding = only(check(Fixtures.withPersonalInformation(dataset(), new PersonalInformation(true, null))));
        assertThat(finding.field()).isEqualTo("personalInformation.legalBasis");
        assertThat(finding.rule()).isEqualTo(Finding.LEGAL_BASIS);
        assertThat(check(
                        Fixtures.withPersonalInformation(dataset(), PersonalInformation.contained(LegalBasis.CONSENT))))
                .isEmpty();
        assertThat(only(check(Fixtures.withPersonalInformation(dataset(), null)))
                        .rule())
                .isEqualTo(Finding.REQUIRED);
    }

    @Test
    void temporalCoverage_endingBeforeItStarts_isOutOfRange() {
        Finding finding = only(check(Fixtures.withTemporal(
                dataset(), new TemporalCoverage(LocalDate.parse("2026-01-02"), LocalDate.parse("2026-01-01")))));
        assertThat(finding.rule()).isEqualTo(Finding.RANGE);
    }

    @Test
    void storageCountry_isIso3166Alpha2() {
        assertThat(only(check(Fixtures.withStorage(dataset(), "310000", "China")))
                        .rule())
                .isEqualTo(Finding.FORMAT);
        assertThat(only(check(Fixtures.withStorage(dataset(), null, "CN"))).field())
                .isEqualTo("storageRegion");
    }

    @Test
    void distribution_needsFormatAndAccessMethod() {
        List<Finding> findings =
                check(Fixtures.withDistributions(dataset(), List.of(new Distribution(null, "text/csv", null))));
        assertThat(findings)
                .extracting(Finding::field)
                .containsExactly("distributions[0].format", "distributions[0].accessMethod");
    }

    @Test
    void dataService_needsAnApiDistribution() {
        Finding finding = only(checks.check(ResourceKind.DATA_SERVICE, dataset(), true));
        assertThat(finding.rule()).isEqualTo(Finding.ACCESS_METHOD);
    }

    @Test
    void dataProduct_namesVersionedDatasets() {
        assertThat(only(checks.check(ResourceKind.DATA_PRODUCT, dataset(), true))
                        .rule())
                .isEqualTo(Finding.BASED_ON);
        assertThat(only(checks.check(
                                ResourceKind.DATA_PRODUCT,
                                Fixtures.withBasedOn(dataset(), List.of(LISTED_DATASET.unversioned())),
                                true))
                        .field())
                .isEqualTo("basedOn[0]");
        assertThat(checks.check(
                        ResourceKind.DATA_PRODUCT, Fixtures.withBasedOn(dataset(), List.of(LISTED_DATASET)), true))
                .isEmpty();
        assertThat(only(checks.check(
                                ResourceKind.DATASET, Fixtures.withBasedOn(dataset(), List.of(LISTED_DATASET)), true))
                        .rule())
                .isEqualTo(Finding.BASED_ON);
    }

    @Test
    void dataAddress_isRequiredForSubmission() {
        Finding finding = only(checks.check(ResourceKind.DATASET, dataset(), false));
        assertThat(finding.field()).isEqualTo("dataAddress");
    }

    @Test
    void oversizedSample_breaksLength() {
        ResourceMetadata m = dataset();
        ResourceMetadata big = new ResourceMetadata(
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
                new Sample("text/csv", "x".repeat(AdmissionChecks.MAX_SAMPLE_LENGTH + 1)),
                m.distributions(),
                m.basedOn());
        assertThat(only(check(big)).field()).isEqualTo("sample.content");
    }

    @Test
    void extraChecks_findingsAreAppendedInOrder() {
        MetadataCheck first = (kind, metadata) -> List.of(new Finding("industry", "extra-1", "first " + kind));
        MetadataCheck second = (kind, metadata) -> List.of(new Finding("title", "extra-2", "second"));
        AdmissionChecks extended = new AdmissionChecks(List.of(first, second));

        assertThat(extended.check(ResourceKind.DATASET, dataset(), true))
                .containsExactly(
                        new Finding("industry", "extra-1", "first DATASET"), new Finding("title", "extra-2", "second"));
        assertThat(extended.check(ResourceKind.DATASET, dataset(), false))
                .extracting(Finding::rule)
                .containsExactly(Finding.REQUIRED, "extra-1", "extra-2");
        assertThat(new AdmissionChecks(List.of()).check(ResourceKind.DATASET, dataset(), true))
                .isEmpty();
    }

    @Test
    void shapeCheck_wiredIn_addsItsFindings() {
        AdmissionChecks withShapes = new AdmissionChecks(List.of(new ShapeCheck()));
        assertThat(withShapes.check(ResourceKind.DATASET, dataset(), true)).isEmpty();

        // A media type that is not type/subtype: only the shapes look at it.
        ResourceMetadata badMediaType = Fixtures.withDistributions(
                dataset(), List.of(new Distribution("CSV", "text csv", AccessMethod.DOWNLOAD)));
        assertThat(check(badMediaType)).isEmpty();
        assertThat(withShapes.check(ResourceKind.DATASET, badMediaType, true))
                .containsExactly(new Finding(
                        "distributions[0].mediaType", ShapeCheck.RULE, "a media type is type/subtype, e.g. text/csv"));

        // Built-in findings first, then the shapes' findings for the same fault.
        List<Finding> findings = withShapes.check(
                ResourceKind.DATASET,
                Fixtures.withPersonalInformation(dataset(), new PersonalInformation(true, null)),
                true);
        assertThat(findings)
                .extracting(finding -> finding.field() + " " + finding.rule())
                .containsExactly(
                        "personalInformation.legalBasis " + Finding.LEGAL_BASIS,
                        "personalInformation.legalBasis " + ShapeCheck.RULE);
    }

    @Test
    void describe_joinsFindings() {
        assertThat(Finding.describe(List.of(
                        new Finding("a", Finding.REQUIRED, "give a"), new Finding("b", Finding.FORMAT, "fix b"))))
                .isEqualTo("a [required] give a; b [format] fix b");
    }
}
