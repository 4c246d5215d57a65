package org.evgrid.icc.query.planning;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.GenericQueryMessage;
import org.axonframework.queryhandling.QueryResponseMessage;
import org.axonframework.queryhandling.SimpleQueryBus;
import org.axonframework.queryhandling.annotation.AnnotationQueryHandlerAdapter;
import org.evgrid.icc.coreapi.archive.AggregationUnitId;
import org.evgrid.icc.coreapi.declaration.ProductCatalogue;
import org.evgrid.icc.coreapi.dispatch.DispatchInputs;
import org.evgrid.icc.coreapi.dispatch.DispatchPlanId;
import org.evgrid.icc.coreapi.dispatch.FindDispatchInputsQuery;
import org.evgrid.icc.coreapi.dispatch.FindIntervalActualsQuery;
import org.evgrid.icc.coreapi.dispatch.IntervalActualsView;
import org.evgrid.icc.coreapi.dr.BaselineRule;
import org.evgrid.icc.coreapi.dr.DrBaselineView;
import org.evgrid.icc.coreapi.dr.FindDrBaselineQuery;
import org.evgrid.icc.coreapi.market.BidBasisView;
import org.evgrid.icc.coreapi.market.FindBidBasisQuery;
import org.evgrid.icc.coreapi.security.DataScope;
import org.evgrid.icc.coreapi.security.Role;
import org.evgrid.icc.coreapi.security.Viewer;
import org.evgrid.icc.query.planning.PlanningWorld.Power;
import org.evgrid.icc.query.planning.PlanningWorld.Scheduled;
import org.evgrid.icc.query.telemetry.internal.Slots;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;

/**
 * The planning handlers built by Spring from the beans infra provides (the store and the clock only) and answering
 * through the query bus.
 */
class PlanningQueryBusIT {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 26);

    private static <R> R ask(SimpleQueryBus bus, Object query, Class<R> type) throws Exception {
        QueryResponseMessage<R> response = bus.query(new GenericQueryMessage<>(query, ResponseTypes.instanceOf(type))).get();
        return response.getPayload();
    }

    @Test
    void everyPlanningQueryIsAnsweredThroughTheQueryBusByBeansBuiltFromTheStoreAndTheClock() throws Exception {
        try (PlanningWorld world = new PlanningWorld(); AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext()) {
            world.batch(List.of(PlanningWorld.unit("AU-1"), PlanningWorld.pile("P1", "OP-A", "7.000", "0", "0"),
                    PlanningWorld.assign("P1", "AU-1", "OP-A")));
            world.power("OP-A", PlanningWorld.local(DAY, 9, 45), List.of(Power.ok("P1", 3000)));
            world.power("OP-A", PlanningWorld.local(DAY, 9, 50), List.of(Power.ok("P1", 3000)));
            world.power("OP-A", PlanningWorld.local(DAY, 9, 55), List.of(Power.ok("P1", 3000)));
            int[] w = new int[96];
            Arrays.fill(w, 2000);
            world.schedule("PLAN-1", 1, "AU-1", DAY, List.of(new Scheduled("OP-A", "P1", w, "FAIR_SHARE=96")), 1000);
            context.registerBean(MongoDatabase.class, world::database);
            context.registerBean(Clock.class, () -> Clock.fixed(PlanningWorld.local(DAY, 10, 2), Slots.ZONE));
            context.scan("org.evgrid.icc.query.planning");
            context.refresh();
            SimpleQueryBus bus = SimpleQueryBus.builder().build();
            for (Class<?> type : List.of(DispatchInputsQueries.class, IntervalActualsQueries.class, DrBaselineQueries.class,
                    BidBasisQueries.class)) {
                new AnnotationQueryHandlerAdapter<>(context.getBean(type)).subscribe(bus);
            }
            AggregationUnitId unit = new AggregationUnitId("AU-1");

            DispatchInputs inputs = ask(bus, new FindDispatchInputsQuery(unit, DAY.plusDays(1)), DispatchInputs.class);
            assertThat(inputs.piles()).singleElement().satisfies(p -> assertThat(p.online()).isTrue());
            IntervalActualsView actuals = ask(bus, new FindIntervalActualsQuery(new DispatchPlanId("PLAN-1"), 0, unit, DAY, 39),
                    IntervalActualsView.class);
            assertThat(actuals.actualKw()).isEqualByComparingTo("3.000");
            assertThat(actuals.plannedKw()).isEqualByComparingTo("2.000");
            assertThat(actuals.telemetryComplete()).isTrue();
            DrBaselineView baseline = ask(bus, new FindDrBaselineQuery(unit, DAY, BaselineRule.PRIOR_15_MINUTES, 40),
                    DrBaselineView.class);
            assertThat(baseline.baselineKw().get(0)).isEqualByComparingTo("3.000");
            Viewer trader = new Viewer("trader", Set.of(Role.TRADER), null, DataScope.HEADQUARTERS);
            BidBasisView basis = ask(bus, new FindBidBasisQuery(trader, ProductCatalogue.DAY_AHEAD, DAY, unit), BidBasisView.class);
            assertThat(basis.suggestedCurveKw()).isNull();
        }
    }
}
