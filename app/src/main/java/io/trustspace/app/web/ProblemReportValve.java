package io.trustspace.app.web;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * Tomcat's last word on a request it refused before any servlet ran (an encoded slash or NUL in the path, a path
 * that cannot be decoded): a problem document instead of Tomcat's HTML page, or a DSP error on the protocol's paths.
 * Errors that reach Spring MVC never get here: {@link ProblemErrorController} has already written their body.
 */
public final class ProblemReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(true);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        HttpStatus known = HttpStatus.resolve(status);
        String reasonPhrase = known == null ? "HTTP " + status : known.getReasonPhrase();
        String detail =
                status == 400 ? "the request is malformed (its path or headers cannot be decoded)" : reasonPhrase;
        String path = request.getDecodedRequestURI();
        String dspType = DspErrorBodies.errorType(path == null ? request.getRequestURI() : path);
        String body;
        if (dspType != null) {
            body = DspErrorBodies.error(dspType, String.valueOf(status), detail).toString();
        } else {
            // No request given: the container refused it before any filter, so there is no request id to report.
            ProblemDetail problem = Problems.of(
                    HttpStatusCode.valueOf(status), status == 400 ? "invalid" : "http-" + status, detail, null);
            problem.setTitle(reasonPhrase);
            body = Problems.json(problem);
        }
        try {
            response.setContentType(dspType != null ? "application/json" : "application/problem+json");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(body);
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // The connection is gone or the response was committed meanwhile: nobody is left to tell.
        }
    }
}
