package io.trustspace.app.identity;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.trustspace.app.web.Problems;
import io.trustspace.common.Result;
import io.trustspace.identity.participant.Participant;
import io.trustspace.identity.participant.ParticipantId;
import io.trustspace.identity.participant.ParticipantRepository;
import io.trustspace.identity.participant.ParticipantService;
import io.trustspace.identity.participant.ReviewDecision;
import io.trustspace.identity.registration.Contact;
import io.trustspace.identity.registration.FieldError;
import io.trustspace.identity.registration.RegistrationRequest;
import io.trustspace.identity.registration.UnifiedSocialCreditCode;
import io.trustspace.identity.registration.Validation;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * 接入认证 on the operator: registration of organisations, individuals and data service providers, verification,
 * review decisions, and the membership credential that approval yields.
 */
@RestController
@RequestMapping("/api/v1/participants")
@Tag(name = "participants", description = "Registration, verification, review and credentials (接入认证)")
public class ParticipantController {

    private final ParticipantService participants;
    private final ParticipantRepository repository;
    private final Membership membership;
    private final JdbcParticipantCredentials credentials;
    private final JsonMapper json = JsonMapper.builder().build();

    public ParticipantController(
            ParticipantService participants,
            ParticipantRepository repository,
            Membership membership,
            JdbcParticipantCredentials credentials) {
        this.participants = participants;
        this.repository = repository;
        this.membership = membership;
        this.credentials = credentials;
    }

    @PostMapping
    @Operation(summary = "Register a participant (kind organisation, individual or service-provider); starts PENDING")
    public ResponseEntity<?> register(@RequestBody JsonNode body, HttpServletRequest request) {
        List<FieldError> shape = shapeErrors(body);
        if (!shape.isEmpty()) {
            return invalid(shape, request);
        }
        RegistrationRequest registration = request(body);
        Validation validation = participants.validate(registration);
        if (validation instanceof Validation.Invalid invalid) {
            return invalid(invalid.errors(), request);
        }
        String did = body.path("did").asString(null);
        if (did != null && !did.matches("did:web:[A-Za-z0-9.%:_-]{1,300}")) {
            return invalid(List.of(new FieldError("did", "did-web", "must be a did:web identifier")), request);
        }
        return participants
                .register(registration)
                .fold(
                        participant -> {
                            if (did != null) {
                                credentials.setDid(participant.id().value(), did);
                            }
                            return ResponseEntity.created(URI.create("/api/v1/participants/"
                                            + participant.id().value()))
                                    .body(view(participant));
                        },
                        failure -> Problems.response(failure, request));
    }

    @GetMapping
    @Operation(summary = "Find a participant by its unified social credit code")
    public ResponseEntity<?> find(@RequestParam("uscc") String uscc, HttpServletRequest request) {
        Result<UnifiedSocialCreditCode> code = UnifiedSocialCreditCode.parse(uscc);
        if (code instanceof Result.Failure<UnifiedSocialCreditCode> bad) {
            return Problems.response(bad, request);
        }
        List<ObjectNode> found = repository.findByUscc(code.orElseThrow()).map(this::view).stream()
                .toList();
        return ResponseEntity.ok(found);
    }

    @GetMapping("/{id}")
    @Operation(summary = "A participant: state, verification results, review history")
    public ResponseEntity<?> get(@PathVariable String id, HttpServletRequest request) {
        return id(id).flatMap(participants::find)
                .fold(p -> ResponseEntity.ok(view(p)), f -> Problems.response(f, request));
    }

    @PostMapping("/{id}/verify")
    @Operation(summary = "Run the identity verifiers (format, registries); moves the participant UNDER_REVIEW")
    public ResponseEntity<?> verify(@PathVariable String id, HttpServletRequest request) {
        return id(id).flatMap(participants::verify)
                .fold(p -> ResponseEntity.ok(view(p)), f -> Problems.response(f, request));
    }

    @PostMapping("/{id}/approve")
    @Operation(summary = "Approve; issues the membership credential when the connector DID is known")
    public ResponseEntity<?> approve(
            @PathVariable String id,
            @RequestBody(required = false) JsonNode body,
            Principal who,
            HttpServletRequest request) {
        return decide(id, body, who, request, membership::approve);
    }

    @PostMapping("/{id}/reject")
    @Operation(summary = "Reject with a reason")
    public ResponseEntity<?> reject(
            @PathVariable String id,
            @RequestBody(required = false) JsonNode body,
            Principal who,
            HttpServletRequest request) {
        return decide(id, body, who, request, participants::reject);
    }

