package be.loket.platform.web;

import be.loket.platform.InvalidInputException;
import be.loket.platform.NotFoundException;
import be.loket.platform.StaleVersionException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Maps failures of the JSON API to RFC 9457 problem details whose title and detail are in the
 * language of Accept-Language. Field errors are listed under {@code errors}.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiExceptionHandler {
    private final MessageSource messages;

    ApiExceptionHandler(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(HttpServletRequest request) {
        return problem(request, HttpStatus.NOT_FOUND, "problem.notFound");
    }

    @ExceptionHandler(StaleVersionException.class)
    ProblemDetail stale(HttpServletRequest request) {
        return problem(request, HttpStatus.CONFLICT, "problem.conflict");
    }

    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail denied(HttpServletRequest request) {
        return problem(request, HttpStatus.FORBIDDEN, "problem.forbidden");
    }

    @ExceptionHandler(InvalidInputException.class)
    ProblemDetail invalid(InvalidInputException e, HttpServletRequest request) {
        Locale locale = LocaleContextHolder.getLocale();
        ProblemDetail p = problem(request, HttpStatus.BAD_REQUEST, "problem.invalid");
        List<Map<String, String>> errors = e.violations().stream()
                .map(v -> Map.of("field", v.field(), "code", v.messageKey(),
                        "message", messages.getMessage(v.messageKey(), v.args().toArray(), locale)))
                .toList();
        p.setProperty("errors", errors);
        return p;
    }

    @ExceptionHandler({HttpMessageNotReadableException.class, MethodArgumentTypeMismatchException.class,
            MissingServletRequestParameterException.class})
    ProblemDetail unreadable(HttpServletRequest request) {
        return problem(request, HttpStatus.BAD_REQUEST, "problem.unreadable");
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ProblemDetail method(HttpServletRequest request) {
        return problem(request, HttpStatus.METHOD_NOT_ALLOWED, "problem.method");
    }

    private ProblemDetail problem(HttpServletRequest request, HttpStatus status, String key) {
        return Problems.of(status, messages.getMessage(key, null, LocaleContextHolder.getLocale()), request);
    }
}
