package org.evgrid.icc.query.alarm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.axonframework.eventhandling.EventMessage;
import org.evgrid.icc.coreapi.alarm.AlarmAcknowledgedEvent;
import org.evgrid.icc.coreapi.alarm.AlarmId;
import org.evgrid.icc.coreapi.alarm.AlarmLevel;
import org.evgrid.icc.coreapi.alarm.AlarmList;
import org.evgrid.icc.coreapi.alarm.AlarmStatus;
import org.evgrid.icc.coreapi.alarm.AlarmView;
import org.evgrid.icc.coreapi.alarm.FindAlarmsQuery;
import org.evgrid.icc.coreapi.alarm.SystemAlarmRaisedEvent;
import org.evgrid.icc.coreapi.archive.AggregationUnitId;
import org.evgrid.icc.coreapi.archive.OperatorId;
import org.evgrid.icc.coreapi.common.IccException;
import org.evgrid.icc.coreapi.dispatch.DeviationCause;
import org.evgrid.icc.coreapi.dispatch.DeviationClosedEvent;
import org.evgrid.icc.coreapi.dispatch.DeviationId;
import org.evgrid.icc.coreapi.dispatch.DeviationKind;
import org.evgrid.icc.coreapi.dispatch.DeviationRecordedEvent;
import org.evgrid.icc.coreapi.dispatch.DispatchPlanId;
import org.evgrid.icc.coreapi.dispatch.InstructionDeliveryFailedEvent;
import org.evgrid.icc.coreapi.dispatch.InstructionId;
import org.evgrid.icc.coreapi.dispatch.InstructionRespondedEvent;
import org.evgrid.icc.coreapi.dispatch.InstructionResponse;
import org.evgrid.icc.coreapi.dispatch.InstructionTimedOutEvent;
import org.evgrid.icc.coreapi.market.BidDeliveryFailedEvent;
import org.evgrid.icc.coreapi.market.BidId;
import org.evgrid.icc.coreapi.market.BidRejectedEvent;
import org.evgrid.icc.coreapi.security.DataScope;
import org.evgrid.icc.coreapi.security.Role;
import org.evgrid.icc.coreapi.security.Viewer;
import org.evgrid.icc.query.common.EmbeddedStore;
import org.evgrid.icc.query.common.EventFeed;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The alarm list (R-6.2b) on mongo-java-server over the real driver: raising, repeats, acknowledgement, clearing. */
class AlarmReadModelIT {

    private static final LocalDate DAY = LocalDate.of(2026, 12, 1);
    private static final AggregationUnitId AU1 = new AggregationUnitId("AU-1");
    private static final BidId BID = BidId.of("DAY_AHEAD", DAY, AU1);
    private static final DispatchPlanId PLAN = DispatchPlanId.forBid(BID);
    private static final OperatorId OP_B = new OperatorId("OP-B");
    private static final InstructionId IB = InstructionId.of(PLAN, OP_B);
    private static final String PLAN_STREAM = "plan:" + PLAN.value();

    private static final Viewer DISPATCHER = new Viewer("dispatcher", Set.of(Role.DISPATCHER), null, DataScope.HEADQUARTERS);
    private static final Viewer PLATFORM_B = new Viewer("platform-b", Set.of(Role.OPERATOR_PLATFORM), OP_B, null);
    private static final Viewer SECURITY_OPERATOR = new Viewer("secop", Set.of(Role.SECURITY_OPERATOR), null, DataScope.HEADQUARTERS);
    private static final Viewer AUDITOR = new Viewer("auditor", Set.of(Role.AUDITOR), null, DataScope.HEADQUARTERS);
    private static final Viewer AUDIT_ADMIN = new Viewer("auditadmin", Set.of(Role.AUDIT_ADMIN), null, DataScope.HEADQUARTERS);

    private EmbeddedStore store;
    private EventFeed feed;
    private AlarmQueries queries;

    @BeforeEach
    void start() {
        store = new EmbeddedStore();
        feed = new EventFeed(Instant.parse("2026-11-30T16:00:00Z"), new AlarmProjection(store.database()));
        queries = new AlarmQueries(store.database());
    }

    @AfterEach
    void stop() {
        store.close();
    }

    private static BigDecimal kw(String value) {
        return new BigDecimal(value);
    }