    @PostMapping("/{id}/suspend")
    @Operation(summary = "Suspend: the credential's suspension bit is set")
    public ResponseEntity<?> suspend(
            @PathVariable String id,
            @RequestBody(required = false) JsonNode body,
            Principal who,
            HttpServletRequest request) {
        return decide(id, body, who, request, membership::suspend);
    }

    @PostMapping("/{id}/reinstate")
    @Operation(summary = "Reinstate a suspended participant: the suspension bit is cleared")
    public ResponseEntity<?> reinstate(
            @PathVariable String id,
            @RequestBody(required = false) JsonNode body,
            Principal who,
            HttpServletRequest request) {
        return decide(id, body, who, request, membership::reinstate);
    }

    @PostMapping("/{id}/revoke")
    @Operation(summary = "Revoke for good: the credential's revocation bit is set")
    public ResponseEntity<?> revoke(
            @PathVariable String id,
            @RequestBody(required = false) JsonNode body,
            Principal who,
            HttpServletRequest request) {
        return decide(id, body, who, request, membership::revoke);
    }

    @GetMapping("/{id}/credential")
    @Operation(summary = "The participant's newest membership credential (VC 2.0 secured as JWT)")
    public ResponseEntity<?> credential(@PathVariable String id, HttpServletRequest request) {
        return id(id).flatMap(participant -> credentials
                        .latest(participant.value())
                        .<Result<JdbcParticipantCredentials.Stored>>map(Result::ok)
                        .orElseGet(() -> Result.notFound("no credential has been issued to " + participant.value())))
                .fold(stored -> ResponseEntity.ok(credentialView(stored)), f -> Problems.response(f, request));
    }

    @PostMapping("/{id}/credential")
    @Operation(summary = "Renew the membership credential (opens 30 days before it expires); keeps its status entry")
    public ResponseEntity<?> renew(@PathVariable String id, HttpServletRequest request) {
        return id(id).flatMap(membership::renew)
                .fold(stored -> ResponseEntity.ok(credentialView(stored)), f -> Problems.response(f, request));
    }

    private ObjectNode credentialView(JdbcParticipantCredentials.Stored stored) {
        ObjectNode body = json.createObjectNode();
        body.put("id", stored.credentialId());
        body.put("jwt", stored.jwt());
        body.put("validUntil", stored.validUntil().toString());
        return body;
    }

    private ResponseEntity<?> decide(
            String id,
            JsonNode body,
            Principal who,
            HttpServletRequest request,
            BiFunction<ParticipantId, ReviewDecision, Result<Participant>> action) {
        JsonNode reasonNode = body == null ? null : body.get("reason");
        if (reasonNode == null
                || !reasonNode.isString()
                || reasonNode.stringValue().isBlank()) {
            return invalid(
                    List.of(new FieldError("reason", "required", "a review decision needs a reason, a string")),
                    request);
        }
        String reason = reasonNode.stringValue();
        JsonNode version = body.get("version");
        if (version != null && !version.isNull() && !(version.isIntegralNumber() && version.canConvertToLong())) {
            return invalid(
                    List.of(new FieldError("version", "type", "must be the participant's version, an integer")),
                    request);
        }
        Long expectedVersion = version == null || version.isNull() ? null : version.longValue();
        ReviewDecision decision = new ReviewDecision(who.getName(), reason, expectedVersion);
        return id(id).flatMap(participant -> action.apply(participant, decision))
                .fold(p -> ResponseEntity.ok(view(p)), f -> Problems.response(f, request));
    }

    private static Result<ParticipantId> id(String text) {
        try {
            return Result.ok(new ParticipantId(text));
        } catch (IllegalArgumentException e) {
            return Result.notFound("no participant '" + text + "'");
        }
    }

