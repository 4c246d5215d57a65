package org.evgrid.icc.saga.lifecycle;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.axonframework.queryhandling.DefaultQueryGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SimpleQueryBus;
import org.evgrid.icc.coreapi.dispatch.FindIntervalActualsQuery;
import org.evgrid.icc.coreapi.dispatch.IntervalActualsView;
import org.evgrid.icc.coreapi.dr.DrBaselineView;
import org.evgrid.icc.coreapi.dr.FindDrBaselineQuery;

/**
 * A real in-memory Axon query bus whose handlers answer the saga's internal queries from functions set by a test (a
 * stand-in for the query side; no store is involved). Every query asked is recorded.
 */
final class InMemoryQueries {

    private final SimpleQueryBus bus = SimpleQueryBus.builder().build();
    private final QueryGateway gateway = DefaultQueryGateway.builder().queryBus(bus).build();
    private final List<Object> asked = new ArrayList<>();
    private Function<FindIntervalActualsQuery, IntervalActualsView> actuals = q -> null;
    private Function<FindDrBaselineQuery, DrBaselineView> baselines = q -> null;

    InMemoryQueries() {
        bus.subscribe(FindIntervalActualsQuery.class.getName(), IntervalActualsView.class, m -> {
            FindIntervalActualsQuery q = (FindIntervalActualsQuery) m.getPayload();
            asked.add(q);
            return actuals.apply(q);
        });
        bus.subscribe(FindDrBaselineQuery.class.getName(), DrBaselineView.class, m -> {
            FindDrBaselineQuery q = (FindDrBaselineQuery) m.getPayload();
            asked.add(q);
            return baselines.apply(q);
        });
    }

    QueryGateway gateway() {
        return gateway;
    }

    void answerActuals(Function<FindIntervalActualsQuery, IntervalActualsView> answer) {
        this.actuals = answer;
    }

    void answerBaselines(Function<FindDrBaselineQuery, DrBaselineView> answer) {
        this.baselines = answer;
    }

    <T> List<T> asked(Class<T> type) {
        return asked.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
