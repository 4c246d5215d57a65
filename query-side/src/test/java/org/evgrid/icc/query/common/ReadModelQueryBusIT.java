package org.evgrid.icc.query.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Set;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.GenericQueryMessage;
import org.axonframework.queryhandling.QueryResponseMessage;
import org.axonframework.queryhandling.SimpleQueryBus;
import org.axonframework.queryhandling.annotation.AnnotationQueryHandlerAdapter;
import org.evgrid.icc.coreapi.alarm.AlarmList;
import org.evgrid.icc.coreapi.alarm.FindAlarmsQuery;
import org.evgrid.icc.coreapi.archive.OperatorId;
import org.evgrid.icc.coreapi.archive.PileId;
import org.evgrid.icc.coreapi.dispatch.DeviationList;
import org.evgrid.icc.coreapi.dispatch.DispatchPlanId;
import org.evgrid.icc.coreapi.dispatch.DispatchPlanList;
import org.evgrid.icc.coreapi.dispatch.DispatchPlanView;
import org.evgrid.icc.coreapi.dispatch.FindDeviationsQuery;
import org.evgrid.icc.coreapi.dispatch.FindDispatchPlanQuery;
import org.evgrid.icc.coreapi.dispatch.FindDispatchPlansQuery;
import org.evgrid.icc.coreapi.dispatch.FindOperatorSchedulesQuery;
import org.evgrid.icc.coreapi.dispatch.FindPileScheduleQuery;
import org.evgrid.icc.coreapi.dispatch.PileSchedulePage;
import org.evgrid.icc.coreapi.dispatch.PileScheduleView;
import org.evgrid.icc.coreapi.dr.DrEventList;
import org.evgrid.icc.coreapi.dr.DrProgramList;
import org.evgrid.icc.coreapi.dr.FindDrEventsQuery;
import org.evgrid.icc.coreapi.dr.FindDrProgramsQuery;
import org.evgrid.icc.coreapi.market.BidList;
import org.evgrid.icc.coreapi.market.FindBidsQuery;
import org.evgrid.icc.coreapi.market.FindMarketNoticesQuery;
import org.evgrid.icc.coreapi.market.FindMarketProductsQuery;
import org.evgrid.icc.coreapi.market.MarketNoticeList;
import org.evgrid.icc.coreapi.market.MarketProductList;
import org.evgrid.icc.coreapi.security.DataScope;
import org.evgrid.icc.coreapi.security.Role;
import org.evgrid.icc.coreapi.security.Viewer;
import org.evgrid.icc.query.alarm.AlarmQueries;
import org.evgrid.icc.query.dispatch.DispatchQueries;
import org.evgrid.icc.query.dispatch.ScheduleQueries;
import org.evgrid.icc.query.market.DemandResponseQueries;
import org.evgrid.icc.query.market.MarketQueries;
import org.junit.jupiter.api.Test;

/** The market, dispatch and alarm queries reach their handlers through Axon's query bus with the response types callers ask for. */
class ReadModelQueryBusIT {

    private static final Viewer TRADER = new Viewer("trader", Set.of(Role.TRADER), null, DataScope.HEADQUARTERS);
    private static final LocalDate DAY = LocalDate.of(2026, 12, 1);

    private static <R> R ask(SimpleQueryBus bus, Object query, Class<R> type) throws Exception {
        QueryResponseMessage<R> response = bus.query(new GenericQueryMessage<>(query, ResponseTypes.instanceOf(type))).get();
        return response.getPayload();
    }

    @Test
    void everyQueryIsAnsweredThroughTheQueryBus() throws Exception {
        try (EmbeddedStore store = new EmbeddedStore()) {
            SimpleQueryBus bus = SimpleQueryBus.builder().build();
            for (Object handler : new Object[] {new MarketQueries(store.database()), new DemandResponseQueries(store.database()),
                new DispatchQueries(store.database()), new ScheduleQueries(store.database()), new AlarmQueries(store.database())}) {
                new AnnotationQueryHandlerAdapter<>(handler).subscribe(bus);
            }
            DispatchPlanId plan = new DispatchPlanId("DP-1");

            assertThat(ask(bus, new FindMarketProductsQuery(TRADER), MarketProductList.class).items()).isNotEmpty();
            assertThat(ask(bus, new FindBidsQuery(TRADER, null, null, null, DAY, DAY, 0, 10), BidList.class).total()).isZero();
            assertThat(ask(bus, new FindMarketNoticesQuery(TRADER, DAY, DAY), MarketNoticeList.class).items()).isEmpty();
            assertThat(ask(bus, new FindDrProgramsQuery(TRADER), DrProgramList.class).items()).isEmpty();
            assertThat(ask(bus, new FindDrEventsQuery(TRADER, DAY, DAY), DrEventList.class).items()).isEmpty();
            assertThat(ask(bus, new FindDispatchPlanQuery(TRADER, plan), DispatchPlanView.class)).isNull();
            assertThat(ask(bus, new FindDispatchPlansQuery(TRADER, DAY, DAY, null, null), DispatchPlanList.class).items()).isEmpty();
            assertThat(ask(bus, new FindDeviationsQuery(TRADER, DAY, DAY, null, null, null, 0, 10), DeviationList.class).total()).isZero();
            assertThat(ask(bus, new FindPileScheduleQuery(TRADER, plan, new PileId("P-1")), PileScheduleView.class)).isNull();
            assertThat(ask(bus, new FindOperatorSchedulesQuery(TRADER, plan, 0, new OperatorId("OP-1"), 0, 10), PileSchedulePage.class)
                    .total()).isZero();
            assertThat(ask(bus, new FindAlarmsQuery(TRADER, null, null, 0, 10), AlarmList.class).total()).isZero();
        }
    }
}
