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
    void nulTheDatabaseRefuses_isTheClientsFault_onlyWhenTheRequestCarriedIt() {
        ProblemHandling handling = new ProblemHandling();
        io.trustspace.common.jdbc.DataAccessException refused = new io.trustspace.common.jdbc.DataAccessException(
                "invalid byte sequence for encoding \"UTF8\": 0x00", new java.sql.SQLException("refused", "22021"));
        org.springframework.mock.web.MockHttpServletRequest carried =
                new org.springframework.mock.web.MockHttpServletRequest("POST", "/dsp/2025-1/catalog/request");
        carried.setQueryString("after=%00");
        org.springframework.mock.web.MockHttpServletRequest harvest =
                new org.springframework.mock.web.MockHttpServletRequest("POST", "/api/v1/catalog/harvest");

        assertThat(handling.storageUnavailable(refused, carried).getStatusCode().value())
                .isEqualTo(400);
        // A peer's NUL, met while harvesting: the server's problem, not the caller's.
        assertThat(handling.storageUnavailable(refused, harvest).getStatusCode().value())
                .isEqualTo(503);
        io.trustspace.common.jdbc.DataAccessException overflow = new io.trustspace.common.jdbc.DataAccessException(
                "value out of range", new java.sql.SQLException("overflow", "22003"));
        assertThat(handling.storageUnavailable(overflow, carried)
                        .getStatusCode()
                        .value())
                .isEqualTo(503);
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
