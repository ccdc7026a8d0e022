package io.trustspace.catalog.resource;

import io.trustspace.catalog.identifier.DataIdentifier;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The automatic part of admission review (规范性审查): every rule a resource must pass before an operator reviews
 * it. {@link #check} returns every finding at once, in a fixed order (the order of {@link ResourceMetadata}'s
 * components, then of each component's rules), so the provider can fix them all in one go:
 *
 * <ol>
 *   <li>required metadata: title and description in zh and en, industry, at least one keyword, update frequency,
 *       storage region and country, at least one distribution with format and access method, the data address;
 *   <li>shape: lengths, GB/T 4754-2017 industry code, ISO 3166-1 country code, temporal range;
 *   <li>schema validity (datasets need one): field names {@code [A-Za-z_][A-Za-z0-9_]*} and unique, a type each,
 *       non-blank units, semantic tags that are IRIs or CURIEs;
 *   <li>classification present (level and category); 核心数据 (CORE) cannot be listed for sharing; 重要数据
 *       (IMPORTANT) needs a reference to its security assessment;
 *   <li>personal information: stated, and when held, a legal basis;
 *   <li>kind: a data product names at least one dataset it is built on (versioned identifiers); a data service offers
 *       at least one API distribution.
 * </ol>
 *
 * <p>Extra {@link MetadataCheck}s given to {@link #AdmissionChecks(List)} (e.g. the SHACL shapes of
 * {@code io.trustspace.catalog.shacl.ShapeCheck}) run after these rules, in the order given; their findings are
 * appended. Immutable and thread-safe when the extra checks are.
 */
public final class AdmissionChecks {

    public static final int MAX_TITLE_LENGTH = 200;
    public static final int MAX_DESCRIPTION_LENGTH = 4000;
    public static final int MAX_KEYWORDS = 32;
    public static final int MAX_KEYWORD_LENGTH = 50;
    public static final int MAX_FIELDS = 1000;
    public static final int MAX_DISTRIBUTIONS = 32;
    public static final int MAX_SAMPLE_LENGTH = 8192;
    public static final int MAX_TEXT_LENGTH = 200;

    private static final Pattern INDUSTRY = Pattern.compile("([A-T])?([0-9]{2,4})?");
    /** The last division of each section A–T of GB/T 4754-2017. */
    private static final int[] LAST_DIVISION = {
        5, 12, 43, 46, 50, 52, 60, 62, 65, 69, 70, 72, 75, 79, 82, 83, 85, 90, 96, 97
    };

    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
    private static final Pattern FIELD_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,63}");
    /** An absolute IRI with a scheme, or a CURIE {@code prefix:reference}. */
    private static final Pattern SEMANTIC_TAG = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*:[^\\s<>\"{}|\\\\^`]+");

    private final List<MetadataCheck> extra;

    /** The built-in rules only. */
    public AdmissionChecks() {
        this(List.of());
    }

    /** The built-in rules, then {@code extra} checks whose findings are appended in order. */
    public AdmissionChecks(List<MetadataCheck> extra) {
        this.extra = List.copyOf(extra);
    }

    /** Every finding for a resource of {@code kind} with {@code metadata}; empty when it passes. */
    public List<Finding> check(ResourceKind kind, ResourceMetadata metadata, boolean hasDataAddress) {
        List<Finding> findings = new ArrayList<>();
        localized(findings, "title", metadata.title(), MAX_TITLE_LENGTH);
        localized(findings, "description", metadata.description(), MAX_DESCRIPTION_LENGTH);
        industry(findings, metadata.industry());
        keywords(findings, metadata.keywords());
        schema(findings, kind, metadata.schema());
        classification(findings, metadata.classification());
        personalInformation(findings, metadata.personalInformation());
        temporal(findings, metadata.temporalCoverage());
        optionalText(findings, "spatialCoverage", metadata.spatialCoverage());
        if (metadata.updateFrequency() == null) {
            findings.add(new Finding("updateFrequency", Finding.REQUIRED, "say how often the data is updated"));
        }
        requiredText(findings, "storageRegion", metadata.storageRegion(), "say in which region the data is stored");
        country(findings, metadata.storageCountry());
        sample(findings, metadata.sample());
        distributions(findings, kind, metadata.distributions());
        basedOn(findings, kind, metadata.basedOn());
        if (!hasDataAddress) {
            findings.add(new Finding(
                    "dataAddress", Finding.REQUIRED, "register where the data is before submitting it for review"));
        }
        for (MetadataCheck check : extra) {
            findings.addAll(check.check(kind, metadata));
        }
        return List.copyOf(findings);
    }

    private static void localized(List<Finding> findings, String field, LocalizedText text, int max) {
        String zh = text == null ? null : text.zh();
        String en = text == null ? null : text.en();
        language(findings, field + ".zh", zh, max, "give the " + field + " in Chinese");
        language(findings, field + ".en", en, max, "give the " + field + " in English");
    }

    private static void language(List<Finding> findings, String field, String value, int max, String missing) {
        if (value == null) {
            findings.add(new Finding(field, Finding.REQUIRED, missing));
        } else if (value.length() > max) {
            findings.add(new Finding(field, Finding.LENGTH, "at most " + max + " characters"));
        }
    }

    private static void industry(List<Finding> findings, String industry) {
        if (industry == null || industry.isBlank()) {
            findings.add(new Finding("industry", Finding.REQUIRED, "give the GB/T 4754-2017 industry code"));
            return;
        }
        Matcher matcher = INDUSTRY.matcher(industry.strip().toUpperCase(Locale.ROOT));
        boolean shaped = matcher.matches() && (matcher.group(1) != null || matcher.group(2) != null);
        char section = shaped && matcher.group(2) != null ? sectionOf(matcher.group(2)) : 0;
        if (!shaped || (matcher.group(2) != null && section == 0)) {
            findings.add(new Finding(
                    "industry",
                    Finding.FORMAT,
                    "a GB/T 4754-2017 industry code is a section letter A-T or a 2-4 digit code with division 01-97"));
        } else if (matcher.group(1) != null
                && matcher.group(2) != null
                && matcher.group(1).charAt(0) != section) {
            findings.add(new Finding(
                    "industry",
                    Finding.FORMAT,
                    "division " + matcher.group(2).substring(0, 2) + " belongs to section " + section + ", not "
                            + matcher.group(1)));
        }
    }

    private static char sectionOf(String digits) {
        int division = Integer.parseInt(digits.substring(0, 2));
        for (int i = 0; division >= 1 && i < LAST_DIVISION.length; i++) {
            if (division <= LAST_DIVISION[i]) {
                return (char) ('A' + i);
            }
        }
        return 0;
    }

    private static void keywords(List<Finding> findings, List<String> keywords) {
        if (keywords.isEmpty()) {
            findings.add(new Finding("keywords", Finding.REQUIRED, "give at least one keyword"));
            return;
        }
        if (keywords.size() > MAX_KEYWORDS) {
            findings.add(new Finding("keywords", Finding.TOO_MANY, "at most " + MAX_KEYWORDS + " keywords"));
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < keywords.size(); i++) {
            String keyword = keywords.get(i);
            String field = "keywords[" + i + "]";
            if (keyword == null || keyword.isBlank()) {
                findings.add(new Finding(field, Finding.REQUIRED, "a keyword is not blank"));
            } else if (keyword.length() > MAX_KEYWORD_LENGTH) {
                findings.add(new Finding(field, Finding.LENGTH, "at most " + MAX_KEYWORD_LENGTH + " characters"));
            } else if (!seen.add(keyword.strip().toLowerCase(Locale.ROOT))) {
                findings.add(new Finding(field, Finding.DUPLICATE, "keyword '" + keyword.strip() + "' is repeated"));
            }
        }
    }

    private static void schema(List<Finding> findings, ResourceKind kind, List<SchemaField> schema) {
        if (schema.isEmpty()) {
            if (kind == ResourceKind.DATASET) {
                findings.add(new Finding("schema", Finding.REQUIRED, "a dataset describes its fields"));
            }
            return;
        }
        if (schema.size() > MAX_FIELDS) {
            findings.add(new Finding("schema", Finding.TOO_MANY, "at most " + MAX_FIELDS + " fields"));
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < schema.size(); i++) {
            SchemaField field = schema.get(i);
            String at = "schema[" + i + "]";
            if (field.name() == null || field.name().isBlank()) {
                findings.add(new Finding(at + ".name", Finding.REQUIRED, "a field has a name"));
            } else if (!FIELD_NAME.matcher(field.name()).matches()) {
                findings.add(new Finding(
                        at + ".name",
                        Finding.FORMAT,
                        "a field name is a letter or _ then up to 63 letters, digits or _"));
            } else if (!names.add(field.name())) {
                findings.add(
                        new Finding(at + ".name", Finding.DUPLICATE, "field '" + field.name() + "' is named twice"));
            }
            if (field.type() == null) {
                findings.add(new Finding(at + ".type", Finding.REQUIRED, "a field has a type"));
            }
            if (field.unit() != null && (field.unit().isBlank() || field.unit().length() > MAX_KEYWORD_LENGTH)) {
                findings.add(new Finding(
                        at + ".unit",
                        Finding.FORMAT,
                        "a unit is omitted or 1-" + MAX_KEYWORD_LENGTH + " characters (UCUM, e.g. km/h)"));
            }
            if (field.semanticTag() != null
                    && (field.semanticTag().length() > MAX_TEXT_LENGTH
                            || !SEMANTIC_TAG.matcher(field.semanticTag()).matches())) {
                findings.add(new Finding(
                        at + ".semanticTag",
                        Finding.FORMAT,
                        "a semantic tag is an IRI or a CURIE such as schema:speed"));
            }
        }
    }

    private static void classification(List<Finding> findings, Classification classification) {
        if (classification == null || classification.level() == null) {
            findings.add(new Finding(
                    "classification.level",
                    Finding.REQUIRED,
                    "classify the data per GB/T 43697-2024: GENERAL 一般, IMPORTANT 重要 or CORE 核心"));
        }
        if (classification == null || classification.category() == null) {
            findings.add(new Finding(
                    "classification.category", Finding.REQUIRED, "give the data category of the classification"));
        } else if (classification.category().length() > MAX_TEXT_LENGTH) {
            findings.add(new Finding(
                    "classification.category", Finding.LENGTH, "at most " + MAX_TEXT_LENGTH + " characters"));
        }
        if (classification == null || classification.level() == null) {
            return;
        }
        if (classification.level() == ClassificationLevel.CORE) {
            findings.add(new Finding(
                    "classification.level",
                    Finding.CORE_DATA,
                    "核心数据 (CORE) cannot be listed for sharing in the space"));
        }
        if (classification.level() == ClassificationLevel.IMPORTANT && classification.securityAssessment() == null) {
            findings.add(new Finding(
                    "classification.securityAssessment",
                    Finding.SECURITY_ASSESSMENT,
                    "重要数据 (IMPORTANT) needs a reference to its data security assessment"));
        }
    }

    private static void personalInformation(List<Finding> findings, PersonalInformation personalInformation) {
        if (personalInformation == null) {
            findings.add(new Finding(
                    "personalInformation", Finding.REQUIRED, "say whether the data holds personal information"));
        } else if (personalInformation.contained() && personalInformation.legalBasis() == null) {
            findings.add(new Finding(
                    "personalInformation.legalBasis",
                    Finding.LEGAL_BASIS,
                    "personal information needs a legal basis (PIPL Art. 13)"));
        }
    }

    private static void temporal(List<Finding> findings, TemporalCoverage coverage) {
        if (coverage == null) {
            return;
        }
        LocalDate start = coverage.start();
        if (start == null) {
            findings.add(new Finding("temporalCoverage.start", Finding.REQUIRED, "a period has a start"));
        } else if (coverage.end() != null && coverage.end().isBefore(start)) {
            findings.add(new Finding("temporalCoverage.end", Finding.RANGE, "the period ends before it starts"));
        }
    }

    private static void optionalText(List<Finding> findings, String field, String value) {
        if (value != null && (value.isBlank() || value.length() > MAX_TEXT_LENGTH)) {
            findings.add(new Finding(field, Finding.LENGTH, "omit it or give 1-" + MAX_TEXT_LENGTH + " characters"));
        }
    }

    private static void requiredText(List<Finding> findings, String field, String value, String missing) {
        if (value == null || value.isBlank()) {
            findings.add(new Finding(field, Finding.REQUIRED, missing));
        } else if (value.length() > MAX_TEXT_LENGTH) {
            findings.add(new Finding(field, Finding.LENGTH, "at most " + MAX_TEXT_LENGTH + " characters"));
        }
    }

    private static void country(List<Finding> findings, String country) {
        if (country == null || country.isBlank()) {
            findings.add(new Finding(
                    "storageCountry", Finding.REQUIRED, "say in which country the data is stored (ISO 3166-1)"));
        } else if (!COUNTRY.matcher(country).matches()) {
            findings.add(new Finding("storageCountry", Finding.FORMAT, "an ISO 3166-1 alpha-2 country code, e.g. CN"));
        }
    }

    private static void sample(List<Finding> findings, Sample sample) {
        if (sample == null) {
            return;
        }
        if (sample.mediaType() == null || sample.mediaType().isBlank()) {
            findings.add(new Finding("sample.mediaType", Finding.REQUIRED, "say what type the sample is"));
        }
        if (sample.content() == null || sample.content().isEmpty()) {
            findings.add(new Finding("sample.content", Finding.REQUIRED, "a sample is not empty"));
        } else if (sample.content().length() > MAX_SAMPLE_LENGTH) {
            findings.add(new Finding("sample.content", Finding.LENGTH, "at most " + MAX_SAMPLE_LENGTH + " characters"));
        }
    }

    private static void distributions(List<Finding> findings, ResourceKind kind, List<Distribution> distributions) {
        if (distributions.isEmpty()) {
            findings.add(new Finding(
                    "distributions", Finding.REQUIRED, "give at least one distribution and its access method"));
            return;
        }
        if (distributions.size() > MAX_DISTRIBUTIONS) {
            findings.add(
                    new Finding("distributions", Finding.TOO_MANY, "at most " + MAX_DISTRIBUTIONS + " distributions"));
        }
        for (int i = 0; i < distributions.size(); i++) {
            Distribution distribution = distributions.get(i);
            String at = "distributions[" + i + "]";
            if (distribution.format() == null || distribution.format().isBlank()) {
                findings.add(new Finding(at + ".format", Finding.REQUIRED, "give the format, e.g. CSV"));
            } else if (distribution.format().length() > MAX_KEYWORD_LENGTH) {
                findings.add(
                        new Finding(at + ".format", Finding.LENGTH, "at most " + MAX_KEYWORD_LENGTH + " characters"));
            }
            if (distribution.accessMethod() == null) {
                findings.add(new Finding(at + ".accessMethod", Finding.REQUIRED, "say how the data is accessed"));
            }
        }
        if (kind == ResourceKind.DATA_SERVICE
                && distributions.stream().noneMatch(d -> d.accessMethod() == AccessMethod.API)) {
            findings.add(new Finding(
                    "distributions", Finding.ACCESS_METHOD, "a data service offers at least one API distribution"));
        }
    }

    private static void basedOn(List<Finding> findings, ResourceKind kind, List<DataIdentifier> basedOn) {
        if (kind != ResourceKind.DATA_PRODUCT) {
            if (!basedOn.isEmpty()) {
                findings.add(new Finding("basedOn", Finding.BASED_ON, "only a data product is built on datasets"));
            }
            return;
        }
        if (basedOn.isEmpty()) {
            findings.add(new Finding(
                    "basedOn", Finding.BASED_ON, "a data product names at least one dataset it is built on"));
        }
        Set<DataIdentifier> seen = new HashSet<>();
        for (int i = 0; i < basedOn.size(); i++) {
            DataIdentifier identifier = basedOn.get(i);
            if (!identifier.isVersioned()) {
                findings.add(new Finding(
                        "basedOn[" + i + "]",
                        Finding.BASED_ON,
                        "name the dataset version the product is built on: " + identifier + "@<version>"));
            } else if (!seen.add(identifier)) {
                findings.add(new Finding("basedOn[" + i + "]", Finding.DUPLICATE, identifier + " is named twice"));
            }
        }
    }
}
