package org.evgrid.icc.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.evgrid.icc.coreapi.alarm.AcknowledgeAlarmCommand;
import org.evgrid.icc.coreapi.alarm.AlarmId;
import org.evgrid.icc.coreapi.archive.AggregationUnitId;
import org.evgrid.icc.coreapi.archive.AssignPilesToUnitCommand;
import org.evgrid.icc.coreapi.archive.CreateAggregationUnitCommand;
import org.evgrid.icc.coreapi.archive.DispatchAreaId;
import org.evgrid.icc.coreapi.archive.OperatorId;
import org.evgrid.icc.coreapi.archive.PileId;
import org.evgrid.icc.coreapi.archive.PileType;
import org.evgrid.icc.coreapi.archive.RegisterPileCommand;
import org.evgrid.icc.coreapi.archive.StationId;
import org.evgrid.icc.coreapi.audit.DiagnoseProjectionQuery;
import org.evgrid.icc.coreapi.audit.ProjectionDiagnosisView;
import org.evgrid.icc.coreapi.declaration.GateClosureRule;
import org.evgrid.icc.coreapi.declaration.ProductCatalogue;
import org.evgrid.icc.coreapi.dispatch.ApproveDispatchPlanCommand;
import org.evgrid.icc.coreapi.dispatch.AssignDeviationCauseCommand;
import org.evgrid.icc.coreapi.dispatch.CloseDeviationCommand;
import org.evgrid.icc.coreapi.dispatch.DeviationCause;
import org.evgrid.icc.coreapi.dispatch.DeviationId;
import org.evgrid.icc.coreapi.dispatch.DispatchPlanId;
import org.evgrid.icc.coreapi.dispatch.InstructionId;
import org.evgrid.icc.coreapi.dispatch.RecordDeviationHandlingCommand;
import org.evgrid.icc.coreapi.market.BidDirection;
import org.evgrid.icc.coreapi.market.BidId;
import org.evgrid.icc.coreapi.market.DraftBidCommand;
import org.evgrid.icc.coreapi.market.SubmitBidCommand;
import org.evgrid.icc.coreapi.security.Role;
import org.evgrid.icc.coreapi.security.SignatureAlgorithm;
import org.evgrid.icc.coreapi.security.SignatureMetadata;
import org.evgrid.icc.coreapi.telemetry.ChargingOrder;
import org.evgrid.icc.coreapi.telemetry.ChargingUserType;
import org.evgrid.icc.coreapi.telemetry.ConnectorStatus;
import org.evgrid.icc.coreapi.telemetry.DataQuality;
import org.evgrid.icc.coreapi.telemetry.PowerReading;
import org.evgrid.icc.coreapi.telemetry.ReportChargingOrdersCommand;
import org.evgrid.icc.coreapi.telemetry.ReportPowerReadingsCommand;
import org.evgrid.icc.coreapi.telemetry.TelemetryBatchId;
import org.evgrid.icc.infra.audit.ProjectionDiagnosis;
import org.evgrid.icc.infra.demo.market.MarketSimulators;
import org.evgrid.icc.infra.support.CenterClient;
import org.evgrid.icc.infra.support.CenterClient.Answer;
import org.evgrid.icc.infra.support.MovableClock;
import org.evgrid.icc.infra.support.TestWorld;
import org.evgrid.icc.infra.support.TestWorld.Party;
import org.evgrid.icc.ledger.tls.TrustedCertificates;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One trading day end to end on the embedded stores, signed all the way, with the exchange and operator-platform
 * simulators over real HTTP: a trader drafts and submits a day-ahead bid → the gateway delivers it → the exchange
 * accepts and, after gate closure, clears it → the lifecycle saga proposes a fair dispatch plan → a dispatcher
 * approves it → instructions go to the operator platforms (one answers, one stays silent and times out) → the day's
 * telemetry arrives → every quarter hour is judged against the plan (a breach and missing telemetry become deviations)
 * → the day is closed → a dispatcher handles a deviation and acknowledges an alarm → the ledger covers every step.
 *
 * <p>The center's clock is a {@link MovableClock} three days in the past, moved forward through the day; deadlines that
 * fire before the center's time re-schedule themselves.
 */
class TradingDayIT {

