package org.evgrid.icc.infra.axon;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.evgrid.icc.ledger.json.IccJson;
import org.evgrid.icc.ledger.json.IdentifierModule;
import org.evgrid.icc.ledger.signing.SignedCommandCorrelationDataProvider;
import org.evgrid.icc.ledger.signing.SignedCommandInterceptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Messages: Jackson everywhere (XStream cannot read records on Java 17), identifiers as plain strings, and the
 * signature verifier in front of every command handler.
 */
@Configuration(proxyBeanMethods = false)
public class AxonMessagingConfig {

    /** Axon's serializer mapper (picked by this bean name): the center's JSON rules, lenient to fields added later. */
    @Bean("defaultAxonObjectMapper")
    ObjectMapper defaultAxonObjectMapper() {
        return IccJson.newMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    /** Registered into Spring's own ObjectMapper (REST), so identifiers are plain strings there too. */
    @Bean
    Module identifierModule() {
        return new IdentifierModule();
    }

    @Bean
    CorrelationDataProvider messageOriginProvider() {
        return new MessageOriginProvider();
    }

    @Bean
    CorrelationDataProvider signedCommandCorrelation() {
        return new SignedCommandCorrelationDataProvider();
    }

    /** Every command passes the signature, role, scope, timestamp and nonce checks before its handler runs. */
    @Autowired
    void verifySignatures(CommandBus commandBus, SignedCommandInterceptor interceptor) {
        commandBus.registerHandlerInterceptor(interceptor);
    }
}
