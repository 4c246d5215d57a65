package org.evgrid.icc.command.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.evgrid.icc.command.common.Refused.assertRefused;
import static org.evgrid.icc.command.common.TestData.operator;
import static org.evgrid.icc.command.common.TestData.registerOperator;
import static org.evgrid.icc.command.common.TestData.registerStation;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.IntStream;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.bson.Document;
import org.evgrid.icc.command.CommandSideAxon;
import org.evgrid.icc.command.EmbeddedMongo;
import org.evgrid.icc.command.telemetry.internal.OperatorPiles;
import org.evgrid.icc.command.telemetry.internal.PileRegistry;
import org.evgrid.icc.command.telemetry.internal.ReadingsLayout;
import org.evgrid.icc.coreapi.archive.DecommissionPileCommand;
import org.evgrid.icc.coreapi.archive.OperatorId;
import org.evgrid.icc.coreapi.archive.PileId;
import org.evgrid.icc.coreapi.archive.PileType;
import org.evgrid.icc.coreapi.archive.RegisterPileCommand;
import org.evgrid.icc.coreapi.archive.StationId;
import org.evgrid.icc.coreapi.archive.SuspendOperatorCommand;
import org.evgrid.icc.coreapi.archive.UpdatePileCommand;
import org.evgrid.icc.coreapi.common.ErrorCategory;
import org.evgrid.icc.coreapi.common.IccException;
import org.evgrid.icc.coreapi.common.ItemError;
import org.evgrid.icc.coreapi.security.DataScope;
import org.evgrid.icc.coreapi.security.Role;
import org.evgrid.icc.coreapi.security.Viewer;
import org.evgrid.icc.coreapi.telemetry.ConnectorStatus;
import org.evgrid.icc.coreapi.telemetry.DataQuality;
import org.evgrid.icc.coreapi.telemetry.EnergyReading;
import org.evgrid.icc.coreapi.telemetry.FindTelemetryBatchQuery;
import org.evgrid.icc.coreapi.telemetry.PowerReading;
import org.evgrid.icc.coreapi.telemetry.ReportDailyEnergyCommand;
import org.evgrid.icc.coreapi.telemetry.ReportPowerReadingsCommand;
import org.evgrid.icc.coreapi.telemetry.TelemetryBatchId;
import org.evgrid.icc.coreapi.telemetry.TelemetryBatchReceivedEvent;
import org.evgrid.icc.coreapi.telemetry.TelemetryReceipt;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Ingestion on the whole command side: real event store wiring, the pile registry and readings store in Mongo. */
class TelemetryIngestionIT {

    private static final Instant NOW = Instant.parse("2026-03-10T02:07:30Z");
    private static final Instant INTERVAL = Instant.parse("2026-03-10T02:00:00Z");
    private static final OperatorId OP = operator("OP-1");

    private static EmbeddedMongo mongo;
    private MongoDatabase database;
    private CommandSideAxon axon;

    @BeforeAll
    static void startStore() {
        mongo = new EmbeddedMongo();
    }

    @AfterAll
    static void stopStore() {
        mongo.close();
    }

    @BeforeEach
    void startCommandSide() {
        database = mongo.freshDatabase("icc");
        axon = CommandSideAxon.withMongo(database, Clock.fixed(NOW, ZoneOffset.UTC));
        axon.send(registerOperator("OP-1"));
        axon.send(registerOperator("OP-2"));
        axon.send(registerStation("ST-1", "OP-1"));
        axon.send(registerStation("ST-2", "OP-2"));
        registerPile("OP-1", "P-1", "ST-1", PileType.DC, "60", null);
        registerPile("OP-1", "P.2", "ST-1", PileType.AC, "7", null);
        registerPile("OP-1", "P-V2G", "ST-1", PileType.V2G, "60", "30");
        registerPile("OP-2", "P-X", "ST-2", PileType.DC, "60", null);
    }

    @AfterEach
    void stopCommandSide() {
        axon.close();
    }

