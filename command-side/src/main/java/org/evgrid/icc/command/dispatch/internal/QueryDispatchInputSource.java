package org.evgrid.icc.command.dispatch.internal;

import java.time.LocalDate;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.evgrid.icc.command.dispatch.DispatchInputSource;
import org.evgrid.icc.coreapi.archive.AggregationUnitId;
import org.evgrid.icc.coreapi.common.IccException;
import org.evgrid.icc.coreapi.dispatch.DispatchInputs;
import org.evgrid.icc.coreapi.dispatch.FindDispatchInputsQuery;
import org.springframework.stereotype.Component;

/** Asks the query side for the allocation inputs ({@link FindDispatchInputsQuery}, waiting at most a minute). */
@Component
public class QueryDispatchInputSource implements DispatchInputSource {

    private static final long TIMEOUT_SECONDS = 60;

    private final QueryGateway queries;

    public QueryDispatchInputSource(QueryGateway queryGateway) {
        this.queries = queryGateway;
    }

    @Override
    public DispatchInputs inputs(AggregationUnitId unitId, LocalDate tradingDay) {
        try {
            DispatchInputs inputs = queries.query(new FindDispatchInputsQuery(unitId, tradingDay), ResponseTypes.instanceOf(DispatchInputs.class))
                    .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            if (inputs == null) {
                throw PlanRefusals.inputsUnavailable(unitId, tradingDay, "no answer").exception();
            }
            return inputs;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw PlanRefusals.inputsUnavailable(unitId, tradingDay, "interrupted").exception();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IccException refusal) {
                throw refusal;
            }
            throw PlanRefusals.inputsUnavailable(unitId, tradingDay, String.valueOf(e.getCause())).exception();
        } catch (TimeoutException e) {
            throw PlanRefusals.inputsUnavailable(unitId, tradingDay, "no answer within " + TIMEOUT_SECONDS + " s").exception();
        }
    }
}
