package io.trustspace.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.catalina.connector.ClientAbortException;
import org.junit.jupiter.api.Test;
import org.springframework.web.method.annotation.ExceptionHandlerMethodResolver;

/** Which handler Spring MVC picks for what; the handlers' answers are checked against a real node (NodeApiIT). */
class ProblemHandlingTest {

    private final ExceptionHandlerMethodResolver handlers = new ExceptionHandlerMethodResolver(ProblemHandling.class);

    @Test
    void aClientThatLeft_isNotAServerFailure() {
        assertThat(handlers.resolveMethod(new ClientAbortException(new java.io.IOException("Broken pipe")))
                        .getName())
                .isEqualTo("clientGone");
        assertThat(handlers.resolveMethod(new IllegalStateException("bug")).getName())
                .isEqualTo("unexpected");
    }

    @Test
    void whatTheClientSent_isNeverAServerFailure() {
        // Answers checked against a real node in BadInputIT; these are the ones it cannot provoke from outside.
        assertThat(handlers.resolveMethod(
                                new org.springframework.security.web.firewall.RequestRejectedException("header"))
                        .getName())
                .isEqualTo("rejectedByFirewall");
        assertThat(handlers.resolveMethod(tools.jackson.databind.exc.JsonNodeException.from(
                                tools.jackson.databind.node.JsonNodeFactory.instance.objectNode(), "not a string"))
                        .getName())
                .isEqualTo("wrongJsonType");
    }
}
