package io.trustspace.catalog.resource;

/**
 * A resource's classification per GB/T 43697-2024: its level, its category (the provider's sector catalogue entry,
 * e.g. {@code 交通运输/车辆轨迹}) and, for important data, a reference to its security assessment (report number or
 * filing reference). Any part may be missing in a draft; {@link AdmissionChecks} says which are required. Immutable.
 */
public record Classification(ClassificationLevel level, String category, String securityAssessment) {

    public Classification {
        category = category == null || category.isBlank() ? null : category.strip();
        securityAssessment =
                securityAssessment == null || securityAssessment.isBlank() ? null : securityAssessment.strip();
    }

    public static Classification general(String category) {
        return new Classification(ClassificationLevel.GENERAL, category, null);
    }
}
