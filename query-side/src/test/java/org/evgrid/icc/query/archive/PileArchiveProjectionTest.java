package org.evgrid.icc.query.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.evgrid.icc.query.archive.ArchiveEvents.NANJING_QINHUAI;
import static org.evgrid.icc.query.archive.ArchiveEvents.NANJING_XUANWU;
import static org.evgrid.icc.query.archive.ArchiveEvents.assigned;
import static org.evgrid.icc.query.archive.ArchiveEvents.at;
import static org.evgrid.icc.query.archive.ArchiveEvents.event;
import static org.evgrid.icc.query.archive.ArchiveEvents.operatorRegistered;
import static org.evgrid.icc.query.archive.ArchiveEvents.pile;
import static org.evgrid.icc.query.archive.ArchiveEvents.pileDecommissioned;
import static org.evgrid.icc.query.archive.ArchiveEvents.pileRegistered;
import static org.evgrid.icc.query.archive.ArchiveEvents.removed;
import static org.evgrid.icc.query.archive.ArchiveEvents.stationRegistered;
import static org.evgrid.icc.query.archive.ArchiveEvents.unitCreated;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.evgrid.icc.coreapi.archive.GeoPoint;
import org.evgrid.icc.coreapi.archive.OperatorId;
import org.evgrid.icc.coreapi.archive.OperatorReinstatedEvent;
import org.evgrid.icc.coreapi.archive.OperatorSuspendedEvent;
import org.evgrid.icc.coreapi.archive.OperatorUpdatedEvent;
import org.evgrid.icc.coreapi.archive.PileDimension;
import org.evgrid.icc.coreapi.archive.PileId;
import org.evgrid.icc.coreapi.archive.PileType;
import org.evgrid.icc.coreapi.archive.PileUpdatedEvent;
import org.evgrid.icc.coreapi.archive.StationDecommissionedEvent;
import org.evgrid.icc.coreapi.archive.StationId;
import org.evgrid.icc.coreapi.archive.StationUpdatedEvent;
import org.evgrid.icc.query.archive.internal.ArchiveCollections;
import org.evgrid.icc.query.archive.internal.Memberships;
import org.junit.jupiter.api.Test;

class PileArchiveProjectionTest extends ArchiveTestBase {

    private static DomainEventMessage<?> p1() {
        return pileRegistered(pile("P-001", "OP-A", "ST-A1", NANJING_XUANWU, "DA-NJ", PileType.AC, "7.000"), at(1));
    }

    private static DomainEventMessage<?> updated(String pileId, long seq, String ratedKw, int minutes) {
        return event(pileId, seq, new PileUpdatedEvent(new PileId(pileId), new OperatorId("OP-A"), new BigDecimal(ratedKw),
                new BigDecimal("1.500"), new BigDecimal("0.000"), 4), at(minutes));
    }

    @Test
    void aRegisteredPileIsStoredWithItsArchiveAndJoinsEveryDimensionItBelongsTo() {
        apply(p1());

        Document pile = doc(ArchiveCollections.PILES, "P-001");
        assertThat(pile.getString("operatorId")).isEqualTo("OP-A");
        assertThat(pile.getString("stationId")).isEqualTo("ST-A1");
        assertThat(pile.getString("dispatchAreaId")).isEqualTo("DA-NJ");
        assertThat(pile.get("region", Document.class).getString("districtCode")).isEqualTo("320102");
        assertThat(pile.getString("type")).isEqualTo("AC");
        assertThat(pile.get("ratedPowerKw", Decimal128.class).bigDecimalValue()).isEqualTo(new BigDecimal("7.000"));
        assertThat(pile.getString("status")).isEqualTo("ACTIVE");
        assertThat(pile.get("unitId")).isNull();
        assertThat(pile.getLong("seq")).isZero();
        assertThat(pile.getDate("registeredAt")).isEqualTo(Date.from(at(1)));
        assertThat(pile.getDate("updatedAt")).isEqualTo(Date.from(at(1)));

        assertThat(members(PileDimension.OPERATOR, "OP-A")).containsExactly("P-001");
        assertThat(members(PileDimension.STATION, "ST-A1")).containsExactly("P-001");
        assertThat(members(PileDimension.DISPATCH_AREA, "DA-NJ")).containsExactly("P-001");
        assertThat(members(PileDimension.PROVINCE, "320000")).containsExactly("P-001");
        assertThat(members(PileDimension.CITY, "320100")).containsExactly("P-001");
        assertThat(members(PileDimension.DISTRICT, "320102")).containsExactly("P-001");
        assertThat(membersByType(PileDimension.OPERATOR, "OP-A").get(PileType.AC)).containsExactly("P-001");
        String bucket = "OPERATOR|OP-A|" + Math.floorMod("P-001".hashCode(), 16);
        assertThat(doc(ArchiveCollections.PILE_MEMBERS, bucket).getList("AC", String.class)).containsExactly("P-001");
    }

