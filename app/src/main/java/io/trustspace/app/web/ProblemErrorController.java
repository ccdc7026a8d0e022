package io.trustspace.app.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.coyote.CloseNowException;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Errors raised outside Spring MVC (by Tomcat for an unparsable request, or by a filter) are forwarded to
 * {@code /error}; this answers them in the same problem form as everything else.
 */
@RestController
public class ProblemErrorController implements ErrorController {

    @RequestMapping("${server.error.path:/error}")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request, HttpServletResponse response) {
        if (response.isCommitted()
                && request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof CloseNowException) {
            // A response cut short on purpose (see ProblemHandling#closeNow): the connection closes, nothing to add.
            return null;
        }
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        if (code == null) {
            // Asked for directly, not forwarded to by the container: there is no error to report, and no endpoint.
            return Problems.response(
                    Problems.of(HttpStatus.NOT_FOUND, "not-found", "no endpoint " + request.getRequestURI(), request));
        }
        HttpStatus status = code instanceof Integer value && HttpStatus.resolve(value) != null
                ? HttpStatus.valueOf(value)
                : HttpStatus.INTERNAL_SERVER_ERROR;
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String detail = switch (status) {
            case NOT_FOUND -> "no endpoint " + (uri == null ? "" : uri);
            case BAD_REQUEST -> "the request is malformed";
            case INTERNAL_SERVER_ERROR ->
                "the server failed unexpectedly; report request id " + RequestIdFilter.currentId(request);
            default -> status.getReasonPhrase();
        };
        return Problems.response(Problems.of(
                status, status.is5xxServerError() ? "internal" : "http-" + status.value(), detail, request));
    }
}