    private EventMessage<?> deviation(int interval, DeviationKind kind, String percent) {
        return feed.event(PLAN_STREAM, new DeviationRecordedEvent(DeviationId.of(PLAN, interval), PLAN, AU1, DAY, interval,
                Instant.parse("2026-11-30T16:00:00Z").plusSeconds(900L * interval), kind, kw("100"),
                kind == DeviationKind.MISSING_TELEMETRY ? null : kw("100").add(kw(percent)), kind == DeviationKind.MISSING_TELEMETRY ? null
                : kw(percent), kind == DeviationKind.MISSING_TELEMETRY ? null : kw(percent), kw("5"), List.of(), List.of()), "center");
    }

    private AlarmView alarm(String type, String subject) {
        AlarmId id = AlarmId.of(type, subject);
        return queries.handle(new FindAlarmsQuery(DISPATCHER, null, null, 0, 500)).items().stream()
                .filter(a -> a.alarmId().equals(id)).findFirst().orElse(null);
    }

    @Test
    void eachSourceRaisesItsAlarmWithTypeLevelAndModule() {
        feed.batch(List.of(
                deviation(1, DeviationKind.UNDER, "-20"),
                deviation(2, DeviationKind.OVER, "8"),
                deviation(3, DeviationKind.MISSING_TELEMETRY, null),
                feed.event(PLAN_STREAM, new InstructionTimedOutEvent(IB, PLAN, OP_B, Instant.parse("2026-11-30T17:00:00Z")), "center"),
                feed.event(PLAN_STREAM, new InstructionRespondedEvent(IB, PLAN, OP_B, InstructionResponse.NOT_SUPPORTED, "no profiles"),
                        "center"),
                feed.event(PLAN_STREAM, new InstructionRespondedEvent(InstructionId.of(PLAN, new OperatorId("OP-A")), PLAN,
                        new OperatorId("OP-A"), InstructionResponse.ACCEPTED, null), "center"),
                feed.event(PLAN_STREAM, new InstructionDeliveryFailedEvent(IB, PLAN, OP_B, 2, false, "timeout"), "center"),
                feed.event(PLAN_STREAM, new InstructionDeliveryFailedEvent(IB, PLAN, OP_B, 5, true, "unreachable"), "center"),
                feed.event("bid:" + BID.value(), new BidDeliveryFailedEvent(BID, "REQ-1", 5, true, "exchange down"), "center"),
                feed.event("bid:" + BID.value(), new BidRejectedEvent(BID, "REQ-1", "price out of range"), "exchange")));

        AlarmView major = alarm("DEVIATION", DeviationId.of(PLAN, 1).value());
        assertThat(major.level()).isEqualTo(AlarmLevel.MAJOR);
        assertThat(major.module()).isEqualTo("dispatch");
        assertThat(major.status()).isEqualTo(AlarmStatus.OPEN);
        assertThat(major.title()).startsWith("调度偏差 / Dispatch deviation");
        assertThat(major.occurrences()).isEqualTo(1);
        assertThat(major.repeatCount()).isZero();
        assertThat(major.firstTime()).isEqualTo(major.time());
        assertThat(alarm("DEVIATION", DeviationId.of(PLAN, 2).value()).level()).isEqualTo(AlarmLevel.WARNING);
        assertThat(alarm("DEVIATION", DeviationId.of(PLAN, 3).value()).level()).isEqualTo(AlarmLevel.WARNING);
        assertThat(alarm("INSTRUCTION_TIMEOUT", IB.value()).level()).isEqualTo(AlarmLevel.MAJOR);
        assertThat(alarm("INSTRUCTION_REJECTED", IB.value()).details()).contains("NOT_SUPPORTED");
        assertThat(alarm("INSTRUCTION_REJECTED", InstructionId.of(PLAN, new OperatorId("OP-A")).value())).isNull();
        AlarmView gateway = alarm("GATEWAY_FAILURE", IB.value());
        assertThat(gateway.level()).isEqualTo(AlarmLevel.CRITICAL);
        assertThat(gateway.module()).isEqualTo("gateway");
        assertThat(gateway.occurrences()).isEqualTo(1);
        assertThat(alarm("GATEWAY_FAILURE", BID.value()).level()).isEqualTo(AlarmLevel.CRITICAL);
        AlarmView rejected = alarm("BID_REJECTED", BID.value());
        assertThat(rejected.level()).isEqualTo(AlarmLevel.WARNING);
        assertThat(rejected.module()).isEqualTo("market");

        AlarmList market = queries.handle(new FindAlarmsQuery(DISPATCHER, AlarmStatus.OPEN, "market", 0, 10));
        assertThat(market.total()).isEqualTo(1);
        AlarmList all = queries.handle(new FindAlarmsQuery(DISPATCHER, null, null, 0, 3));
        assertThat(all.total()).isEqualTo(8);
        assertThat(all.items()).hasSize(3);
        assertThat(all.items().get(0).time()).isAfterOrEqualTo(all.items().get(1).time());
    }

