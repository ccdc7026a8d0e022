package io.trustspace.catalog.shacl;

import static org.assertj.core.api.Assertions.assertThat;

import io.trustspace.catalog.identifier.DataIdentifier;
import io.trustspace.catalog.resource.AccessMethod;
import io.trustspace.catalog.resource.Classification;
import io.trustspace.catalog.resource.ClassificationLevel;
import io.trustspace.catalog.resource.Distribution;
import io.trustspace.catalog.resource.FieldType;
import io.trustspace.catalog.resource.Finding;
import io.trustspace.catalog.resource.LegalBasis;
import io.trustspace.catalog.resource.LocalizedText;
import io.trustspace.catalog.resource.PersonalInformation;
import io.trustspace.catalog.resource.ResourceKind;
import io.trustspace.catalog.resource.ResourceMetadata;
import io.trustspace.catalog.resource.SchemaField;
import io.trustspace.catalog.resource.TemporalCoverage;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.jena.graph.Graph;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.DCTerms;
import org.junit.jupiter.api.Test;

class ShapeCheckTest {

    private static final DataIdentifier TRAFFIC_V1 = DataIdentifier.of(
            "ts.example.cn", "urn:trustspace:participant:0b6f6c2e-9a39-4a51-9d0e-3b5a8f1f6a11", "traffic", 1);

    private static final ShapeCheck SHAPES = new ShapeCheck();

    private static List<Finding> check(ResourceMetadata metadata) {
        return SHAPES.check(ResourceKind.DATASET, metadata);
    }

    /** The fields named by the findings; every finding must carry the shape rule. */
    private static List<String> fields(List<Finding> findings) {
        assertThat(findings).extracting(Finding::rule).containsOnly(ShapeCheck.RULE);
        return findings.stream().map(Finding::field).toList();
    }

    @Test
    void shapesFile_parses() {
        Graph shapes = ShapeCheck.loadShapes();
        assertThat(shapes.size()).isGreaterThan(100);
        assertThat(SHAPES.shapeCount()).isGreaterThanOrEqualTo(8);
    }

    @Test
    void completeResources_haveNoShapeFindings() {
        assertThat(check(Fixture.dataset())).isEmpty();
        assertThat(SHAPES.check(
                        ResourceKind.DATA_PRODUCT,
                        Fixture.edit(Fixture.dataset(), e -> e.basedOn = List.of(TRAFFIC_V1))))
                .isEmpty();
        ResourceMetadata service = Fixture.edit(Fixture.dataset(), e -> {
            e.schema = List.of();
            e.distributions = List.of(new Distribution("OpenAPI 3.1", "application/json", AccessMethod.API));
        });
        assertThat(SHAPES.check(ResourceKind.DATA_SERVICE, service)).isEmpty();
    }

    @Test
    void missingChineseTitle_isNamed() {
        assertThat(fields(
                        check(Fixture.edit(Fixture.dataset(), e -> e.title = LocalizedText.of(null, "Road traffic")))))
                .containsExactly("title.zh");
    }

    @Test
    void secondEnglishTitle_breaksUniqueLang() {
        MetadataGraph graph = MetadataGraph.of(ResourceKind.DATASET, Fixture.dataset());
        graph.root().addProperty(DCTerms.title, "Traffic flow, again", "en");
        graph.root().addProperty(DCTerms.title, "Verkehrsfluss", "de");
        List<Finding> findings = SHAPES.validate(graph);
        assertThat(fields(findings)).containsExactly("title");
        assertThat(findings.get(0).message()).contains("@en");
    }

    @Test
    void industryCode_mustBeGbt4754Shaped() {
        assertThat(check(Fixture.edit(Fixture.dataset(), e -> e.industry = "g5430")))
                .isEmpty();
        assertThat(check(Fixture.edit(Fixture.dataset(), e -> e.industry = "54")))
                .isEmpty();
        assertThat(check(Fixture.edit(Fixture.dataset(), e -> e.industry = "G")))
                .isEmpty();
        assertThat(fields(check(Fixture.edit(Fixture.dataset(), e -> e.industry = "Z99"))))
                .containsExactly("industry");
        assertThat(fields(check(Fixture.edit(Fixture.dataset(), e -> e.industry = "G54301"))))
                .containsExactly("industry");
    }

