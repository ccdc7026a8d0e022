package io.trustspace.identity.verification;

import io.trustspace.common.Result;
import io.trustspace.common.json.CanonicalJson;
import io.trustspace.identity.registration.Endpoint;
import io.trustspace.identity.registration.ParticipantKind;
import io.trustspace.identity.registration.ResidentIdNumber;
import io.trustspace.identity.registration.UnifiedSocialCreditCode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Asks an official registry over HTTP whether a participant's claims hold: the market regulator's enterprise
 * registration (市场监管), the tax authority (税务) or public security (公安). Each registry sits behind a gateway
 * that speaks this simple contract, so that one adapter serves them all.
 *
 * <h2>Request</h2>
 *
 * {@code POST <endpoint>} with {@code Content-Type: application/json}, {@code Accept: application/json} and, when
 * configured, {@code Authorization: Bearer <token>}. The body is RFC 8785 canonical JSON:
 *
 * <pre>{@code
 * {"registry":"MARKET_REGULATION","subject":{"legalRepresentative":"张伟","name":"北京星河数据科技有限公司",
 *  "type":"ORGANISATION","uscc":"91110105MA01C3D718"}}
 * {"registry":"PUBLIC_SECURITY","subject":{"idNumber":"110105199003071239","name":"李娜","type":"INDIVIDUAL"}}
 * }</pre>
 *
 * <p>{@code registry} is {@code MARKET_REGULATION}, {@code TAX} or {@code PUBLIC_SECURITY}; {@code type} is the
 * participant kind ({@code SERVICE_PROVIDER} subjects are sent as {@code ORGANISATION}).
 *
 * <h2>Response</h2>
 *
 * HTTP 200 with a JSON object of at most {@value #MAX_RESPONSE_BYTES} bytes:
 *
 * <pre>{@code
 * {"result":"MATCH","status":"存续","reference":"SAMR-2026-000123"}
 * {"result":"MISMATCH","mismatched":["legalRepresentative"]}
 * {"result":"NOT_FOUND"}
 * }</pre>
 *
 * <ul>
 *   <li>{@code result} (required): {@code MATCH}, {@code MISMATCH} or {@code NOT_FOUND}: the registry compares, we
 *       never receive its records;
 *   <li>{@code status} (optional): the registration status; a {@code MATCH} whose status is not in good standing
 *       ({@link RegistryEntry#GOOD_STANDING}) is a {@link VerificationOutcome#MISMATCH};
 *   <li>{@code mismatched} (optional): which of {@code name}, {@code legalRepresentative}, {@code idNumber} differ;
 *   <li>{@code reference} (optional): the registry's id for this answer, kept in the result details.
 * </ul>
 *
 * <p>Anything else is {@link VerificationOutcome#UNAVAILABLE} with the reason: no connection, no complete answer
 * within the timeout (which bounds the whole call, connection included), a status other than 200 (5xx, 429, 4xx),
 * a larger body, a body that is not such an object. Redirects are not followed.
 *
 * <p>The endpoint must be https (http only on loopback, for tests), since requests carry personal data. Neither the
 * token nor an ID number ever appears in results or {@link #toString()}. Thread-safe; the {@link HttpClient} may be
 * shared.
 */
public final class HttpRegistryVerifier implements IdentityVerifier {

    public static final int MAX_RESPONSE_BYTES = 64 * 1024;
    public static final Duration MIN_TIMEOUT = Duration.ofMillis(50);
    public static final Duration MAX_TIMEOUT = Duration.ofSeconds(60);

    private static final Set<VerificationMethod> REGISTRIES =
            Set.of(VerificationMethod.MARKET_REGULATION, VerificationMethod.TAX, VerificationMethod.PUBLIC_SECURITY);
    private static final Set<String> FIELDS = Set.of("name", "legalRepresentative", "idNumber");
    private static final int MAX_REFERENCE = 200;

    /**
     * Where and how to ask one registry. {@code bearerToken} may be null; {@code timeout} bounds each call from
     * connecting to the last byte of the answer.
     */
    public record Settings(
            VerificationMethod registry,
            URI endpoint,
            Duration timeout,
            String bearerToken,
            AssuranceLevel levelOnMatch) {

        public Settings {
            Objects.requireNonNull(registry, "registry");
            Objects.requireNonNull(endpoint, "endpoint");
            Objects.requireNonNull(timeout, "timeout");
            Objects.requireNonNull(levelOnMatch, "levelOnMatch");
            if (!REGISTRIES.contains(registry)) {
                throw new IllegalArgumentException(registry + " is not a registry reachable over HTTP");
            }
            Endpoint.parse(endpoint.toString()).fold(ok -> ok, failure -> {
                throw new IllegalArgumentException("registry endpoint: " + failure.reason());
            });
            if (timeout.compareTo(MIN_TIMEOUT) < 0 || timeout.compareTo(MAX_TIMEOUT) > 0) {
                throw new IllegalArgumentException("timeout must be between " + MIN_TIMEOUT + " and " + MAX_TIMEOUT);
            }
            if (levelOnMatch == AssuranceLevel.NONE) {
                throw new IllegalArgumentException("a verified result needs a level above NONE");
            }
        }

        /** Settings without a token, verifying at {@link AssuranceLevel#SUBSTANTIAL}. */
        public static Settings of(VerificationMethod registry, URI endpoint, Duration timeout) {
            return new Settings(registry, endpoint, timeout, null, AssuranceLevel.SUBSTANTIAL);
        }

        @Override
        public String toString() {
            return "Settings[" + registry + ", " + endpoint + ", " + timeout + ", token "
                    + (bearerToken == null ? "none" : "set") + ", " + levelOnMatch + "]";
        }
    }

    private final Settings settings;
    private final HttpClient client;
    private final Clock clock;

    public HttpRegistryVerifier(Settings settings, HttpClient client, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.client = Objects.requireNonNull(client, "client");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** A verifier with its own client: connect timeout = the call timeout, redirects refused. */
    public static HttpRegistryVerifier create(Settings settings, Clock clock) {
        HttpClient client = HttpClient.newBuilder()
                .connectTimeout(settings.timeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        return new HttpRegistryVerifier(settings, client, clock);
    }

    @Override
    public VerificationMethod method() {
        return settings.registry();
    }

    @Override
    public boolean appliesTo(VerificationSubject subject) {
        boolean individual = subject.kind() == ParticipantKind.INDIVIDUAL;
        return settings.registry() == VerificationMethod.PUBLIC_SECURITY ? individual : !individual;
    }

    @Override
    public VerificationResult verify(VerificationSubject subject) {
        Optional<ObjectNode> subjectJson = subjectJson(subject);
        if (subjectJson.isEmpty()) {
            return VerificationResult.unavailable(
                    method(), "the resident ID number was not supplied for this verification", clock.instant());
        }
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("registry", settings.registry().name());
        body.set("subject", subjectJson.get());
        HttpRequest.Builder request = HttpRequest.newBuilder(settings.endpoint())
                .timeout(settings.timeout())
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(
                        CanonicalJson.canonicalize(body).orElseThrow()));
        if (settings.bearerToken() != null) {
            request.header("Authorization", "Bearer " + settings.bearerToken());
        }
        return call(request.build())
                .fold(
                        response -> judge(subject, response),
                        failure -> VerificationResult.unavailable(method(), failure.reason(), clock.instant()));
    }

    /** The registry's answer, or why there is none (any failure here means UNAVAILABLE). */
    private Result<HttpResponse<byte[]>> call(HttpRequest request) {
        CompletableFuture<HttpResponse<byte[]>> call =
                client.sendAsync(request, info -> new LimitedBody(MAX_RESPONSE_BYTES));
        String where = settings.registry().label() + " at " + settings.endpoint();
        try {
            // The request timeout covers only the wait for headers; this bounds the body too.
            return Result.ok(call.get(settings.timeout().toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            call.cancel(true);
            return Result.unavailable(where + " gave no complete answer within " + settings.timeout());
        } catch (InterruptedException e) {
            call.cancel(true);
            Thread.currentThread().interrupt();
            return Result.unavailable("interrupted while waiting for " + where);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            for (Throwable c = cause; c != null; c = c.getCause()) {
                if (c instanceof HttpTimeoutException || c instanceof ResponseTooLarge) {
                    cause = c;
                    break;
                }
            }
            if (cause instanceof HttpTimeoutException) {
                return Result.unavailable(where + " gave no answer within " + settings.timeout());
            }
            if (cause instanceof ResponseTooLarge) {
                return Result.unavailable(where + " answered with more than " + MAX_RESPONSE_BYTES + " bytes");
            }
            if (cause instanceof IOException) {
                return Result.unavailable(
                        "cannot reach " + where + ": " + cause.getClass().getSimpleName()
                                + (cause.getMessage() == null ? "" : " " + cause.getMessage()));
            }
            return Result.unavailable("calling " + where + " failed: " + cause);
        }
    }

    private VerificationResult judge(VerificationSubject subject, HttpResponse<byte[]> response) {
        String who = subject.uscc()
                .map(UnifiedSocialCreditCode::value)
                .orElseGet(() -> subject.idNumberMasked().orElse(subject.participantId()));
        if (response.statusCode() != 200) {
            return VerificationResult.unavailable(
                    method(), settings.registry().label() + " answered HTTP " + response.statusCode(), clock.instant());
        }
        Result<JsonNode> parsed = CanonicalJson.parse(response.body());
        if (!parsed.isOk() || !parsed.orElseThrow().isObject()) {
            return VerificationResult.unavailable(
                    method(),
                    settings.registry().label() + " answered with something other than a JSON object",
                    clock.instant());
        }
        JsonNode answer = parsed.orElseThrow();
        String result = optionalString(answer, "result").orElse("");
        Optional<String> status = optionalString(answer, "status");
        String reference = optionalString(answer, "reference")
                .map(r -> r.length() > MAX_REFERENCE ? r.substring(0, MAX_REFERENCE) : r)
                .map(r -> ", reference " + r)
                .orElse("");
        String label = settings.registry().label();
        switch (result) {
            case "MATCH":
                if (status.isPresent() && !RegistryEntry.inGoodStanding(status.get())) {
                    return VerificationResult.mismatch(
                            method(),
                            label + ": " + who + " has status " + status.get() + ", not in good standing" + reference,
                            clock.instant());
                }
                return VerificationResult.verified(
                        method(),
                        settings.levelOnMatch(),
                        label + ": " + who + " matches"
                                + status.map(s -> " (status " + s + ")").orElse("") + reference,
                        clock.instant());
            case "MISMATCH":
                return VerificationResult.mismatch(
                        method(),
                        label + ": " + who + " differs in " + mismatched(answer) + reference,
                        clock.instant());
            case "NOT_FOUND":
                return VerificationResult.notFound(
                        method(), label + ": " + who + " is not registered" + reference, clock.instant());
            default:
                return VerificationResult.unavailable(
                        method(),
                        label + " answered without a known result (MATCH, MISMATCH, NOT_FOUND)",
                        clock.instant());
        }
    }

    private Optional<ObjectNode> subjectJson(VerificationSubject subject) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("name", subject.legalName());
        if (subject.kind() == ParticipantKind.INDIVIDUAL) {
            Optional<ResidentIdNumber> number = subject.residentIdNumber();
            if (number.isEmpty()) {
                return Optional.empty();
            }
            json.put("type", ParticipantKind.INDIVIDUAL.name());
            json.put("idNumber", number.get().value());
        } else {
            json.put("type", ParticipantKind.ORGANISATION.name());
            json.put("uscc", subject.uscc().orElseThrow().value());
            json.put("legalRepresentative", subject.legalRepresentative().orElse(""));
        }
        return Optional.of(json);
    }

    /** The fields the registry names as different, keeping only the ones the contract defines. */
    private static String mismatched(JsonNode answer) {
        JsonNode fields = answer.get("mismatched");
        List<String> names = new ArrayList<>();
        if (fields != null && fields.isArray()) {
            for (JsonNode field : fields.values()) {
                if (field.isString() && FIELDS.contains(field.stringValue()) && !names.contains(field.stringValue())) {
                    names.add(field.stringValue());
                }
            }
        }
        return names.isEmpty() ? "unspecified fields" : String.join(", ", names);
    }

    private static Optional<String> optionalString(JsonNode json, String member) {
        JsonNode node = json.get(member);
        return node != null && node.isString() ? Optional.of(node.stringValue()) : Optional.empty();
    }

    @Override
    public String toString() {
        return "HttpRegistryVerifier[" + settings + "]";
    }

    /** Thrown into the response future when a body exceeds the limit. */
    private static final class ResponseTooLarge extends IOException {
        ResponseTooLarge() {
            super("response body too large");
        }
    }

    /** Collects a response body up to a limit, then cancels the exchange rather than buffering more. */
    private static final class LimitedBody implements HttpResponse.BodySubscriber<byte[]> {
        private final int limit;
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final CompletableFuture<byte[]> body = new CompletableFuture<>();
        private Flow.Subscription subscription;

        LimitedBody(int limit) {
            this.limit = limit;
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return body;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            if (body.isDone()) {
                return;
            }
            for (ByteBuffer buffer : buffers) {
                if (bytes.size() + buffer.remaining() > limit) {
                    subscription.cancel();
                    body.completeExceptionally(new ResponseTooLarge());
                    return;
                }
                byte[] chunk = new byte[buffer.remaining()];
                buffer.get(chunk);
                bytes.writeBytes(chunk);
            }
        }

        @Override
        public void onError(Throwable error) {
            body.completeExceptionally(error);
        }

        @Override
        public void onComplete() {
            body.complete(bytes.toByteArray());
        }
    }
}