    @Test
    void aRepeatedAlarmCountsOccurrencesAndAnAcknowledgementRecordsWhoAndWhen() {
        String subject = BID.value();
        feed.batch(List.of(feed.event("bid:" + subject, new BidRejectedEvent(BID, "REQ-1", "price"), "exchange")));
        AlarmView first = alarm("BID_REJECTED", subject);
        feed.batch(List.of(feed.event("bid:" + subject, new BidRejectedEvent(BID, "REQ-2", "price again"), "exchange")));

        AlarmView repeated = alarm("BID_REJECTED", subject);
        assertThat(repeated.occurrences()).isEqualTo(2);
        assertThat(repeated.repeatCount()).isEqualTo(1);
        assertThat(repeated.firstTime()).isEqualTo(first.time());
        assertThat(repeated.time()).isAfter(first.time());
        assertThat(repeated.details()).contains("price again");

        AlarmId id = AlarmId.of("BID_REJECTED", subject);
        feed.batch(List.of(feed.event("alarm:" + id.value(), new AlarmAcknowledgedEvent(id, "calling the exchange"), "trader-zhao")));
        AlarmView acknowledged = alarm("BID_REJECTED", subject);
        assertThat(acknowledged.status()).isEqualTo(AlarmStatus.ACKNOWLEDGED);
        assertThat(acknowledged.acknowledgedBy()).isEqualTo("trader-zhao");
        assertThat(acknowledged.acknowledgedAt()).isNotNull();
        assertThat(acknowledged.note()).isEqualTo("calling the exchange");
        assertThat(queries.handle(new FindAlarmsQuery(DISPATCHER, AlarmStatus.ACKNOWLEDGED, null, 0, 10)).total()).isEqualTo(1);
    }

    @Test
    void closingADeviationClearsItsAlarmAndARepeatOpensItAgain() {
        DeviationId q01 = DeviationId.of(PLAN, 1);
        feed.batch(List.of(deviation(1, DeviationKind.UNDER, "-20"),
                feed.event(PLAN_STREAM, new DeviationClosedEvent(q01, PLAN, AU1, DAY, 1, DeviationKind.UNDER, kw("-20"),
                        DeviationCause.USER_BEHAVIOUR, "none", "none", "accepted"), "dispatcher-wang")));
        assertThat(alarm("DEVIATION", q01.value()).status()).isEqualTo(AlarmStatus.CLEARED);

        feed.batch(List.of(deviation(1, DeviationKind.UNDER, "-9")));
        AlarmView again = alarm("DEVIATION", q01.value());
        assertThat(again.status()).isEqualTo(AlarmStatus.OPEN);
        assertThat(again.occurrences()).isEqualTo(2);
        assertThat(again.level()).isEqualTo(AlarmLevel.WARNING);
    }

    @Test
    void reDeliveredEventsDoNotCountAgain() {
        AlarmId id = AlarmId.of("DEVIATION", DeviationId.of(PLAN, 1).value());
        List<EventMessage<?>> events = new ArrayList<>(List.of(deviation(1, DeviationKind.UNDER, "-20"),
                feed.event("bid:" + BID.value(), new BidRejectedEvent(BID, "REQ-1", "price"), "exchange"),
                feed.event("alarm:" + id.value(), new AlarmAcknowledgedEvent(id, "seen"), "dispatcher-li"),
                feed.event(PLAN_STREAM, new InstructionTimedOutEvent(IB, PLAN, OP_B, Instant.parse("2026-11-30T17:00:00Z")), "center")));
        feed.batch(events);
        Map<String, Map<String, String>> once = store.snapshot();

        feed.batch(events);
        feed.batches(events, 1);

        assertThat(store.snapshot()).isEqualTo(once);
        assertThat(alarm("DEVIATION", DeviationId.of(PLAN, 1).value()).occurrences()).isEqualTo(1);
        assertThat(alarm("DEVIATION", DeviationId.of(PLAN, 1).value()).status()).isEqualTo(AlarmStatus.ACKNOWLEDGED);
    }

