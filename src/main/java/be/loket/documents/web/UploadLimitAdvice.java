package be.loket.documents.web;

import be.loket.platform.web.ApiRequests;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.ModelAndView;

/**
 * The second line behind {@link OversizedUploadFilter}: an upload without a Content-Length (chunked)
 * is only found too large while the servlet reads it, before any controller runs, so only a global
 * advice sees it. The user gets the limit in their language, never a stack trace.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class UploadLimitAdvice {
    private final UploadLimits limits;

    UploadLimitAdvice(UploadLimits limits) {
        this.limits = limits;
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ModelAndView tooLarge(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (ApiRequests.isApi(request)) {
            limits.writeProblem(request, response, LocaleContextHolder.getLocale());
            return new ModelAndView();
        }
        var page = new ModelAndView("documents/upload-too-large");
        page.addObject("message", limits.message(LocaleContextHolder.getLocale()));
        page.setStatus(HttpStatus.CONTENT_TOO_LARGE);
        return page;
    }
}