    @Test
    void anUpdateChangesTheTechnicalDataAndAnOlderUpdateArrivingLaterIsIgnored() {
        apply(p1());
        apply(updated("P-001", 2, "22.000", 5));
        apply(updated("P-001", 1, "11.000", 3));

        Document pile = doc(ArchiveCollections.PILES, "P-001");
        assertThat(pile.get("ratedPowerKw", Decimal128.class).bigDecimalValue()).isEqualTo(new BigDecimal("22.000"));
        assertThat(pile.getInteger("connectorCount")).isEqualTo(4);
        assertThat(pile.getLong("seq")).isEqualTo(2);
        assertThat(pile.getDate("updatedAt")).isEqualTo(Date.from(at(5)));
    }

    @Test
    void aPileRegisteredByAnImportBatchTakesItsSequenceFromItsOwnLaterEvents() {
        apply(event("B-7", 517, pile("P-001", "OP-A", "ST-A1", NANJING_XUANWU, "DA-NJ", PileType.AC, "7.000"), at(1)));
        assertThat(doc(ArchiveCollections.PILES, "P-001").getLong("seq")).isEqualTo(-1);

        apply(updated("P-001", 1, "22.000", 5));

        Document pile = doc(ArchiveCollections.PILES, "P-001");
        assertThat(pile.get("ratedPowerKw", Decimal128.class).bigDecimalValue()).isEqualTo(new BigDecimal("22.000"));
        assertThat(pile.getLong("seq")).isEqualTo(1);
    }

    @Test
    void assigningAndRemovingAPileMovesItIntoAndOutOfTheUnit() {
        apply(unitCreated("U-1", "DA-NJ", "320000", at(0)), p1());

        apply(assigned("U-1", 1, "P-001", "OP-A", at(2)));
        assertThat(doc(ArchiveCollections.PILES, "P-001").getString("unitId")).isEqualTo("U-1");
        assertThat(membersByType(PileDimension.UNIT, "U-1").get(PileType.AC)).containsExactly("P-001");

        apply(removed("U-1", 2, "P-001", "OP-A", at(3)));
        assertThat(doc(ArchiveCollections.PILES, "P-001").get("unitId")).isNull();
        assertThat(members(PileDimension.UNIT, "U-1")).isEmpty();
        assertThat(members(PileDimension.OPERATOR, "OP-A")).containsExactly("P-001");
    }

    @Test
    void aPileAssignedToAnotherUnitLeavesItsFormerUnit() {
        apply(p1(), assigned("U-1", 1, "P-001", "OP-A", at(2)), assigned("U-2", 1, "P-001", "OP-A", at(3)));

        assertThat(doc(ArchiveCollections.PILES, "P-001").getString("unitId")).isEqualTo("U-2");
        assertThat(members(PileDimension.UNIT, "U-1")).isEmpty();
        assertThat(members(PileDimension.UNIT, "U-2")).containsExactly("P-001");
    }

