package io.trustspace.identity.registration;

import io.trustspace.common.Result;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Checks a {@link RegistrationRequest} against every rule and returns either the {@link RegistrationDetails} to
 * keep or all {@link FieldError}s at once. Errors come in a stable order: the order of the request's fields
 * (organisation: name, uscc, legalRepresentative, contact, industry, region; service provider: those, then
 * serviceType, capabilities, endpoints; individual: name, idNumber, contact), and within a field the order of its
 * rules as each value type documents.
 *
 * <p>An individual's resident ID number is hashed with the {@link IdNumberHasher} here and not kept. Dates are
 * judged in China's time zone ({@code Asia/Shanghai}) on the injected clock.
 *
 * <p>Stateless apart from its collaborators; thread-safe.
 */
public final class RegistrationValidator {

    public static final int MAX_NAME = 100;
    public static final int MAX_PERSON_NAME = 50;
    public static final int MAX_CAPABILITIES = 32;
    public static final int MAX_CAPABILITY = 100;
    public static final int MAX_ENDPOINTS = 16;

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final IdNumberHasher hasher;
    private final Clock clock;

    public RegistrationValidator(IdNumberHasher hasher, Clock clock) {
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public Validation validate(RegistrationRequest request) {
        Objects.requireNonNull(request, "request");
        if (request instanceof RegistrationRequest.Organisation organisation) {
            List<FieldError> errors = checkOrganisation(organisation);
            return errors.isEmpty()
                    ? new Validation.Valid(organisationDetails(organisation))
                    : new Validation.Invalid(errors);
        }
        if (request instanceof RegistrationRequest.ServiceProvider provider) {
            return validateServiceProvider(provider);
        }
        return validateIndividual((RegistrationRequest.Individual) request);
    }

    /** Today in China, by the injected clock: the latest birth date a resident ID number may carry. */
    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), CHINA);
    }

    private List<FieldError> checkOrganisation(RegistrationRequest.Organisation organisation) {
        List<FieldError> errors = new ArrayList<>();
        errors.addAll(Texts.checkChineseName("name", organisation.name(), MAX_NAME));
        errors.addAll(UnifiedSocialCreditCode.check("uscc", organisation.uscc()));
        errors.addAll(Texts.checkName("legalRepresentative", organisation.legalRepresentative(), MAX_PERSON_NAME));
        errors.addAll(Contact.check(organisation.contact(), true));
        errors.addAll(IndustryCode.check("industry", organisation.industry()));
        errors.addAll(DivisionCode.check("region", organisation.region()));
        return errors;
    }

    private static RegistrationDetails.Organisation organisationDetails(RegistrationRequest.Organisation organisation) {
        return new RegistrationDetails.Organisation(
                organisation.name().trim(),
                UnifiedSocialCreditCode.parse(organisation.uscc()).orElseThrow(),
                organisation.legalRepresentative().trim(),
                organisation.contact().normalised(),
                IndustryCode.parse(organisation.industry()).orElseThrow(),
                DivisionCode.parse(organisation.region()).orElseThrow());
    }

    private Validation validateServiceProvider(RegistrationRequest.ServiceProvider provider) {
        List<FieldError> errors = new ArrayList<>();
        if (provider.organisation() == null) {
            errors.add(new FieldError("organisation", FieldError.REQUIRED, "give the provider's organisation details"));
        } else {
            errors.addAll(checkOrganisation(provider.organisation()));
        }
        if (Texts.isBlank(provider.serviceType())) {
            errors.add(new FieldError("serviceType", FieldError.REQUIRED, "give the service type"));
        } else if (ServiceProviderType.parse(provider.serviceType()).isEmpty()) {
            errors.add(new FieldError(
                    "serviceType",
                    FieldError.UNKNOWN_VALUE,
                    "one of DEVELOPMENT (数据开发), BROKERAGE (数据经纪), CUSTODY (数据托管), AUDIT_CLEARING (审计清算),"
                            + " COMPLIANCE_REVIEW (合规审查)"));
        }
        errors.addAll(checkCapabilities(provider.capabilities()));
        errors.addAll(checkEndpoints(provider.endpoints()));
        if (!errors.isEmpty()) {
            return new Validation.Invalid(errors);
        }
        return new Validation.Valid(new RegistrationDetails.ServiceProvider(
                organisationDetails(provider.organisation()),
                ServiceProviderType.parse(provider.serviceType()).orElseThrow(),
                provider.capabilities().stream().map(String::trim).toList(),
                provider.endpoints().stream()
                        .map(endpoint -> new Endpoint(URI.create(endpoint.trim())))
                        .toList()));
    }

    private static List<FieldError> checkCapabilities(List<String> capabilities) {
        List<FieldError> errors = new ArrayList<>();
        if (capabilities == null || capabilities.isEmpty()) {
            errors.add(new FieldError("capabilities", FieldError.REQUIRED, "declare at least one capability"));
            return errors;
        }
        if (capabilities.size() > MAX_CAPABILITIES) {
            errors.add(new FieldError(
                    "capabilities", FieldError.TOO_MANY, "at most " + MAX_CAPABILITIES + " capabilities"));
            return errors;
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < capabilities.size(); i++) {
            String field = "capabilities[" + i + "]";
            List<FieldError> own = Texts.checkName(field, capabilities.get(i), MAX_CAPABILITY);
            errors.addAll(own);
            if (own.isEmpty() && !seen.add(capabilities.get(i).trim())) {
                errors.add(new FieldError(field, FieldError.DUPLICATE, "declared twice"));
            }
        }
        return errors;
    }

    private static List<FieldError> checkEndpoints(List<String> endpoints) {
        List<FieldError> errors = new ArrayList<>();
        if (endpoints == null || endpoints.isEmpty()) {
            errors.add(new FieldError("endpoints", FieldError.REQUIRED, "declare at least one endpoint"));
            return errors;
        }
        if (endpoints.size() > MAX_ENDPOINTS) {
            errors.add(new FieldError("endpoints", FieldError.TOO_MANY, "at most " + MAX_ENDPOINTS + " endpoints"));
            return errors;
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < endpoints.size(); i++) {
            String field = "endpoints[" + i + "]";
            List<FieldError> own = Endpoint.check(field, endpoints.get(i));
            errors.addAll(own);
            if (own.isEmpty() && !seen.add(endpoints.get(i).trim())) {
                errors.add(new FieldError(field, FieldError.DUPLICATE, "declared twice"));
            }
        }
        return errors;
    }

    private Validation validateIndividual(RegistrationRequest.Individual individual) {
        List<FieldError> errors = new ArrayList<>();
        errors.addAll(Texts.checkName("name", individual.name(), MAX_PERSON_NAME));
        LocalDate today = today();
        errors.addAll(ResidentIdNumber.check("idNumber", individual.idNumber(), today));
        errors.addAll(Contact.check(individual.contact(), false));
        if (!errors.isEmpty()) {
            return new Validation.Invalid(errors);
        }
        ResidentIdNumber number =
                ResidentIdNumber.parse(individual.idNumber(), today).orElseThrow();
        Contact contact = individual.contact().normalised();
        if (contact.name() == null) {
            // An individual is their own contact unless they name someone else.
            contact = new Contact(individual.name().trim(), contact.phone(), contact.email());
        }
        return new Validation.Valid(new RegistrationDetails.Individual(
                individual.name().trim(), hasher.hash(number), number.masked(), contact));
    }

    /**
     * Parses a resident ID number as registration does, for callers that receive it again (verification against
     * a registry); the failure reason never contains the number.
     */
    public Result<ResidentIdNumber> parseIdNumber(String text) {
        return ResidentIdNumber.parse(text, today());
    }

    /** The keyed hash a number is stored under. */
    public String hash(ResidentIdNumber number) {
        return hasher.hash(number);
    }
}