    private static final ZoneId CHINA = GateClosureRule.MARKET_ZONE;
    /** The day of the bid (D-1): three days ago, so the whole trading day D lies in the real past. */
    private static final LocalDate BID_DAY = LocalDate.now(CHINA).minusDays(3);
    private static final LocalDate DAY = BID_DAY.plusDays(1);
    private static final MovableClock CLOCK = new MovableClock(at(BID_DAY, 8, 0));
    private static final OperatorId OP_A = new OperatorId("OP-TD-A");
    private static final OperatorId OP_B = new OperatorId("OP-TD-B");
    private static final AggregationUnitId UNIT = new AggregationUnitId("AU-TD-1");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The center's clock for this test. */
    @Configuration(proxyBeanMethods = false)
    static class MovedClock {
        @Bean
        @Primary
        Clock movedClock() {
            return CLOCK;
        }
    }

    private static Instant at(LocalDate day, int hour, int minute) {
        return day.atTime(LocalTime.of(hour, minute)).atZone(CHINA).toInstant();
    }

    /** The bid's curve in kW per quarter hour: B's DC piles in the morning and afternoon, A's AC piles in the evening. */
    private static List<BigDecimal> bidCurve() {
        List<BigDecimal> curve = new ArrayList<>(Collections.nCopies(96, new BigDecimal("0.000")));
        for (int k = 36; k < 48; k++) {
            curve.set(k, new BigDecimal("150.000"));
        }
        for (int k = 56; k < 68; k++) {
            curve.set(k, new BigDecimal("100.000"));
        }
        for (int k = 72; k < 92; k++) {
            curve.set(k, new BigDecimal("30.000"));
        }
        return curve;
    }

