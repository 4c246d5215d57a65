package org.evgrid.icc.ui.query;

import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.messaging.timeout.AxonTimeoutException;
import org.axonframework.queryhandling.QueryGateway;
import org.evgrid.icc.coreapi.common.ErrorCategory;
import org.evgrid.icc.coreapi.common.IccException;
import org.springframework.stereotype.Component;

/** Asks one query and waits for its answer, turning failures back into the handler's refusal. */
@Component
public class QueryAsker {

    private static final long TIMEOUT_SECONDS = 15;

    private final QueryGateway queryGateway;

    public QueryAsker(QueryGateway queryGateway) {
        this.queryGateway = queryGateway;
    }

    /** The answer of a query, or the refusal its handler threw. */
    public <R> R ask(Object query, Class<R> type) {
        return ask(query, type, Duration.ofSeconds(TIMEOUT_SECONDS));
    }

    /** The answer of a query that may take longer (e.g. verifying a large ledger), waited for at most {@code wait}. */
    public <R> R ask(Object query, Class<R> type, Duration wait) {
        return ask(query, type, wait, () -> IccException.notFound("ICC-NOT-FOUND", null, "未找到所查询的对象", "Nothing was found for this query",
                "Check the identifiers in the request"));
    }

    /** The answer of a query for one object, or {@code whenNone}'s refusal (a 404 naming the object) if there is none. */
    public <R> R ask(Object query, Class<R> type, Supplier<IccException> whenNone) {
        return ask(query, type, Duration.ofSeconds(TIMEOUT_SECONDS), whenNone);
    }

    private <R> R ask(Object query, Class<R> type, Duration wait, Supplier<IccException> whenNone) {
        try {
            R result = queryGateway.query(query, ResponseTypes.instanceOf(type)).get(wait.toMillis(), TimeUnit.MILLISECONDS);
            if (result == null) {
                throw whenNone.get();
            }
            return result;
        } catch (ExecutionException | CompletionException e) {
            if (e.getCause() instanceof AxonTimeoutException) {
                throw unavailable();
            }
            throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable();
        } catch (TimeoutException e) {
            throw unavailable();
        }
    }

    private static IccException unavailable() {
        return new IccException("ICC-QUERY-TIMEOUT", ErrorCategory.UNAVAILABLE, null, "查询超时，请稍后重试或缩小查询范围（如分页、单个对象，或账本核验指定 from/to 区间）",
                "The query timed out; try again later or narrow it",
                "Narrow the query (a smaller page, one key, or for the ledger a range: from and to) or try again");
    }
}
