package io.trustspace.catalog.search;

import io.trustspace.catalog.resource.ClassificationLevel;
import io.trustspace.catalog.resource.ResourceKind;
import java.time.Instant;
import java.util.List;

/** Search documents for tests: a realistic default, changed one field at a time. */
final class SearchDocuments {

    static final Instant MODIFIED = Instant.parse("2026-11-01T08:00:00.123456Z");

    private SearchDocuments() {}

    static SearchDocument evCharging() {
        return new SearchDocument(
                "cn.demo/91110105MA01C3D718/ev-charging@1",
                "cn.demo",
                "91110105MA01C3D718",
                "北京新能源充电服务有限公司",
                "城市电动汽车充电桩充电记录",
                "Urban electric vehicle charging records",
                "全市公共充电桩的逐笔充电记录，包括充电时长、充电量和站点位置。",
                "Per-session records of the city's public charging piles: duration, energy and station location.",
                List.of("新能源", "充电桩", "交通"),
                "D4430",
                ClassificationLevel.GENERAL,
                List.of("text/csv", "application/json"),
                "CN-11",
                ResourceKind.DATASET,
                "policy-open",
                MODIFIED);
    }

    static SearchDocument weather() {
        return document("cn.demo/91310000MA1FL0WX2K/weather@1", "上海市逐小时气象观测数据", "Hourly weather observations")
                .with(Field.PROVIDER, "91310000MA1FL0WX2K")
                .with(Field.INDUSTRY, "M7410")
                .with(Field.REGION, "CN-31")
                .build();
    }

    static Builder document(String id, String titleZh, String titleEn) {
        return new Builder(new SearchDocument(
                id,
                "cn.demo",
                "91110105MA01C3D718",
                "示例数据公司",
                titleZh,
                titleEn,
                "",
                "",
                List.of(),
                "D4430",
                ClassificationLevel.GENERAL,
                List.of("text/csv"),
                "CN-11",
                ResourceKind.DATASET,
                "policy-open",
                MODIFIED));
    }

    enum Field {
        PROVIDER,
        INDUSTRY,
        REGION,
        POLICY,
        DESCRIPTION_ZH,
        KEYWORDS,
        FORMATS
    }

    /** A document changed field by field (a record has no withers). */
    record Builder(SearchDocument document) {

        Builder with(Field field, String value) {
            SearchDocument d = document;
            return new Builder(new SearchDocument(
                    d.id(),
                    d.space(),
                    field == Field.PROVIDER ? value : d.provider(),
                    d.providerName(),
                    d.titleZh(),
                    d.titleEn(),
                    field == Field.DESCRIPTION_ZH ? value : d.descriptionZh(),
                    d.descriptionEn(),
                    field == Field.KEYWORDS ? List.of(value.split(",")) : d.keywords(),
                    field == Field.INDUSTRY ? value : d.industry(),
                    d.grade(),
                    field == Field.FORMATS ? List.of(value.split(",")) : d.formats(),
                    field == Field.REGION ? value : d.region(),
                    d.kind(),
                    field == Field.POLICY ? value : d.policyKey(),
                    d.modified()));
        }

        Builder grade(ClassificationLevel grade) {
            SearchDocument d = document;
            return new Builder(new SearchDocument(
                    d.id(),
                    d.space(),
                    d.provider(),
                    d.providerName(),
                    d.titleZh(),
                    d.titleEn(),
                    d.descriptionZh(),
                    d.descriptionEn(),
                    d.keywords(),
                    d.industry(),
                    grade,
                    d.formats(),
                    d.region(),
                    d.kind(),
                    d.policyKey(),
                    d.modified()));
        }

        Builder modified(Instant modified) {
            SearchDocument d = document;
            return new Builder(new SearchDocument(
                    d.id(),
                    d.space(),
                    d.provider(),
                    d.providerName(),
                    d.titleZh(),
                    d.titleEn(),
                    d.descriptionZh(),
                    d.descriptionEn(),
                    d.keywords(),
                    d.industry(),
                    d.grade(),
                    d.formats(),
                    d.region(),
                    d.kind(),
                    d.policyKey(),
                    modified));
        }

        SearchDocument build() {
            return document;
        }
    }
}
