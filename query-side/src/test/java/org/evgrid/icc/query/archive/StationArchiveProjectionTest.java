package org.evgrid.icc.query.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.evgrid.icc.query.archive.ArchiveEvents.NANJING_XUANWU;
import static org.evgrid.icc.query.archive.ArchiveEvents.at;
import static org.evgrid.icc.query.archive.ArchiveEvents.event;
import static org.evgrid.icc.query.archive.ArchiveEvents.stationRegistered;

import java.math.BigDecimal;
import java.util.Map;
import org.axonframework.eventhandling.DomainEventMessage;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.evgrid.icc.coreapi.archive.GeoPoint;
import org.evgrid.icc.coreapi.archive.OperatorId;
import org.evgrid.icc.coreapi.archive.StationDecommissionedEvent;
import org.evgrid.icc.coreapi.archive.StationId;
import org.evgrid.icc.coreapi.archive.StationUpdatedEvent;
import org.evgrid.icc.query.archive.internal.ArchiveCollections;
import org.evgrid.icc.query.archive.internal.Memberships;
import org.junit.jupiter.api.Test;

class StationArchiveProjectionTest extends ArchiveTestBase {

    private static DomainEventMessage<?> decommissioned(long seq) {
        return event("ST-A1", seq, new StationDecommissionedEvent(new StationId("ST-A1"), new OperatorId("OP-A"), "拆除"), at(9));
    }

    @Test
    void aRegisteredStationIsStoredAndCountsAmongItsOperatorsStations() {
        apply(stationRegistered("ST-A1", "OP-A", NANJING_XUANWU, "DA-NJ", at(1)), stationRegistered("ST-A2", "OP-A", NANJING_XUANWU,
                "DA-NJ", at(1)));

        Document station = doc(ArchiveCollections.STATIONS, "ST-A1");
        assertThat(station.getString("operatorId")).isEqualTo("OP-A");
        assertThat(station.get("region", Document.class).getString("cityCode")).isEqualTo("320100");
        assertThat(station.getString("dispatchAreaId")).isEqualTo("DA-NJ");
        assertThat(station.getString("status")).isEqualTo("ACTIVE");
        assertThat(Memberships.stations(db, "OP-A")).containsExactlyInAnyOrder("ST-A1", "ST-A2");
        assertThat(doc(ArchiveCollections.STATION_MEMBERS, "OP-A|" + Math.floorMod("ST-A1".hashCode(), 16))
                .getList("stations", String.class)).contains("ST-A1");
    }

    @Test
    void anUpdateChangesNameAndLocationButNotTheRegion() {
        apply(stationRegistered("ST-A1", "OP-A", NANJING_XUANWU, "DA-NJ", at(1)));

        apply(event("ST-A1", 1, new StationUpdatedEvent(new StationId("ST-A1"), new OperatorId("OP-A"), "新街口站",
                new GeoPoint(new BigDecimal("32.050000"), new BigDecimal("118.780000"))), at(2)));

        Document station = doc(ArchiveCollections.STATIONS, "ST-A1");
        assertThat(station.getString("name")).isEqualTo("新街口站");
        assertThat(station.get("location", Document.class).get("latitude", Decimal128.class).bigDecimalValue())
                .isEqualTo(new BigDecimal("32.050000"));
        assertThat(station.get("region", Document.class).getString("districtCode")).isEqualTo("320102");
        assertThat(station.getLong("seq")).isEqualTo(1);
    }

    @Test
    void aDecommissionedStationLeavesItsOperatorsStationsAndAReplayKeepsItOut() {
        apply(stationRegistered("ST-A1", "OP-A", NANJING_XUANWU, "DA-NJ", at(1)), decommissioned(1));
        Map<String, Map<String, Document>> once = store.snapshot();

        assertThat(doc(ArchiveCollections.STATIONS, "ST-A1").getString("status")).isEqualTo("DECOMMISSIONED");
        assertThat(Memberships.stations(db, "OP-A")).isEmpty();

        apply(decommissioned(1));
        assertThat(store.snapshot()).isEqualTo(once);
    }
}