    private void registerPile(String operatorId, String pileId, String stationId, PileType type, String ratedKw, String dischargeKw) {
        axon.send(new RegisterPileCommand(operator(operatorId), new PileId(pileId), new StationId(stationId), type, new BigDecimal(ratedKw),
                BigDecimal.ZERO, dischargeKw == null ? null : new BigDecimal(dischargeKw), 2));
    }

    private static PowerReading reading(String pileId, String avgKw, String maxKw) {
        return new PowerReading(new PileId(pileId), new BigDecimal(avgKw), new BigDecimal(maxKw), ConnectorStatus.CHARGING, 80, 2,
                DataQuality.OK);
    }

    private static ReportPowerReadingsCommand batch(String batchId, PowerReading... readings) {
        return new ReportPowerReadingsCommand(new TelemetryBatchId(batchId), OP, INTERVAL, List.of(readings));
    }

    private TelemetryReceipt send(Object command) {
        return (TelemetryReceipt) axon.send(command);
    }

    private List<TelemetryBatchReceivedEvent> batchEvents() {
        return axon.payloads().stream().filter(TelemetryBatchReceivedEvent.class::isInstance).map(TelemetryBatchReceivedEvent.class::cast)
                .toList();
    }

    @Test
    void theRegistryKeepsEachOperatorsPilesInBucketDocumentsAddressedById() {
        Document bucket = database.getCollection(PileRegistry.COLLECTION).find(Filters.eq("_id", PileRegistry.bucketId("OP-1", "P.2")))
                .first();

        assertThat(bucket).isNotNull();
        Document pile = bucket.get("piles", Document.class).get("P%2E2", Document.class);
        assertThat(pile).isEqualTo(new Document("id", "P.2").append("t", "AC").append("rw", 7_000L).append("mw", 0L).append("dw", 0L)
                .append("cc", 2).append("dec", false));
        assertThat(database.getCollection(PileRegistry.COLLECTION).find(Filters.eq("_id", "OP-1|op")).first().getBoolean("suspended"))
                .isFalse();
        assertThat(database.getCollection(PileRegistry.OWNERS).find(Filters.eq("_id", "P-X")).first().getString("op")).isEqualTo("OP-2");

        OperatorPiles reloaded = new PileRegistry(database).operator("OP-1");
        assertThat(reloaded.registered()).isTrue();
        assertThat(reloaded.size()).isEqualTo(3);
        assertThat(reloaded.pile("P-V2G").maxDischargeW()).isEqualTo(30_000L);
        assertThat(reloaded.pile("P.2").ratedW()).isEqualTo(7_000L);
    }

    @Test
    void theRegistryCanBeRebuiltFromTheEventStore() {
        axon.send(new DecommissionPileCommand(new PileId("P-1"), OP, "损坏"));
        database.getCollection(PileRegistry.COLLECTION).drop();
        database.getCollection(PileRegistry.OWNERS).drop();
        PileRegistry registry = new PileRegistry(database);

        long applied = registry.rebuild(axon.configuration().eventStore());

        assertThat(applied).isEqualTo(7);
        OperatorPiles rebuilt = registry.operator("OP-1");
        assertThat(rebuilt.registered()).isTrue();
        assertThat(rebuilt.size()).isEqualTo(3);
        assertThat(rebuilt.pile("P-1").decommissioned()).isTrue();
        assertThat(registry.owners(List.of("P-X", "P-NONE"))).containsExactly(Map.entry("P-X", "OP-2"));
    }

