package io.trustspace.app.web;

import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * On the Dataspace Protocol's endpoints ({@value #DSP_PREFIX}…) a peer expects the protocol's own error messages,
 * not RFC 9457 problems: every problem document that would leave there — a body that is not JSON, a wrong media
 * type, an unknown path, a method not allowed — goes out as a {@code ContractNegotiationError}, {@code
 * TransferError} or {@code CatalogError} (by the path) with the same status, the status as its {@code code} and the
 * problem's detail as its {@code reason}. The process ids are unknown at that point and left out.
 */
@ControllerAdvice
public class DspErrorBodies implements ResponseBodyAdvice<Object> {

    public static final String DSP_PREFIX = "/dsp/2025-1/";
    private static final String CONTEXT = "https://w3id.org/dspace/2025/1/context.jsonld";

    /** The DSP error type for a request to {@code path}, or null if {@code path} is not a DSP endpoint. */
    public static String errorType(String path) {
        if (path == null || !path.startsWith(DSP_PREFIX)) {
            return null;
        }
        if (path.startsWith(DSP_PREFIX + "negotiations")) {
            return "ContractNegotiationError";
        }
        return path.startsWith(DSP_PREFIX + "transfers") ? "TransferError" : "CatalogError";
    }

    /** A DSP error message of {@code type} without process ids. */
    public static ObjectNode error(String type, String code, String reason) {
        ObjectNode error = JsonNodeFactory.instance.objectNode();
        error.putArray("@context").add(CONTEXT);
        error.put("@type", type);
        error.put("code", code);
        error.putArray("reason").add(reason);
        return error;
    }

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object beforeBodyWrite(
            Object body,
            MethodParameter returnType,
            MediaType contentType,
            Class<? extends HttpMessageConverter<?>> converterType,
            ServerHttpRequest request,
            ServerHttpResponse response) {
        if (!(body instanceof ProblemDetail problem) || !(request instanceof ServletServerHttpRequest servlet)) {
            return body;
        }
        String type = errorType(RoutedPath.of(servlet.getServletRequest()));
        if (type == null) {
            return body;
        }
        response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
        return error(
                type,
                String.valueOf(problem.getStatus()),
                problem.getDetail() == null ? String.valueOf(problem.getTitle()) : problem.getDetail());
    }
}
