package org.evgrid.icc.infra.axon;

import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.evgrid.icc.ledger.signing.SignedCommandCorrelationDataProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What every event carries from the command that caused it: its origin and the verified signer. */
@Configuration(proxyBeanMethods = false)
public class AxonMessagingConfig {

    @Bean
    CorrelationDataProvider messageOriginProvider() {
        return new MessageOriginProvider();
    }

    @Bean
    CorrelationDataProvider signedCommandCorrelation() {
        return new SignedCommandCorrelationDataProvider();
    }
}