    @Test
    void theReadingsDocumentIsWrittenExactlyAsTheLayoutSaysAndItsRootMatchesTheEvent() {
        TelemetryReceipt receipt = send(batch("B-1",
                reading("P-1", "12.5", "20"),
                new PowerReading(new PileId("P.2"), null, null, ConnectorStatus.UNKNOWN, null, null, DataQuality.MISSING),
                reading("P-X", "1", "1"),
                reading("P-V2G", "-10.25", "-5")));

        String docId = "OP-1|POWER|202603101000|B-1";
        assertThat(receipt.readingsDocId()).isEqualTo(docId);
        assertThat(receipt.rejected()).extracting(ItemError::index, ItemError::code).containsExactly(tuple(2, "ICC-TEL-PILE-NOT-YOURS"));
        Document stored = database.getCollection(ReadingsLayout.COLLECTION).find(Filters.eq("_id", docId)).first();
        Document expected = new Document("_id", docId).append("op", "OP-1").append("kind", "POWER").append("batch", "B-1")
                .append("period", Date.from(INTERVAL)).append("day", "2026-03-10").append("receivedAt", Date.from(NOW))
                .append("merkleRoot", receipt.merkleRoot()).append("n", 3)
                .append("pile", List.of("P-1", "P.2", "P-V2G"))
                .append("avgW", List.of(12_500L, 0L, -10_250L))
                .append("maxW", List.of(20_000L, 0L, -5_000L))
                .append("st", List.of("CHARGING", "UNKNOWN", "CHARGING"))
                .append("soc", Arrays.asList(80, null, 80))
                .append("con", Arrays.asList(2, null, 2))
                .append("q", List.of("OK", "MISSING", "OK"));
        assertThat(stored).isEqualTo(expected);
        assertThat(new ArrayList<>(stored.keySet())).containsExactlyElementsOf(expected.keySet());

        TelemetryBatchReceivedEvent event = batchEvents().get(0);
        assertThat(ReadingsLayout.merkleRoot(stored)).isEqualTo(event.merkleRoot()).isEqualTo(receipt.merkleRoot());
        assertThat(event.totalKw()).isEqualTo(new BigDecimal("2.250"));
        assertThat(event.accepted()).isEqualTo(3);
    }

    @Test
    void theRegistryFollowsRegistrationsUpdatesDecommissioningAndSuspensionAfterFirstUse() {
        assertThat(send(batch("B-1", reading("P-1", "50", "60"))).accepted()).isEqualTo(1);

        registerPile("OP-1", "P-NEW", "ST-1", PileType.DC, "30", null);
        axon.send(new UpdatePileCommand(new PileId("P-1"), OP, new BigDecimal("40"), BigDecimal.ZERO, null, 2));
        axon.send(new DecommissionPileCommand(new PileId("P.2"), OP, "损坏"));
        TelemetryReceipt receipt = send(batch("B-2", reading("P-1", "50", "60"), reading("P.2", "1", "1"), reading("P-NEW", "30", "33")));

        assertThat(receipt.rejected()).extracting(ItemError::index, ItemError::code)
                .containsExactly(tuple(0, "ICC-TEL-POWER-ABOVE-RATED"), tuple(0, "ICC-TEL-POWER-ABOVE-RATED"),
                        tuple(1, "ICC-TEL-PILE-DECOMMISSIONED"));
        assertThat(receipt.accepted()).isEqualTo(1);

        axon.send(new SuspendOperatorCommand(OP, "欠费"));
        assertRefused(() -> send(batch("B-3", reading("P-NEW", "1", "1"))), ErrorCategory.UNPROCESSABLE, "ICC-OPERATOR-SUSPENDED");
        assertThat(batchEvents()).hasSize(2);
    }

    @Test
    void aRepeatedBatchAnswersTheOriginalReceiptAndRecordsNothingMore() {
        TelemetryReceipt first = send(batch("B-1", reading("P-1", "1", "1")));
        TelemetryReceipt again = send(batch("B-1", reading("P-1", "9", "9"), reading("P-V2G", "1", "1")));

        assertThat(again).isEqualTo(new TelemetryReceipt(first.batchId(), first.operatorId(), first.kind(), first.periodStart(), first.day(),
                1, 1, List.of(), first.merkleRoot(), first.readingsDocId(), first.receivedAt(), true));
        assertThat(batchEvents()).hasSize(1);
        Document stored = database.getCollection(ReadingsLayout.COLLECTION).find(Filters.eq("_id", first.readingsDocId())).first();
        assertThat(stored.getList("avgW", Long.class)).containsExactly(1_000L);
    }

