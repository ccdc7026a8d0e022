package io.trustspace.catalog.resource;

/**
 * Whether a resource holds personal information (个人信息) and, if so, on which legal basis it may be shared.
 * {@code legalBasis} may be null while a resource is a draft; admission requires it when {@code contained}.
 * Immutable.
 */
public record PersonalInformation(boolean contained, LegalBasis legalBasis) {

    /** The resource holds no personal information. */
    public static PersonalInformation none() {
        return new PersonalInformation(false, null);
    }

    /** The resource holds personal information shared on {@code basis}. */
    public static PersonalInformation contained(LegalBasis basis) {
        return new PersonalInformation(true, basis);
    }
}