    @Test
    void operatorPlatformsAndAdministratorsMayNotReadAlarms() {
        assertThatThrownBy(() -> queries.handle(new FindAlarmsQuery(PLATFORM_B, null, null, 0, 10)))
                .isInstanceOfSatisfying(IccException.class, e -> assertThat(e.code()).isEqualTo("ICC-SCOPE-ROLE"));
        assertThatThrownBy(() -> queries.handle(new FindAlarmsQuery(AUDIT_ADMIN, null, null, 0, 10)))
                .isInstanceOfSatisfying(IccException.class, e -> assertThat(e.code()).isEqualTo("ICC-SCOPE-ADMIN"));
        assertThatThrownBy(() -> queries.handle(new FindAlarmsQuery(DISPATCHER, null, null, 0, 501)))
                .isInstanceOfSatisfying(IccException.class, e -> assertThat(e.code()).isEqualTo("ICC-PAGE-SIZE-INVALID"));
    }

    private EventMessage<?> ledgerBreak(String details) {
        AlarmId id = AlarmId.of("LEDGER", "1234");
        return feed.event("alarm:" + id.value(), new SystemAlarmRaisedEvent(id, "LEDGER", AlarmLevel.CRITICAL, "ledger", "账本链断裂",
                "Ledger chain broken", details, "1234"), "center");
    }

    @Test
    void aSystemAlarmRaisedAgainIsOneAlarmWithARepeatCountAndStaysAcknowledged() {
        AlarmId id = AlarmId.of("LEDGER", "1234");
        feed.batch(List.of(ledgerBreak("first break at 1234")));
        feed.advanceSeconds(3600);
        feed.batch(List.of(feed.event("alarm:" + id.value(), new AlarmAcknowledgedEvent(id, "repairing"), "dispatcher-li")));
        feed.advanceSeconds(3600);
        feed.batch(List.of(ledgerBreak("still broken at 1234")));

        AlarmList forSecurity = queries.handle(new FindAlarmsQuery(SECURITY_OPERATOR, null, null, 0, 10));
        assertThat(forSecurity.total()).isEqualTo(1);
        AlarmView alarm = forSecurity.items().get(0);
        assertThat(alarm.alarmId()).isEqualTo(id);
        assertThat(alarm.type()).isEqualTo("LEDGER");
        assertThat(alarm.level()).isEqualTo(AlarmLevel.CRITICAL);
        assertThat(alarm.module()).isEqualTo("ledger");
        assertThat(alarm.title()).isEqualTo("账本链断裂 / Ledger chain broken");
        assertThat(alarm.details()).isEqualTo("still broken at 1234");
        assertThat(alarm.occurrences()).isEqualTo(2);
        assertThat(alarm.repeatCount()).isEqualTo(1);
        assertThat(alarm.time()).isAfter(alarm.firstTime());
        assertThat(alarm.status()).isEqualTo(AlarmStatus.ACKNOWLEDGED);
        assertThat(queries.handle(new FindAlarmsQuery(AUDITOR, null, "ledger", 0, 10)).total()).isEqualTo(1);
    }

    @Test
    void aSecurityOperatorSeesTheSystemAlarmsButNoBusinessAlarm() {
        feed.batch(List.of(ledgerBreak("first break at 1234"), deviation(1, DeviationKind.UNDER, "-20"),
                feed.event("bid:" + BID.value(), new BidRejectedEvent(BID, "REQ-1", "price"), "exchange")));

        assertThat(queries.handle(new FindAlarmsQuery(SECURITY_OPERATOR, null, null, 0, 10)).items())
                .extracting(AlarmView::type).containsExactly("LEDGER");
        assertThat(queries.handle(new FindAlarmsQuery(AUDITOR, null, null, 0, 10)).total()).isEqualTo(3);
        assertThat(queries.handle(new FindAlarmsQuery(DISPATCHER, null, null, 0, 10)).total()).isEqualTo(3);
    }
}
