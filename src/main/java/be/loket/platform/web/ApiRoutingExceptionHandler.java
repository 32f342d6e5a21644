package be.loket.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Failures that happen before Spring MVC has chosen a controller: an unknown path, a method, content type or
 * Accept the API does not serve. {@link ApiExceptionHandler} cannot see them (it is bound to
 * {@code @RestController}s, and here there is none), so this advice has no such restriction and decides by
 * the path: under /api/ a localized problem detail; elsewhere the exception is rethrown, which lets the
 * default resolvers answer as if no handler had matched, so the staff UI keeps its HTML error pages (ADR 0013).
 * It runs before Spring Boot's own problem-details advice, whose texts are English only.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class ApiRoutingExceptionHandler {
    private final ApiExceptionHandler api;

    ApiRoutingExceptionHandler(ApiExceptionHandler api) {
        this.api = api;
    }

    @ExceptionHandler({NoResourceFoundException.class, HttpRequestMethodNotSupportedException.class,
            HttpMediaTypeNotSupportedException.class, HttpMediaTypeNotAcceptableException.class})
    ResponseEntity<ProblemDetail> routing(Exception e, HttpServletRequest request) throws Exception {
        if (!ApiRequests.isApi(request)) {
            throw e;
        }
        return api.other(e, request);
    }
}
