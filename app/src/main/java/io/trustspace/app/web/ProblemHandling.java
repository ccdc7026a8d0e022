package io.trustspace.app.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.DatabindException;

/**
 * Turns every exception that reaches Spring MVC into an RFC 9457 problem document with a detail a client can act
 * on, and never into a stack trace. Unexpected exceptions become a 500 that names only the request id.
 */
@RestControllerAdvice
public class ProblemHandling extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandling.class);

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request) {
        String requestId = RequestIdFilter.currentId(request);
        log.error(
                "unexpected failure serving {} {} (request {})",
                request.getMethod(),
                request.getRequestURI(),
                requestId,
                e);
        return Problems.response(Problems.of(
                HttpStatus.INTERNAL_SERVER_ERROR,
                "internal",
                "the server failed unexpectedly; report request id " + requestId,
                request));
    }

    /**
     * A handler that must end a response it already started (e.g. the data plane when access is revoked mid-stream):
     * the same exception goes back out, on to Tomcat, which closes the connection without a problem document.
     */
    @ExceptionHandler(org.apache.coyote.CloseNowException.class)
    void closeNow(org.apache.coyote.CloseNowException e) throws org.apache.coyote.CloseNowException {
        throw e;
    }

    /**
     * The client went away mid-response (a pull cancelled, a connection reset): nothing failed here and nobody is
     * left to answer. Whatever the handler had to record about the cut (a broken delivery) it recorded on the way
     * out; logging it as a server failure would bury real ones under every cancelled download.
     */
    @ExceptionHandler(org.apache.catalina.connector.ClientAbortException.class)
    void clientGone(org.apache.catalina.connector.ClientAbortException e, HttpServletRequest request) {
        log.debug("client left during {} {}: {}", request.getMethod(), request.getRequestURI(), e.getMessage());
    }

    /**
     * The database is down or unreachable: the request may succeed later, so 503, and nothing about the cause. But
     * text the database cannot hold (NUL: SQLSTATE 22P05 or 22021) that the request itself carried in its query or
     * path will be refused again: 400. NUL in a JSON body never gets this far ({@link WellFormedBodies}); NUL from
     * anywhere else (a peer's data, say) is the server's problem and stays a 503 with the error logged.
     */
    @ExceptionHandler({
        io.trustspace.common.jdbc.DataAccessException.class,
        io.trustspace.app.keys.KeyStoreException.class
    })
    ResponseEntity<ProblemDetail> storageUnavailable(RuntimeException e, HttpServletRequest request) {
        if (e instanceof io.trustspace.common.jdbc.DataAccessException access
                && ("22P05".equals(access.sqlState()) || "22021".equals(access.sqlState()))
                && carriesNul(request)) {
            log.warn("refused NUL serving {} {}: {}", request.getMethod(), request.getRequestURI(), e.toString());
            return Problems.response(Problems.of(
                    HttpStatus.BAD_REQUEST,
                    "invalid",
                    "a text value holds a character that cannot be stored (NUL, U+0000, is never allowed)",
                    request));
        }
        log.error(
                "storage failure serving {} {} (request {})",
                request.getMethod(),
                request.getRequestURI(),
                RequestIdFilter.currentId(request),
                e);
        return Problems.response(Problems.of(
                HttpStatus.SERVICE_UNAVAILABLE,
                "unavailable",
                "the node's storage is unavailable; retry later (request id " + RequestIdFilter.currentId(request)
                        + ")",
                request));
    }

    private static boolean carriesNul(HttpServletRequest request) {
        String query = request.getQueryString();
        String uri = request.getRequestURI();
        return (query != null && query.contains("%00")) || (uri != null && uri.contains("%00"));
    }

    /**
     * Parameters Tomcat cannot read: a query string that is not percent-encoded UTF-8 ({@code %ZZ}, {@code %FF}), or
     * too many of them, or a form body too large (Tomcat's own status, 400 or 413).
     */
    @ExceptionHandler(org.apache.tomcat.util.http.InvalidParameterException.class)
    ResponseEntity<ProblemDetail> undecodableParameters(
            org.apache.tomcat.util.http.InvalidParameterException e, HttpServletRequest request) {
        HttpStatus status = HttpStatus.resolve(e.getErrorCode());
        boolean otherClientError = status != null && status.is4xxClientError() && status != HttpStatus.BAD_REQUEST;
        return Problems.response(Problems.of(
                otherClientError ? status : HttpStatus.BAD_REQUEST,
                "invalid",
                otherClientError
                        ? "the request's parameters cannot be read: " + status.getReasonPhrase()
                        : "the request's parameters cannot be read: the query string is not valid percent-encoded"
                                + " UTF-8, or there are too many",
                request));
    }

    /** Spring Security's firewall, when a handler reads a header it refuses (non-ASCII, control characters). */
    @ExceptionHandler(org.springframework.security.web.firewall.RequestRejectedException.class)
    ResponseEntity<ProblemDetail> rejectedByFirewall(Exception e, HttpServletRequest request) {
        return Problems.response(Problems.of(
                HttpStatus.BAD_REQUEST,
                "invalid",
                "the request holds a header value with characters that are not allowed (only visible ASCII)",
                request));
    }

    /** A multipart body: no endpoint here takes one, and a malformed one fails before any handler could say so. */
    @ExceptionHandler(org.springframework.web.multipart.MultipartException.class)
    ResponseEntity<ProblemDetail> multipart(Exception e, HttpServletRequest request) {
        return Problems.response(Problems.of(
                HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                "unsupported-media-type",
                "multipart bodies are not accepted; send application/json",
                request));
    }

    /**
     * A JSON member of the request read as a type it does not have (an object where a string belongs). Handlers
     * check the types they read; this is the net under one that does not, so the client still learns it was its
     * input. Logged as a warning, since it marks a handler to fix.
     */
    @ExceptionHandler(tools.jackson.databind.exc.JsonNodeException.class)
    ResponseEntity<ProblemDetail> wrongJsonType(Exception e, HttpServletRequest request) {
        log.warn("unchecked JSON type serving {} {}: {}", request.getMethod(), request.getRequestURI(), e.toString());
        return Problems.response(Problems.of(
                HttpStatus.BAD_REQUEST, "invalid", "a member of the request body has the wrong JSON type", request));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        return Problems.response(Problems.of(
                HttpStatus.BAD_REQUEST, "invalid", "parameter '" + e.getName() + "' has an invalid value", request));
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(
            Exception ex, Object body, HttpHeaders headers, HttpStatusCode statusCode, WebRequest webRequest) {
        HttpServletRequest request = webRequest instanceof NativeWebRequest nativeRequest
                ? nativeRequest.getNativeRequest(HttpServletRequest.class)
                : null;
        ProblemDetail problem = Problems.of(statusCode, typeOf(statusCode), detail(ex, request), request);
        HttpHeaders responseHeaders = new HttpHeaders();
        if (headers != null) {
            responseHeaders.putAll(headers);
        }
        responseHeaders.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return new ResponseEntity<>(problem, responseHeaders, statusCode);
    }

    private static String typeOf(HttpStatusCode status) {
        return switch (status.value()) {
            case 400 -> "invalid";
            case 401 -> "unauthorized";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 415 -> "unsupported-media-type";
            default -> "http-" + status.value();
        };
    }

    static String detail(Exception ex, HttpServletRequest request) {
        String path = request == null ? "" : request.getRequestURI();
        if (ex instanceof NoResourceFoundException) {
            return "no endpoint " + (request == null ? "" : request.getMethod() + " ") + path;
        }
        if (ex instanceof HttpRequestMethodNotSupportedException e) {
            return "method " + e.getMethod() + " is not allowed on " + path
                    + (e.getSupportedMethods() == null
                            ? ""
                            : "; allowed: " + String.join(", ", e.getSupportedMethods()));
        }
        if (ex instanceof HttpMediaTypeNotSupportedException e) {
            return "content type " + (e.getContentType() == null ? "(none)" : e.getContentType())
                    + " is not supported here; send "
                    + e.getSupportedMediaTypes().stream().map(Object::toString).collect(Collectors.joining(" or "));
        }
        if (ex instanceof HttpMediaTypeNotAcceptableException e) {
            return "cannot produce an acceptable representation; available: " + e.getSupportedMediaTypes();
        }
        if (ex instanceof HttpMessageNotReadableException e) {
            return unreadableBody(e);
        }
        if (ex instanceof MethodArgumentNotValidException e) {
            return e.getBindingResult().getFieldErrors().stream()
                    .map(error -> "'" + error.getField() + "' " + error.getDefaultMessage())
                    .collect(Collectors.joining("; ", "invalid request: ", ""));
        }
        if (ex instanceof org.springframework.web.ErrorResponse response
                && response.getBody().getDetail() != null) {
            return response.getBody().getDetail();
        }
        return "the request could not be processed";
    }

    /** Says where JSON broke or which field had the wrong shape, without echoing Java type names. */
    private static String unreadableBody(HttpMessageNotReadableException e) {
        if (e instanceof WellFormedBodies.IllFormedText) {
            return e.getMessage();
        }
        Throwable cause = e.getCause();
        if (cause instanceof DatabindException databind && !databind.getPath().isEmpty()) {
            String field = databind.getPath().stream()
                    .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining("."));
            return "request body: field '" + field + "' has a missing or invalid value";
        }
        if (cause instanceof JacksonException jackson) {
            TokenStreamLocation location = jackson.getLocation();
            String where =
                    location == null ? "" : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
            return "request body is not valid JSON" + where;
        }
        return "request body is missing or unreadable";
    }
}
