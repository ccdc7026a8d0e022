package io.trustspace.identity.auth;

import io.trustspace.common.Result;
import io.trustspace.crypto.CryptoSuite;
import io.trustspace.crypto.SuiteId;
import io.trustspace.crypto.jose.Base64Url;
import io.trustspace.crypto.jose.Jws;
import io.trustspace.crypto.jose.VerifiedJws;
import io.trustspace.identity.credential.DidKeys;
import io.trustspace.identity.credential.DidUrl;
import io.trustspace.identity.credential.MembershipCredential;
import io.trustspace.identity.credential.StatusEntry;
import io.trustspace.identity.credential.StatusLists;
import io.trustspace.identity.credential.StatusPurpose;
import io.trustspace.identity.credential.VcJson;
import io.trustspace.identity.credential.VerifiedStatusList;
import io.trustspace.identity.trust.TrustList;
import io.trustspace.identity.trust.TrustedIssuer;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The callee's side of connector-to-connector authentication: checks the access token on a DSP request before
 * anything else happens, and yields the {@link VerifiedCaller} that policies evaluate, or the {@link AuthFailure} to
 * answer 401 with. Every refusal is also handed to {@link RejectedAttempts} as evidence.
 *
 * <p>The checks run in this order, and the first that fails decides:
 *
 * <ol>
 *   <li>shape: a compact JWS of at most {@value #MAX_TOKEN_LENGTH} characters; header {@code typ} {@value
 *       AccessTokenIssuer#TOKEN_TYPE} and {@code kid} = {@code <iss>#<key id>}; claims {@code iss} (a DID), {@code sub}
 *       = {@code iss}, {@code aud}, {@code jti} (1 to 256 visible ASCII), {@code iat} and {@code exp} (integer
 *       seconds, {@code exp} after {@code iat}), optional {@code nbf} ({@code MALFORMED});
 *   <li>presentation: {@code vp} holds exactly one {@code EnvelopedVerifiableCredential} with a {@code
 *       data:application/vc+jwt,} id ({@code NO_CREDENTIAL}); its holder, if given, is {@code iss} ({@code
 *       SUBJECT_MISMATCH});
 *   <li>the credential's signer (the DID of its {@code kid}) on the trust list, before its key is fetched ({@code
 *       UNTRUSTED_ISSUER});
 *   <li>the credential's signature under the key {@link DidKeys} resolves for its {@code kid}, its issuer equal to
 *       the DID of that {@code kid}, and its content a valid membership credential ({@code CREDENTIAL_INVALID};
 *       {@code KEY_UNAVAILABLE} when the issuer's DID document cannot be fetched now);
 *   <li>issuer trusted for the space the credential names ({@code UNTRUSTED_ISSUER});
 *   <li>credential subject = {@code iss} ({@code SUBJECT_MISMATCH});
 *   <li>the token's signature under the key {@link DidKeys} resolves for {@code kid} ({@code UNKNOWN_KEY}; {@code
 *       KEY_UNAVAILABLE} when the DID document cannot be fetched now; {@code BAD_SIGNATURE});
 *   <li>time, with at most {@link #MAX_CLOCK_SKEW} of skew: {@code exp - iat} at most five minutes ({@code
 *       LIFETIME_TOO_LONG}), {@code exp} not passed ({@code EXPIRED}), {@code iat} and {@code nbf} not in the future
 *       ({@code NOT_YET_VALID});
 *   <li>audience: exactly this connector's DID, alone ({@code WRONG_AUDIENCE});
 *   <li>replay: {@code iss} + {@code jti} not seen before ({@code REPLAYED}, {@code REPLAY_CACHE_FULL});
 *   <li>credential validity period ({@code CREDENTIAL_EXPIRED}; not yet valid is {@code CREDENTIAL_INVALID});
 *   <li>status: revocation, then suspension if the credential has that entry, from lists signed by the credential's
 *       issuer ({@code REVOKED}, {@code SUSPENDED}; {@code STATUS_UNAVAILABLE} if a list cannot be fetched or checked,
 *       or does not cover the index: the verifier fails closed).
 * </ol>
 *
 * <p>Nothing the caller names is fetched before a trusted issuer has vouched for it: the only DID documents a token
 * can make this node fetch are those of trusted issuers (cached) and of their credentials' subjects, so no one can
 * use it to probe other hosts. A peer presents the same credential every time, so the credential's check is
 * remembered and a forged token still costs about one key lookup and two signature checks. Thread-safe if its
 * collaborators are; the trust list is read from its supplier on every call, so the app can swap it at run time.
 */
