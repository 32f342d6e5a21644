package be.loket.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.springframework.context.MessageSource;
import be.loket.platform.web.Problems;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.json.JsonMapper;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;

/** API authentication and authorisation failures as RFC 9457 problem details in the caller's language. */
@Component
class ApiProblemEntryPoint implements AuthenticationEntryPoint, AccessDeniedHandler {
    private final MessageSource messages;
    private final LocaleResolver locales;
    private final JsonMapper json;

    ApiProblemEntryPoint(MessageSource messages, LocaleResolver locales, JsonMapper json) {
        this.messages = messages;
        this.locales = locales;
        this.json = json;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e) throws IOException {
        response.setHeader("WWW-Authenticate", "Basic realm=\"Loket\"");
        write(request, response, HttpStatus.UNAUTHORIZED, "problem.unauthorized");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e) throws IOException {
        write(request, response, HttpStatus.FORBIDDEN, "problem.forbidden");
    }

    private void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String key) throws IOException {
        Locale locale = locales.resolveLocale(request);
        Problems.write(response, Problems.of(status, messages.getMessage(key, null, locale), request), locale, json);
    }
}