    @Test
    void aDecommissionedPileLeavesAllItsMembershipsIncludingItsUnit() {
        apply(p1(), pileRegistered(pile("P-002", "OP-A", "ST-A1", NANJING_XUANWU, "DA-NJ", PileType.DC, "60.000"), at(1)));
        apply(assigned("U-1", 1, "P-001", "OP-A", at(2)), assigned("U-1", 2, "P-002", "OP-A", at(2)));

        apply(pileDecommissioned("P-001", "OP-A", "ST-A1", 1, at(4)));

        Document pile = doc(ArchiveCollections.PILES, "P-001");
        assertThat(pile.getString("status")).isEqualTo("DECOMMISSIONED");
        assertThat(pile.get("unitId")).isNull();
        assertThat(pile.getLong("seq")).isEqualTo(1);
        for (PileDimension dimension : List.of(PileDimension.OPERATOR, PileDimension.STATION, PileDimension.DISPATCH_AREA,
                PileDimension.PROVINCE, PileDimension.CITY, PileDimension.DISTRICT)) {
            String key = switch (dimension) {
                case OPERATOR -> "OP-A";
                case STATION -> "ST-A1";
                case DISPATCH_AREA -> "DA-NJ";
                case PROVINCE -> "320000";
                case CITY -> "320100";
                default -> "320102";
            };
            assertThat(members(dimension, key)).as(dimension.name()).containsExactly("P-002");
        }
        assertThat(members(PileDimension.UNIT, "U-1")).containsExactly("P-002");
    }

    @Test
    void aUnitAssignmentOfADecommissionedPileIsIgnored() {
        apply(p1(), pileDecommissioned("P-001", "OP-A", "ST-A1", 1, at(2)));

        apply(assigned("U-1", 1, "P-001", "OP-A", at(3)));

        assertThat(doc(ArchiveCollections.PILES, "P-001").get("unitId")).isNull();
        assertThat(members(PileDimension.UNIT, "U-1")).isEmpty();
    }

    @Test
    void aPileRegisteredAndAssignedInTheSameBatchIsFoundBeforeTheBatchIsWritten() {
        apply(p1(), assigned("U-1", 1, "P-001", "OP-A", at(2)), updated("P-001", 1, "9.000", 3));

        Document pile = doc(ArchiveCollections.PILES, "P-001");
        assertThat(pile.getString("unitId")).isEqualTo("U-1");
        assertThat(pile.get("ratedPowerKw", Decimal128.class).bigDecimalValue()).isEqualTo(new BigDecimal("9.000"));
        assertThat(members(PileDimension.UNIT, "U-1")).containsExactly("P-001");
    }

    @Test
    void eventsNamingAPileTheReadModelDoesNotHoldChangeNothing() {
        apply(removed("U-1", 1, "P-404", "OP-A", at(1)), assigned("U-1", 2, "P-404", "OP-A", at(1)),
                updated("P-404", 1, "9.000", 2), pileDecommissioned("P-404", "OP-A", "ST-A1", 2, at(3)));

        assertThat(doc(ArchiveCollections.PILES, "P-404")).isNull();
        assertThat(members(PileDimension.UNIT, "U-1")).isEmpty();
    }

    @Test
    void aBatchIsWrittenWithOneBulkWritePerCollectionMembershipsFirst() {
        List<EventMessage<?>> batch = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            PileType type = PileType.values()[i % 3];
            batch.add(pileRegistered(pile(String.format("P-%03d", i), "OP-A", "ST-A" + (i % 4), i % 2 == 0 ? NANJING_XUANWU
                    : NANJING_QINHUAI, "DA-NJ", type, "7.000"), at(1)));
        }
        store.takeWriteCommands();

        runner.batch(batch);

