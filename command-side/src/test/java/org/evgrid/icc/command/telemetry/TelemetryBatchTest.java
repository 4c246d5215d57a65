package org.evgrid.icc.command.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.axonframework.test.matchers.Matchers.payloadsMatching;
import static org.evgrid.icc.command.common.Refused.refused;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.bson.Document;
import org.evgrid.icc.command.telemetry.internal.InMemoryPileDirectory;
import org.evgrid.icc.command.telemetry.internal.MerkleTree;
import org.evgrid.icc.command.telemetry.internal.ReadingsLayout;
import org.evgrid.icc.coreapi.archive.OperatorId;
import org.evgrid.icc.coreapi.archive.PileId;
import org.evgrid.icc.coreapi.archive.PileType;
import org.evgrid.icc.coreapi.common.ErrorCategory;
import org.evgrid.icc.coreapi.common.ItemError;
import org.evgrid.icc.coreapi.telemetry.ChargingOrder;
import org.evgrid.icc.coreapi.telemetry.ChargingUserType;
import org.evgrid.icc.coreapi.telemetry.ConnectorStatus;
import org.evgrid.icc.coreapi.telemetry.DataQuality;
import org.evgrid.icc.coreapi.telemetry.EnergyReading;
import org.evgrid.icc.coreapi.telemetry.PileStatusChange;
import org.evgrid.icc.coreapi.telemetry.PowerReading;
import org.evgrid.icc.coreapi.telemetry.ReportChargingOrdersCommand;
import org.evgrid.icc.coreapi.telemetry.ReportDailyEnergyCommand;
import org.evgrid.icc.coreapi.telemetry.ReportPileStatusChangesCommand;
import org.evgrid.icc.coreapi.telemetry.ReportPowerReadingsCommand;
import org.evgrid.icc.coreapi.telemetry.TelemetryBatchId;
import org.evgrid.icc.coreapi.telemetry.TelemetryBatchReceivedEvent;
import org.evgrid.icc.coreapi.telemetry.TelemetryKind;
import org.evgrid.icc.coreapi.telemetry.TelemetryReceipt;
import org.hamcrest.BaseMatcher;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TelemetryBatchTest {

    /** 10:07:30 in Shanghai on 10 March 2026. */
    private static final Instant NOW = Instant.parse("2026-03-10T02:07:30Z");
    /** The 10:00 interval. */
    private static final Instant INTERVAL = Instant.parse("2026-03-10T02:00:00Z");
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 10);
    private static final OperatorId OP = new OperatorId("OP-1");
    private static final TelemetryBatchId BATCH = new TelemetryBatchId("B-1");

    private AggregateTestFixture<TelemetryBatch> fixture;
    private final List<Document> stored = Collections.synchronizedList(new ArrayList<>());

    @BeforeEach
    void setUp() {
        InMemoryPileDirectory directory = new InMemoryPileDirectory()
                .withOperator("OP-1", false)
                .withOperator("OP-2", false)
                .withOperator("OP-S", true)
                .withPile("OP-1", "P-1", PileType.DC, 60_000, 0, false)
                .withPile("OP-1", "P-2", PileType.AC, 7_000, 0, false)
                .withPile("OP-1", "P-V2G", PileType.V2G, 60_000, 30_000, false)
                .withPile("OP-1", "P-OLD", PileType.DC, 60_000, 0, true)
                .withPile("OP-2", "P-X", PileType.DC, 60_000, 0, false);
        fixture = new AggregateTestFixture<>(TelemetryBatch.class);
        fixture.registerAnnotatedCommandHandler(new TelemetryCommandHandler(fixture.getRepository(), directory, stored::add,
                Clock.fixed(NOW, ZoneOffset.UTC), TelemetryLimits.defaults()));
    }

    private static PowerReading reading(String pileId, String avgKw, String maxKw) {
        return new PowerReading(new PileId(pileId), avgKw == null ? null : new BigDecimal(avgKw), maxKw == null ? null : new BigDecimal(maxKw),
                ConnectorStatus.CHARGING, 55, 1, DataQuality.OK);
    }

    private static ReportPowerReadingsCommand power(PowerReading... readings) {
        return new ReportPowerReadingsCommand(BATCH, OP, INTERVAL, Arrays.asList(readings));
    }

    private static <T> Matcher<T> capture(AtomicReference<Object> into) {
        return new BaseMatcher<>() {
            @Override
            public boolean matches(Object actual) {
                into.set(actual);
                return true;
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("anything");
            }
        };
    }

    private TelemetryReceipt receiptOf(Object command) {
        AtomicReference<Object> result = new AtomicReference<>();
        fixture.givenNoPriorActivity().when(command).expectSuccessfulHandlerExecution().expectResultMessagePayloadMatching(capture(result));
        return (TelemetryReceipt) result.get();
    }

    private static List<String> codes(TelemetryReceipt receipt) {
        return receipt.rejected().stream().map(ItemError::code).toList();
    }

    @Test
    void aPowerBatchIsStoredThenRecordedWithItsTotalsAndMerkleRoot() {
        String root = MerkleTree.rootHex(List.of("P-1|12500|20000|CHARGING|55|1|OK", "P-2|6999|7000|CHARGING|55|1|OK"));
        String docId = "OP-1|POWER|202603101000|B-1";
        TelemetryBatchReceivedEvent expected = new TelemetryBatchReceivedEvent(BATCH, OP, TelemetryKind.POWER, INTERVAL, TODAY, 2, 2,
                List.of(), new BigDecimal("19.499"), null, null, docId, root, NOW);

        fixture.givenNoPriorActivity()
                .when(power(reading("P-1", "12.5", "20.000"), reading("P-2", "6.999", "7")))
                .expectEvents(expected)
                .expectResultMessagePayload(new TelemetryReceipt(BATCH, OP, TelemetryKind.POWER, INTERVAL, TODAY, 2, 2, List.of(), root,
                        docId, NOW, false));

        assertThat(stored).hasSize(1);
        Document doc = stored.get(0);
        assertThat(doc.get("_id")).isEqualTo(docId);
        assertThat(doc.get("period")).isEqualTo(Date.from(INTERVAL));
        assertThat(doc.get("day")).isEqualTo("2026-03-10");
        assertThat(doc.get("n")).isEqualTo(2);
        assertThat(doc.getList("avgW", Long.class)).containsExactly(12_500L, 6_999L);
        assertThat(doc.get("merkleRoot")).isEqualTo(root);
        assertThat(ReadingsLayout.merkleRoot(doc)).isEqualTo(root);
    }

    @Test
    void everyFaultyPowerReadingIsListedAndTheRestAccepted() {
        List<PowerReading> readings = new ArrayList<>(List.of(
                reading("P-1", "10", "12"),
                reading("P-9", "1", "1"),
                reading("P-X", "1", "1"),
                reading("P-OLD", "1", "1"),
                reading("P-1", "1", "1"),
                reading("P-2", "-1", "1"),
                reading("P-2", "5", "4"),
                new PowerReading(new PileId("P-V2G"), new BigDecimal("-30"), new BigDecimal("-20"), ConnectorStatus.DISCHARGING, null,
                        null, DataQuality.OK),
                reading("P-V2G", "-31", "0")));
        readings.add(reading("P-2", "7.71", "7.71"));
        readings.add(reading("P-2", "1.2345", "2"));
        readings.add(new PowerReading(new PileId("P-2"), null, BigDecimal.ONE, ConnectorStatus.CHARGING, 101, 3, null));
        readings.add(null);
        readings.add(new PowerReading(new PileId("P-OLD"), null, null, ConnectorStatus.OFFLINE, null, null, DataQuality.MISSING));
        readings.add(new PowerReading(null, BigDecimal.ONE, BigDecimal.ONE, ConnectorStatus.CHARGING, null, null, DataQuality.OK));

        TelemetryReceipt receipt = receiptOf(new ReportPowerReadingsCommand(BATCH, OP, INTERVAL, readings));

        assertThat(receipt.submitted()).isEqualTo(15);
        assertThat(receipt.accepted()).isEqualTo(2);
        assertThat(receipt.rejected()).extracting(ItemError::index, ItemError::itemId, ItemError::code).containsExactly(
                tuple(1, "P-9", "ICC-TEL-PILE-UNKNOWN"),
                tuple(2, "P-X", "ICC-TEL-PILE-NOT-YOURS"),
                tuple(3, "P-OLD", "ICC-TEL-PILE-DECOMMISSIONED"),
                tuple(4, "P-1", "ICC-TEL-PILE-REPEATED"),
                tuple(5, "P-2", "ICC-TEL-POWER-NEGATIVE"),
                tuple(6, "P-2", "ICC-TEL-PILE-REPEATED"),
                tuple(8, "P-V2G", "ICC-TEL-PILE-REPEATED"),
                tuple(9, "P-2", "ICC-TEL-PILE-REPEATED"),
                tuple(10, "P-2", "ICC-TEL-PILE-REPEATED"),
                tuple(11, "P-2", "ICC-TEL-PILE-REPEATED"),
                tuple(12, null, "ICC-FIELD-REQUIRED"),
                tuple(13, "P-OLD", "ICC-TEL-PILE-REPEATED"),
                tuple(14, null, "ICC-FIELD-REQUIRED"));
        assertThat(receipt.rejected()).allSatisfy(e -> {
            assertThat(e.messageZh()).isNotBlank();
            assertThat(e.messageEn()).isNotBlank();
            assertThat(e.field()).isNotBlank();
        });
    }

    @Test
    void powerValuesAreCheckedAgainstThePile() {
        assertThat(codes(receiptOf(power(reading("P-2", "-1", "1"))))).containsExactly("ICC-TEL-POWER-NEGATIVE");
        assertThat(codes(receiptOf(power(reading("P-2", "5", "4"))))).containsExactly("ICC-TEL-AVG-ABOVE-MAX");
        assertThat(codes(receiptOf(power(reading("P-2", "7.71", "7.71")))))
                .containsExactly("ICC-TEL-POWER-ABOVE-RATED", "ICC-TEL-POWER-ABOVE-RATED");
        assertThat(codes(receiptOf(power(reading("P-2", "7.7", "7.700"))))).isEmpty();
        assertThat(codes(receiptOf(power(reading("P-2", "1.2345", "2"))))).containsExactly("ICC-TEL-PRECISION");
        assertThat(codes(receiptOf(power(reading("P-2", "1.2340", "2"))))).isEmpty();
        assertThat(codes(receiptOf(power(reading("P-V2G", "-31", "0"))))).containsExactly("ICC-TEL-DISCHARGE-ABOVE-MAX");
        assertThat(codes(receiptOf(power(new PowerReading(new PileId("P-2"), null, BigDecimal.ONE, ConnectorStatus.CHARGING, 101, 3,
                null))))).containsExactly("ICC-FIELD-REQUIRED", "ICC-FIELD-REQUIRED", "ICC-TEL-SOC-RANGE", "ICC-TEL-CONNECTOR-UNKNOWN");
    }

    @Test
    void aV2gPileMayDischargeDownToItsMaximum() {
        TelemetryReceipt receipt = receiptOf(power(new PowerReading(new PileId("P-V2G"), new BigDecimal("-30"), new BigDecimal("-20"),
                ConnectorStatus.DISCHARGING, null, null, DataQuality.OK)));

        assertThat(receipt.accepted()).isEqualTo(1);
        assertThat(stored.get(0).getList("avgW", Long.class)).containsExactly(-30_000L);
    }

    @Test
    void missingReadingsAreAcceptedWithoutPowerAndBadOnesLeftOutOfTheTotal() {
        AtomicReference<Object> event = new AtomicReference<>();
        fixture.givenNoPriorActivity()
                .when(power(new PowerReading(new PileId("P-1"), new BigDecimal("50"), null, ConnectorStatus.OFFLINE, null, null,
                                DataQuality.MISSING),
                        new PowerReading(new PileId("P-2"), new BigDecimal("3"), new BigDecimal("4"), ConnectorStatus.CHARGING, null, null,
                                DataQuality.BAD),
                        new PowerReading(new PileId("P-V2G"), new BigDecimal("2"), new BigDecimal("4"), ConnectorStatus.CHARGING, null, null,
                                DataQuality.ESTIMATED)))
                .expectEventsMatching(payloadsMatching(exactSequenceOf(capture(event))));

        assertThat(((TelemetryBatchReceivedEvent) event.get()).totalKw()).isEqualTo(new BigDecimal("2.000"));
        assertThat(((TelemetryBatchReceivedEvent) event.get()).accepted()).isEqualTo(3);

        Document doc = stored.get(0);
        assertThat(doc.getList("q", String.class)).containsExactly("MISSING", "BAD", "ESTIMATED");
        assertThat(doc.getList("avgW", Long.class)).containsExactly(0L, 3_000L, 2_000L);
        assertThat(doc.getList("maxW", Long.class)).containsExactly(0L, 4_000L, 4_000L);
        assertThat(doc.getList("soc", Object.class)).containsExactly(null, null, null);
    }

    @Test
    void aBatchWithNoValidItemIsStillRecordedForItsReceipt() {
        String emptyRoot = MerkleTree.rootHex(List.of());
        TelemetryReceipt receipt = receiptOf(power(reading("P-9", "1", "1"), reading("P-X", "1", "1")));

        assertThat(receipt.accepted()).isZero();
        assertThat(receipt.submitted()).isEqualTo(2);
        assertThat(receipt.merkleRoot()).isEqualTo(emptyRoot);
        assertThat(stored.get(0).get("n")).isEqualTo(0);
    }

    @Test
    void batchLevelFaultsRefuseTheWholeBatchAndRecordNothing() {
        fixture.givenNoPriorActivity().when(power()).expectNoEvents().expectException(refused(ErrorCategory.INVALID, "ICC-TEL-BATCH-SIZE"));
        List<PowerReading> tooMany = Collections.nCopies(5001, reading("P-1", "1", "1"));
        fixture.givenNoPriorActivity().when(new ReportPowerReadingsCommand(BATCH, OP, INTERVAL, tooMany)).expectNoEvents()
                .expectException(refused(ErrorCategory.INVALID, "ICC-TEL-BATCH-SIZE"));
        fixture.givenNoPriorActivity().when(new ReportPowerReadingsCommand(BATCH, OP, INTERVAL.plusSeconds(60), List.of(reading("P-1", "1", "1"))))
                .expectNoEvents().expectException(refused(ErrorCategory.INVALID, "ICC-TEL-INTERVAL-UNALIGNED"));
        fixture.givenNoPriorActivity().when(new ReportPowerReadingsCommand(BATCH, OP, INTERVAL.plusSeconds(600), List.of(reading("P-1", "1", "1"))))
                .expectNoEvents().expectException(refused(ErrorCategory.UNPROCESSABLE, "ICC-TEL-PERIOD-FUTURE"));
        fixture.givenNoPriorActivity().when(new ReportPowerReadingsCommand(BATCH, OP, INTERVAL.minusSeconds(32L * 86_400),
                        List.of(reading("P-1", "1", "1"))))
                .expectNoEvents().expectException(refused(ErrorCategory.UNPROCESSABLE, "ICC-TEL-PERIOD-TOO-OLD"));
        fixture.givenNoPriorActivity().when(new ReportPowerReadingsCommand(BATCH, new OperatorId("OP-9"), INTERVAL, List.of(reading("P-1", "1", "1"))))
                .expectNoEvents().expectException(refused(ErrorCategory.NOT_FOUND, "ICC-OPERATOR-UNKNOWN"));
        fixture.givenNoPriorActivity().when(new ReportPowerReadingsCommand(BATCH, new OperatorId("OP-S"), INTERVAL, List.of(reading("P-1", "1", "1"))))
                .expectNoEvents().expectException(refused(ErrorCategory.UNPROCESSABLE, "ICC-OPERATOR-SUSPENDED"));
        fixture.givenNoPriorActivity().when(new ReportDailyEnergyCommand(BATCH, OP, TODAY.plusDays(1), List.of(energy("P-1", "1"))))
                .expectNoEvents().expectException(refused(ErrorCategory.UNPROCESSABLE, "ICC-TEL-PERIOD-FUTURE"));
        assertThat(stored).isEmpty();
    }

    @Test
    void anIntervalJustAheadOfTheClockIsWithinTheAllowedSkew() {
        Instant next = Instant.parse("2026-03-10T02:05:00Z");
        Clock late = Clock.fixed(next.minusSeconds(30), ZoneOffset.UTC);
        AggregateTestFixture<TelemetryBatch> fresh = new AggregateTestFixture<>(TelemetryBatch.class);
        fresh.registerAnnotatedCommandHandler(new TelemetryCommandHandler(fresh.getRepository(),
                new InMemoryPileDirectory().withOperator("OP-1", false).withPile("OP-1", "P-1", PileType.DC, 60_000, 0, false), stored::add,
                late, TelemetryLimits.defaults()));
        fresh.givenNoPriorActivity().when(new ReportPowerReadingsCommand(BATCH, OP, next, List.of(reading("P-1", "1", "1"))))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void aRepeatedBatchIdChangesNothingAndAnswersTheOriginalReceipt() {
        TelemetryBatchReceivedEvent original = new TelemetryBatchReceivedEvent(BATCH, OP, TelemetryKind.POWER, INTERVAL, TODAY, 3, 2,
                List.of(new ItemError(1, "P-9", "pileId", "ICC-TEL-PILE-UNKNOWN", "未登记", "not registered")), new BigDecimal("3.000"), null,
                null, "OP-1|POWER|202603101000|B-1", "ab12", NOW.minusSeconds(60));
        TelemetryReceipt receipt = new TelemetryReceipt(BATCH, OP, TelemetryKind.POWER, INTERVAL, TODAY, 3, 2, original.rejected(), "ab12",
                "OP-1|POWER|202603101000|B-1", NOW.minusSeconds(60), true);

        fixture.given(original).when(power(reading("P-1", "1", "1"))).expectNoEvents().expectResultMessagePayload(receipt);
        fixture.given(original).when(new ReportDailyEnergyCommand(BATCH, OP, TODAY, List.of(energy("P-1", "1"))))
                .expectNoEvents().expectResultMessagePayload(receipt);
        fixture.given(original).when(power()).expectNoEvents().expectResultMessagePayload(receipt);
        assertThat(stored).isEmpty();
    }

    @Test
    void anotherOperatorsBatchIdIsRefused() {
        TelemetryBatchReceivedEvent original = new TelemetryBatchReceivedEvent(BATCH, new OperatorId("OP-2"), TelemetryKind.POWER, INTERVAL,
                TODAY, 1, 1, List.of(), BigDecimal.ONE, null, null, "OP-2|POWER|202603101000|B-1", "ab12", NOW);

        fixture.given(original).when(power(reading("P-1", "1", "1"))).expectNoEvents()
                .expectException(refused(ErrorCategory.CONFLICT, "ICC-TEL-BATCH-ID-TAKEN"));
    }

    private static EnergyReading energy(String pileId, String kwh, String... tou) {
        BigDecimal[] parts = new BigDecimal[4];
        for (int i = 0; i < tou.length; i++) {
            parts[i] = tou[i] == null ? null : new BigDecimal(tou[i]);
        }
        return new EnergyReading(new PileId(pileId), kwh == null ? null : new BigDecimal(kwh), parts[0], parts[1], parts[2], parts[3],
                DataQuality.OK);
    }

    private static ReportDailyEnergyCommand energyBatch(EnergyReading... readings) {
        return new ReportDailyEnergyCommand(BATCH, OP, TODAY.minusDays(1), Arrays.asList(readings));
    }

    @Test
    void dailyEnergyIsCheckedAndStoredInWattHours() {
        TelemetryReceipt receipt = receiptOf(energyBatch(
                energy("P-1", "100.5", "10", "20.5", "30", "40"),
                energy("P-2", "10", "1", "2"),
                energy("P-V2G", "100", "10", "20", "30", "40.002"),
                energy("P-OLD", "1")));

        assertThat(receipt.rejected()).extracting(ItemError::index, ItemError::code).containsExactly(
                tuple(1, "ICC-TEL-TOU-PARTIAL"), tuple(2, "ICC-TEL-TOU-SUM"), tuple(3, "ICC-TEL-PILE-DECOMMISSIONED"));
        assertThat(receipt.periodStart()).isEqualTo(Instant.parse("2026-03-08T16:00:00Z"));
        assertThat(receipt.readingsDocId()).isEqualTo("OP-1|ENERGY|20260309|B-1");
        Document doc = stored.get(0);
        assertThat(doc.getList("wh", Long.class)).containsExactly(100_500L);
        assertThat(doc.getList("peakWh", Long.class)).containsExactly(20_500L);
        assertThat(ReadingsLayout.canonicalLines(doc)).containsExactly("P-1|100500|10000|20500|30000|40000|OK");

        assertThat(codes(receiptOf(energyBatch(energy("P-2", "184.8"))))).isEmpty();
        assertThat(codes(receiptOf(energyBatch(energy("P-2", "184.801"))))).containsExactly("ICC-TEL-ENERGY-ABOVE-RATED");
        assertThat(codes(receiptOf(energyBatch(energy("P-2", "-1"))))).containsExactly("ICC-TEL-ENERGY-NEGATIVE");
        assertThat(codes(receiptOf(energyBatch(energy("P-2", "100", "25", "25", "25", "25.001"))))).isEmpty();
    }

    private static ChargingOrder order(String sessionId, String pileId, Instant start, Instant end, String kwh, String energyFee,
                                       String serviceFee, String totalFee) {
        return new ChargingOrder(sessionId, new PileId(pileId), 1, start, end, new BigDecimal(kwh), new BigDecimal(energyFee),
                new BigDecimal(serviceFee), new BigDecimal(totalFee), ChargingUserType.PRIVATE);
    }

    @Test
    void chargingOrdersAreCheckedForTimesFeesAndRepeats() {
        Instant start = Instant.parse("2026-03-09T01:00:00Z");
        Instant end = Instant.parse("2026-03-09T02:30:00Z");
        TelemetryReceipt receipt = receiptOf(new ReportChargingOrdersCommand(BATCH, OP, TODAY.minusDays(1), List.of(
                order("S-1", "P-1", start, end, "45.5", "36.40", "18.20", "54.60"),
                order("S-1", "P-1", start, end, "1", "1", "0", "1"),
                order("S-2", "P-1", end, start, "1", "1", "0", "1"),
                order("S-3", "P-1", start, NOW.plusSeconds(3600), "1", "1", "0", "1"),
                order("S-4", "P-1", start, Instant.parse("2026-03-09T16:00:00Z"), "1", "1", "0", "1"),
                order("S-5", "P-1", start, end, "1", "1.00", "0.50", "1.49"),
                order("S-6", "P-1", start, end, "1", "1.001", "0", "1.001"),
                order("S-7", "P-X", start, end, "1", "1", "0", "1"))));

        assertThat(receipt.rejected()).extracting(ItemError::index, ItemError::itemId, ItemError::code).containsExactly(
                tuple(1, "S-1", "ICC-TEL-SESSION-REPEATED"),
                tuple(2, "S-2", "ICC-TEL-ORDER-END-BEFORE-START"),
                tuple(3, "S-3", "ICC-TEL-TIME-FUTURE"),
                tuple(4, "S-4", "ICC-TEL-ORDER-OTHER-DAY"),
                tuple(5, "S-5", "ICC-TEL-FEE-SUM"),
                tuple(6, "S-6", "ICC-TEL-PRECISION"),
                tuple(6, "S-6", "ICC-TEL-PRECISION"),
                tuple(7, "S-7", "ICC-TEL-PILE-NOT-YOURS"));
        assertThat(receipt.accepted()).isEqualTo(1);
        Document doc = stored.get(0);
        assertThat(ReadingsLayout.canonicalLines(doc)).containsExactly(
                "S-1|P-1|1|" + start.toEpochMilli() + "|" + end.toEpochMilli() + "|45500|3640|1820|5460|PRIVATE");
    }

    @Test
    void statusChangesInTheFutureAreRejectedAndThePeriodIsTheEarliestChange() {
        Instant first = Instant.parse("2026-03-10T01:00:00Z");
        TelemetryReceipt receipt = receiptOf(new ReportPileStatusChangesCommand(BATCH, OP, List.of(
                new PileStatusChange(new PileId("P-1"), 1, ConnectorStatus.CHARGING, first.plusSeconds(60)),
                new PileStatusChange(new PileId("P-1"), 1, ConnectorStatus.AVAILABLE, first),
                new PileStatusChange(new PileId("P-2"), null, ConnectorStatus.FAULTED, NOW.plusSeconds(120)))));

        assertThat(receipt.rejected()).extracting(ItemError::index, ItemError::code).containsExactly(tuple(2, "ICC-TEL-TIME-FUTURE"));
        assertThat(receipt.periodStart()).isEqualTo(first);
        assertThat(receipt.day()).isEqualTo(TODAY);
        assertThat(receipt.readingsDocId()).isEqualTo("OP-1|STATUS|20260310|B-1");
        assertThat(stored.get(0).get("period")).isEqualTo(Date.from(Instant.parse("2026-03-09T16:00:00Z")));
    }
}