public final class AccessTokenVerifier {

    /** Longest token accepted, in characters. */
    public static final int MAX_TOKEN_LENGTH = 16 * 1024;

    /** The clock difference tolerated between caller and callee. */
    public static final Duration MAX_CLOCK_SKEW = Duration.ofSeconds(60);

    private static final long MAX_NUMERIC_DATE = 253_402_300_799L; // 9999-12-31T23:59:59Z
    private static final int MAX_AUDIENCES = 8;
    private static final Pattern TOKEN_ID = Pattern.compile("[\\x21-\\x7E]{1,256}");

    private final String self;
    private final CryptoSuite suite;
    private final DidKeys didKeys;
    private final Supplier<TrustList> trustList;
    private final StatusLists statusLists;
    private final ReplayCache replayCache;
    private final RejectedAttempts rejectedAttempts;
    private final Clock clock;

    static final int CREDENTIAL_CACHE_ENTRIES = 10_000;
    static final java.time.Duration CREDENTIAL_CACHE_TTL = java.time.Duration.ofMinutes(5);

    private final Map<String, VerifiedCredential> verifiedCredentials =
            new java.util.LinkedHashMap<>(256, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, VerifiedCredential> eldest) {
                    return size() > CREDENTIAL_CACHE_ENTRIES;
                }
            };

    /**
     * @param self this connector's DID: the only audience it accepts
     * @param suite the space's suite, for the digest of refused tokens in evidence
     */
    public AccessTokenVerifier(
            String self,
            CryptoSuite suite,
            DidKeys didKeys,
            Supplier<TrustList> trustList,
            StatusLists statusLists,
            ReplayCache replayCache,
            RejectedAttempts rejectedAttempts,
            Clock clock) {
        if (!DidUrl.isDid(self)) {
            throw new IllegalArgumentException("the verifier's own id must be a DID, not " + self);
        }
        this.self = self;
        this.suite = Objects.requireNonNull(suite, "suite");
        this.didKeys = Objects.requireNonNull(didKeys, "didKeys");
        this.trustList = Objects.requireNonNull(trustList, "trustList");
        this.statusLists = Objects.requireNonNull(statusLists, "statusLists");
        this.replayCache = Objects.requireNonNull(replayCache, "replayCache");
        this.rejectedAttempts = Objects.requireNonNull(rejectedAttempts, "rejectedAttempts");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Checks {@code token} (the bearer value of the request's Authorization header). */
    public AuthOutcome verify(String token) {
        Instant now = clock.instant();
        Attempt attempt = new Attempt();
        AuthOutcome outcome = check(token, now, attempt);
        if (outcome instanceof AuthOutcome.Rejected rejected) {
            rejectedAttempts.record(new RejectedAttempt(
                    now,
                    self,
                    rejected.failure(),
                    rejected.detail(),
                    attempt.issuer,
                    attempt.tokenId,
                    attempt.signatureVerified,
                    digest(token)));
        }
        return outcome;
    }

    /** What the token said about itself, for the evidence of a refusal. */
    private static final class Attempt {
        String issuer;
        String tokenId;
        boolean signatureVerified;
    }

    /** The claims of a token that passed the shape check. */
    private record Claims(
            DidUrl kid,
            String issuer,
            JsonNode audience,
            String tokenId,
            long issuedAt,
            long expiresAt,
            Long notBefore,
            JsonNode presentation) {}

    private AuthOutcome check(String token, Instant now, Attempt attempt) {
        Result<Claims> shaped = shape(token, attempt);
        if (shaped instanceof Result.Failure<Claims> failure) {
            return rejected(AuthFailure.MALFORMED, failure.reason());
        }
        Claims claims = shaped.orElseThrow();

        // A trusted issuer must vouch for the caller before anything the caller names is fetched: otherwise anyone
        // could make this node fetch any did:web document, and learn from the refusal what answered there.
        Step vouching = vouch(claims);
        if (vouching instanceof Refused refused) {
            return refused.outcome();
        }
        Vouched vouched = (Vouched) vouching;

        Result<PublicKey> key = didKeys.resolve(claims.issuer(), claims.kid().fragment());
        if (key instanceof Result.Failure<PublicKey> failure) {
            return rejected(
                    failure.kind() == Result.Kind.UNAVAILABLE ? AuthFailure.KEY_UNAVAILABLE : AuthFailure.UNKNOWN_KEY,
                    "key " + claims.kid() + ": " + failure.reason());
        }
        Result<VerifiedJws> signed = Jws.verify(token, key.orElseThrow());
        if (signed instanceof Result.Failure<VerifiedJws> failure) {
            return rejected(AuthFailure.BAD_SIGNATURE, "token signed as " + claims.kid() + ": " + failure.reason());
        }
        attempt.signatureVerified = true;

        if (claims.expiresAt() - claims.issuedAt() > AccessTokenIssuer.MAX_LIFETIME.getSeconds()) {
            return rejected(
                    AuthFailure.LIFETIME_TOO_LONG,
                    "token lives %d s (exp - iat); at most %d s allowed"
                            .formatted(
                                    claims.expiresAt() - claims.issuedAt(),
                                    AccessTokenIssuer.MAX_LIFETIME.getSeconds()));
        }
        Instant acceptedUntil = Instant.ofEpochSecond(claims.expiresAt()).plus(MAX_CLOCK_SKEW);
        if (now.isAfter(acceptedUntil)) {
            return rejected(AuthFailure.EXPIRED, "token expired at " + Instant.ofEpochSecond(claims.expiresAt()));
        }
        Instant latestStart = now.plus(MAX_CLOCK_SKEW);
        if (Instant.ofEpochSecond(claims.issuedAt()).isAfter(latestStart)) {
            return rejected(
                    AuthFailure.NOT_YET_VALID,
                    "token issued in the future, at " + Instant.ofEpochSecond(claims.issuedAt()));
        }
        if (claims.notBefore() != null
                && Instant.ofEpochSecond(claims.notBefore()).isAfter(latestStart)) {
            return rejected(
                    AuthFailure.NOT_YET_VALID, "token not valid before " + Instant.ofEpochSecond(claims.notBefore()));
        }

        Optional<String> audienceProblem = audienceProblem(claims.audience());
        if (audienceProblem.isPresent()) {
            return rejected(AuthFailure.WRONG_AUDIENCE, audienceProblem.get());
        }

        switch (replayCache.admit(claims.issuer(), claims.tokenId(), acceptedUntil, now)) {
            case REPLAYED:
                return rejected(
                        AuthFailure.REPLAYED,
                        "token " + quote(claims.tokenId()) + " of " + claims.issuer() + " was already used");
            case FULL:
                return rejected(AuthFailure.REPLAY_CACHE_FULL, "too many live tokens to remember another; retry later");
            case ADMITTED:
            default:
                break;
        }

        return inForce(claims, vouched, now);
    }

    /** What {@link #vouch} found: the caller's credential, verified, from an issuer on the trust list. */
    private sealed interface Step permits Vouched, Refused {}

    private record Vouched(MembershipCredential credential, TrustedIssuer issuer) implements Step {}

    private record Refused(AuthOutcome outcome) implements Step {}

    /**
     * The presented credential: one enveloped VC, signed by an issuer on the trust list (checked before its key is
     * fetched) for the space it names, about the token's issuer. Only the trusted issuer's DID is fetched here.
     */
    private Step vouch(Claims claims) {
        JsonNode vp = claims.presentation();
        if (vp == null || !vp.isObject() || !VcJson.types(vp.get("type")).contains("VerifiablePresentation")) {
            return new Refused(
                    rejected(AuthFailure.NO_CREDENTIAL, "token has no vp claim holding a VerifiablePresentation"));
        }
        JsonNode holder = vp.get("holder");
        if (holder != null) {
            String holderId =
                    holder.isObject() && holder.has("id") ? holder.get("id").asString("") : holder.asString("");
            if (!claims.issuer().equals(holderId)) {
                return new Refused(rejected(
                        AuthFailure.SUBJECT_MISMATCH,
                        "presentation holder " + quote(holderId) + " is not the token issuer " + claims.issuer()));
            }
        }
        JsonNode credentials = vp.get("verifiableCredential");
        List<JsonNode> entries = credentials == null
                ? List.of()
                : credentials.isArray() ? List.copyOf(credentials.values()) : List.of(credentials);
        if (entries.size() != 1) {
            return new Refused(rejected(
                    AuthFailure.NO_CREDENTIAL, "presentation must hold exactly one credential, not " + entries.size()));
        }
        JsonNode enveloped = entries.get(0);
        Optional<String> dataUrl = enveloped.isObject() ? VcJson.string(enveloped, "id") : Optional.empty();
        String prefix = VcJson.VC_JWT_DATA_URL_PREFIX;
        if (!VcJson.types(enveloped.get("type")).contains("EnvelopedVerifiableCredential")
                || dataUrl.isEmpty()
                || !dataUrl.get().regionMatches(true, 0, prefix, 0, prefix.length())) {
            return new Refused(rejected(
                    AuthFailure.NO_CREDENTIAL,
                    "the presented credential is not an "
                            + "EnvelopedVerifiableCredential with a data:application/vc+jwt, id"));
        }
        String jwt = dataUrl.get().substring(prefix.length());

        Result<MembershipCredential> verified = verifiedCredential(jwt);
        if (verified instanceof Result.Failure<MembershipCredential> failure) {
            AuthFailure code = switch (failure.kind()) {
                case FORBIDDEN -> AuthFailure.UNTRUSTED_ISSUER;
                case UNAVAILABLE -> AuthFailure.KEY_UNAVAILABLE;
                default -> AuthFailure.CREDENTIAL_INVALID;
            };
            return new Refused(rejected(code, failure.reason()));
        }
        MembershipCredential credential = verified.orElseThrow();

        Optional<TrustedIssuer> trusted = trustList.get().issuer(credential.issuer());
        if (trusted.isEmpty()) {
            return new Refused(rejected(
                    AuthFailure.UNTRUSTED_ISSUER, "issuer " + credential.issuer() + " is not on the trust list"));
        }
        if (!trusted.get().space().equals(credential.space())) {
            return new Refused(rejected(
                    AuthFailure.UNTRUSTED_ISSUER,
                    "issuer " + credential.issuer() + " is trusted for space "
                            + trusted.get().space() + ", not for " + quote(credential.space())));
        }

        if (!credential.claims().subject().equals(claims.issuer())) {
            return new Refused(rejected(
                    AuthFailure.SUBJECT_MISMATCH,
                    "credential " + credential.id() + " is about "
                            + credential.claims().subject() + ", not the token issuer " + claims.issuer()));
        }

        return new Vouched(credential, trusted.get());
    }

    /** The credential in force now: within its validity period, neither revoked nor suspended. */
    private AuthOutcome inForce(Claims claims, Vouched vouched, Instant now) {
        MembershipCredential credential = vouched.credential();
        if (credential.validFrom().isAfter(now.plus(MAX_CLOCK_SKEW))) {
            return rejected(
                    AuthFailure.CREDENTIAL_INVALID,
                    "credential " + credential.id() + " is not valid before " + credential.validFrom());
        }
        if (!now.minus(MAX_CLOCK_SKEW).isBefore(credential.validUntil())) {
            return rejected(
                    AuthFailure.CREDENTIAL_EXPIRED,
                    "credential " + credential.id() + " expired at " + credential.validUntil());
        }

        for (StatusPurpose purpose : List.of(StatusPurpose.REVOCATION, StatusPurpose.SUSPENSION)) {
            Optional<StatusEntry> entry = credential.status(purpose);
            if (entry.isEmpty()) {
                continue; // only suspension is optional; the credential's constructor requires revocation
            }
            Result<Boolean> set = statusBit(credential, entry.get());
            if (set instanceof Result.Failure<Boolean> failure) {
                return rejected(AuthFailure.STATUS_UNAVAILABLE, failure.reason());
            }
            if (set.orElseThrow()) {
                return purpose == StatusPurpose.REVOCATION
                        ? rejected(AuthFailure.REVOKED, "credential " + credential.id() + " is revoked")
                        : rejected(AuthFailure.SUSPENDED, "credential " + credential.id() + " is suspended");
            }
        }

        TrustedIssuer issuer = vouched.issuer();
        return new AuthOutcome.Authenticated(new VerifiedCaller(
                claims.issuer(),
                credential.issuer(),
                issuer.space(),
                issuer.filterRoles(credential.claims().roles()),
                issuer.filterClaims(credential.claims().asMap()),
                credential.id(),
                credential.validUntil()));
    }

    /** The credential's signature under its issuer's key, and its content as a membership credential. */
    /**
     * A peer presents the same credential in every token, so its signature check is remembered for as long as a DID
     * document is (five minutes): a signed JWT cannot change, and an issuer key dropped from its DID document stops
     * being accepted when the cached document would have expired anyway. Status, expiry, trust list and subject are
     * still checked on every token.
     */
    private Result<MembershipCredential> verifiedCredential(String jwt) {
        Instant now = clock.instant();
        synchronized (verifiedCredentials) {
            VerifiedCredential cached = verifiedCredentials.get(jwt);
            if (cached != null && now.isBefore(cached.until())) {
                return Result.ok(cached.credential());
            }
        }
        Result<MembershipCredential> verified = verifyCredential(jwt);
        if (verified instanceof Result.Ok<MembershipCredential> ok) {
            synchronized (verifiedCredentials) {
                verifiedCredentials.put(jwt, new VerifiedCredential(ok.value(), now.plus(CREDENTIAL_CACHE_TTL)));
            }
        }
        return verified;
    }

    private record VerifiedCredential(MembershipCredential credential, Instant until) {}

    private Result<MembershipCredential> verifyCredential(String jwt) {
        Result<Map<String, Object>> header = Jws.unverifiedHeader(jwt);
        if (header instanceof Result.Failure<Map<String, Object>> failure) {
            return Result.invalid("credential: " + failure.reason());
        }
        if (!VcJson.VC_JWT_TYPE.equals(header.orElseThrow().get("typ"))) {
            return Result.invalid("credential is not typ " + VcJson.VC_JWT_TYPE);
        }
        if (!(header.orElseThrow().get("kid") instanceof String kidText)) {
            return Result.invalid("credential has no kid");
        }
        Result<DidUrl> kid = DidUrl.parse(kidText);
        if (kid instanceof Result.Failure<DidUrl> failure) {
            return Result.invalid("credential " + failure.reason());
        }
        if (trustList.get().issuer(kid.orElseThrow().did()).isEmpty()) {
            return Result.forbidden("credential issuer " + kid.orElseThrow().did() + " is not on the trust list");
        }
        Result<PublicKey> key =
                didKeys.resolve(kid.orElseThrow().did(), kid.orElseThrow().fragment());
        if (key instanceof Result.Failure<PublicKey> failure) {
            String reason = "credential issuer key " + kid.orElseThrow() + ": " + failure.reason();
            return failure.kind() == Result.Kind.UNAVAILABLE ? Result.unavailable(reason) : Result.invalid(reason);
        }
        Result<VerifiedJws> verified = Jws.verify(jwt, key.orElseThrow());
        if (verified instanceof Result.Failure<VerifiedJws> failure) {
            return Result.invalid("credential signed as " + kid.orElseThrow() + ": " + failure.reason());
        }
        Result<ObjectNode> json = VcJson.parseObject(verified.orElseThrow().payload(), "credential");
        if (json instanceof Result.Failure<ObjectNode> failure) {
            return failure.cast();
        }
        JsonNode iss = json.orElseThrow().get("iss");
        if (iss != null
                && !(iss.isString()
                        && iss.stringValue().equals(kid.orElseThrow().did()))) {
            return Result.invalid("credential JWT claim iss differs from its signer "
                    + kid.orElseThrow().did());
        }
        Result<MembershipCredential> credential = MembershipCredential.fromJson(json.orElseThrow());
        if (credential instanceof Result.Failure<MembershipCredential> failure) {
            return Result.invalid("credential: " + failure.reason());
        }
        if (!credential.orElseThrow().issuer().equals(kid.orElseThrow().did())) {
            return Result.invalid(
                    "credential names issuer " + credential.orElseThrow().issuer() + " but is signed by "
                            + kid.orElseThrow().did());
        }
        return credential;
    }

    private Result<Boolean> statusBit(MembershipCredential credential, StatusEntry entry) {
        Result<VerifiedStatusList> list = statusLists.get(entry.statusListCredential());
        if (list instanceof Result.Failure<VerifiedStatusList> failure) {
            return Result.unavailable(
                    entry.purpose().jsonName() + " status of " + credential.id() + " unknown: " + failure.reason());
        }
        if (!list.orElseThrow().issuer().equals(credential.issuer())) {
            return Result.unavailable("status list " + entry.statusListCredential() + " is signed by "
                    + list.orElseThrow().issuer() + ", not by the credential's issuer " + credential.issuer());
        }
        Result<Boolean> set = list.orElseThrow().isSet(entry.index(), entry.purpose());
        if (set instanceof Result.Failure<Boolean> failure) {
            return Result.unavailable(failure.reason());
        }
        return set;
    }

    private Optional<String> audienceProblem(JsonNode audience) {
        if (audience.isString()) {
            return audience.stringValue().equals(self)
                    ? Optional.empty()
                    : Optional.of("token is for " + quote(audience.stringValue()) + ", not for " + self);
        }
        if (audience.size() != 1) {
            return Optional.of("token names " + audience.size() + " audiences; a token is for one callee only");
        }
        return audienceProblem(audience.get(0));
    }

    private Result<Claims> shape(String token, Attempt attempt) {
        if (token == null || token.isEmpty()) {
            return Result.invalid("no access token");
        }
        if (token.length() > MAX_TOKEN_LENGTH) {
            return Result.invalid(
                    "access token has %d characters, at most %d allowed".formatted(token.length(), MAX_TOKEN_LENGTH));
        }
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            return Result.invalid("a compact JWS has 3 dot-separated parts, not " + parts.length);
        }
        for (String part : parts) {
            if (part.isEmpty() || !Base64Url.isUnpadded(part)) {
                return Result.invalid("token parts must be non-empty unpadded base64url");
            }
        }
        Result<ObjectNode> header = VcJson.parseObject(Base64.getUrlDecoder().decode(parts[0]), "token header");
        if (header instanceof Result.Failure<ObjectNode> failure) {
            return failure.cast();
        }
        if (!AccessTokenIssuer.TOKEN_TYPE.equals(
                VcJson.string(header.orElseThrow(), "typ").orElse(null))) {
            return Result.invalid("token header typ must be " + AccessTokenIssuer.TOKEN_TYPE);
        }
        Optional<String> kidText = VcJson.string(header.orElseThrow(), "kid");
        if (kidText.isEmpty()) {
            return Result.invalid("token header has no kid");
        }
        Result<DidUrl> kid = DidUrl.parse(kidText.get());
        if (kid instanceof Result.Failure<DidUrl> failure) {
            return failure.cast();
        }
        Result<ObjectNode> parsed = VcJson.parseObject(Base64.getUrlDecoder().decode(parts[1]), "token payload");
        if (parsed instanceof Result.Failure<ObjectNode> failure) {
            return failure.cast();
        }
        ObjectNode payload = parsed.orElseThrow();
        Optional<String> issuer = VcJson.string(payload, "iss").filter(DidUrl::isDid);
        if (issuer.isEmpty()) {
            return Result.invalid("token iss is missing or not a DID");
        }
        attempt.issuer = issuer.get();
        Optional<String> tokenId =
                VcJson.string(payload, "jti").filter(id -> TOKEN_ID.matcher(id).matches());
        if (tokenId.isEmpty()) {
            return Result.invalid("token jti is missing or not 1 to 256 visible ASCII characters");
        }
        attempt.tokenId = tokenId.get();
        if (!kid.orElseThrow().did().equals(issuer.get())) {
            return Result.invalid("token kid " + kid.orElseThrow() + " is not a key of its issuer " + issuer.get());
        }
        if (!issuer.equals(VcJson.string(payload, "sub"))) {
            return Result.invalid("token sub must equal iss: the token is self-issued");
        }
        JsonNode audience = payload.get("aud");
        if (audience == null || !isAudience(audience)) {
            return Result.invalid("token aud must be a string or 1 to " + MAX_AUDIENCES + " strings");
        }
        Optional<Long> issuedAt = numericDate(payload, "iat");
        Optional<Long> expiresAt = numericDate(payload, "exp");
        if (issuedAt.isEmpty() || expiresAt.isEmpty()) {
            return Result.invalid("token iat and exp must be integer seconds since 1970, up to year 9999");
        }
        if (expiresAt.get() <= issuedAt.get()) {
            return Result.invalid("token exp must be after iat");
        }
        Long notBefore = null;
        if (payload.has("nbf")) {
            Optional<Long> nbf = numericDate(payload, "nbf");
            if (nbf.isEmpty()) {
                return Result.invalid("token nbf must be integer seconds since 1970, up to year 9999");
            }
            notBefore = nbf.get();
        }
        return Result.ok(new Claims(
                kid.orElseThrow(),
                issuer.get(),
                audience,
                tokenId.get(),
                issuedAt.get(),
                expiresAt.get(),
                notBefore,
                payload.get("vp")));
    }

    private static boolean isAudience(JsonNode audience) {
        if (audience.isString()) {
            return true;
        }
        if (!audience.isArray() || audience.size() == 0 || audience.size() > MAX_AUDIENCES) {
            return false;
        }
        for (JsonNode element : audience.values()) {
            if (!element.isString()) {
                return false;
            }
        }
        return true;
    }

    private static Optional<Long> numericDate(JsonNode payload, String name) {
        JsonNode value = payload.get(name);
        if (value == null || !value.isIntegralNumber() || !value.canConvertToLong()) {
            return Optional.empty();
        }
        long seconds = value.longValue();
        return seconds >= 0 && seconds <= MAX_NUMERIC_DATE ? Optional.of(seconds) : Optional.empty();
    }

    private String digest(String token) {
        byte[] bytes = token == null ? new byte[0] : token.getBytes(StandardCharsets.UTF_8);
        String label = suite.id() == SuiteId.GM ? "sm3:" : "sha-256:";
        return label + HexFormat.of().formatHex(suite.digest(bytes));
    }

    private static AuthOutcome rejected(AuthFailure failure, String detail) {
        return new AuthOutcome.Rejected(failure, detail);
    }

    private static String quote(String value) {
        if (value == null) {
            return "(missing)";
        }
        return "'" + (value.length() > 80 ? value.substring(0, 80) + "…" : value) + "'";
    }
}
