package io.trustspace.identity.registration;

import java.util.List;

/**
 * What an applicant submits to register, as it arrives: raw strings, possibly blank, wrong or missing (null). The
 * {@link RegistrationValidator} checks every field and turns a good request into {@link RegistrationDetails}.
 * Field names in {@link FieldError}s are the component names below ({@code contact.phone},
 * {@code endpoints[0]}); a service provider's organisation fields are named as an organisation's.
 */
public sealed interface RegistrationRequest {

    ParticipantKind kind();

    /**
     * An organisation: its registered Chinese name, unified social credit code (GB 32100), legal representative,
     * contact, industry (GB/T 4754-2017) and region (GB/T 2260 division code).
     */
    record Organisation(
            String name, String uscc, String legalRepresentative, Contact contact, String industry, String region)
            implements RegistrationRequest {

        @Override
        public ParticipantKind kind() {
            return ParticipantKind.ORGANISATION;
        }
    }

    /**
     * A natural person: name, resident ID number (GB 11643) and contact. The number is used to compute the stored
     * keyed hash and masked form and then dropped; {@link #toString()} masks it.
     */
    record Individual(String name, String idNumber, Contact contact) implements RegistrationRequest {

        @Override
        public ParticipantKind kind() {
            return ParticipantKind.INDIVIDUAL;
        }

        @Override
        public String toString() {
            String shown = idNumber != null && idNumber.trim().length() == 18
                    ? ResidentIdNumber.mask(idNumber.trim())
                    : "(withheld)";
            return "Individual[name=" + name + ", idNumber=" + shown + ", contact=" + contact + "]";
        }
    }

    /**
     * A data service provider (数据服务方): the organisation, its service type (a {@link ServiceProviderType} code
     * or Chinese label), the capabilities it declares and the endpoints it serves them on.
     */
    record ServiceProvider(
            Organisation organisation, String serviceType, List<String> capabilities, List<String> endpoints)
            implements RegistrationRequest {

        @Override
        public ParticipantKind kind() {
            return ParticipantKind.SERVICE_PROVIDER;
        }
    }
}
