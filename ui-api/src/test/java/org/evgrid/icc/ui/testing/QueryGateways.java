package org.evgrid.icc.ui.testing;

import java.lang.reflect.Proxy;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import org.axonframework.queryhandling.QueryGateway;

/** Fake query gateways for tests that need the answers of the query side without it. */
public final class QueryGateways {

    private QueryGateways() {
    }

    /**
     * A gateway whose every call answers, at once, what {@code answers} gives for the call's first argument (the query);
     * null when it does not know the query.
     */
    public static QueryGateway answering(Function<Object, Object> answers) {
        return (QueryGateway) Proxy.newProxyInstance(QueryGateway.class.getClassLoader(), new Class<?>[] {QueryGateway.class},
                (proxy, method, args) -> CompletableFuture.completedFuture(answers.apply(args[0])));
    }
}
