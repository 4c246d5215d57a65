package org.evgrid.icc.query.dispatch;

import static org.evgrid.icc.query.common.StoredValues.curve;
import static org.evgrid.icc.query.common.StoredValues.date;
import static org.evgrid.icc.query.common.StoredValues.decimal;
import static org.evgrid.icc.query.dispatch.internal.DispatchDocuments.ACTUAL_KW;
import static org.evgrid.icc.query.dispatch.internal.DispatchDocuments.BY_OPERATOR;
import static org.evgrid.icc.query.dispatch.internal.DispatchDocuments.CLOSED_DEVIATION_IDS;
import static org.evgrid.icc.query.dispatch.internal.DispatchDocuments.DAYS;
import static org.evgrid.icc.query.dispatch.internal.DispatchDocuments.DEVIATIONS;
import static org.evgrid.icc.query.dispatch.internal.DispatchDocuments.DEVIATION_IDS;
import static org.evgrid.icc.query.dispatch.internal.DispatchDocuments.INSTRUCTIONS;
import static org.evgrid.icc.query.dispatch.internal.DispatchDocuments.OPERATORS;
import static org.evgrid.icc.query.dispatch.internal.DispatchDocuments.OPERATOR_ID;
import static org.evgrid.icc.query.dispatch.internal.DispatchDocuments.PLANS;
import static org.evgrid.icc.query.dispatch.internal.DispatchDocuments.PLAN_ID;
import static org.evgrid.icc.query.dispatch.internal.DispatchDocuments.RECORDED;
import static org.evgrid.icc.query.dispatch.internal.DispatchDocuments.SEQ;
import static org.evgrid.icc.query.dispatch.internal.DispatchDocuments.STATUS;
import static org.evgrid.icc.query.dispatch.internal.DispatchDocuments.TOP_PILES;
import static org.evgrid.icc.query.dispatch.internal.DispatchDocuments.TRADING_DAY;
import static org.evgrid.icc.query.dispatch.internal.DispatchDocuments.UNIT_ID;
import static org.evgrid.icc.query.dispatch.internal.DispatchDocuments.UPDATED_AT;
import static org.evgrid.icc.query.dispatch.internal.DispatchDocuments.VERSION;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;

import com.mongodb.client.MongoDatabase;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.bson.Document;
import org.evgrid.icc.coreapi.dispatch.DeviationCauseAssignedEvent;
import org.evgrid.icc.coreapi.dispatch.DeviationClosedEvent;
import org.evgrid.icc.coreapi.dispatch.DeviationHandledEvent;
import org.evgrid.icc.coreapi.dispatch.DeviationRecordedEvent;
import org.evgrid.icc.coreapi.dispatch.DeviationStatus;
import org.evgrid.icc.coreapi.dispatch.DispatchExecutionClosedEvent;
import org.evgrid.icc.coreapi.dispatch.DispatchInstructionIssuedEvent;
import org.evgrid.icc.coreapi.dispatch.DispatchPlanApprovedEvent;
import org.evgrid.icc.coreapi.dispatch.DispatchPlanId;
import org.evgrid.icc.coreapi.dispatch.DispatchPlanIssuedEvent;
import org.evgrid.icc.coreapi.dispatch.DispatchPlanProposedEvent;
import org.evgrid.icc.coreapi.dispatch.DispatchPlanRejectedEvent;
import org.evgrid.icc.coreapi.dispatch.DispatchPlanStatus;
import org.evgrid.icc.coreapi.dispatch.InstructionDeliveryFailedEvent;
import org.evgrid.icc.coreapi.dispatch.InstructionId;
import org.evgrid.icc.coreapi.dispatch.InstructionRespondedEvent;
import org.evgrid.icc.coreapi.dispatch.InstructionResponse;
import org.evgrid.icc.coreapi.dispatch.InstructionResultReportedEvent;
import org.evgrid.icc.coreapi.dispatch.InstructionStatus;
import org.evgrid.icc.coreapi.dispatch.InstructionTimedOutEvent;
import org.evgrid.icc.coreapi.dispatch.IntervalExecutionRecordedEvent;
import org.evgrid.icc.coreapi.security.SignatureMetadata;
import org.evgrid.icc.query.common.DayIndex;
import org.evgrid.icc.query.common.DocumentBatch;
import org.evgrid.icc.query.dispatch.internal.DispatchDocuments;
import org.springframework.stereotype.Component;

/**
 * Read model of dispatch plans (with instructions and execution curves) and deviations (collections {@value
 * DispatchDocuments#PLANS}, {@value DispatchDocuments#DEVIATIONS}, {@value DispatchDocuments#DAYS}). All events come
 * from the plan aggregate; a document takes an event only if its sequence number is above the one it last took.
 */
