package be.loket.platform.web;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Describes the staff API: HTTP Basic, problem details in the caller's language. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfig {
    @Bean
    OpenAPI loketOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Loket API").version("v1")
                        .description("Staff API of Loket. HTTP Basic authentication; errors are RFC 9457 problem details "
                                + "in the language of Accept-Language (nl, fr, en). Every read and write of personal data is audited."))
                .schemaRequirement("basic", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic"))
                .addSecurityItem(new SecurityRequirement().addList("basic"));
    }
}
