package be.loket.documents.web;

import be.loket.documents.Documents;
import be.loket.platform.web.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/** The one answer to an upload that is too large for the servlet: the limit in the user's language. */
@Component
class UploadLimits {
    static final String KEY = "documents.uploadTooLarge";

    private final MessageSource messages;
    private final ObjectMapper json;
    private final Documents documents;

    UploadLimits(MessageSource messages, ObjectMapper json, Documents documents) {
        this.messages = messages;
        this.json = json;
        this.documents = documents;
    }

    String message(Locale locale) {
        return messages.getMessage(KEY, new Object[] {documents.maxMegabytes()}, locale);
    }

    /** A problem detail (413) with the message under {@code errors}, like every other refused field of the API. */
    void writeProblem(HttpServletRequest request, HttpServletResponse response, Locale locale) throws IOException {
        String text = message(locale);
        ProblemDetail problem = Problems.of(HttpStatus.CONTENT_TOO_LARGE, text, request);
        problem.setProperty("errors", List.of(Map.of("field", "file", "code", KEY, "message", text)));
        Problems.write(response, problem, locale, json);
        response.flushBuffer();
    }
}