    @Test
    void schemaFields_nameTypeUnitAndTagAreShaped() {
        List<Finding> findings = check(Fixture.edit(
                Fixture.dataset(),
                e -> e.schema = List.of(
                        new SchemaField("speed", FieldType.DECIMAL, "km/h", "schema:speed"),
                        new SchemaField("geom", FieldType.GEOMETRY, null, null),
                        new SchemaField("1st", null, " ", "not a tag"),
                        SchemaField.of("blob", FieldType.BINARY))));
        assertThat(fields(findings))
                .containsExactly("schema[2].name", "schema[2].semanticTag", "schema[2].type", "schema[2].unit");
    }

    @Test
    void personalInformationWithoutLegalBasis_isNamed() {
        assertThat(fields(check(Fixture.edit(
                        Fixture.dataset(), e -> e.personalInformation = new PersonalInformation(true, null)))))
                .containsExactly("personalInformation.legalBasis");
        assertThat(check(Fixture.edit(
                        Fixture.dataset(),
                        e -> e.personalInformation = PersonalInformation.contained(LegalBasis.CONSENT))))
                .isEmpty();
        assertThat(fields(check(Fixture.edit(Fixture.dataset(), e -> e.personalInformation = null))))
                .containsExactly("personalInformation");
    }

    @Test
    void importantDataWithoutAssessment_isNamed() {
        assertThat(fields(check(Fixture.edit(
                        Fixture.dataset(),
                        e -> e.classification = new Classification(ClassificationLevel.IMPORTANT, "交通运输/车辆轨迹", null)))))
                .containsExactly("classification.securityAssessment");
        assertThat(fields(check(Fixture.edit(Fixture.dataset(), e -> e.classification = null))))
                .containsExactly("classification.category", "classification.level");
    }

    @Test
    void distributions_needFormatAccessMethodAndAMediaTypeIri() {
        List<Finding> findings = check(Fixture.edit(
                Fixture.dataset(),
                e -> e.distributions = List.of(
                        new Distribution("CSV", "text/csv", AccessMethod.DOWNLOAD),
                        new Distribution(null, "text csv", null))));
        assertThat(fields(findings))
                .containsExactly(
                        "distributions[1].accessMethod", "distributions[1].format", "distributions[1].mediaType");
        assertThat(fields(check(Fixture.edit(Fixture.dataset(), e -> e.distributions = List.of()))))
                .containsExactly("distributions");
    }

    @Test
    void dataService_needsAnApiDistribution_andProduct_versionedDatasets() {
        assertThat(fields(SHAPES.check(ResourceKind.DATA_SERVICE, Fixture.dataset())))
                .containsExactly("distributions");
        assertThat(fields(SHAPES.check(ResourceKind.DATA_PRODUCT, Fixture.dataset())))
                .containsExactly("basedOn");
        assertThat(fields(SHAPES.check(
                        ResourceKind.DATA_PRODUCT,
                        Fixture.edit(Fixture.dataset(), e -> e.basedOn = List.of(TRAFFIC_V1.unversioned())))))
                .containsExactly("basedOn");
    }

    @Test
    void datasetWithoutSchema_isNamed() {
        assertThat(fields(check(Fixture.edit(Fixture.dataset(), e -> e.schema = List.of()))))
                .containsExactly("schema");
    }

    @Test
    void periodEndingBeforeItStarts_isNamed() {
        assertThat(fields(check(Fixture.edit(
                        Fixture.dataset(),
                        e -> e.temporalCoverage =
                                new TemporalCoverage(LocalDate.parse("2026-01-02"), LocalDate.parse("2026-01-01"))))))
                .containsExactly("temporalCoverage.end");
        assertThat(fields(check(Fixture.edit(
                        Fixture.dataset(),
                        e -> e.temporalCoverage = new TemporalCoverage(null, LocalDate.parse("2026-01-01"))))))
                .containsExactly("temporalCoverage.start");
    }

