package io.trustspace.app.web;

import io.trustspace.common.json.CanonicalJson;
import java.lang.reflect.Type;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;
import tools.jackson.databind.JsonNode;

/**
 * Refuses a JSON request body with text that is not well-formed Unicode: JSON's {@code \ud800} escape can name half
 * a surrogate pair, which Jackson turns into a Java string as it is. Such text cannot be stored as UTF-8, signed as
 * canonical JSON (RFC 8785 builds on I-JSON, RFC 7493, which forbids it) or evidenced, so it is refused at the door
 * with a 400 instead of failing deep inside a transaction. So is NUL ({@code \u0000}), which PostgreSQL's text and
 * jsonb cannot hold.
 */
@ControllerAdvice
public class WellFormedBodies extends RequestBodyAdviceAdapter {

    @Override
    public boolean supports(
            MethodParameter parameter, Type targetType, Class<? extends HttpMessageConverter<?>> converterType) {
        return JsonNode.class.isAssignableFrom(parameter.getParameterType());
    }

    @Override
    public Object afterBodyRead(
            Object body,
            HttpInputMessage input,
            MethodParameter parameter,
            Type targetType,
            Class<? extends HttpMessageConverter<?>> converterType) {
        if (body instanceof JsonNode json && !wellFormed(json)) {
            throw new IllFormedText(input);
        }
        return body;
    }

    /** Whether every string and member name in {@code json} is well-formed UTF-16. Iterative: depth is the client's. */
    static boolean wellFormed(JsonNode json) {
        Deque<JsonNode> pending = new ArrayDeque<>();
        pending.push(json);
        while (!pending.isEmpty()) {
            JsonNode node = pending.pop();
            if (node.isString() && !wellFormed(node.stringValue())) {
                return false;
            }
            if (node.isObject()) {
                for (Map.Entry<String, JsonNode> member : node.properties()) {
                    if (!wellFormed(member.getKey())) {
                        return false;
                    }
                    pending.push(member.getValue());
                }
            } else if (node.isArray()) {
                node.forEach(pending::push);
            }
        }
        return true;
    }

    /** No NUL (PostgreSQL's text and jsonb cannot hold it) and no unpaired surrogate (canonical JSON cannot). */
    static boolean wellFormed(String text) {
        return text.indexOf('\u0000') < 0 && CanonicalJson.isWellFormed(text);
    }

    /** Turned into a 400 problem by {@link ProblemHandling}, with its message as the detail. */
    static final class IllFormedText extends HttpMessageNotReadableException {
        IllFormedText(HttpInputMessage input) {
            super(
                    "request body: text holds an unpaired UTF-16 surrogate (such as \\ud800), which is not Unicode,"
                            + " or NUL (\\u0000), which cannot be stored",
                    input);
        }
    }
}
