package org.evgrid.icc.query.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.evgrid.icc.query.telemetry.Telemetry.DAY;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.bson.Document;
import org.evgrid.icc.coreapi.archive.PileDimension;
import org.evgrid.icc.coreapi.telemetry.ConnectorStatus;
import org.evgrid.icc.coreapi.telemetry.DataQuality;
import org.evgrid.icc.coreapi.telemetry.TelemetryBatchReceivedEvent;
import org.evgrid.icc.query.telemetry.Telemetry.Energy;
import org.evgrid.icc.query.telemetry.Telemetry.Order;
import org.evgrid.icc.query.telemetry.Telemetry.Power;
import org.evgrid.icc.query.telemetry.internal.TelemetryCollections;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TelemetryRollupProjectionTest {

    private static final TelemetryStore STORE = TelemetryStore.inMemory();
    private final MongoDatabase db = STORE.database();
    private RollupRunner runner;

    @BeforeEach
    void setUp() {
        STORE.clear();
        runner = new RollupRunner(db);
        runner.batch(List.of(Telemetry.pile("P1", "OPA", "320102"), Telemetry.pile("P2", "OPA", "320102"),
                Telemetry.pile("P3", "OPA", "320205"), Telemetry.pile("Q1", "OPB", "320102"),
                Telemetry.assign("P1", "U1", "OPA"), Telemetry.assign("Q1", "U1", "OPB")));
        STORE.takeCommands();
    }

    @AfterAll
    static void close() {
        STORE.close();
    }

    private Document doc(String collection, String id) {
        return db.getCollection(collection).find(Filters.eq("_id", id)).first();
    }

    private Document aggDay(String dim, String key) {
        return doc(TelemetryCollections.AGG_DAYS, "tad|" + dim + "|" + key + "|20261126");
    }

    private static long at(Document doc, String map, int slot) {
        Document m = doc.get(map, Document.class);
        Object v = m == null ? null : m.get(Integer.toString(slot));
        return v == null ? 0 : ((Number) v).longValue();
    }

    @Test
    void aBatchIsSummedIntoEveryDimensionOfItsPiles() {
        runner.batch(List.of(Telemetry.power(db, "OPA", "B1", Telemetry.slot(100), List.of(Power.ok("P1", 7000),
                Power.ok("P2", 3500), new Power("P3", 1000, 1000, ConnectorStatus.OFFLINE, DataQuality.ESTIMATED)))));

        assertThat(at(aggDay("OPERATOR", "OPA"), "w", 100)).isEqualTo(11_500);
        assertThat(at(aggDay("OPERATOR", "OPA"), "r", 100)).isEqualTo(3);
        assertThat(at(aggDay("OPERATOR", "OPA"), "n", 100)).isEqualTo(2);
        assertThat(at(aggDay("UNIT", "U1"), "w", 100)).isEqualTo(7000);
        assertThat(at(aggDay("DISTRICT", "320102"), "w", 100)).isEqualTo(10_500);
        assertThat(at(aggDay("DISTRICT", "320205"), "w", 100)).isEqualTo(1000);
        assertThat(at(aggDay("CITY", "320100"), "w", 100)).isEqualTo(10_500);
        assertThat(at(aggDay("PROVINCE", "320000"), "w", 100)).isEqualTo(11_500);
        assertThat(at(aggDay("DISPATCH_AREA", "DA-320000"), "w", 100)).isEqualTo(11_500);
        Document month = doc(TelemetryCollections.AGG_MONTHS, "tam|OPERATOR|OPA|202611");
        Document day = month.get("d", Document.class).get("26", Document.class);
        assertThat(day.getLong("ws")).isEqualTo(11_500);
        assertThat(day.getLong("pk")).isEqualTo(11_500);
        assertThat(((Number) day.get("ps")).intValue()).isEqualTo(100);
    }

    @Test
    void aCorrectionReplacesThePilesValueKeepsTheOldOneAndDoesNotCountThePileTwice() {
        runner.batch(List.of(Telemetry.power(db, "OPA", "B1", Telemetry.slot(10), List.of(Power.ok("P1", 7000), Power.ok("P2", 2000)))));
        runner.batch(List.of(Telemetry.power(db, "OPA", "B2", Telemetry.slot(10), List.of(Power.ok("P1", 5000)))));

        Document opa = aggDay("OPERATOR", "OPA");
        assertThat(at(opa, "w", 10)).isEqualTo(7000);
        assertThat(at(opa, "r", 10)).isEqualTo(2);
        Document pileDay = doc(TelemetryCollections.PILE_DAYS, "tpd|P1|20261126|00");
        assertThat(pileDay.get("s", Document.class).get("10", Document.class).getLong("a")).isEqualTo(5000);
        List<Document> history = pileDay.getList("h", Document.class);
        assertThat(history).hasSize(1);
        assertThat(history.get(0).getLong("a")).isEqualTo(7000);
        assertThat(history.get(0).getString("b")).isEqualTo("B1");
    }

    @Test
    void aRedeliveredBatchContributesNothing() {
        TelemetryBatchReceivedEvent b1 = Telemetry.power(db, "OPA", "B1", Telemetry.slot(10), List.of(Power.ok("P1", 7000)));
        TelemetryBatchReceivedEvent b2 = Telemetry.power(db, "OPA", "B2", Telemetry.slot(10), List.of(Power.ok("P1", 5000)));
        runner.batch(List.of(b1, b2));
        runner.batch(List.of(b1));
        runner.batch(List.of(b1, b2));

        assertThat(at(aggDay("OPERATOR", "OPA"), "w", 10)).isEqualTo(5000);
        assertThat(at(aggDay("OPERATOR", "OPA"), "r", 10)).isEqualTo(1);
        assertThat(doc(TelemetryCollections.PILE_DAYS, "tpd|P1|20261126|00").getList("h", Document.class)).hasSize(1);
    }

    @Test
    void aCorrectionAfterTheUnitChangedMovesThePilesPowerBetweenUnits() {
        runner.batch(List.of(Telemetry.power(db, "OPA", "B1", Telemetry.slot(10), List.of(Power.ok("P1", 7000)))));
        runner.batch(List.of(Telemetry.assign("P1", "U2", "OPA"),
                Telemetry.power(db, "OPA", "B2", Telemetry.slot(10), List.of(Power.ok("P1", 4000)))));

        assertThat(at(aggDay("UNIT", "U1"), "w", 10)).isZero();
        assertThat(at(aggDay("UNIT", "U1"), "r", 10)).isZero();
        assertThat(at(aggDay("UNIT", "U2"), "w", 10)).isEqualTo(4000);
    }

    @Test
    void energyAndOrdersRollUpIntoTheDayAndMonthAndCorrectionsReplace() {
        runner.batch(List.of(
                Telemetry.energy(db, "OPA", "E1", DAY, List.of(new Energy("P1", 40_000, DataQuality.OK),
                        new Energy("P2", 10_000, DataQuality.BAD))),
                Telemetry.energy(db, "OPA", "E2", DAY, List.of(new Energy("P1", 42_000, DataQuality.OK))),
                Telemetry.orders(db, "OPA", "O1", DAY, List.of(new Order("S.1", "P1", 20_000, 1200, 300),
                        new Order("S2", "P2", 5_000, 300, 100))),
                Telemetry.orders(db, "OPA", "O2", DAY, List.of(new Order("S.1", "P1", 21_000, 1260, 300)))));

        Document opa = aggDay("OPERATOR", "OPA");
        assertThat(opa.getLong("mwh")).isEqualTo(42_000);
        assertThat(opa.getLong("oc")).isEqualTo(2);
        assertThat(opa.getLong("owh")).isEqualTo(26_000);
        assertThat(opa.getLong("otf")).isEqualTo(1560 + 400);
        Document day = doc(TelemetryCollections.AGG_MONTHS, "tam|OPERATOR|OPA|202611").get("d", Document.class)
                .get("26", Document.class);
        assertThat(day.getLong("mwh")).isEqualTo(42_000);
        assertThat(day.getLong("oc")).isEqualTo(2);
    }

    @Test
    void aBatchIsWrittenWithOneCommandPerCollection() {
        List<Power> items = new ArrayList<>();
        items.add(Power.ok("P1", 1000));
        items.add(Power.ok("P2", 1000));
        items.add(Power.ok("P3", 1000));
        runner.batch(List.of(Telemetry.power(db, "OPA", "B1", Telemetry.slot(1), items),
                Telemetry.power(db, "OPA", "B2", Telemetry.slot(2), items)));

        List<String> writes = STORE.takeCommands().stream().filter(c -> !c.startsWith("find")).toList();
        assertThat(writes).containsExactly("update:tel_readings", "update:tel_readings",
                "update:" + TelemetryCollections.PILE_DAYS, "update:" + TelemetryCollections.AGG_DAYS,
                "update:" + TelemetryCollections.AGG_MONTHS);
    }

    @Test
    void anIntervalBelowTheThresholdRaisesOneAlarmOnceLaterIntervalsArrive() {
        runner.batch(List.of(Telemetry.power(db, "OPA", "B1", Telemetry.slot(0), List.of(Power.ok("P1", 1000)))));
        assertThat(db.getCollection(TelemetryCollections.ALARMS).countDocuments()).isZero();
        for (int s = 1; s <= 5; s++) {
            runner.batch(List.of(Telemetry.power(db, "OPA", "B" + (s + 1), Telemetry.slot(s),
                    List.of(Power.ok("P1", 1000), Power.ok("P2", 1000), Power.ok("P3", 1000)))));
        }
        runner.batch(List.of(Telemetry.power(db, "OPA", "B5", Telemetry.slot(4),
                List.of(Power.ok("P1", 1000), Power.ok("P2", 1000), Power.ok("P3", 1000)))));

        List<Document> alarms = db.getCollection(TelemetryCollections.ALARMS).find().into(new ArrayList<>());
        assertThat(alarms).extracting(d -> d.getString("_id")).containsExactly("OPA|202611260000");
        Document alarm = alarms.get(0);
        assertThat(alarm.getString("type")).isEqualTo("TELEMETRY_INCOMPLETE");
        assertThat(alarm.getString("status")).isEqualTo("OPEN");
        assertThat(alarm.getInteger("occurrences")).isEqualTo(1);
        assertThat(alarm.getLong("reporting")).isEqualTo(1);
        assertThat(alarm.getLong("active")).isEqualTo(3);
    }

    @Test
    void liveListenersHearOfTheKeysABatchChanged() {
        LiveTelemetryHub hub = new LiveTelemetryHub();
        RollupRunner live = new RollupRunner(db, hub, TelemetrySettings.defaults());
        AtomicInteger unitCalls = new AtomicInteger();
        AtomicInteger otherCalls = new AtomicInteger();
        hub.subscribe(PileDimension.UNIT, "U1", unitCalls::incrementAndGet);
        hub.subscribe(PileDimension.OPERATOR, "OPB", otherCalls::incrementAndGet);

        live.batch(List.of(Telemetry.power(db, "OPA", "B1", Telemetry.slot(3), List.of(Power.ok("P1", 1000)))));

        assertThat(unitCalls).hasValue(1);
        assertThat(otherCalls).hasValue(0);
    }
}
