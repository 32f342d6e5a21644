package be.loket.documents.web;

import be.loket.platform.web.ApiRequests;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Refuses a multipart request whose declared length exceeds the servlet's limit before anything reads
 * its parameters. It must run before Spring Security: the CSRF filter reads the {@code _csrf}
 * parameter, and on Tomcat 11 that read fails on an oversized body, which would end in Tomcat's own
 * English error page. The API gets a problem detail; a page gets a redirect (303) to a page that says
 * the limit in the user's language, with a link back to where the user came from.
 */
class OversizedUploadFilter extends OncePerRequestFilter {
    private final long maxRequestBytes;
    private final UploadLimits limits;
    private final LocaleResolver locales;

    OversizedUploadFilter(long maxRequestBytes, UploadLimits limits, LocaleResolver locales) {
        this.maxRequestBytes = maxRequestBytes;
        this.limits = limits;
        this.locales = locales;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String type = request.getContentType();
        boolean multipart = type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/");
        if (!multipart || maxRequestBytes <= 0 || request.getContentLengthLong() <= maxRequestBytes) {
            chain.doFilter(request, response);
            return;
        }
        if (ApiRequests.isApi(request)) {
            limits.writeProblem(request, response, locales.resolveLocale(request));
            return;
        }
        String back = UploadTooLargeController.safeBack(request.getHeader("Referer"), request.getContextPath());
        response.setStatus(HttpStatus.SEE_OTHER.value());
        response.setHeader("Location", request.getContextPath() + "/documents/too-large"
                + (back == null ? "" : "?back=" + java.net.URLEncoder.encode(back, java.nio.charset.StandardCharsets.UTF_8)));
    }
}
