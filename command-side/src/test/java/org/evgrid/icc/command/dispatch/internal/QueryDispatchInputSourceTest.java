package org.evgrid.icc.command.dispatch.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.evgrid.icc.command.common.Refused.assertRefused;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.DefaultQueryGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SimpleQueryBus;
import org.evgrid.icc.coreapi.archive.AggregationUnitId;
import org.evgrid.icc.coreapi.common.ErrorCategory;
import org.evgrid.icc.coreapi.dispatch.DispatchInputs;
import org.evgrid.icc.coreapi.dispatch.FindDispatchInputsQuery;
import org.junit.jupiter.api.Test;

class QueryDispatchInputSourceTest {

    private static final AggregationUnitId UNIT = new AggregationUnitId("AU-1");
    private static final LocalDate DAY = LocalDate.of(2026, 12, 1);

    private final SimpleQueryBus bus = SimpleQueryBus.builder().build();
    private final QueryGateway gateway = DefaultQueryGateway.builder().queryBus(bus).build();

    @Test
    void theInputsAreAskedOfTheQuerySideForTheUnitAndDay() {
        bus.subscribe(FindDispatchInputsQuery.class.getName(), ResponseTypes.instanceOf(DispatchInputs.class).getExpectedResponseType(),
                query -> {
                    FindDispatchInputsQuery q = (FindDispatchInputsQuery) query.getPayload();
                    return new DispatchInputs(q.unitId(), q.tradingDay(), Instant.EPOCH, List.of());
                });

        DispatchInputs inputs = new QueryDispatchInputSource(gateway).inputs(UNIT, DAY);

        assertThat(inputs.unitId()).isEqualTo(UNIT);
        assertThat(inputs.tradingDay()).isEqualTo(DAY);
    }

    @Test
    void withoutAnAnswerThePlanIsRefusedAsInputsUnavailable() {
        assertRefused(() -> new QueryDispatchInputSource(gateway).inputs(UNIT, DAY), ErrorCategory.UNPROCESSABLE,
                "ICC-PLAN-INPUTS-UNAVAILABLE");
    }
}
