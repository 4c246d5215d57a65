package org.evgrid.icc.command.archive.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import com.mongodb.client.MongoDatabase;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.bson.Document;
import org.evgrid.icc.command.EmbeddedMongo;
import org.evgrid.icc.command.common.TestData;
import org.evgrid.icc.coreapi.archive.OperatorId;
import org.evgrid.icc.coreapi.archive.PileDecommissionedEvent;
import org.evgrid.icc.coreapi.archive.PileId;
import org.evgrid.icc.coreapi.archive.PileRegisteredEvent;
import org.evgrid.icc.coreapi.archive.PileType;
import org.evgrid.icc.coreapi.archive.StationId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StationPileIndexIT {

    private static final OperatorId OP = new OperatorId("OP-1");
    private static final StationId ST1 = new StationId("ST-1");
    private static final StationId ST2 = new StationId("ST-2");

    private static EmbeddedMongo mongo;
    private MongoDatabase database;
    private StationPileIndex index;

    @BeforeAll
    static void startStore() {
        mongo = new EmbeddedMongo();
    }

    @AfterAll
    static void stopStore() {
        mongo.close();
    }

    @BeforeEach
    void freshIndex() {
        database = mongo.freshDatabase("icc");
        index = new StationPileIndex(database);
    }

    private static PileRegisteredEvent registered(String pileId, StationId stationId) {
        return new PileRegisteredEvent(new PileId(pileId), OP, stationId, TestData.AREA, TestData.NANJING, PileType.AC,
                new BigDecimal("7"), BigDecimal.ZERO, BigDecimal.ZERO, 1, null);
    }

    private static PileDecommissionedEvent decommissioned(String pileId, StationId stationId) {
        return new PileDecommissionedEvent(new PileId(pileId), OP, stationId, null);
    }

    @Test
    void aStationWithoutRegisteredPilesHasNoneInService() {
        assertThat(index.inService(ST1)).isZero();
    }

    @Test
    void registeredPilesCountUntilTheyAreDecommissioned() {
        index.on(registered("P-1", ST1));
        index.on(registered("P-2", ST1));
        index.on(registered("P-3", ST2));
        index.on(decommissioned("P-1", ST1));

        assertThat(index.inService(ST1)).isEqualTo(1);
        assertThat(index.inService(ST2)).isEqualTo(1);
    }

    @Test
    void aRedeliveredEventChangesNothing() {
        index.on(registered("P-1", ST1));
        index.on(registered("P-1", ST1));
        index.on(decommissioned("P-2", ST1));
        index.on(decommissioned("P-2", ST1));

        assertThat(index.inService(ST1)).isEqualTo(1);
    }

    @Test
    void theLookupOutlivesTheProcessThatWroteIt() {
        index.on(registered("P-1", ST1));

        StationPileIndex afterRestart = new StationPileIndex(database);

        assertThat(afterRestart.inService(ST1)).isEqualTo(1);
        assertThat(database.getCollection(StationPileIndex.COLLECTION).find().first())
                .isEqualTo(new Document("_id", "ST-1").append("pileIds", List.of("P-1")));
    }

    @Test
    void withinAUnitOfWorkTheWritesWaitForTheCommitAndGoOutTogether() {
        DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("batch"));
        index.on(registered("P-1", ST1));
        index.on(registered("P-2", ST1));
        index.on(decommissioned("P-1", ST1));

        assertThat(index.inService(ST1)).isZero();
        unitOfWork.commit();

        assertThat(index.inService(ST1)).isEqualTo(1);
    }

    @Test
    void aRolledBackUnitOfWorkWritesNothing() {
        DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("batch"));
        index.on(registered("P-1", ST1));
        unitOfWork.rollback();

        assertThat(index.inService(ST1)).isZero();
    }
}