    private ResponseEntity<ProblemDetail> invalid(List<FieldError> errors, HttpServletRequest request) {
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "invalid", FieldError.describe(errors), request);
        List<java.util.Map<String, String>> fields = new ArrayList<>();
        for (FieldError error : errors) {
            fields.add(java.util.Map.of("field", error.field(), "rule", error.rule(), "message", error.message()));
        }
        problem.setProperty("errors", fields);
        return Problems.response(problem);
    }

    private RegistrationRequest request(JsonNode body) {
        String kind = body.path("kind").asString("organisation").toLowerCase(Locale.ROOT);
        return switch (kind) {
            case "individual" ->
                new RegistrationRequest.Individual(
                        text(body, "name"), text(body, "idNumber"), contact(body.path("contact")));
            case "service-provider" ->
                new RegistrationRequest.ServiceProvider(
                        organisation(body.path("organisation")),
                        text(body, "serviceType"),
                        strings(body.path("capabilities")),
                        strings(body.path("endpoints")));
            default -> organisation(body);
        };
    }

    private static RegistrationRequest.Organisation organisation(JsonNode body) {
        return new RegistrationRequest.Organisation(
                text(body, "name"),
                text(body, "uscc"),
                text(body, "legalRepresentative"),
                contact(body.path("contact")),
                text(body, "industry"),
                text(body, "region"));
    }

    private static Contact contact(JsonNode body) {
        return new Contact(text(body, "name"), text(body, "phone"), text(body, "email"));
    }

    private static final List<String> TEXT_FIELDS = List.of(
            "kind", "did", "name", "idNumber", "serviceType", "uscc", "legalRepresentative", "industry", "region");
    private static final List<String> CONTACT_FIELDS = List.of("name", "phone", "email");
    private static final List<String> LIST_FIELDS = List.of("capabilities", "endpoints");

    /** Members of the wrong JSON type, before any is read: the rules of a registration apply to its values. */
    private static List<FieldError> shapeErrors(JsonNode body) {
        List<FieldError> errors = new ArrayList<>();
        if (body == null || !body.isObject()) {
            errors.add(new FieldError("body", "type", "must be a JSON object"));
            return errors;
        }
        organisationShape(body, "", errors);
        JsonNode organisation = body.get("organisation");
        if (organisation != null && !organisation.isNull()) {
            if (organisation.isObject()) {
                organisationShape(organisation, "organisation.", errors); // a service provider's
            } else {
                errors.add(new FieldError("organisation", "type", "must be an object"));
            }
        }
        for (String field : LIST_FIELDS) {
            JsonNode list = body.get(field);
            if (list != null && !list.isNull()) {
                boolean strings = list.isArray();
                for (int i = 0; strings && i < list.size(); i++) {
                    strings = list.get(i).isString();
                }
                if (!strings) {
                    errors.add(new FieldError(field, "type", "must be an array of strings"));
                }
            }
        }
        return errors;
    }

    private static void organisationShape(JsonNode body, String prefix, List<FieldError> errors) {
        for (String field : TEXT_FIELDS) {
            requireText(body, field, prefix + field, errors);
        }
        JsonNode contact = body.get("contact");
        if (contact != null && !contact.isNull()) {
            if (contact.isObject()) {
                for (String field : CONTACT_FIELDS) {
                    requireText(contact, field, prefix + "contact." + field, errors);
                }
            } else {
                errors.add(new FieldError(prefix + "contact", "type", "must be an object"));
            }
        }
    }

    private static void requireText(JsonNode body, String field, String path, List<FieldError> errors) {
        JsonNode value = body.get(field);
        if (value != null && !value.isNull() && !value.isString()) {
            errors.add(new FieldError(path, "type", "must be a string"));
        }
    }

    private static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        if (array.isArray()) {
            array.forEach(item -> values.add(item.asString()));
        }
        return values;
    }

    private ObjectNode view(Participant participant) {
        ObjectNode view = json.createObjectNode();
        view.put("id", participant.id().value());
        view.put("kind", participant.kind().name().toLowerCase(Locale.ROOT));
        view.put("state", participant.state().name());
        view.put("version", participant.version());
        view.put("legalName", participant.legalName());
        participant.uscc().ifPresent(code -> view.put("uscc", code.value()));
        participant.idMasked().ifPresent(masked -> view.put("idMasked", masked));
        credentials.did(participant.id().value()).ifPresent(did -> view.put("did", did));
        view.put("assuranceLevel", participant.assuranceLevel().name());
        ArrayNode verifications = view.putArray("verifications");
        participant.verifications().forEach(result -> {
            ObjectNode item = verifications.addObject();
            item.put("method", result.method().name());
            item.put("outcome", result.outcome().name());
            item.put("level", result.level().name());
            item.put("details", result.details());
            item.put("checkedAt", result.checkedAt().toString());
        });
        ArrayNode transitions = view.putArray("transitions");
        participant.transitions().forEach(transition -> {
            ObjectNode item = transitions.addObject();
            item.put(
                    "from", transition.from() == null ? null : transition.from().name());
            item.put("to", transition.to().name());
            item.put("actor", transition.actor());
            item.put("reason", transition.reason());
            item.put("at", transition.at().toString());
        });
        return view;
    }
}
