package org.evgrid.icc.query.alarm;

import static org.evgrid.icc.query.common.StoredValues.date;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Date;

import com.mongodb.client.MongoDatabase;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.bson.Document;
import org.evgrid.icc.coreapi.alarm.AlarmAcknowledgedEvent;
import org.evgrid.icc.coreapi.alarm.AlarmId;
import org.evgrid.icc.coreapi.alarm.AlarmLevel;
import org.evgrid.icc.coreapi.alarm.AlarmStatus;
import org.evgrid.icc.coreapi.alarm.SystemAlarmRaisedEvent;
import org.evgrid.icc.coreapi.dispatch.DeviationClosedEvent;
import org.evgrid.icc.coreapi.dispatch.DeviationKind;
import org.evgrid.icc.coreapi.dispatch.DeviationRecordedEvent;
import org.evgrid.icc.coreapi.dispatch.InstructionDeliveryFailedEvent;
import org.evgrid.icc.coreapi.dispatch.InstructionRespondedEvent;
import org.evgrid.icc.coreapi.dispatch.InstructionResponse;
import org.evgrid.icc.coreapi.dispatch.InstructionTimedOutEvent;
import org.evgrid.icc.coreapi.market.BidDeliveryFailedEvent;
import org.evgrid.icc.coreapi.market.BidRejectedEvent;
import org.evgrid.icc.coreapi.security.SignatureMetadata;
import org.evgrid.icc.query.alarm.internal.AlarmDocuments;
import org.evgrid.icc.query.common.DocumentBatch;
import org.springframework.stereotype.Component;

/**
 * The alarm list (R-6.2b, collection {@value AlarmDocuments#COLLECTION}): alarms raised by dispatch deviations,
 * instruction time-outs and rejections, final gateway delivery failures, bids rejected by the exchange, and the center's
 * own integrity alarms ({@link SystemAlarmRaisedEvent}: a broken ledger, a projection that differs from its rebuild; marked
 * {@value AlarmDocuments#SYSTEM}). An alarm raised
 * again counts one more occurrence and repeat and takes the latest time (a cleared alarm opens again); an
 * acknowledgement records who, when and the note; closing a deviation clears its alarm.
 */
@Component
@ProcessingGroup(AlarmProcessing.GROUP)
public class AlarmProjection {

    /** Alarm type of a dispatch deviation. */
    public static final String DEVIATION = "DEVIATION";
    /** Alarm type of an instruction without a final result by its deadline. */
    public static final String INSTRUCTION_TIMEOUT = "INSTRUCTION_TIMEOUT";
    /** Alarm type of an instruction refused by an operator platform. */
    public static final String INSTRUCTION_REJECTED = "INSTRUCTION_REJECTED";
    /** Alarm type of a delivery the gateway gave up. */
    public static final String GATEWAY_FAILURE = "GATEWAY_FAILURE";
    /** Alarm type of a bid rejected by the exchange. */
    public static final String BID_REJECTED = "BID_REJECTED";

    private static final String BATCH = AlarmProcessing.BATCH;

    private final MongoDatabase database;

    public AlarmProjection(MongoDatabase database) {
        this.database = database;
    }

    /** What raises an alarm. */
    private record Raise(String type, String subject, AlarmLevel level, String module, String title, String details) {
    }

    @EventHandler
    public void on(DeviationRecordedEvent event, @SequenceNumber long seq, @Timestamp Instant at) {
        boolean missing = event.kind() == DeviationKind.MISSING_TELEMETRY;
        AlarmLevel level = !missing && beyondTwice(event.deviationPercent(), event.tolerancePercent()) ? AlarmLevel.MAJOR : AlarmLevel.WARNING;
        String where = event.unitId().value() + " " + event.tradingDay() + " Q" + String.format("%02d", event.interval());
        String title = missing ? "调度偏差（遥测缺失） / Dispatch deviation (telemetry missing): " + where
                : "调度偏差 / Dispatch deviation: " + where;
        String details = missing
                ? "时段 " + where + " 遥测缺失，按偏差处理（不按零计） / Telemetry missing for " + where + ", treated as a deviation (never as zero)"
                : "目标 " + plain(event.targetKw()) + " kW，实际 " + plain(event.actualKw()) + " kW，偏差 " + plain(event.deviationKw()) + " kW（"
                + plain(event.deviationPercent()) + "%，允许 ±" + plain(event.tolerancePercent()) + "%） / Target " + plain(event.targetKw())
                + " kW, actual " + plain(event.actualKw()) + " kW, deviation " + plain(event.deviationKw()) + " kW ("
                + plain(event.deviationPercent()) + "%, tolerance ±" + plain(event.tolerancePercent()) + "%)";
        raise(new Raise(DEVIATION, event.deviationId().value(), level, "dispatch", title, details), planStream(event.planId().value()), seq, at);
    }

