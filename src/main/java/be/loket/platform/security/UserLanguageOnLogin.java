package be.loket.platform.security;

import be.loket.platform.ActorSource;
import be.loket.platform.web.I18nConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;

/**
 * After the staff login: the UI speaks the language the administrator set for the user, kept in the session.
 * A language the user picked with the switch (its cookie) still wins, see {@link I18nConfig}; it is kept in the
 * session rather than a cookie so that a language the administrator changes applies at the next login.
 * Then on to the page first asked for, else home, as Spring's default does.
 */
class UserLanguageOnLogin extends SavedRequestAwareAuthenticationSuccessHandler {

    UserLanguageOnLogin() {
        setDefaultTargetUrl("/");
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response, Authentication authentication)
            throws ServletException, IOException {
        if (authentication.getPrincipal() instanceof ActorSource user && user.language() != null) {
            Locale language = Locale.forLanguageTag(user.language());
            if (I18nConfig.SUPPORTED.contains(language)) {
                request.getSession().setAttribute(I18nConfig.USER_LANGUAGE_ATTRIBUTE, language);
            }
        }
        super.onAuthenticationSuccess(request, response, authentication);
    }
}
