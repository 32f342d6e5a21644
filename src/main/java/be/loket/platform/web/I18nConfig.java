package be.loket.platform.web;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.ReloadableResourceBundleMessageSource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * Message bundles and the user's language. Each module keeps its own bundle {@code i18n/<module>.properties}
 * (Dutch, the default) with {@code _fr} and {@code _en} siblings; all are found on the classpath so
 * modules never edit each other's files. The language comes from the switch (cookie), else from the
 * logged-in staff member's own language (set by the administrator, kept in the session at login), else from
 * Accept-Language among the supported ones, else Dutch.
 */
@Configuration(proxyBeanMethods = false)
public class I18nConfig implements WebMvcConfigurer {

    public static final List<Locale> SUPPORTED = List.of(Locale.forLanguageTag("nl"), Locale.forLanguageTag("fr"), Locale.forLanguageTag("en"));
    public static final Locale DEFAULT = Locale.forLanguageTag("nl");
    /** Session attribute with the staff member's own language, set at login. */
    public static final String USER_LANGUAGE_ATTRIBUTE = "loket.userLanguage";

    @Bean
    MessageSource messageSource() throws IOException {
        var source = new ReloadableResourceBundleMessageSource();
        source.setBasenames(bundleBasenames().toArray(String[]::new));
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        source.setDefaultLocale(DEFAULT);
        // A missing key must show up as an error in tests, not as silently translated text.
        source.setUseCodeAsDefaultMessage(false);
        return source;
    }

    /** The base names of all bundles: files under i18n/ without a language suffix. */
    public static List<String> bundleBasenames() throws IOException {
        var names = new TreeSet<String>();
        for (Resource r : new PathMatchingResourcePatternResolver().getResources("classpath*:i18n/*.properties")) {
            String file = r.getFilename();
            if (file != null && !file.matches(".*_[a-z]{2}\\.properties")) {
                names.add("classpath:i18n/" + file.substring(0, file.length() - ".properties".length()));
            }
        }
        return List.copyOf(names);
    }

    @Bean
    LocaleResolver localeResolver() {
        var resolver = new CookieLocaleResolver("loket-lang");
        resolver.setCookieMaxAge(Duration.ofDays(365));
        resolver.setCookieHttpOnly(true);
        resolver.setCookieSameSite("Lax");
        resolver.setDefaultLocaleFunction(request -> {
            // The API speaks Accept-Language only, even to a caller that also sends a staff session cookie.
            var session = ApiRequests.isApi(request) ? null : request.getSession(false);
            if (session != null && session.getAttribute(USER_LANGUAGE_ATTRIBUTE) instanceof Locale own) {
                return own;
            }
            var header = request.getHeader("Accept-Language");
            if (header != null && !header.isBlank()) {
                try {
                    Locale best = Locale.lookup(Locale.LanguageRange.parse(header), SUPPORTED);
                    if (best != null) {
                        return best;
                    }
                } catch (IllegalArgumentException ignored) {
                    // A malformed header falls back to Dutch.
                }
            }
            return DEFAULT;
        });
        return resolver;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        var change = new LocaleChangeInterceptor() {
            @Override
            protected Locale parseLocaleValue(String value) {
                // Only the supported languages; anything else resets to the default.
                Locale asked = super.parseLocaleValue(value);
                return asked != null && SUPPORTED.contains(Locale.forLanguageTag(asked.getLanguage())) ? Locale.forLanguageTag(asked.getLanguage()) : null;
            }
        };
        change.setParamName("lang");
        change.setIgnoreInvalidLocale(true);
        change.setHttpMethods("GET");
        registry.addInterceptor(change);
    }
}