    @Test
    void twoConcurrentSendsOfOneBatchRecordItOnceAndBothGetTheReceipt() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 5; round++) {
                String batchId = "C-" + round;
                String avgKw = "1." + round;
                List<PowerReading> readings = IntStream.range(0, 2).mapToObj(i -> reading(i == 0 ? "P-1" : "P-V2G", avgKw, "2"))
                        .toList();
                CountDownLatch start = new CountDownLatch(1);
                List<CompletableFuture<TelemetryReceipt>> sends = new ArrayList<>();
                for (int t = 0; t < 2; t++) {
                    List<PowerReading> content = t == 0 ? readings : readings.subList(0, 1);
                    sends.add(CompletableFuture.supplyAsync(() -> {
                        await(start);
                        return send(new ReportPowerReadingsCommand(new TelemetryBatchId(batchId), OP, INTERVAL, content));
                    }, threads));
                }
                start.countDown();
                TelemetryReceipt a = sends.get(0).get(30, TimeUnit.SECONDS);
                TelemetryReceipt b = sends.get(1).get(30, TimeUnit.SECONDS);

                assertThat(Set.of(a.duplicate(), b.duplicate())).containsExactlyInAnyOrder(true, false);
                assertThat(a.merkleRoot()).isEqualTo(b.merkleRoot());
                assertThat(a.accepted()).isEqualTo(b.accepted());
                assertThat(batchEvents()).filteredOn(e -> e.batchId().value().equals(batchId)).hasSize(1);
                Document stored = database.getCollection(ReadingsLayout.COLLECTION).find(Filters.eq("_id", a.readingsDocId())).first();
                assertThat(ReadingsLayout.merkleRoot(stored)).isEqualTo(a.merkleRoot());
            }
        } finally {
            threads.shutdownNow();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theReceiptCanBeAskedForByItsOperatorAndBusinessReadersOnly() throws Exception {
        TelemetryReceipt sent = send(batch("B-1", reading("P-1", "1", "1")));

        assertThat(ask(viewer(Role.OPERATOR_PLATFORM, "OP-1"))).isEqualTo(new TelemetryReceipt(sent.batchId(), sent.operatorId(), sent.kind(),
                sent.periodStart(), sent.day(), sent.submitted(), sent.accepted(), sent.rejected(), sent.merkleRoot(), sent.readingsDocId(),
                sent.receivedAt(), false));
        assertThat(ask(viewer(Role.REGULATOR, null)).merkleRoot()).isEqualTo(sent.merkleRoot());
        assertRefused(() -> ask(viewer(Role.OPERATOR_PLATFORM, "OP-2")), ErrorCategory.NOT_FOUND, "ICC-TEL-BATCH-UNKNOWN");
        assertRefused(() -> ask(viewer(Role.SYSTEM_ADMIN, null)), ErrorCategory.FORBIDDEN, "ICC-AUTH-ROLE");
    }

    private static Viewer viewer(Role role, String operatorId) {
        return new Viewer("someone", Set.of(role), operatorId == null ? null : operator(operatorId), DataScope.HEADQUARTERS);
    }

    private TelemetryReceipt ask(Viewer viewer) throws InterruptedException {
        try {
            return axon.configuration().queryGateway().query(new FindTelemetryBatchQuery(viewer, new TelemetryBatchId("B-1")),
                    ResponseTypes.instanceOf(TelemetryReceipt.class)).get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IccException icc ? icc : new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void anEnergyBatchForADayIsStoredUnderTheLocalDay() {
        TelemetryReceipt receipt = send(new ReportDailyEnergyCommand(new TelemetryBatchId("E-1"), OP,
                LocalDate.of(2026, 3, 9), List.of(new EnergyReading(new PileId("P-1"),
                        new BigDecimal("100.5"), null, null, null, null, DataQuality.OK))));

        Document stored = database.getCollection(ReadingsLayout.COLLECTION).find(Filters.eq("_id", "OP-1|ENERGY|20260309|E-1")).first();
        assertThat(stored.get("period")).isEqualTo(Date.from(Instant.parse("2026-03-08T16:00:00Z")));
        assertThat(stored.getList("wh", Long.class)).containsExactly(100_500L);
        assertThat(stored.getList("sharpWh", Object.class)).containsExactly((Object) null);
        assertThat(ReadingsLayout.merkleRoot(stored)).isEqualTo(receipt.merkleRoot());
    }
}