    @Test
    void aTradingDayRunsFromBidToClosedDayWithDeviationsHandledAndEveryStepInTheLedger() throws Exception {
        Path data = Files.createTempDirectory("icc-trading-day-it");
        try (ConfigurableApplicationContext ctx = new SpringApplicationBuilder(IccApplication.class, MovedClock.class).run(
                "--icc.data-dir=" + data, "--server.port=0", "--icc.demo.enabled=false", "--icc.deadlines.poll-interval=PT5S",
                "--icc.sim.exchange.enabled=true", "--icc.sim.exchange.clearing-delay=PT5M", "--icc.sim.exchange.clear-on-acceptance=false",
                "--icc.sim.operators.enabled=true", "--icc.sim.operators.result-delay=PT0.5S", "--icc.sim.operators.silent=" + OP_B,
                "--icc.lifecycle.interval-grace=PT25H", "--icc.lifecycle.instruction-timeout=PT10M", "--icc.lifecycle.retry-delay=PT10S",
                // over HTTPS (the default): the simulators post to the center trusting its self-signed certificate
                "--icc.tls.enabled=true")) {
            CenterClient client = new CenterClient("https://localhost:" + ((WebServerApplicationContext) ctx).getWebServer().getPort(), CLOCK,
                    TrustedCertificates.sslContext(data.resolve("tls/center-tls-cert.pem")));
            JdbcTemplate jdbc = ctx.getBean(JdbcTemplate.class);
            TestWorld world = new TestWorld(client, data);
            Party archivist = world.keyWithRole("key-td-archivist", Role.ARCHIVE_MANAGER, SignatureAlgorithm.SM2_SM3);
            Party trader = world.keyWithRole("key-td-trader", Role.TRADER, SignatureAlgorithm.SM2_SM3);
            Party dispatcher = world.keyWithRole("key-td-dispatcher", Role.DISPATCHER, SignatureAlgorithm.SM2_SM3);
            Party auditor = world.keyWithRole("key-td-auditor", Role.AUDITOR, SignatureAlgorithm.ECDSA_P256);
            Party platformA = world.operator(archivist, OP_A.value(), TestWorld.creditCode("91320100MA1TDAAA1"));
            Party platformB = world.operator(archivist, OP_B.value(), TestWorld.creditCode("91320100MA1TDBBB1"));
            ctx.getBean(MarketSimulators.class).usePlatformKey(OP_A, platformA.keyId(), platformA.key());
            ctx.getBean(MarketSimulators.class).usePlatformKey(OP_B, platformB.keyId(), platformB.key());
            world.station(platformA, OP_A.value(), "ST-TD-A");
            world.station(platformB, OP_B.value(), "ST-TD-B");
            Map<String, Party> platforms = Map.of(OP_A.value(), platformA, OP_B.value(), platformB);
            List<PileId> piles = new ArrayList<>();
            for (int i = 1; i <= 6; i++) {
                piles.add(pile(client, platformA, OP_A, "ST-TD-A", "P-TD-A" + i, PileType.AC, "7.000"));
            }
            for (int i = 1; i <= 4; i++) {
                piles.add(pile(client, platformB, OP_B, "ST-TD-B", "P-TD-B" + i, PileType.DC, "60.000"));
            }
            ok(client.send(new CreateAggregationUnitCommand(UNIT, "交易日测试单元", new DispatchAreaId("DA-JS-NJ"), "320000"),
                    archivist.keyId(), archivist.key()));
            ok(client.send(new AssignPilesToUnitCommand(UNIT, piles), archivist.keyId(), archivist.key()));

            // A week before the trading day: the sessions the plan expects (B's DC piles 09:00-12:00 and 14:00-17:00,
            // A's AC piles 18:00-23:00).
            LocalDate weekBefore = DAY.minusDays(7);
            ok(client.send(new ReportChargingOrdersCommand(new TelemetryBatchId("TB-TD-ORD-A"), OP_A, weekBefore,
                    orders(weekBefore, "A", 6, new int[][] {{18, 23}}, "20.000")), platformA.keyId(), platformA.key()));
            ok(client.send(new ReportChargingOrdersCommand(new TelemetryBatchId("TB-TD-ORD-B"), OP_B, weekBefore,
                    orders(weekBefore, "B", 4, new int[][] {{9, 12}, {14, 17}}, "40.000")), platformB.keyId(), platformB.key()));

            // 1. The trader reads the basis, drafts the day-ahead bid for D and submits it before the gate (D-1 10:00).
            BidId bid = BidId.of(ProductCatalogue.DAY_AHEAD, DAY, UNIT);
            Answer basis = client.signedGet("/api/v1/market/bid-basis?product=DAY_AHEAD&periodStart=" + DAY + "&unitId=" + UNIT,
                    trader.keyId(), trader.key());
            assertThat(basis.status()).as("%s", basis.body()).isEqualTo(200);
            ok(client.send(new DraftBidCommand(ProductCatalogue.DAY_AHEAD, DAY, UNIT, BidDirection.BUY, null, bidCurve(),
                    new BigDecimal("800.00"), null, "交易日测试"), trader.keyId(), trader.key()));
            ok(client.send(new SubmitBidCommand(bid, 1), trader.keyId(), trader.key()));
            await("the exchange accepts the delivered bid").atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                    assertThat(get(client, "/api/v1/market/bids/" + bid, trader).get("status").asText()).isEqualTo("ACCEPTED"));

            // 2. Shortly before clearing every pile reports, so the plan counts them online.
            CLOCK.moveTo(at(BID_DAY, 10, 0).plusSeconds(30));
            Instant recent = at(BID_DAY, 9, 55);
            for (OperatorId op : List.of(OP_A, OP_B)) {
                List<PowerReading> now = new ArrayList<>();
                for (PileId p : piles) {
                    if (p.value().contains("-" + op.value().substring(6))) {
                        now.add(reading(p, "0.000"));
                    }
                }
                ok(client.send(new ReportPowerReadingsCommand(new TelemetryBatchId("TB-TD-NOW-" + op), op, recent, now),
                        platforms.get(op.value()).keyId(), platforms.get(op.value()).key()));
            }
            await("the recent readings are rolled up").atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                    assertThat(get(client, "/api/v1/telemetry/piles/P-TD-B4/days/" + BID_DAY, dispatcher).get("latest").size()).isPositive());

