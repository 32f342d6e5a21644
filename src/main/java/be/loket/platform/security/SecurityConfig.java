package be.loket.platform.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * Three filter chains: the JSON API (stateless, HTTP Basic, no cookies so no CSRF), the citizen portal
 * under /portal/** (its own login by personal link and one-time code, its own security context in the
 * session, CSRF tokens; see ADR 0600) and the staff UI (form login, session stored in the database,
 * CSRF tokens). Both send strict security headers;
 * the Content-Security-Policy forbids inline script, so every page keeps its script in /js.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
public class SecurityConfig {

    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    @Bean
    PasswordEncoder passwordEncoder() {
        // bcrypt by default, with the algorithm id stored so the hash can be upgraded later.
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiChain(HttpSecurity http, ApiProblemEntryPoint entryPoint) throws Exception {
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(a -> a.anyRequest().authenticated())
                .httpBasic(b -> b.authenticationEntryPoint(entryPoint))
                .exceptionHandling(e -> e.authenticationEntryPoint(entryPoint).accessDeniedHandler(entryPoint))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(c -> c.disable())
                .headers(SecurityConfig::strictHeaders);
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain openApiChain(HttpSecurity http) throws Exception {
        // The API description documents the contract only; it holds no personal data.
        http.securityMatcher("/v3/api-docs/**", "/v3/api-docs")
                .authorizeHttpRequests(a -> a.anyRequest().permitAll())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .headers(SecurityConfig::strictHeaders);
        return http.build();
    }

    /** The role of a citizen logged in to the portal; never held by staff, and the staff chain never sees it. */
    public static final String CITIZEN_ROLE = "CITIZEN";
    /** The session attribute of the portal's security context, apart from the staff login's. */
    public static final String PORTAL_CONTEXT_KEY = "LOKET_PORTAL_SECURITY_CONTEXT";

    /**
     * Where the portal keeps its login: a session attribute of its own, so a citizen's login never reaches
     * a staff page and a staff login never opens the portal, even in one browser.
     */
    public static SecurityContextRepository portalContextRepository() {
        var session = new HttpSessionSecurityContextRepository();
        session.setSpringSecurityContextKey(PORTAL_CONTEXT_KEY);
        return new DelegatingSecurityContextRepository(
                new RequestAttributeSecurityContextRepository(PORTAL_CONTEXT_KEY + ".request"), session);
    }

    @Bean
    @Order(3)
    SecurityFilterChain portalChain(HttpSecurity http) throws Exception {
        http.securityMatcher("/portal/**")
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/portal/l/**", "/portal/login", "/portal/login/**", "/portal/portal.css").permitAll()
                        .anyRequest().hasRole(CITIZEN_ROLE))
                .securityContext(c -> c.securityContextRepository(portalContextRepository()))
                .exceptionHandling(e -> e.authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint("/portal/login")))
                .requestCache(r -> r.disable())
                .headers(SecurityConfig::portalHeaders);
        return http.build();
    }

    @Bean
    @Order(4)
    SecurityFilterChain uiChain(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(a -> a
                        .requestMatchers("/login", "/css/**", "/js/**", "/img/**", "/webjars/**", "/favicon.ico",
                                "/error", "/actuator/health", "/actuator/health/**").permitAll()
                        // The message for an oversized upload holds no personal data; portal citizens land there too.
                        .requestMatchers(HttpMethod.GET, "/documents/too-large").permitAll()
                        // The public rights explorer: anonymous, stores nothing (see ADR 0103).
                        .requestMatchers(HttpMethod.GET, "/explorer", "/explorer/**").permitAll()
                        .requestMatchers(HttpMethod.GET, "/actuator/prometheus").hasRole("ADMIN")
                        .requestMatchers("/admin/**").hasRole("ADMIN")
                        .anyRequest().authenticated())
                .formLogin(f -> f.loginPage("/login").successHandler(new UserLanguageOnLogin()).failureHandler(new LoginFailureHandler()).permitAll())
                .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?logout").deleteCookies("SESSION").permitAll())
                .sessionManagement(s -> s.sessionFixation(f -> f.changeSessionId()))
                .headers(SecurityConfig::strictHeaders);
        return http.build();
    }

    /** As strict, except that the portal's file field may open the phone's camera. */
    static void portalHeaders(org.springframework.security.config.annotation.web.configurers.HeadersConfigurer<HttpSecurity> h) {
        strictHeaders(h);
        h.permissionsPolicyHeader(p -> p.policy("camera=(self), microphone=(), geolocation=()"));
    }

    static void strictHeaders(org.springframework.security.config.annotation.web.configurers.HeadersConfigurer<HttpSecurity> h) {
        h.contentSecurityPolicy(c -> c.policyDirectives(CSP))
                .frameOptions(f -> f.deny())
                .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                .permissionsPolicyHeader(p -> p.policy("camera=(), microphone=(), geolocation=()"))
                .contentTypeOptions(Customizer.withDefaults());
    }
}
