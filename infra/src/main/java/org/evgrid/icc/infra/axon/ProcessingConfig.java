package org.evgrid.icc.infra.axon;

import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;

/**
 * How messages are handled. (Every command passes the signature verifier first: Axon's Boot auto-configuration
 * registers the {@code MessageHandlerInterceptor} beans on the command bus in their {@code @Order}.) The tracking processors that write
 * to MongoDB store their token only after a batch's writes (no JDBC transaction around a Mongo projection: with one,
 * Axon stores the token first and a crash in between would lose the batch), and a failing event stops and retries
 * its batch instead of being skipped.
 */
@Configuration(proxyBeanMethods = false)
public class ProcessingConfig {

    /** Tracking processors that write to MongoDB. */
    static final String[] MONGO_PROCESSORS = {"ledger", "archive-projection", "declaration-projection", "forecast-projection",
        "telemetry-rollups", "market-projection", "dispatch-projection", "alarm-projection",
        "gateway-outbox"};
    /**
     * Tracking processors that send commands (each event in its own unit of work); a refusal is logged by the handler,
     * never retried forever.
     */
    static final String[] COMMANDING_PROCESSORS = {"forecasting", "lifecycle-saga"};
    /** Subscribing processors: their writes are part of the command, so a failure fails the command. */
    static final String[] SYNCHRONOUS_PROCESSORS = {"key-registry", "command-lookups", "market-products"};

    @Autowired
    void configureProcessors(EventProcessingConfigurer processing) {
        for (String name : MONGO_PROCESSORS) {
            processing.registerTransactionManager(name, c -> NoTransactionManager.INSTANCE);
            processing.registerListenerInvocationErrorHandler(name, c -> PropagatingErrorHandler.instance());
        }
        for (String name : COMMANDING_PROCESSORS) {
            processing.registerTransactionManager(name, c -> NoTransactionManager.INSTANCE);
        }
        for (String name : SYNCHRONOUS_PROCESSORS) {
            processing.registerListenerInvocationErrorHandler(name, c -> PropagatingErrorHandler.instance());
        }
    }
}
