package io.trustspace.identity.credential;

import io.trustspace.common.Result;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A membership credential: the operator of {@code space} attests {@code claims} about a participant from {@code
 * validFrom} until {@code validUntil}, revocable and suspendable through Bitstring Status Lists. As JSON it is a VC
 * 2.0 credential, and secured as a JWT (VC-JOSE-COSE) that JSON is the JWS payload itself:
 *
 * <pre>{@code
 * {"@context": ["https://www.w3.org/ns/credentials/v2", "https://trustspace.io/ns/credentials/v1"],
 *  "id": "urn:uuid:…", "type": ["VerifiableCredential", "TrustSpaceMembershipCredential"],
 *  "issuer": "did:web:operator.example", "validFrom": "2025-03-01T08:00:00Z", "validUntil": "2026-03-01T08:00:00Z",
 *  "credentialSubject": {"id": "did:web:provider.example", "legalName": "…", "uscc": "91350100M000100Y43",
 *    "roles": ["consumer", "provider"], "verificationLevel": "SUBSTANTIAL", "industry": "I65", "region": "350100",
 *    "space": "fujian-health"},
 *  "credentialStatus": [
 *    {"id": "https://operator.example/status/1/revocation#94567", "type": "BitstringStatusListEntry",
 *     "statusPurpose": "revocation", "statusListIndex": "94567",
 *     "statusListCredential": "https://operator.example/status/1/revocation"},
 *    {… "statusPurpose": "suspension" …}]}
 * }</pre>
 *
 * <p>Rules: {@code id} is 1 to 200 visible ASCII characters with a scheme ({@code urn:uuid:…}); {@code issuer} is a
 * DID; {@code space} is 1 to 64 letters, digits, {@code . _ : -}; {@code validFrom} is before {@code validUntil}; the
 * status has a revocation entry and at most one entry per purpose. Immutable and thread-safe; the constructor throws
 * {@link IllegalArgumentException}, {@link #fromJson} returns the same reason as an INVALID failure.
 */
public record MembershipCredential(
        String id,
        String issuer,
        String space,
        MembershipClaims claims,
        Instant validFrom,
        Instant validUntil,
        List<StatusEntry> status) {

    /** Our JSON-LD context, defining the {@code credentialSubject} terms. */
    public static final String CONTEXT = "https://trustspace.io/ns/credentials/v1";

    public static final String TYPE = "TrustSpaceMembershipCredential";

    private static final Pattern ID = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*:[\\x21-\\x7E]+");
    private static final Pattern SPACE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,63}");
    private static final Pattern INDEX = Pattern.compile("0|[1-9][0-9]{0,9}");
    private static final int MAX_ID_LENGTH = 200;
    private static final int MAX_STATUS_ENTRIES = 4;

    public MembershipCredential {
        if (id == null || id.length() > MAX_ID_LENGTH || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("credential id " + DidUrl.quote(id)
                    + " must be a URI (scheme:…) of at most " + MAX_ID_LENGTH + " visible ASCII characters");
        }
        if (!DidUrl.isDid(issuer)) {
            throw new IllegalArgumentException("issuer " + DidUrl.quote(issuer) + " is not a DID");
        }
        if (!isSpaceId(space)) {
            throw new IllegalArgumentException(
                    "space " + DidUrl.quote(space) + " must be 1 to 64 letters, digits, '.', '_', ':' or '-'");
        }
        Objects.requireNonNull(claims, "claims");
        Objects.requireNonNull(validFrom, "validFrom");
        Objects.requireNonNull(validUntil, "validUntil");
        if (!validFrom.isBefore(validUntil)) {
            throw new IllegalArgumentException("validFrom " + validFrom + " is not before validUntil " + validUntil);
        }
        status = List.copyOf(status);
        Set<StatusPurpose> purposes = EnumSet.noneOf(StatusPurpose.class);
        for (StatusEntry entry : status) {
            if (!purposes.add(entry.purpose())) {
                throw new IllegalArgumentException(
                        "credentialStatus has two " + entry.purpose().jsonName() + " entries");
            }
        }
        if (!purposes.contains(StatusPurpose.REVOCATION)) {
            throw new IllegalArgumentException(
                    "credentialStatus has no revocation entry: the credential could " + "never be revoked");
        }
    }

    /** True for a valid space id: 1 to 64 letters, digits, {@code . _ : -}, starting with a letter or digit. */
    public static boolean isSpaceId(String text) {
        return text != null && SPACE.matcher(text).matches();
    }

    /** The status entry for {@code purpose}, if the credential has one (it always has a revocation entry). */
    public Optional<StatusEntry> status(StatusPurpose purpose) {
        return status.stream().filter(entry -> entry.purpose() == purpose).findFirst();
    }

    /** The VC 2.0 JSON of this credential: the payload of its {@code vc+jwt}. */
    public ObjectNode toJson() {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        ObjectNode json = nodes.objectNode();
        json.putArray("@context").add(VcJson.CREDENTIALS_V2).add(CONTEXT);
        json.put("id", id);
        json.putArray("type").add("VerifiableCredential").add(TYPE);
        json.put("issuer", issuer);
        json.put("validFrom", VcJson.dateTime(validFrom));
        json.put("validUntil", VcJson.dateTime(validUntil));
        ObjectNode subject = json.putObject("credentialSubject");
        subject.put("id", claims.subject());
        subject.put(MembershipClaim.LEGAL_NAME.jsonName(), claims.legalName());
        subject.put(
                claims.legalIdentifier().claim().jsonName(),
                claims.legalIdentifier().value());
        ArrayNode roles = subject.putArray("roles");
        claims.roles().forEach(roles::add);
        subject.put(MembershipClaim.VERIFICATION_LEVEL.jsonName(), claims.verificationLevel());
        subject.put(MembershipClaim.INDUSTRY.jsonName(), claims.industry());
        subject.put(MembershipClaim.REGION.jsonName(), claims.region());
        subject.put("space", space);
        ArrayNode entries = json.putArray("credentialStatus");
        for (StatusEntry entry : status) {
            ObjectNode object = entries.addObject();
            object.put("id", entry.id());
            object.put("type", "BitstringStatusListEntry");
            object.put("statusPurpose", entry.purpose().jsonName());
            object.put("statusListIndex", Integer.toString(entry.index()));
            object.put("statusListCredential", entry.statusListCredential());
        }
        return json;
    }

    /**
     * Reads a membership credential from its VC 2.0 JSON. Members this profile does not define are ignored (VC 2.0
     * is extensible); the members it defines must be present with the right types and values, and an unknown status
     * purpose or a {@code statusSize} other than 1 is refused.
     */
    public static Result<MembershipCredential> fromJson(JsonNode json) {
        if (json == null || !json.isObject()) {
            return Result.invalid("credential is not a JSON object");
        }
        if (!VcJson.hasBaseContext(json) || !VcJson.hasContext(json, CONTEXT)) {
            return Result.invalid(
                    "credential @context must start with " + VcJson.CREDENTIALS_V2 + " and include " + CONTEXT);
        }
        List<String> types = VcJson.types(json.get("type"));
        if (!types.contains("VerifiableCredential") || !types.contains(TYPE)) {
            return Result.invalid("credential type must include VerifiableCredential and " + TYPE);
        }
        Optional<String> id = VcJson.string(json, "id");
        if (id.isEmpty()) {
            return Result.invalid("credential id is missing or not a string");
        }
        Optional<String> issuer = VcJson.issuer(json);
        if (issuer.isEmpty()) {
            return Result.invalid("credential issuer is missing (a string or an object with an id)");
        }
        Result<Instant> validFrom = VcJson.parseDateTime(json.get("validFrom"), "validFrom");
        if (validFrom instanceof Result.Failure<Instant> failure) {
            return failure.cast();
        }
        Result<Instant> validUntil = VcJson.parseDateTime(json.get("validUntil"), "validUntil");
        if (validUntil instanceof Result.Failure<Instant> failure) {
            return failure.cast();
        }
        JsonNode subject = json.get("credentialSubject");
        if (subject == null || !subject.isObject()) {
            return Result.invalid("credentialSubject is missing or not a single object");
        }
        Result<MembershipClaims> claims = claims(subject);
        if (claims instanceof Result.Failure<MembershipClaims> failure) {
            return failure.cast();
        }
        Optional<String> space = VcJson.string(subject, "space");
        if (space.isEmpty()) {
            return Result.invalid("credentialSubject.space is missing or not a string");
        }
        Result<List<StatusEntry>> status = status(json.get("credentialStatus"));
        if (status instanceof Result.Failure<List<StatusEntry>> failure) {
            return failure.cast();
        }
        try {
            return Result.ok(new MembershipCredential(
                    id.get(),
                    issuer.get(),
                    space.get(),
                    claims.orElseThrow(),
                    validFrom.orElseThrow(),
                    validUntil.orElseThrow(),
                    status.orElseThrow()));
        } catch (IllegalArgumentException e) {
            return Result.invalid(e.getMessage());
        }
    }

    private static Result<MembershipClaims> claims(JsonNode subject) {
        for (String member : List.of("id", "legalName", "verificationLevel", "industry", "region")) {
            if (VcJson.string(subject, member).isEmpty()) {
                return Result.invalid("credentialSubject." + member + " is missing or not a string");
            }
        }
        Optional<String> uscc = VcJson.string(subject, MembershipClaim.USCC.jsonName());
        Optional<String> maskedId = VcJson.string(subject, MembershipClaim.MASKED_ID.jsonName());
        if (uscc.isPresent() == maskedId.isPresent()) {
            return Result.invalid("credentialSubject needs exactly one of uscc and maskedId");
        }
        JsonNode roleArray = subject.get("roles");
        if (roleArray == null || !roleArray.isArray() || roleArray.size() > MembershipClaims.MAX_ROLES) {
            return Result.invalid(
                    "credentialSubject.roles must be an array of at most " + MembershipClaims.MAX_ROLES + " roles");
        }
        Set<String> roles = new LinkedHashSet<>();
        for (JsonNode role : roleArray.values()) {
            if (!role.isString() || !roles.add(role.stringValue())) {
                return Result.invalid("credentialSubject.roles must hold distinct strings");
            }
        }
        try {
            LegalIdentifier identifier = uscc.isPresent()
                    ? new LegalIdentifier.Uscc(uscc.get())
                    : new LegalIdentifier.MaskedId(maskedId.get());
            return Result.ok(new MembershipClaims(
                    subject.get("id").stringValue(),
                    subject.get("legalName").stringValue(),
                    identifier,
                    roles,
                    subject.get("verificationLevel").stringValue(),
                    subject.get("industry").stringValue(),
                    subject.get("region").stringValue()));
        } catch (IllegalArgumentException e) {
            return Result.invalid("credentialSubject: " + e.getMessage());
        }
    }

    private static Result<List<StatusEntry>> status(JsonNode credentialStatus) {
        if (credentialStatus == null) {
            return Result.invalid("credentialStatus is missing: the credential could never be revoked");
        }
        List<JsonNode> entries =
                credentialStatus.isArray() ? List.copyOf(credentialStatus.values()) : List.of(credentialStatus);
        if (entries.isEmpty() || entries.size() > MAX_STATUS_ENTRIES) {
            return Result.invalid("credentialStatus must hold 1 to " + MAX_STATUS_ENTRIES + " entries");
        }
        List<StatusEntry> parsed = new ArrayList<>();
        for (JsonNode entry : entries) {
            if (!entry.isObject() || !VcJson.types(entry.get("type")).contains("BitstringStatusListEntry")) {
                return Result.invalid("every credentialStatus entry must be a BitstringStatusListEntry object");
            }
            Optional<StatusPurpose> purpose =
                    VcJson.string(entry, "statusPurpose").flatMap(StatusPurpose::fromJsonName);
            if (purpose.isEmpty()) {
                return Result.invalid("credentialStatus statusPurpose must be revocation or suspension");
            }
            JsonNode size = entry.get("statusSize");
            if (size != null && !(size.isIntegralNumber() && size.canConvertToLong() && size.longValue() == 1)) {
                return Result.invalid("credentialStatus statusSize must be 1; multi-bit status is not supported");
            }
            Optional<String> index = VcJson.string(entry, "statusListIndex");
            if (index.isEmpty()
                    || !INDEX.matcher(index.get()).matches()
                    || Long.parseLong(index.get()) > Integer.MAX_VALUE) {
                return Result.invalid("statusListIndex must be a base-10 integer string from 0 to " + Integer.MAX_VALUE
                        + " without leading zeros");
            }
            Optional<String> url = VcJson.string(entry, "statusListCredential");
            if (url.isEmpty() || !StatusEntry.isListUrl(url.get())) {
                return Result.invalid("statusListCredential must be an absolute http(s) URL of at most "
                        + StatusEntry.MAX_URL_LENGTH + " characters");
            }
            parsed.add(new StatusEntry(purpose.get(), Integer.parseInt(index.get()), url.get()));
        }
        return Result.ok(parsed);
    }
}