    @EventHandler
    public void on(InstructionTimedOutEvent event, @SequenceNumber long seq, @Timestamp Instant at) {
        String operator = event.operatorId().value();
        raise(new Raise(INSTRUCTION_TIMEOUT, event.instructionId().value(), AlarmLevel.MAJOR, "dispatch",
                "调度指令超时 / Dispatch instruction timed out: " + operator,
                "运营商 " + operator + " 未在 " + event.responseDeadline() + " 前报告计划 " + event.planId() + " 的执行结果 / Operator " + operator
                        + " reported no result for plan " + event.planId() + " by " + event.responseDeadline()),
                planStream(event.planId().value()), seq, at);
    }

    @EventHandler
    public void on(InstructionRespondedEvent event, @SequenceNumber long seq, @Timestamp Instant at) {
        if (event.response() == null || event.response() == InstructionResponse.ACCEPTED) {
            return;
        }
        String operator = event.operatorId().value();
        String answerZh = switch (event.response()) {
            case REJECTED -> "拒绝执行";
            case NOT_SUPPORTED -> "不支持功率计划";
            case UNKNOWN_SESSION -> "不认识相关充电桩或会话";
            default -> event.response().name();
        };
        raise(new Raise(INSTRUCTION_REJECTED, event.instructionId().value(), AlarmLevel.MAJOR, "dispatch",
                "调度指令被拒绝 / Dispatch instruction refused: " + operator,
                "运营商 " + operator + " 对计划 " + event.planId() + " 的指令答复：" + answerZh + (event.message() == null ? "" : "（" + event.message() + "）")
                        + " / Operator " + operator + " answered " + event.response() + " to the instruction of plan " + event.planId()
                        + (event.message() == null ? "" : " (" + event.message() + ")")),
                planStream(event.planId().value()), seq, at);
    }

    @EventHandler
    public void on(InstructionDeliveryFailedEvent event, @SequenceNumber long seq, @Timestamp Instant at) {
        if (!event.finalFailure()) {
            return;
        }
        raise(new Raise(GATEWAY_FAILURE, event.instructionId().value(), AlarmLevel.CRITICAL, "gateway",
                "网关投递失败 / Gateway delivery failed: 调度指令 instruction " + event.instructionId(),
                "向运营商 " + event.operatorId() + " 投递调度指令 " + event.attempt() + " 次后放弃：" + event.reason()
                        + " / Gave up delivering the instruction to operator " + event.operatorId() + " after " + event.attempt()
                        + " attempts: " + event.reason()),
                planStream(event.planId().value()), seq, at);
    }

    @EventHandler
    public void on(BidDeliveryFailedEvent event, @SequenceNumber long seq, @Timestamp Instant at) {
        if (!event.finalFailure()) {
            return;
        }
        raise(new Raise(GATEWAY_FAILURE, event.bidId().value(), AlarmLevel.CRITICAL, "gateway",
                "网关投递失败 / Gateway delivery failed: 申报 bid " + event.bidId(),
                "向交易所投递申报 " + event.attempt() + " 次后放弃：" + event.reason() + " / Gave up delivering the bid to the exchange after "
                        + event.attempt() + " attempts: " + event.reason()),
                "bid|" + event.bidId().value(), seq, at);
    }

    @EventHandler
    public void on(BidRejectedEvent event, @SequenceNumber long seq, @Timestamp Instant at) {
        raise(new Raise(BID_REJECTED, event.bidId().value(), AlarmLevel.WARNING, "market",
                "申报被交易所拒绝 / Bid rejected by the exchange: " + event.bidId(),
                "交易所拒绝原因：" + event.reason() + " / The exchange's reason: " + event.reason()),
                "bid|" + event.bidId().value(), seq, at);
    }

    @EventHandler
    public void on(SystemAlarmRaisedEvent event, @SequenceNumber long seq, @Timestamp Instant at) {
        raise(new Raise(event.type(), event.subject(), event.level(), event.module(), event.titleZh() + " / " + event.titleEn(),
                event.details()), "alarm|" + event.alarmId().value(), seq, at);
        DocumentBatch.within(database, BATCH, batch -> batch.get(AlarmDocuments.COLLECTION, event.alarmId().value())
                .ifPresent(alarm -> {
                    alarm.put(AlarmDocuments.SYSTEM, true);
                    batch.put(AlarmDocuments.COLLECTION, alarm);
                }));
    }

