package be.loket.documents.web;

import jakarta.servlet.MultipartConfigElement;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;

/** Registers {@link OversizedUploadFilter} with the servlet's own request limit (spring.servlet.multipart.max-request-size). */
@Configuration(proxyBeanMethods = false)
class DocumentsWebConfig {

    /** Before Spring Security's filter chain (order -100), so that no filter reads an oversized body first. */
    @Bean
    FilterRegistrationBean<OversizedUploadFilter> oversizedUploadFilter(MultipartConfigElement multipart, UploadLimits limits,
            LocaleResolver locales) {
        var registration = new FilterRegistrationBean<>(new OversizedUploadFilter(multipart.getMaxRequestSize(), limits, locales));
        registration.setOrder(-110);
        return registration;
    }
}
