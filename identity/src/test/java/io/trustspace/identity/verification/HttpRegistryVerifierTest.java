package io.trustspace.identity.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The HTTP registry adapter against a JDK HTTP server on 127.0.0.1 playing the registry gateway. */
class HttpRegistryVerifierTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T08:00:00Z"), ZoneOffset.UTC);
    private static final Duration TIMEOUT = Duration.ofMillis(500);

    private HttpServer server;
    private ExecutorService executor;
    private final CountDownLatch release = new CountDownLatch(1);
    private final AtomicReference<String> requestBody = new AtomicReference<>();
    private final AtomicReference<String> authorization = new AtomicReference<>();
    private final AtomicReference<String> contentType = new AtomicReference<>();

    /** What the stub answers: a status and a body. */
    private volatile int status = 200;

    private volatile String body = "{\"result\":\"MATCH\"}";

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        executor = Executors.newCachedThreadPool();
        server.setExecutor(executor);
        server.createContext("/verify", this::answer);
        server.createContext("/slow", exchange -> {
            awaitRelease();
            answer(exchange);
        });
        server.createContext("/slow-body", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write("{\"result\":".getBytes(StandardCharsets.UTF_8));
                out.flush();
                awaitRelease();
            }
        });
        server.createContext("/huge", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(200, 0);
            byte[] chunk = new byte[8192];
            java.util.Arrays.fill(chunk, (byte) ' ');
            try (OutputStream out = exchange.getResponseBody()) {
                for (int i = 0; i < 64; i++) {
                    out.write(chunk);
                }
            } catch (IOException ignored) {
                // The client hung up after the limit: expected.
            }
        });
        server.createContext("/redirect", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().add("Location", uri("/verify").toString());
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() throws InterruptedException {
        release.countDown();
        server.stop(0);
        executor.shutdownNow();
        executor.awaitTermination(5, TimeUnit.SECONDS);
    }

    private void awaitRelease() {
        try {
            release.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void answer(HttpExchange exchange) throws IOException {
        requestBody.set(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        authorization.set(exchange.getRequestHeaders().getFirst("Authorization"));
        contentType.set(exchange.getRequestHeaders().getFirst("Content-Type"));
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    private HttpRegistryVerifier verifier(VerificationMethod registry, String path) {
        return HttpRegistryVerifier.create(HttpRegistryVerifier.Settings.of(registry, uri(path), TIMEOUT), CLOCK);
    }

    private static VerificationSubject company() {
        return Subjects.organisation("91110105MA01C3D718", "北京星河数据科技有限公司", "张伟");
    }

    @Test
    void match_isVerified_andTheRequestFollowsTheContract() {
        body = "{\"result\":\"MATCH\",\"status\":\"存续\",\"reference\":\"SAMR-2026-000123\"}";

        VerificationResult result =
                verifier(VerificationMethod.MARKET_REGULATION, "/verify").verify(company());

        assertThat(result.outcome()).isEqualTo(VerificationOutcome.VERIFIED);
        assertThat(result.level()).isEqualTo(AssuranceLevel.SUBSTANTIAL);
        assertThat(result.method()).isEqualTo(VerificationMethod.MARKET_REGULATION);
        assertThat(result.details())
                .contains("91110105MA01C3D718")
                .contains("存续")
                .contains("SAMR-2026-000123");
        assertThat(requestBody.get())
                .isEqualTo("{\"registry\":\"MARKET_REGULATION\",\"subject\":{\"legalRepresentative\":\"张伟\","
                        + "\"name\":\"北京星河数据科技有限公司\",\"type\":\"ORGANISATION\",\"uscc\":\"91110105MA01C3D718\"}}");
        assertThat(contentType.get()).isEqualTo("application/json");
        assertThat(authorization.get()).isNull();
    }

    @Test
    void theBearerToken_isSent_butNeverShown() {
        HttpRegistryVerifier.Settings settings = new HttpRegistryVerifier.Settings(
                VerificationMethod.TAX, uri("/verify"), TIMEOUT, "s3cr3t-token", AssuranceLevel.HIGH);
        HttpRegistryVerifier verifier = HttpRegistryVerifier.create(settings, CLOCK);

        VerificationResult result = verifier.verify(company());

        assertThat(authorization.get()).isEqualTo("Bearer s3cr3t-token");
        assertThat(result.level()).isEqualTo(AssuranceLevel.HIGH);
        assertThat(requestBody.get()).contains("\"registry\":\"TAX\"");
        assertThat(verifier.toString()).doesNotContain("s3cr3t-token");
        assertThat(result.details()).doesNotContain("s3cr3t-token");
    }

    @Test
    void mismatch_namesTheFieldsTheRegistryReports() {
        body = "{\"result\":\"MISMATCH\",\"mismatched\":[\"legalRepresentative\",\"<script>\"]}";

        VerificationResult result =
                verifier(VerificationMethod.MARKET_REGULATION, "/verify").verify(company());

        assertThat(result.outcome()).isEqualTo(VerificationOutcome.MISMATCH);
        assertThat(result.level()).isEqualTo(AssuranceLevel.NONE);
        assertThat(result.details()).contains("legalRepresentative").doesNotContain("<script>");
    }

    @Test
    void matchOfAnOrganisationNotInGoodStanding_isAMismatch() {
        body = "{\"result\":\"MATCH\",\"status\":\"注销\"}";

        VerificationResult result =
                verifier(VerificationMethod.MARKET_REGULATION, "/verify").verify(company());

        assertThat(result.outcome()).isEqualTo(VerificationOutcome.MISMATCH);
        assertThat(result.details()).contains("注销");
    }

    @Test
    void notFound_isNotFound() {
        body = "{\"result\":\"NOT_FOUND\"}";

        assertThat(verifier(VerificationMethod.TAX, "/verify").verify(company()).outcome())
                .isEqualTo(VerificationOutcome.NOT_FOUND);
    }

    @Test
    void serverErrors_andOtherStatuses_areUnavailable() {
        for (int code : new int[] {500, 502, 503, 429, 404, 401}) {
            status = code;
            body = "{\"result\":\"MATCH\"}";

            VerificationResult result =
                    verifier(VerificationMethod.MARKET_REGULATION, "/verify").verify(company());

            assertThat(result.outcome()).as("HTTP %d", code).isEqualTo(VerificationOutcome.UNAVAILABLE);
            assertThat(result.details()).contains("HTTP " + code);
        }
    }

    @Test
    void aRegistryThatDoesNotAnswerInTime_isUnavailable_withinTheTimeout() {
        long started = System.nanoTime();

        VerificationResult result =
                verifier(VerificationMethod.MARKET_REGULATION, "/slow").verify(company());

        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertThat(result.outcome()).isEqualTo(VerificationOutcome.UNAVAILABLE);
        assertThat(result.details()).contains("within");
        assertThat(took).isLessThan(TIMEOUT.multipliedBy(4));
    }

    @Test
    void aBodyThatStallsHalfway_isUnavailable_withinTheTimeout() {
        long started = System.nanoTime();

        VerificationResult result =
                verifier(VerificationMethod.MARKET_REGULATION, "/slow-body").verify(company());

        assertThat(result.outcome()).isEqualTo(VerificationOutcome.UNAVAILABLE);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(TIMEOUT.multipliedBy(4));
    }

    @Test
    void anOversizedAnswer_isUnavailable() {
        VerificationResult result =
                verifier(VerificationMethod.MARKET_REGULATION, "/huge").verify(company());

        assertThat(result.outcome()).isEqualTo(VerificationOutcome.UNAVAILABLE);
        assertThat(result.details()).contains(String.valueOf(HttpRegistryVerifier.MAX_RESPONSE_BYTES));
    }

    @Test
    void malformedAnswers_areUnavailable() {
        for (String answer : new String[] {"not json", "[]", "{\"result\":\"MAYBE\"}", "{\"result\":1}", ""}) {
            body = answer;

            assertThat(verifier(VerificationMethod.MARKET_REGULATION, "/verify")
                            .verify(company())
                            .outcome())
                    .as(answer)
                    .isEqualTo(VerificationOutcome.UNAVAILABLE);
        }
    }

    @Test
    void redirects_areNotFollowed() {
        VerificationResult result =
                verifier(VerificationMethod.MARKET_REGULATION, "/redirect").verify(company());

        assertThat(result.outcome()).isEqualTo(VerificationOutcome.UNAVAILABLE);
        assertThat(result.details()).contains("302");
        assertThat(requestBody.get()).as("the /verify handler was never called").isNull();
    }

    @Test
    void anUnreachableRegistry_isUnavailable() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        HttpRegistryVerifier verifier = HttpRegistryVerifier.create(
                HttpRegistryVerifier.Settings.of(
                        VerificationMethod.MARKET_REGULATION,
                        URI.create("http://127.0.0.1:" + closedPort + "/verify"),
                        TIMEOUT),
                CLOCK);

        VerificationResult result = verifier.verify(company());

        assertThat(result.outcome()).isEqualTo(VerificationOutcome.UNAVAILABLE);
        assertThat(result.details()).contains("cannot reach");
    }

    @Test
    void publicSecurity_looksUpIndividuals_withTheSuppliedNumber_andNeverEchoesIt() {
        body = "{\"result\":\"MATCH\"}";
        HttpRegistryVerifier verifier = verifier(VerificationMethod.PUBLIC_SECURITY, "/verify");
        VerificationSubject person = Subjects.individual("110105199003071239", "李娜");

        assertThat(verifier.appliesTo(person)).isTrue();
        assertThat(verifier.appliesTo(company())).isFalse();
        VerificationResult result = verifier.verify(person);

        assertThat(result.outcome()).isEqualTo(VerificationOutcome.VERIFIED);
        assertThat(requestBody.get())
                .isEqualTo("{\"registry\":\"PUBLIC_SECURITY\",\"subject\":{\"idNumber\":\"110105199003071239\","
                        + "\"name\":\"李娜\",\"type\":\"INDIVIDUAL\"}}");
        assertThat(result.details()).doesNotContain("110105199003071239").contains("110105********1239");
        assertThat(person.toString()).doesNotContain("110105199003071239");
    }

    @Test
    void publicSecurity_withoutTheNumber_isUnavailable_withoutACall() {
        VerificationResult result = verifier(VerificationMethod.PUBLIC_SECURITY, "/verify")
                .verify(Subjects.individualWithoutNumber("110105********1239", "李娜"));

        assertThat(result.outcome()).isEqualTo(VerificationOutcome.UNAVAILABLE);
        assertThat(requestBody.get()).isNull();
    }

    @Test
    void enterpriseRegistries_doNotApplyToIndividuals() {
        assertThat(verifier(VerificationMethod.MARKET_REGULATION, "/verify")
                        .appliesTo(Subjects.individual("110105199003071239", "李娜")))
                .isFalse();
    }

    @Test
    void settings_refuseUnsafeOrUnboundedConfigurations() {
        assertThatThrownBy(() -> HttpRegistryVerifier.Settings.of(
                        VerificationMethod.MARKET_REGULATION, URI.create("http://registry.example.cn/verify"), TIMEOUT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("https");
        assertThatThrownBy(() -> HttpRegistryVerifier.Settings.of(
                        VerificationMethod.MARKET_REGULATION, uri("/verify"), Duration.ofMinutes(5)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HttpRegistryVerifier.Settings.of(VerificationMethod.FORMAT, uri("/verify"), TIMEOUT))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(HttpRegistryVerifier.Settings.of(
                                VerificationMethod.TAX, URI.create("https://tax-gateway.example.cn/verify"), TIMEOUT)
                        .endpoint()
                        .getHost())
                .isEqualTo("tax-gateway.example.cn");
    }
}