    @EventHandler
    public void on(AlarmAcknowledgedEvent event, @SequenceNumber long seq, @Timestamp Instant at,
                   @MetaDataValue(SignatureMetadata.SIGNER) String signer) {
        String stream = "alarm|" + event.alarmId().value();
        DocumentBatch.within(database, BATCH, batch -> {
            Document alarm = batch.get(AlarmDocuments.COLLECTION, event.alarmId().value())
                    .orElseGet(() -> new Document("_id", event.alarmId().value()));
            if (AlarmDocuments.applied(alarm, stream) >= seq) {
                return;
            }
            if (!AlarmStatus.CLEARED.name().equals(alarm.getString(AlarmDocuments.STATUS))) {
                alarm.put(AlarmDocuments.STATUS, AlarmStatus.ACKNOWLEDGED.name());
            }
            alarm.put("acknowledgedBy", signer);
            alarm.put("acknowledgedAt", date(at));
            alarm.put("note", event.note());
            AlarmDocuments.markApplied(alarm, stream, seq);
            batch.put(AlarmDocuments.COLLECTION, alarm);
        });
    }

    @EventHandler
    public void on(DeviationClosedEvent event, @SequenceNumber long seq, @Timestamp Instant at) {
        AlarmId id = AlarmDocuments.alarmId(DEVIATION, event.deviationId().value());
        String stream = planStream(event.planId().value());
        DocumentBatch.within(database, BATCH, batch -> batch.get(AlarmDocuments.COLLECTION, id.value())
                .filter(alarm -> AlarmDocuments.applied(alarm, stream) < seq).ifPresent(alarm -> {
                    alarm.put(AlarmDocuments.STATUS, AlarmStatus.CLEARED.name());
                    alarm.put("clearedAt", date(at));
                    AlarmDocuments.markApplied(alarm, stream, seq);
                    batch.put(AlarmDocuments.COLLECTION, alarm);
                }));
    }

    @ResetHandler
    public void reset() {
        database.getCollection(AlarmDocuments.COLLECTION).drop();
    }

    private static String planStream(String planId) {
        return "plan|" + planId;
    }

    private static boolean beyondTwice(BigDecimal percent, BigDecimal tolerance) {
        return percent != null && tolerance != null && percent.abs().compareTo(tolerance.abs().multiply(BigDecimal.valueOf(2))) > 0;
    }

    private static String plain(BigDecimal value) {
        return value == null ? "—" : value.toPlainString();
    }

    private void raise(Raise raise, String stream, long seq, Instant at) {
        AlarmId id = AlarmDocuments.alarmId(raise.type(), raise.subject());
        DocumentBatch.within(database, BATCH, batch -> {
            Document alarm = batch.get(AlarmDocuments.COLLECTION, id.value()).orElseGet(() -> new Document("_id", id.value()));
            if (AlarmDocuments.applied(alarm, stream) >= seq) {
                return;
            }
            long occurrences = alarm.get("occurrences") instanceof Number n ? n.longValue() : 0L;
            if (occurrences == 0) {
                alarm.put("firstTime", date(at));
                alarm.put(AlarmDocuments.STATUS, alarm.getString(AlarmDocuments.STATUS) == null ? AlarmStatus.OPEN.name()
                        : alarm.getString(AlarmDocuments.STATUS));
            } else if (AlarmStatus.CLEARED.name().equals(alarm.getString(AlarmDocuments.STATUS))) {
                alarm.put(AlarmDocuments.STATUS, AlarmStatus.OPEN.name());
            }
            alarm.put("occurrences", occurrences + 1);
            alarm.put("repeatCount", occurrences);
            Date latest = alarm.getDate(AlarmDocuments.TIME);
            if (latest == null || latest.toInstant().isBefore(at)) {
                alarm.put(AlarmDocuments.TIME, date(at));
            }
            alarm.put("type", raise.type());
            alarm.put("level", raise.level().name());
            alarm.put(AlarmDocuments.MODULE, raise.module());
            alarm.put("title", raise.title());
            alarm.put("details", raise.details());
            alarm.put("subject", raise.subject());
            AlarmDocuments.markApplied(alarm, stream, seq);
            batch.put(AlarmDocuments.COLLECTION, alarm);
        });
    }
}
