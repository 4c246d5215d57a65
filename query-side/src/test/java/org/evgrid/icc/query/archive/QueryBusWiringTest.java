package org.evgrid.icc.query.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.evgrid.icc.query.archive.Viewers.HQ;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.GenericQueryMessage;
import org.axonframework.queryhandling.QueryResponseMessage;
import org.axonframework.queryhandling.SimpleQueryBus;
import org.axonframework.queryhandling.annotation.AnnotationQueryHandlerAdapter;
import org.evgrid.icc.coreapi.archive.AggregationUnitId;
import org.evgrid.icc.coreapi.archive.AggregationUnitList;
import org.evgrid.icc.coreapi.archive.AggregationUnitView;
import org.evgrid.icc.coreapi.archive.CountPilesQuery;
import org.evgrid.icc.coreapi.archive.FindAggregationUnitQuery;
import org.evgrid.icc.coreapi.archive.FindAggregationUnitsQuery;
import org.evgrid.icc.coreapi.archive.FindOperatorQuery;
import org.evgrid.icc.coreapi.archive.FindOperatorsQuery;
import org.evgrid.icc.coreapi.archive.FindPileQuery;
import org.evgrid.icc.coreapi.archive.FindPilesQuery;
import org.evgrid.icc.coreapi.archive.FindStationQuery;
import org.evgrid.icc.coreapi.archive.OperatorId;
import org.evgrid.icc.coreapi.archive.OperatorList;
import org.evgrid.icc.coreapi.archive.OperatorView;
import org.evgrid.icc.coreapi.archive.PileCountView;
import org.evgrid.icc.coreapi.archive.PileDimension;
import org.evgrid.icc.coreapi.archive.PileId;
import org.evgrid.icc.coreapi.archive.PilePage;
import org.evgrid.icc.coreapi.archive.PileView;
import org.evgrid.icc.coreapi.archive.StationId;
import org.evgrid.icc.coreapi.archive.StationView;
import org.junit.jupiter.api.Test;

/** Every archive query reaches its handler through Axon's query bus with the response type callers will ask for. */
class QueryBusWiringTest extends ArchiveTestBase {

    private static <R> R ask(SimpleQueryBus bus, Object query, Class<R> type) throws Exception {
        QueryResponseMessage<R> response = bus.query(new GenericQueryMessage<>(query, ResponseTypes.instanceOf(type))).get();
        return response.getPayload();
    }

    @Test
    void everyArchiveQueryIsAnsweredThroughTheQueryBus() throws Exception {
        ArchiveWorld.build(runner);
        SimpleQueryBus bus = SimpleQueryBus.builder().build();
        new AnnotationQueryHandlerAdapter<>(new PileArchiveQueries(db)).subscribe(bus);
        new AnnotationQueryHandlerAdapter<>(new StationArchiveQueries(db)).subscribe(bus);
        new AnnotationQueryHandlerAdapter<>(new OperatorArchiveQueries(db)).subscribe(bus);
        new AnnotationQueryHandlerAdapter<>(new AggregationUnitQueries(db)).subscribe(bus);

        assertThat(ask(bus, new FindPileQuery(HQ, new PileId("PA-1")), PileView.class).type()).isNotNull();
        assertThat(ask(bus, new FindPilesQuery(HQ, PileDimension.UNIT, "U-1", 0, 10, false), PilePage.class).total()).isEqualTo(3);
        assertThat(ask(bus, new CountPilesQuery(HQ, PileDimension.CITY, "320100"), PileCountView.class).total()).isEqualTo(3);
        assertThat(ask(bus, new FindStationQuery(HQ, new StationId("ST-B1")), StationView.class).piles()).isEqualTo(1);
        assertThat(ask(bus, new FindOperatorQuery(HQ, new OperatorId("OP-C")), OperatorView.class).piles()).isEqualTo(1);
        assertThat(ask(bus, new FindOperatorsQuery(HQ), OperatorList.class).items()).hasSize(3);
        assertThat(ask(bus, new FindAggregationUnitQuery(HQ, new AggregationUnitId("U-2")), AggregationUnitView.class).piles())
                .isZero();
        assertThat(ask(bus, new FindAggregationUnitsQuery(HQ), AggregationUnitList.class).items()).hasSize(2);
    }
}
