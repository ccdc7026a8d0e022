package io.trustspace.app.demo;

import io.trustspace.app.did.DidWeb;
import io.trustspace.app.dsp.NodeMembership;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.function.Function;

/** How the demo's steps call the space: a node's API with its admin's key, the operator's, or DSP as the consumer. */
final class DemoHttp {

    private final DemoSpace space;
    private final Function<HttpRequest.Builder, HttpResponse<String>> send;

    DemoHttp(DemoSpace space, Function<HttpRequest.Builder, HttpResponse<String>> send) {
        this.space = space;
        this.send = send;
    }

    /** {@code node}'s management API with {@code holder}'s API key; {@code body} null sends none. */
    HttpResponse<String> node(
            String node, DemoCredentials.Holder holder, String method, String path, String contentType, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create(space.node(node).baseUrl() + path))
                .header("X-Api-Key", space.credentials().key(holder));
        return send(request, method, contentType, body);
    }

    /** The operator's API as its reviewer (login) or its admin (API key). */
    HttpResponse<String> operator(String method, String path, String body, boolean reviewer) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(space.operator().baseUrl() + path));
        if (reviewer) {
            String login = "reviewer:" + space.credentials().reviewerPassword();
            request.header(
                    "Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(login.getBytes(StandardCharsets.UTF_8)));
        } else {
            request.header("X-Api-Key", space.credentials().key(DemoCredentials.Holder.OPERATOR_ADMIN));
        }
        return send(request, method, "application/json", body);
    }

    /** A DSP call from the consumer's connector to the provider's, with a fresh access token; GET without a body. */
    HttpResponse<String> dsp(String url, String body) {
        String token = space.node("consumer")
                .context()
                .getBean(NodeMembership.class)
                .tokenFor(DidWeb.forBaseUrl(space.node("provider").baseUrl()))
                .orElseThrow();
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token);
        return send(request, body == null ? "GET" : "POST", "application/json", body);
    }

    private HttpResponse<String> send(HttpRequest.Builder request, String method, String contentType, String body) {
        if (body != null) {
            request.header("Content-Type", contentType);
        }
        return send.apply(request.method(
                method,
                body == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }
}
