package be.loket.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.ObjectMapper;

/**
 * The one shape of the API's RFC 9457 answers: the localized text as title and detail, the request path as
 * instance. Controllers return it; filters and entry points, which run outside Spring MVC, write it.
 */
public final class Problems {
    private Problems() {
    }

    public static ProblemDetail of(HttpStatus status, String localizedText, HttpServletRequest request) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, localizedText);
        p.setTitle(localizedText);
        p.setInstance(URI.create(request.getRequestURI()));
        return p;
    }

    public static void write(HttpServletResponse response, ProblemDetail problem, Locale locale, ObjectMapper json)
            throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Content-Language", locale.getLanguage());
        json.writeValue(response.getWriter(), problem);
    }
}
