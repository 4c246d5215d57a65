package org.evgrid.icc.infra.config;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.evgrid.icc.ledger.json.IccJson;
import org.evgrid.icc.ledger.json.IdentifierModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

/**
 * JSON: Jackson everywhere (XStream cannot read records on Java 17), identifiers as plain strings, no default typing.
 * Two mappers: Spring's (REST; with the problem-detail support Boot adds) and Axon's serializer mapper.
 */
@Configuration(proxyBeanMethods = false)
public class JsonConfig {

    /** The REST mapper: Boot's defaults plus identifiers as plain strings. */
    @Bean
    @Primary
    static ObjectMapper objectMapper(Jackson2ObjectMapperBuilder builder) {
        return builder.modulesToInstall(new IdentifierModule()).build();
    }

    /** Axon's serializer mapper (found by this bean name): the center's JSON rules, lenient to fields added later. */
    @Bean("defaultAxonObjectMapper")
    static ObjectMapper defaultAxonObjectMapper() {
        return IccJson.newMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }
}