        assertThat(store.takeWriteCommands()).containsExactly("update:arch_pile_members", "update:arch_piles");
        assertThat(members(PileDimension.OPERATOR, "OP-A")).hasSize(200);
        assertThat(members(PileDimension.DISTRICT, "320104")).hasSize(100);
        assertThat(membersByType(PileDimension.STATION, "ST-A1").get(PileType.DC)).hasSize(17);
    }

    @Test
    void replayingTheWholeHistoryAgainChangesNothing() {
        List<EventMessage<?>> history = history();
        runner.batches(history, 3);
        Map<String, Map<String, Document>> once = store.snapshot();

        runner.batches(history, 3);
        assertThat(store.snapshot()).isEqualTo(once);
        runner.batches(history, 200);
        assertThat(store.snapshot()).isEqualTo(once);
    }

    @Test
    void eachEventDeliveredTwiceInARowGivesTheSameDocumentsAsOnce() {
        List<EventMessage<?>> history = history();
        runner.oneByOne(history);
        Map<String, Map<String, Document>> once = store.snapshot();
        store.clear();

        for (EventMessage<?> event : history) {
            runner.batch(List.of(event));
            runner.batch(List.of(event));
        }

        assertThat(store.snapshot()).isEqualTo(once);
    }

    @Test
    void redeliveringAnySuffixOfTheHistoryConvergesToTheSameDocuments() {
        List<EventMessage<?>> history = history();
        runner.batches(history, 4);
        Map<String, Map<String, Document>> once = store.snapshot();

        for (int from = history.size() - 1; from >= 0; from--) {
            runner.batches(history.subList(from, history.size()), 4);
            assertThat(store.snapshot()).as("after re-delivery from event " + from).isEqualTo(once);
        }
    }

    @Test
    void aResetDropsTheReadModels() throws Exception {
        runner.batches(history(), 10);

        runner.reset();

        assertThat(db.listCollectionNames().into(new ArrayList<>())).doesNotContain(ArchiveCollections.PILES,
                ArchiveCollections.PILE_MEMBERS, ArchiveCollections.OPERATORS, ArchiveCollections.STATIONS,
                ArchiveCollections.STATION_MEMBERS, ArchiveCollections.UNITS);
    }

    @Test
    void bucketsSplitAMembershipByTheHashOfThePileId() {
        assertThat(Memberships.bucket("P-001")).isEqualTo(Math.floorMod("P-001".hashCode(), 16));
        assertThat(Memberships.pileBucketId(PileDimension.DISPATCH_AREA, "DA-NJ", 7)).isEqualTo("DISPATCH_AREA|DA-NJ|7");
        assertThat(Memberships.stationBucketId("OP-A", 3)).isEqualTo("OP-A|3");
    }

    /** Every archive event type the read models handle, with piles moving between units and one decommissioned while in a unit. */
    static List<EventMessage<?>> history() {
        List<EventMessage<?>> events = new ArrayList<>();
        events.add(operatorRegistered("OP-A", at(0)));
        events.add(event("OP-A", 1, new OperatorUpdatedEvent(new OperatorId("OP-A"), "运营商甲", null, new BigDecimal("0.4000")), at(1)));
        events.add(stationRegistered("ST-A1", "OP-A", NANJING_XUANWU, "DA-NJ", at(1)));
        events.add(stationRegistered("ST-A2", "OP-A", NANJING_QINHUAI, "DA-NJ", at(1)));
        events.add(unitCreated("U-1", "DA-NJ", "320000", at(2)));
        events.add(unitCreated("U-2", "DA-NJ", "320000", at(2)));
        events.add(p1());
        events.add(pileRegistered(pile("P-002", "OP-A", "ST-A1", NANJING_XUANWU, "DA-NJ", PileType.DC, "60.000"), at(3)));
        events.add(pileRegistered(pile("P-003", "OP-A", "ST-A2", NANJING_QINHUAI, "DA-NJ", PileType.V2G, "11.000"), at(3)));
        events.add(assigned("U-1", 1, "P-001", "OP-A", at(4)));
        events.add(assigned("U-1", 2, "P-002", "OP-A", at(4)));
        events.add(updated("P-001", 1, "11.000", 5));
        events.add(removed("U-1", 3, "P-001", "OP-A", at(6)));
        events.add(assigned("U-2", 1, "P-001", "OP-A", at(7)));
        events.add(assigned("U-2", 2, "P-003", "OP-A", at(7)));
        events.add(pileDecommissioned("P-003", "OP-A", "ST-A2", 1, at(8)));
        events.add(event("ST-A2", 1, new StationDecommissionedEvent(new StationId("ST-A2"), new OperatorId("OP-A"), "拆除"), at(9)));
        events.add(updated("P-002", 1, "50.000", 9));
        events.add(event("OP-A", 2, new OperatorSuspendedEvent(new OperatorId("OP-A"), "欠费"), at(10)));
        events.add(event("ST-A1", 1, new StationUpdatedEvent(new StationId("ST-A1"), new OperatorId("OP-A"), "新街口站",
                new GeoPoint(new BigDecimal("32.050000"), new BigDecimal("118.780000"))), at(10)));
        events.add(event("OP-A", 3, new OperatorReinstatedEvent(new OperatorId("OP-A"), "已缴费"), at(11)));
        return events;
    }
}