    @Test
    void requiredScalars_areNamed() {
        List<Finding> findings = check(Fixture.edit(Fixture.dataset(), e -> {
            e.updateFrequency = null;
            e.storageCountry = "China";
            e.keywords = List.of("交通", "k".repeat(51));
        }));
        assertThat(fields(findings)).containsExactly("keywords", "storageCountry", "updateFrequency");
    }

    @Test
    void emptyMetadata_namesEveryRequiredField() {
        assertThat(fields(check(ResourceMetadata.empty())))
                .containsExactly(
                        "classification.category",
                        "classification.level",
                        "description.en",
                        "description.zh",
                        "distributions",
                        "industry",
                        "keywords",
                        "personalInformation",
                        "schema",
                        "storageCountry",
                        "storageRegion",
                        "title.en",
                        "title.zh",
                        "updateFrequency");
    }

    @Test
    void withoutShapes_nothingIsFound() {
        // The counter-test: the findings above come from the shapes, not from the graph mapping.
        ShapeCheck none = new ShapeCheck(GraphFactory.createDefaultGraph());
        assertThat(none.check(ResourceKind.DATASET, ResourceMetadata.empty())).isEmpty();
    }

    @Test
    void timePerCheck_isPrinted() {
        ResourceMetadata dataset = Fixture.dataset();
        ResourceMetadata broken = Fixture.edit(dataset, e -> e.industry = "Z99");
        for (int i = 0; i < 300; i++) {
            SHAPES.check(ResourceKind.DATASET, i % 2 == 0 ? dataset : broken);
        }
        int runs = 2000;
        long start = System.nanoTime();
        for (int i = 0; i < runs; i++) {
            SHAPES.check(ResourceKind.DATASET, i % 2 == 0 ? dataset : broken);
        }
        double ms = (System.nanoTime() - start) / 1e6 / runs;
        System.out.printf("ShapeCheck: %.3f ms per resource (%d checks, after warm-up)%n", ms, runs);
    }

    /** Complete metadata: resource's Fixtures.dataset(), and a way to break one part of it. */
    static final class Fixture {

        private Fixture() {}

        /**
         * The resource package's {@code Fixtures.dataset()}. That class is package-private in another package and
         * not ours to change, so it is reached reflectively: one definition of "a complete dataset" for both suites.
         */
        static ResourceMetadata dataset() {
            try {
                var method =
                        Class.forName("io.trustspace.catalog.resource.Fixtures").getDeclaredMethod("dataset");
                method.setAccessible(true);
                return (ResourceMetadata) method.invoke(null);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("resource test Fixtures.dataset() is not reachable", e);
            }
        }

        static ResourceMetadata edit(ResourceMetadata m, Consumer<Edit> change) {
            Edit edit = new Edit(m);
            change.accept(edit);
            return edit.build();
        }
    }

    /** A mutable copy of metadata for tests. */
    static final class Edit {
        LocalizedText title;
        LocalizedText description;
        String industry;
        List<String> keywords;
        Classification classification;
        PersonalInformation personalInformation;
        List<SchemaField> schema;
        TemporalCoverage temporalCoverage;
        String spatialCoverage;
        io.trustspace.catalog.resource.UpdateFrequency updateFrequency;
        String storageRegion;
        String storageCountry;
        io.trustspace.catalog.resource.Sample sample;
        List<Distribution> distributions;
        List<DataIdentifier> basedOn;

        Edit(ResourceMetadata m) {
            title = m.title();
            description = m.description();
            industry = m.industry();
            keywords = new ArrayList<>(m.keywords());
            classification = m.classification();
            personalInformation = m.personalInformation();
            schema = m.schema();
            temporalCoverage = m.temporalCoverage();
            spatialCoverage = m.spatialCoverage();
            updateFrequency = m.updateFrequency();
            storageRegion = m.storageRegion();
            storageCountry = m.storageCountry();
            sample = m.sample();
            distributions = m.distributions();
            basedOn = m.basedOn();
        }

        ResourceMetadata build() {
            return new ResourceMetadata(
                    title,
                    description,
                    industry,
                    keywords,
                    classification,
                    personalInformation,
                    schema,
                    temporalCoverage,
                    spatialCoverage,
                    updateFrequency,
                    storageRegion,
                    storageCountry,
                    sample,
                    distributions,
                    basedOn);
        }
    }
}
