package io.trustspace.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.RequestDispatcher;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class RoutedPathTest {

    @Test
    void aRequest_isRoutedByItsServletPath_notItsRawUri() {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/%64sp/2025-1/negotiations/request");
        request.setServletPath("/dsp/2025-1/negotiations/request");

        assertThat(RoutedPath.of(request)).isEqualTo("/dsp/2025-1/negotiations/request");
    }

    @Test
    void aPathInfo_isPartOfThePath() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/app/dsp/v1/identity");
        request.setContextPath("/app");
        request.setServletPath("/dsp");
        request.setPathInfo("/v1/identity");

        assertThat(RoutedPath.of(request)).isEqualTo("/dsp/v1/identity");
    }

    @Test
    void anErrorDispatch_isRoutedByTheFailedRequest_decodedWithoutContextOrPathParameters() {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/app/error");
        request.setContextPath("/app");
        request.setServletPath("/error");
        request.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, "/app/%64sp/2025-1/%74ransfers;v=1/request");

        assertThat(RoutedPath.of(request)).isEqualTo("/dsp/2025-1/transfers/request");
    }

    @Test
    void anErrorDispatchForAnUndecodablePath_keepsItRaw() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/error");
        request.setServletPath("/error");
        request.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, "/dsp/2025-1/%ZZ");

        assertThat(RoutedPath.of(request)).isEqualTo("/dsp/2025-1/%ZZ");
    }
}