@Component
@ProcessingGroup(DispatchProcessing.GROUP)
public class DispatchPlanProjection {

    private static final String BATCH = DispatchProcessing.BATCH;
    private static final int INTERVALS = 96;

    private final MongoDatabase database;

    public DispatchPlanProjection(MongoDatabase database) {
        this.database = database;
    }

    @EventHandler
    public void on(DispatchPlanProposedEvent event, @SequenceNumber long seq, @Timestamp Instant at) {
        DocumentBatch.within(database, BATCH, batch -> {
            String id = event.planId().value();
            Document plan = batch.get(PLANS, id).orElseGet(() -> new Document("_id", id).append(SEQ, -1L)
                    .append(PLAN_ID, id).append(ACTUAL_KW, new ArrayList<>(Collections.nCopies(INTERVALS, null)))
                    .append(RECORDED, new ArrayList<Integer>()).append(DEVIATION_IDS, new ArrayList<String>())
                    .append(CLOSED_DEVIATION_IDS, new ArrayList<String>()).append(INSTRUCTIONS, new ArrayList<Document>()));
            if (seqOf(plan) < seq) {
                plan.put(VERSION, event.version());
                plan.put(UNIT_ID, event.unitId().value());
                plan.put(TRADING_DAY, event.tradingDay().toString());
                plan.put("sourceKind", event.sourceKind().name());
                plan.put("sourceRef", event.sourceRef());
                plan.put(STATUS, DispatchPlanStatus.PROPOSED.name());
                plan.put("targetKw", curve(event.targetKw()));
                plan.put("plannedKw", curve(event.plannedKw()));
                plan.put("tolerancePercent", decimal(event.tolerancePercent()));
                plan.put("piles", event.piles());
                plan.put("excludedPiles", event.excludedPiles());
                plan.put(OPERATORS, event.operators() == null ? List.of() : event.operators().stream().map(DispatchDocuments::share).toList());
                plan.put("notes", event.notes());
                plan.put("allocationRule", event.allocationRule());
                plan.put("scheduleDigest", event.scheduleDigest());
                plan.put(INSTRUCTIONS, new ArrayList<Document>());
                plan.put("proposedAt", date(at));
                plan.put("approvedBy", null);
                plan.put("approvedAt", null);
                plan.put(SEQ, seq);
                plan.put(UPDATED_AT, date(at));
                batch.put(PLANS, plan);
            }
            batch.addMember(DAYS, DayIndex.key(DispatchDocuments.PLAN_KIND, event.tradingDay()), DayIndex.IDS, id);
        });
    }

    @EventHandler
    public void on(DispatchPlanApprovedEvent event, @SequenceNumber long seq, @Timestamp Instant at,
                   @MetaDataValue(SignatureMetadata.SIGNER) String signer) {
        plan(event.planId(), seq, at, plan -> {
            plan.put(STATUS, DispatchPlanStatus.APPROVED.name());
            plan.put("approvedBy", signer);
            plan.put("approvedAt", date(at));
        });
    }

    @EventHandler
    public void on(DispatchPlanRejectedEvent event, @SequenceNumber long seq, @Timestamp Instant at) {
        plan(event.planId(), seq, at, plan -> {
            plan.put(STATUS, DispatchPlanStatus.REJECTED.name());
            plan.put("rejectionReason", event.reason());
        });
    }

    @EventHandler
    public void on(DispatchInstructionIssuedEvent event, @SequenceNumber long seq, @Timestamp Instant at) {
        plan(event.planId(), seq, at, plan -> {
            List<Document> instructions = new ArrayList<>(plan.getList(INSTRUCTIONS, Document.class, List.of()));
            instructions.removeIf(i -> event.instructionId().value().equals(i.getString("instructionId")));
            instructions.add(new Document("instructionId", event.instructionId().value())
                    .append(OPERATOR_ID, event.operatorId().value())
                    .append(STATUS, InstructionStatus.ISSUED.name())
                    .append("piles", event.piles())
                    .append("plannedKwh", decimal(DispatchDocuments.energyKwh(event.plannedKw())))
                    .append("issuedAt", date(at))
                    .append("responseDeadline", date(event.responseDeadline()))
                    .append("deliveryAttempts", 0)
                    .append(UPDATED_AT, date(at)));
            instructions.sort((a, b) -> a.getString(OPERATOR_ID).compareTo(b.getString(OPERATOR_ID)));
            plan.put(INSTRUCTIONS, instructions);
        });
    }