            // 3. Gate closure + 5 min: the exchange clears; the saga proposes the plan.
            CLOCK.moveTo(at(BID_DAY, 10, 5).plusSeconds(30));
            await("the exchange clears the bid").atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                    assertThat(get(client, "/api/v1/market/bids/" + bid, trader).get("status").asText()).isEqualTo("CLEARED"));
            DispatchPlanId planId = DispatchPlanId.forBid(bid);
            String planPath = "/api/v1/dispatch/plans/" + planId;
            await("the lifecycle saga proposes the plan").atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                    assertThat(get(client, planPath, dispatcher).get("status").asText()).isEqualTo("PROPOSED"));
            JsonNode plan = get(client, planPath, dispatcher);
            assertThat(plan.get("piles").asInt()).isEqualTo(10);
            assertThat(plan.get("excludedPiles").asInt()).isZero();
            assertThat(plan.get("plannedKw").get(40).decimalValue()).as("the fair split meets the target").isEqualByComparingTo("150");
            assertThat(plan.get("plannedKw").get(80).decimalValue()).isEqualByComparingTo("30");
            JsonNode schedule = get(client, planPath + "/piles/P-TD-B1", dispatcher);
            assertThat(schedule.get("scheduleKw").get(40).decimalValue()).as("equal DC piles share equally").isEqualByComparingTo("37.5");
            assertThat(schedule.get("explanationZh").asText()).isNotBlank();
            Answer foreign = client.signedGet(planPath + "/piles/P-TD-A1", platformB.keyId(), platformB.key());
            assertThat(foreign.status()).as("an operator platform sees only its own piles' schedules").isEqualTo(403);

            // 4. The dispatcher approves; instructions go out; A accepts and reports, B stays silent and times out.
            ok(client.send(new ApproveDispatchPlanCommand(planId, 1, "按公平规则批准"), dispatcher.keyId(), dispatcher.key()));
            await("A's platform reports its result").atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                    assertThat(instruction(get(client, planPath, dispatcher), OP_A).get("status").asText()).isEqualTo("COMPLETED"));
            assertThat(instruction(get(client, planPath, dispatcher), OP_B).get("status").asText()).isEqualTo("ACCEPTED");
            CLOCK.moveTo(CLOCK.instant().plus(Duration.ofMinutes(11)));
            await("B's instruction times out").atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                    assertThat(instruction(get(client, planPath, dispatcher), OP_B).get("status").asText()).isEqualTo("TIMED_OUT"));
            AlarmId timeoutAlarm = AlarmId.of("INSTRUCTION_TIMEOUT", InstructionId.of(planId, OP_B).value());
            await("the timeout raises an alarm").atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                    assertThat(get(client, "/api/v1/alarms?status=OPEN", dispatcher).get("items").findValuesAsText("alarmId"))
                            .contains(timeoutAlarm.value()));

            // 5. The day passes. Telemetry of D: A follows its schedule; B follows it in the morning but draws 20 % more
            //    in 10:00-10:15 (interval 40) and reports nothing after 12:00 (missing, never zero).
            CLOCK.moveTo(at(DAY.plusDays(1), 0, 0).plusSeconds(30));
            Map<String, List<BigDecimal>> schedules = new LinkedHashMap<>();
            for (PileId p : piles) {
                List<BigDecimal> kw = new ArrayList<>();
                get(client, planPath + "/piles/" + p, dispatcher).get("scheduleKw").forEach(v -> kw.add(v.decimalValue()));
                schedules.put(p.value(), kw);
            }
            for (int slot = 0; slot < 288; slot++) {
                int quarter = slot / 3;
                for (OperatorId op : List.of(OP_A, OP_B)) {
                    boolean b = op.equals(OP_B);
                    if (b && slot >= 144) {
                        continue;
                    }
                    List<PowerReading> readings = new ArrayList<>();
                    for (PileId p : piles) {
                        if (!p.value().contains("-" + op.value().substring(6))) {
                            continue;
                        }
                        BigDecimal kw = schedules.get(p.value()).get(quarter);
                        if (b && quarter == 40) {
                            kw = kw.multiply(new BigDecimal("1.2"));
                        }
                        readings.add(reading(p, kw.setScale(3, java.math.RoundingMode.HALF_EVEN).toPlainString()));
                    }
                    Instant start = DAY.atStartOfDay(CHINA).toInstant().plus(Duration.ofMinutes(5L * slot));
                    ok(client.send(new ReportPowerReadingsCommand(new TelemetryBatchId("TB-TD-" + op + "-" + slot), op, start, readings),
                            platforms.get(op.value()).keyId(), platforms.get(op.value()).key()));
                }
            }
            await("the day's telemetry is rolled up").atMost(Duration.ofSeconds(120)).untilAsserted(() ->
                    assertThat(get(client, "/api/v1/telemetry/piles/P-TD-A1/days/" + DAY, dispatcher).get("latest").size())
                            .isGreaterThanOrEqualTo(288));

            // 6. After the grace every quarter hour is judged and the day is closed.
            CLOCK.moveTo(at(DAY.plusDays(2), 1, 30));
            await("every quarter hour judged, the day closed").atMost(Duration.ofSeconds(180)).untilAsserted(() ->
                    assertThat(get(client, planPath, dispatcher).get("status").asText()).isEqualTo("CLOSED"));
            plan = get(client, planPath, dispatcher);
            assertThat(plan.get("intervalsRecorded").asInt()).isEqualTo(96);
            assertThat(plan.get("actualKw").get(10).decimalValue()).isEqualByComparingTo("0");
            JsonNode deviations = get(client, "/api/v1/dispatch/deviations?from=" + DAY + "&to=" + DAY + "&planId=" + planId + "&size=500",
                    dispatcher);
            Map<String, String> kinds = new LinkedHashMap<>();
            deviations.get("items").forEach(d -> kinds.put(d.get("deviationId").asText(), d.get("kind").asText()));
            DeviationId over = DeviationId.of(planId, 40);
            assertThat(kinds).as("B's 20 %% more at 10:00 is a breach of the 3 %% band").containsEntry(over.value(), "OVER");
            assertThat(kinds).as("B's silence after 12:00 is missing telemetry, never zero")
                    .containsEntry(DeviationId.of(planId, 60).value(), "MISSING_TELEMETRY");
            assertThat(kinds).as("A's evening follows the plan").doesNotContainKey(DeviationId.of(planId, 30).value());
            JsonNode overView = get(client, "/api/v1/dispatch/deviations/" + over, dispatcher);
            assertThat(overView.get("byOperator").findValuesAsText("operatorId")).contains(OP_B.value());

            // 7. The dispatcher handles the breach: closing before a cause is refused and leaves no event.
            long before = events(jdbc);
            Answer early = client.send(new CloseDeviationCommand(over, "已处理"), dispatcher.keyId(), dispatcher.key());
            assertThat(early.status()).as("%s", early.body()).isBetween(400, 499);
            assertThat(early.body().get("messageZh").asText()).isNotBlank();
            assertThat(events(jdbc)).isEqualTo(before);
            ok(client.send(new AssignDeviationCauseCommand(over, DeviationCause.USER_BEHAVIOUR, "用户集中充电"), dispatcher.keyId(),
                    dispatcher.key()));
            ok(client.send(new RecordDeviationHandlingCommand(over, "通知运营商调整", "运营商已确认"), dispatcher.keyId(), dispatcher.key()));
            ok(client.send(new CloseDeviationCommand(over, "用户行为导致，已闭环"), dispatcher.keyId(), dispatcher.key()));
            ok(client.send(new AcknowledgeAlarmCommand(timeoutAlarm, "已联系运营商 B"), dispatcher.keyId(), dispatcher.key()));
            await("the deviation is closed and the alarm acknowledged").atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                assertThat(get(client, "/api/v1/dispatch/deviations/" + over, dispatcher).get("status").asText()).isEqualTo("CLOSED");
                assertThat(get(client, "/api/v1/alarms?status=ACKNOWLEDGED", dispatcher).get("items").findValuesAsText("alarmId"))
                        .contains(timeoutAlarm.value());
            });

            // 8. The ledger covers every step, each signed by the party that took it, and verifies.
            await("the ledger is intact and has caught up").atMost(Duration.ofSeconds(120)).untilAsserted(() -> {
                JsonNode verify = get(client, "/api/v1/ledger/verify", auditor);
                assertThat(verify.get("intact").asBoolean()).as("%s", verify).isTrue();
                assertThat(verify.get("headSeq").asLong() + 1).isEqualTo(events(jdbc));
            });
            Map<String, Set<String>> bidSteps = ledgerSteps(client, auditor, "bid:" + bid);
            assertThat(bidSteps).containsKeys("BidDraftedEvent", "BidSubmittedEvent", "BidDeliveredEvent", "BidAcceptedEvent",
                    "BidClearedEvent");
            assertThat(bidSteps.get("BidDraftedEvent")).containsExactly(trader.keyId());
            assertThat(bidSteps.get("BidClearedEvent")).containsExactly(MarketSimulators.EXCHANGE_KEY_ID);
            Map<String, Set<String>> planSteps = ledgerSteps(client, auditor, "plan:" + planId);
            assertThat(planSteps).containsKeys("DispatchPlanProposedEvent", "DispatchPlanApprovedEvent", "DispatchInstructionIssuedEvent",
                    "DispatchPlanIssuedEvent", "InstructionRespondedEvent", "InstructionResultReportedEvent", "InstructionTimedOutEvent",
                    "IntervalExecutionRecordedEvent", "DeviationRecordedEvent", "DeviationCauseAssignedEvent", "DeviationHandledEvent",
                    "DeviationClosedEvent", "DispatchExecutionClosedEvent");
            assertThat(planSteps.get("DispatchPlanApprovedEvent")).containsExactly(dispatcher.keyId());
            assertThat(planSteps.get("InstructionResultReportedEvent")).containsExactly(platformA.keyId());
            assertThat(planSteps.get("DispatchPlanProposedEvent")).doesNotContain(trader.keyId(), dispatcher.keyId());

            // 9. The market, dispatch and alarm projections rebuilt from the events equal the live ones.
            ProjectionDiagnosis diagnosis = ctx.getBean(ProjectionDiagnosis.class);
            for (String[] projection : new String[][] {{"market-projection", "mkt_bids"}, {"dispatch-projection", "dsp_plans"},
                {"alarm-projection", "alm_alarms"}}) {
                await("the rebuilt " + projection[0] + " equals the live one").atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                    ProjectionDiagnosisView report = diagnosis.handle(new DiagnoseProjectionQuery(projection[0]));
                    assertThat(report.verdict()).as("%s", report).isEqualTo("IDENTICAL");
                    assertThat(report.collections()).as("%s", report).anySatisfy(c -> {
                        assertThat(c.collection()).isEqualTo(projection[1]);
                        assertThat(c.liveCount()).isPositive();
                    });
                });
            }
        }
    }

    private static PileId pile(CenterClient client, Party platform, OperatorId op, String station, String id, PileType type, String kw) {
        ok(client.send(new RegisterPileCommand(op, new PileId(id), new StationId(station), type, new BigDecimal(kw), BigDecimal.ZERO,
                BigDecimal.ZERO, 1), platform.keyId(), platform.key()));
        return new PileId(id);
    }

    private static List<ChargingOrder> orders(LocalDate day, String letter, int piles, int[][] hours, String kwh) {
        List<ChargingOrder> orders = new ArrayList<>();
        for (int i = 1; i <= piles; i++) {
            for (int[] h : hours) {
                BigDecimal energy = new BigDecimal(kwh);
                BigDecimal fee = energy.multiply(new BigDecimal("0.60")).setScale(2, java.math.RoundingMode.HALF_EVEN);
                BigDecimal service = energy.multiply(new BigDecimal("0.40")).setScale(2, java.math.RoundingMode.HALF_EVEN);
                orders.add(new ChargingOrder("S-TD-" + letter + i + "-" + h[0], new PileId("P-TD-" + letter + i), 1, at(day, h[0], 0),
                        at(day, h[1], 0), energy, fee, service, fee.add(service), ChargingUserType.PRIVATE));
            }
        }
        return orders;
    }

    private static PowerReading reading(PileId pile, String kw) {
        ConnectorStatus status = new BigDecimal(kw).signum() > 0 ? ConnectorStatus.CHARGING : ConnectorStatus.AVAILABLE;
        return new PowerReading(pile, new BigDecimal(kw), new BigDecimal(kw), status, 50, 1, DataQuality.OK);
    }

    private static JsonNode instruction(JsonNode plan, OperatorId op) {
        for (JsonNode i : plan.get("instructions")) {
            if (i.get("operatorId").asText().equals(op.value())) {
                return i;
            }
        }
        throw new AssertionError("no instruction for " + op + " in " + plan);
    }

    private static JsonNode get(CenterClient client, String path, Party party) {
        Answer a = client.signedGet(path, party.keyId(), party.key());
        assertThat(a.status()).as("GET %s: %s", path, a.body()).isEqualTo(200);
        return a.body();
    }

    private static void ok(Answer a) {
        assertThat(a.status()).as("%s", a.body()).isEqualTo(200);
    }

    private static long events(JdbcTemplate jdbc) {
        Long n = jdbc.queryForObject("SELECT COUNT(*) FROM DomainEventEntry", Long.class);
        return n == null ? 0 : n;
    }

    /** Event type (simple name) → the key ids that signed it, from the auditor's ledger export of one aggregate. */
    private static Map<String, Set<String>> ledgerSteps(CenterClient client, Party auditor, String aggregateId) throws Exception {
        var response = client.http().send(client.signedGetRequest("/api/v1/ledger/export?aggregateId=" + aggregateId, auditor.keyId(),
                auditor.key()).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("%s", response.body()).isEqualTo(200);
        Map<String, Set<String>> steps = new LinkedHashMap<>();
        for (String line : response.body().split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode entry = JSON.readTree(line);
            if (!"entry".equals(entry.path("type").asText())) {
                continue;
            }
            String type = entry.get("eventType").asText();
            String simple = type.substring(type.lastIndexOf('.') + 1);
            JsonNode keyId = entry.path("metadata").get(SignatureMetadata.KEY_ID);
            steps.computeIfAbsent(simple, t -> new HashSet<>()).add(keyId == null ? "?" : keyId.asText());
        }
        return steps;
    }
}
