package io.trustspace.app.web;

import io.trustspace.common.Result;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/**
 * RFC 9457 problem documents for our management and operator APIs: the one place where a {@link Result.Failure}
 * becomes an HTTP status.
 */
public final class Problems {

    /** Problem type URIs are relative references into docs/api/problems.md. */
    public static final String TYPE_BASE = "https://trustspace.io/problems/";

    private static final tools.jackson.databind.json.JsonMapper JSON =
            tools.jackson.databind.json.JsonMapper.builder().build();

    private Problems() {}

    public static HttpStatus status(Result.Kind kind) {
        return switch (kind) {
            case INVALID -> HttpStatus.BAD_REQUEST;
            case UNAUTHORIZED -> HttpStatus.UNAUTHORIZED;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
            case UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
        };
    }

    public static ProblemDetail of(HttpStatusCode status, String type, String detail, HttpServletRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_BASE + type));
        if (request != null) {
            problem.setInstance(URI.create(safePath(request.getRequestURI())));
            String requestId = RequestIdFilter.currentId(request);
            if (requestId != null) {
                problem.setProperty("requestId", requestId);
            }
        }
        return problem;
    }

    public static ResponseEntity<ProblemDetail> response(Result.Failure<?> failure, HttpServletRequest request) {
        HttpStatus status = status(failure.kind());
        String type = failure.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        return response(of(status, type, failure.reason(), request));
    }

    public static ResponseEntity<ProblemDetail> response(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    /**
     * Writes the problem for {@code failure} straight to a servlet response, for handlers that stream their body
     * and so cannot return a {@link ResponseEntity} (the data plane, reading data through the connector).
     */
    public static void write(HttpServletResponse response, Result.Failure<?> failure, HttpServletRequest request)
            throws java.io.IOException {
        ProblemDetail problem = response(failure, request).getBody();
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        JSON.writeValue(response.getOutputStream(), body(problem));
    }

    /**
     * {@code problem} as the JSON its document is, for writers outside Spring MVC's message converters: the
     * standard members, {@code instance} when there is one, then the extension members.
     */
    static String json(ProblemDetail problem) {
        return JSON.writeValueAsString(body(problem));
    }

    private static java.util.Map<String, Object> body(ProblemDetail problem) {
        java.util.Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("type", String.valueOf(problem.getType()));
        body.put("title", problem.getTitle());
        body.put("status", problem.getStatus());
        body.put("detail", problem.getDetail());
        if (problem.getInstance() != null) {
            body.put("instance", problem.getInstance().toString());
        }
        if (problem.getProperties() != null) {
            body.putAll(problem.getProperties());
        }
        return body;
    }

    /** The request path as an instance reference; anything that would not be a valid URI is dropped. */
    private static String safePath(String path) {
        if (path == null) {
            return "/";
        }
        try {
            return URI.create(path).getRawPath();
        } catch (IllegalArgumentException e) {
            return "/";
        }
    }
}