    @EventHandler
    public void on(DispatchPlanIssuedEvent event, @SequenceNumber long seq, @Timestamp Instant at) {
        plan(event.planId(), seq, at, plan -> plan.put(STATUS, DispatchPlanStatus.ISSUED.name()));
    }

    @EventHandler
    public void on(InstructionDeliveryFailedEvent event, @SequenceNumber long seq, @Timestamp Instant at) {
        instruction(event.planId(), event.instructionId(), seq, at, i -> {
            i.put("deliveryAttempts", Math.max(i.getInteger("deliveryAttempts", 0), event.attempt()));
            if (event.finalFailure()) {
                i.put(STATUS, InstructionStatus.DELIVERY_FAILED.name());
            }
            i.put("responseMessage", event.reason());
        });
    }

    @EventHandler
    public void on(InstructionRespondedEvent event, @SequenceNumber long seq, @Timestamp Instant at) {
        instruction(event.planId(), event.instructionId(), seq, at, i -> {
            i.put("response", event.response().name());
            i.put("responseMessage", event.message());
            i.put(STATUS, (event.response() == InstructionResponse.ACCEPTED ? InstructionStatus.ACCEPTED
                    : InstructionStatus.valueOf(event.response().name())).name());
        });
    }

    @EventHandler
    public void on(InstructionResultReportedEvent event, @SequenceNumber long seq, @Timestamp Instant at) {
        instruction(event.planId(), event.instructionId(), seq, at, i -> {
            i.put(STATUS, InstructionStatus.COMPLETED.name());
            i.put("result", event.result().name());
            i.put("appliedPiles", event.appliedPiles());
            i.put("resultMessage", event.message());
        });
    }

    @EventHandler
    public void on(InstructionTimedOutEvent event, @SequenceNumber long seq, @Timestamp Instant at) {
        instruction(event.planId(), event.instructionId(), seq, at, i -> i.put(STATUS, InstructionStatus.TIMED_OUT.name()));
    }

    @EventHandler
    public void on(IntervalExecutionRecordedEvent event, @SequenceNumber long seq, @Timestamp Instant at) {
        plan(event.planId(), seq, at, plan -> {
            List<Object> actual = new ArrayList<>(plan.getList(ACTUAL_KW, Object.class, Collections.nCopies(INTERVALS, null)));
            if (event.interval() >= 0 && event.interval() < actual.size()) {
                actual.set(event.interval(), decimal(event.actualKw()));
            }
            plan.put(ACTUAL_KW, actual);
            List<Integer> recorded = new ArrayList<>(plan.getList(RECORDED, Integer.class, List.of()));
            if (!recorded.contains(event.interval())) {
                recorded.add(event.interval());
                Collections.sort(recorded);
            }
            plan.put(RECORDED, recorded);
            if (!DispatchPlanStatus.CLOSED.name().equals(plan.getString(STATUS))) {
                plan.put(STATUS, DispatchPlanStatus.EXECUTING.name());
            }
        });
    }

    @EventHandler
    public void on(DispatchExecutionClosedEvent event, @SequenceNumber long seq, @Timestamp Instant at) {
        plan(event.planId(), seq, at, plan -> {
            plan.put(STATUS, DispatchPlanStatus.CLOSED.name());
            plan.put("closedAt", date(at));
            plan.put("closedIntervalsRecorded", event.intervalsRecorded());
            plan.put("closedDeviations", event.deviations());
            if (event.actualKw() != null && event.actualKw().size() == INTERVALS) {
                plan.put(ACTUAL_KW, curve(event.actualKw()));
            }
        });
    }

