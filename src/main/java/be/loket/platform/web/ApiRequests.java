package be.loket.platform.web;

import jakarta.servlet.http.HttpServletRequest;

/** Whether a request is for the JSON API: the language, the error format, the audit channel and upload refusals follow it. */
public final class ApiRequests {
    private ApiRequests() {
    }

    /** A request under /api/ (after the context path). */
    public static boolean isApi(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.equals("/api") || path.startsWith("/api/");
    }
}
