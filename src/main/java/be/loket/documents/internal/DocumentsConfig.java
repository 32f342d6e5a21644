package be.loket.documents.internal;

import be.loket.documents.DocumentStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.unit.DataSize;

/** The database store (another store replaces it as a {@code @Primary} bean); the size limit from configuration. */
@Configuration(proxyBeanMethods = false)
class DocumentsConfig {

    @Bean
    DocumentStore databaseDocumentStore(JdbcClient jdbc) {
        return new DatabaseDocumentStore(jdbc);
    }

    @Bean
    ContentInspector contentInspector(@Value("${loket.documents.max-size:10MB}") DataSize maxSize) {
        return new ContentInspector(maxSize.toBytes());
    }
}