    @EventHandler
    public void on(DeviationRecordedEvent event, @SequenceNumber long seq, @Timestamp Instant at) {
        DocumentBatch.within(database, BATCH, batch -> {
            String id = event.deviationId().value();
            Document deviation = batch.get(DEVIATIONS, id).orElseGet(() -> new Document("_id", id).append(SEQ, -1L));
            if (seqOf(deviation) < seq) {
                deviation.put("deviationId", id);
                deviation.put(PLAN_ID, event.planId().value());
                deviation.put(UNIT_ID, event.unitId().value());
                deviation.put(TRADING_DAY, event.tradingDay().toString());
                deviation.put("interval", event.interval());
                deviation.put("intervalStart", date(event.intervalStart()));
                deviation.put("kind", event.kind().name());
                deviation.put(STATUS, DeviationStatus.OPEN.name());
                deviation.put("targetKw", decimal(event.targetKw()));
                deviation.put("actualKw", decimal(event.actualKw()));
                deviation.put("deviationKw", decimal(event.deviationKw()));
                deviation.put("deviationPercent", decimal(event.deviationPercent()));
                deviation.put("tolerancePercent", decimal(event.tolerancePercent()));
                deviation.put(BY_OPERATOR, event.byOperator() == null ? List.of()
                        : event.byOperator().stream().map(DispatchDocuments::operatorDeviation).toList());
                deviation.put(TOP_PILES, event.topPiles() == null ? List.of()
                        : event.topPiles().stream().map(DispatchDocuments::pileDeviation).toList());
                deviation.put("recordedAt", date(at));
                deviation.put(SEQ, seq);
                batch.put(DEVIATIONS, deviation);
            }
            batch.addMember(DAYS, DayIndex.key(DispatchDocuments.DEVIATION_KIND, event.tradingDay()), DayIndex.IDS, id);
            if (batch.get(PLANS, event.planId().value()).isPresent()) {
                batch.addMember(PLANS, event.planId().value(), DEVIATION_IDS, id);
            }
        });
    }

    @EventHandler
    public void on(DeviationCauseAssignedEvent event, @SequenceNumber long seq) {
        deviation(event.deviationId().value(), seq, d -> {
            d.put("cause", event.cause().name());
            d.put("causeDetail", event.detail());
            if (!DeviationStatus.CLOSED.name().equals(d.getString(STATUS)) && !DeviationStatus.HANDLED.name().equals(d.getString(STATUS))) {
                d.put(STATUS, DeviationStatus.CAUSE_ASSIGNED.name());
            }
        });
    }

    @EventHandler
    public void on(DeviationHandledEvent event, @SequenceNumber long seq) {
        deviation(event.deviationId().value(), seq, d -> {
            d.put("method", event.method());
            d.put("result", event.result());
            if (!DeviationStatus.CLOSED.name().equals(d.getString(STATUS))) {
                d.put(STATUS, DeviationStatus.HANDLED.name());
            }
        });
    }

    @EventHandler
    public void on(DeviationClosedEvent event, @SequenceNumber long seq, @Timestamp Instant at,
                   @MetaDataValue(SignatureMetadata.SIGNER) String signer) {
        deviation(event.deviationId().value(), seq, d -> {
            d.put(STATUS, DeviationStatus.CLOSED.name());
            d.put("cause", event.cause() == null ? d.getString("cause") : event.cause().name());
            d.put("method", event.method());
            d.put("result", event.result());
            d.put("conclusion", event.conclusion());
            d.put("closedAt", date(at));
            d.put("closedBy", signer);
        });
        DocumentBatch.within(database, BATCH, batch -> {
            if (batch.get(PLANS, event.planId().value()).isPresent()) {
                batch.addMember(PLANS, event.planId().value(), CLOSED_DEVIATION_IDS, event.deviationId().value());
            }
        });
    }

    @ResetHandler
    public void reset() {
        database.getCollection(PLANS).drop();
        database.getCollection(DEVIATIONS).drop();
        database.getCollection(DAYS).drop();
    }

    private static long seqOf(Document d) {
        Object seq = d.get(SEQ);
        return seq instanceof Number n ? n.longValue() : -1L;
    }

    /** Applies a change to an existing plan document if the event is newer than the document. */
    private void plan(DispatchPlanId planId, long seq, Instant at, Consumer<Document> change) {
        DocumentBatch.within(database, BATCH, batch -> batch.get(PLANS, planId.value()).filter(d -> seqOf(d) < seq).ifPresent(d -> {
            change.accept(d);
            d.put(SEQ, seq);
            d.put(UPDATED_AT, date(at));
            batch.put(PLANS, d);
        }));
    }

    private void instruction(DispatchPlanId planId, InstructionId instructionId, long seq, Instant at, Consumer<Document> change) {
        plan(planId, seq, at, plan -> {
            List<Document> instructions = new ArrayList<>(plan.getList(INSTRUCTIONS, Document.class, List.of()));
            instructions.stream().filter(i -> instructionId.value().equals(i.getString("instructionId"))).findFirst().ifPresent(i -> {
                change.accept(i);
                i.put(UPDATED_AT, date(at));
            });
            plan.put(INSTRUCTIONS, instructions);
        });
    }

    private void deviation(String deviationId, long seq, Consumer<Document> change) {
        DocumentBatch.within(database, BATCH, batch -> batch.get(DEVIATIONS, deviationId).filter(d -> seqOf(d) < seq).ifPresent(d -> {
            change.accept(d);
            d.put(SEQ, seq);
            batch.put(DEVIATIONS, d);
        }));
    }
}
