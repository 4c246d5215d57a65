package org.evgrid.icc.infra.axon;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.evgrid.icc.ledger.signing.SignedCommandInterceptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;

/**
 * How messages are handled: every command passes the signature verifier first; the tracking processors that write
 * to MongoDB store their token only after a batch's writes (no JDBC transaction around a Mongo projection: with one,
 * Axon stores the token first and a crash in between would lose the batch), and a failing event stops and retries
 * its batch instead of being skipped.
 */
@Configuration(proxyBeanMethods = false)
public class ProcessingConfig {

    /** Tracking processors that write to MongoDB. */
    static final String[] MONGO_PROCESSORS = {"ledger", "archive-projection"};

    @Autowired
    void verifySignatures(CommandBus commandBus, SignedCommandInterceptor interceptor) {
        commandBus.registerHandlerInterceptor(interceptor);
    }

    @Autowired
    void configureProcessors(EventProcessingConfigurer processing) {
        for (String name : MONGO_PROCESSORS) {
            processing.registerTransactionManager(name, c -> NoTransactionManager.INSTANCE);
            processing.registerListenerInvocationErrorHandler(name, c -> PropagatingErrorHandler.instance());
        }
    }
}
