package io.trustspace.identity.registration;

import io.trustspace.common.Result;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A participant's registration after validation: what the operator keeps. An individual's resident ID number is
 * present only as its keyed hash ({@link IdNumberHasher}) and masked form; nothing here can reproduce it.
 *
 * <p>{@link #toJson()} is the stored form (the {@code payload} column), for example
 *
 * <pre>{@code
 * {"kind":"ORGANISATION","name":"北京星河数据科技有限公司","uscc":"91110105MA01C3D718","legalRepresentative":"张伟",
 *  "contact":{"name":"王芳","phone":"13800138000","email":"wangfang@example.cn"},"industry":"I6510","region":"110105"}
 * }</pre>
 *
 * and {@link #fromJson} reads it back, re-checking every value. Immutable and thread-safe.
 */
public sealed interface RegistrationDetails {

    ParticipantKind kind();

    /** The registered name: an organisation's legal name or a person's name. */
    String legalName();

    Contact contact();

    /** The unified social credit code of an organisation or service provider; empty for an individual. */
    default Optional<UnifiedSocialCreditCode> creditCode() {
        if (this instanceof Organisation organisation) {
            return Optional.of(organisation.uscc());
        }
        if (this instanceof ServiceProvider provider) {
            return Optional.of(provider.organisation().uscc());
        }
        return Optional.empty();
    }

    /** An individual's keyed ID-number hash; empty for organisations. */
    default Optional<String> idNumberHash() {
        return this instanceof Individual individual ? Optional.of(individual.idHash()) : Optional.empty();
    }

    /** An individual's masked ID number ({@code 110105********123X}); empty for organisations. */
    default Optional<String> idNumberMasked() {
        return this instanceof Individual individual ? Optional.of(individual.idMasked()) : Optional.empty();
    }

    /** The stored JSON form (see the type's description). */
    ObjectNode toJson();

    /** A registered organisation. */
    record Organisation(
            String legalName,
            UnifiedSocialCreditCode uscc,
            String legalRepresentative,
            Contact contact,
            IndustryCode industry,
            DivisionCode region)
            implements RegistrationDetails {

        public Organisation {
            Objects.requireNonNull(legalName, "legalName");
            Objects.requireNonNull(uscc, "uscc");
            Objects.requireNonNull(legalRepresentative, "legalRepresentative");
            Objects.requireNonNull(contact, "contact");
            Objects.requireNonNull(industry, "industry");
            Objects.requireNonNull(region, "region");
        }

        @Override
        public ParticipantKind kind() {
            return ParticipantKind.ORGANISATION;
        }

        @Override
        public ObjectNode toJson() {
            ObjectNode json = JsonNodeFactory.instance.objectNode();
            json.put("kind", kind().name());
            json.put("name", legalName);
            json.put("uscc", uscc.value());
            json.put("legalRepresentative", legalRepresentative);
            json.set("contact", contactJson(contact));
            json.put("industry", industry.toString());
            json.put("region", region.value());
            return json;
        }
    }

    /** A registered natural person. */
    record Individual(String legalName, String idHash, String idMasked, Contact contact)
            implements RegistrationDetails {

        private static final Pattern HASH = Pattern.compile("hmac-(?:sha256|sm3):[0-9a-f]{64}");
        private static final Pattern MASKED = Pattern.compile("[0-9]{6}\\*{8}[0-9]{3}[0-9X]");

        public Individual {
            Objects.requireNonNull(legalName, "legalName");
            Objects.requireNonNull(contact, "contact");
            if (idHash == null || !HASH.matcher(idHash).matches()) {
                throw new IllegalArgumentException("idHash is not hmac-sha256:<hex> or hmac-sm3:<hex>");
            }
            if (idMasked == null || !MASKED.matcher(idMasked).matches()) {
                throw new IllegalArgumentException("idMasked is not six digits, eight asterisks and four characters");
            }
        }

        @Override
        public ParticipantKind kind() {
            return ParticipantKind.INDIVIDUAL;
        }

        @Override
        public ObjectNode toJson() {
            ObjectNode json = JsonNodeFactory.instance.objectNode();
            json.put("kind", kind().name());
            json.put("name", legalName);
            json.put("idHash", idHash);
            json.put("idMasked", idMasked);
            json.set("contact", contactJson(contact));
            return json;
        }
    }

    /** A registered data service provider: the organisation plus what it offers and where. */
    record ServiceProvider(
            Organisation organisation, ServiceProviderType type, List<String> capabilities, List<Endpoint> endpoints)
            implements RegistrationDetails {

        public ServiceProvider {
            Objects.requireNonNull(organisation, "organisation");
            Objects.requireNonNull(type, "type");
            capabilities = List.copyOf(capabilities);
            endpoints = List.copyOf(endpoints);
        }

        @Override
        public ParticipantKind kind() {
            return ParticipantKind.SERVICE_PROVIDER;
        }

        @Override
        public String legalName() {
            return organisation.legalName();
        }

        @Override
        public Contact contact() {
            return organisation.contact();
        }

        @Override
        public ObjectNode toJson() {
            ObjectNode json = JsonNodeFactory.instance.objectNode();
            json.put("kind", kind().name());
            ObjectNode org = organisation.toJson();
            org.remove("kind");
            json.set("organisation", org);
            json.put("serviceType", type.name());
            ArrayNode capabilityArray = json.putArray("capabilities");
            capabilities.forEach(capabilityArray::add);
            ArrayNode endpointArray = json.putArray("endpoints");
            endpoints.forEach(endpoint -> endpointArray.add(endpoint.toString()));
            return json;
        }
    }

    /** Reads the stored form back, re-checking every value; a failure means the stored text was altered. */
    static Result<RegistrationDetails> fromJson(JsonNode json) {
        try {
            String kind = text(json, "kind");
            return Result.ok(
                    switch (kind) {
                        case "ORGANISATION" -> organisation(json);
                        case "INDIVIDUAL" ->
                            new Individual(
                                    text(json, "name"),
                                    text(json, "idHash"),
                                    text(json, "idMasked"),
                                    contact(json.get("contact")));
                        case "SERVICE_PROVIDER" -> serviceProvider(json);
                        default -> throw new IllegalArgumentException("unknown kind '" + kind + "'");
                    });
        } catch (IllegalArgumentException e) {
            return Result.invalid("stored registration details are malformed: " + e.getMessage());
        }
    }

    private static Organisation organisation(JsonNode json) {
        if (json == null || !json.isObject()) {
            throw new IllegalArgumentException("organisation is not an object");
        }
        return new Organisation(
                text(json, "name"),
                valid(UnifiedSocialCreditCode.parse(text(json, "uscc"))),
                text(json, "legalRepresentative"),
                contact(json.get("contact")),
                valid(IndustryCode.parse(text(json, "industry"))),
                valid(DivisionCode.parse(text(json, "region"))));
    }

    private static ServiceProvider serviceProvider(JsonNode json) {
        ServiceProviderType type = ServiceProviderType.parse(text(json, "serviceType"))
                .orElseThrow(() -> new IllegalArgumentException("unknown serviceType"));
        List<String> capabilities = new ArrayList<>();
        for (JsonNode capability : array(json, "capabilities")) {
            capabilities.add(string(capability, "capabilities[]"));
        }
        List<Endpoint> endpoints = new ArrayList<>();
        for (JsonNode endpoint : array(json, "endpoints")) {
            endpoints.add(new Endpoint(URI.create(string(endpoint, "endpoints[]"))));
        }
        return new ServiceProvider(organisation(json.get("organisation")), type, capabilities, endpoints);
    }

    private static <T> T valid(Result<T> result) {
        return result.fold(value -> value, failure -> {
            throw new IllegalArgumentException(failure.reason());
        });
    }

    private static ObjectNode contactJson(Contact contact) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        if (contact.name() != null) {
            json.put("name", contact.name());
        }
        if (contact.phone() != null) {
            json.put("phone", contact.phone());
        }
        if (contact.email() != null) {
            json.put("email", contact.email());
        }
        return json;
    }

    private static Contact contact(JsonNode json) {
        if (json == null || !json.isObject()) {
            throw new IllegalArgumentException("contact is not an object");
        }
        return new Contact(optionalText(json, "name"), optionalText(json, "phone"), optionalText(json, "email"));
    }

    private static Collection<JsonNode> array(JsonNode json, String member) {
        JsonNode node = json.get(member);
        if (node == null || !node.isArray()) {
            throw new IllegalArgumentException(member + " is not an array");
        }
        return node.values();
    }

    private static String text(JsonNode json, String member) {
        return string(json.get(member), member);
    }

    private static String optionalText(JsonNode json, String member) {
        JsonNode node = json.get(member);
        return node == null || node.isNull() ? null : string(node, member);
    }

    private static String string(JsonNode node, String member) {
        if (node == null || !node.isString()) {
            throw new IllegalArgumentException(member + " is missing or not a string");
        }
        return node.stringValue();
    }
}
