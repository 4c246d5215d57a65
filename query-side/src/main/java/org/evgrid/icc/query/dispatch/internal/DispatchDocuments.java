package org.evgrid.icc.query.dispatch.internal;

import static org.evgrid.icc.query.common.StoredValues.instant;
import static org.evgrid.icc.query.common.StoredValues.readCurve;
import static org.evgrid.icc.query.common.StoredValues.readDay;
import static org.evgrid.icc.query.common.StoredValues.readDecimal;
import static org.evgrid.icc.query.common.StoredValues.readEnum;
import static org.evgrid.icc.query.common.StoredValues.readInt;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

import org.bson.Document;
import org.evgrid.icc.coreapi.archive.AggregationUnitId;
import org.evgrid.icc.coreapi.archive.OperatorId;
import org.evgrid.icc.coreapi.archive.PileId;
import org.evgrid.icc.coreapi.dispatch.DeviationCause;
import org.evgrid.icc.coreapi.dispatch.DeviationId;
import org.evgrid.icc.coreapi.dispatch.DeviationKind;
import org.evgrid.icc.coreapi.dispatch.DeviationStatus;
import org.evgrid.icc.coreapi.dispatch.DeviationView;
import org.evgrid.icc.coreapi.dispatch.DispatchPlanId;
import org.evgrid.icc.coreapi.dispatch.DispatchPlanStatus;
import org.evgrid.icc.coreapi.dispatch.DispatchPlanView;
import org.evgrid.icc.coreapi.dispatch.DispatchSourceKind;
import org.evgrid.icc.coreapi.dispatch.InstructionId;
import org.evgrid.icc.coreapi.dispatch.InstructionResponse;
import org.evgrid.icc.coreapi.dispatch.InstructionResult;
import org.evgrid.icc.coreapi.dispatch.InstructionStatus;
import org.evgrid.icc.coreapi.dispatch.InstructionView;
import org.evgrid.icc.coreapi.dispatch.OperatorDeviation;
import org.evgrid.icc.coreapi.dispatch.OperatorShare;
import org.evgrid.icc.coreapi.dispatch.PileDeviation;
import org.evgrid.icc.query.common.StoredValues;

/**
 * Layout of the dispatch read model, every document addressed by {@code _id}:
 * <ul>
 * <li>{@value #PLANS}: {@code _id = planId}, the plan as it stands with its operator shares, instructions (one per
 * operator), the target, planned and actual curves, the intervals recorded and the ids of its deviations;</li>
 * <li>{@value #DEVIATIONS}: {@code _id = deviationId}, one deviation with its facts and handling;</li>
 * <li>{@value #DAYS}: membership per trading day, {@code plan|<day>} and {@code deviation|<day>} (see DayIndex).</li>
 * </ul>
 * Every document carries {@code seq}, the plan aggregate's sequence number of the last event applied to it.
 */
public final class DispatchDocuments {

    public static final String PLANS = "dsp_plans";
    public static final String DEVIATIONS = "dsp_deviations";
    public static final String DAYS = "dsp_days";
    public static final String PLAN_KIND = "plan";
    public static final String DEVIATION_KIND = "deviation";

    public static final String SEQ = "seq";
    public static final String PLAN_ID = "planId";
    public static final String VERSION = "version";
    public static final String UNIT_ID = "unitId";
    public static final String TRADING_DAY = "tradingDay";
    public static final String STATUS = "status";
    public static final String OPERATORS = "operators";
    public static final String OPERATOR_ID = "operatorId";
    public static final String INSTRUCTIONS = "instructions";
    public static final String ACTUAL_KW = "actualKw";
    public static final String RECORDED = "recordedIntervals";
    public static final String DEVIATION_IDS = "deviationIds";
    public static final String CLOSED_DEVIATION_IDS = "closedDeviationIds";
    public static final String BY_OPERATOR = "byOperator";
    public static final String TOP_PILES = "topPiles";
    public static final String UPDATED_AT = "updatedAt";

    private DispatchDocuments() {
    }

    public static Document share(OperatorShare share) {
        return new Document(OPERATOR_ID, share.operatorId().value()).append("piles", share.piles())
                .append("plannedKw", StoredValues.curve(share.plannedKw())).append("plannedKwh", StoredValues.decimal(share.plannedKwh()));
    }

    static OperatorShare readShare(Document d) {
        return new OperatorShare(new OperatorId(d.getString(OPERATOR_ID)), readInt(d, "piles"), readCurve(d, "plannedKw"),
                readDecimal(d, "plannedKwh"));
    }

    public static Document operatorDeviation(OperatorDeviation o) {
        return new Document(OPERATOR_ID, o.operatorId().value()).append("piles", o.piles()).append("reportingPiles", o.reportingPiles())
                .append("plannedKw", StoredValues.decimal(o.plannedKw())).append("actualKw", StoredValues.decimal(o.actualKw()))
                .append("deviationKw", StoredValues.decimal(o.deviationKw()));
    }

    static OperatorDeviation readOperatorDeviation(Document d) {
        return new OperatorDeviation(new OperatorId(d.getString(OPERATOR_ID)), readInt(d, "piles"), readInt(d, "reportingPiles"),
                readDecimal(d, "plannedKw"), readDecimal(d, "actualKw"), readDecimal(d, "deviationKw"));
    }

    public static Document pileDeviation(PileDeviation p) {
        return new Document("pileId", p.pileId().value()).append(OPERATOR_ID, p.operatorId() == null ? null : p.operatorId().value())
                .append("plannedKw", StoredValues.decimal(p.plannedKw())).append("actualKw", StoredValues.decimal(p.actualKw()))
                .append("deviationKw", StoredValues.decimal(p.deviationKw()));
    }

    static PileDeviation readPileDeviation(Document d) {
        String operator = d.getString(OPERATOR_ID);
        return new PileDeviation(new PileId(d.getString("pileId")), operator == null ? null : new OperatorId(operator),
                readDecimal(d, "plannedKw"), readDecimal(d, "actualKw"), readDecimal(d, "deviationKw"));
    }

    static InstructionView readInstruction(Document d) {
        return new InstructionView(new InstructionId(d.getString("instructionId")), new OperatorId(d.getString(OPERATOR_ID)),
                readEnum(d, STATUS, InstructionStatus.class), readInt(d, "piles"), readDecimal(d, "plannedKwh"), instant(d, "issuedAt"),
                instant(d, "responseDeadline"), readInt(d, "deliveryAttempts"), readEnum(d, "response", InstructionResponse.class),
                d.getString("responseMessage"), readEnum(d, "result", InstructionResult.class), readInt(d, "appliedPiles"),
                d.getString("resultMessage"), instant(d, UPDATED_AT));
    }

    /** The plan's view; {@code operatorId} non-null keeps only that operator's share and instruction. */
    public static DispatchPlanView planView(Document d, String operatorId) {
        List<OperatorShare> shares = new ArrayList<>();
        for (Document s : d.getList(OPERATORS, Document.class, List.of())) {
            if (operatorId == null || operatorId.equals(s.getString(OPERATOR_ID))) {
                shares.add(readShare(s));
            }
        }
        List<InstructionView> instructions = new ArrayList<>();
        for (Document i : d.getList(INSTRUCTIONS, Document.class, List.of())) {
            if (operatorId == null || operatorId.equals(i.getString(OPERATOR_ID))) {
                instructions.add(readInstruction(i));
            }
        }
        List<String> deviations = d.getList(DEVIATION_IDS, String.class, List.of());
        List<String> closed = d.getList(CLOSED_DEVIATION_IDS, String.class, List.of());
        int open = (int) deviations.stream().filter(id -> !closed.contains(id)).count();
        return new DispatchPlanView(
                new DispatchPlanId(d.getString(PLAN_ID)),
                readInt(d, VERSION),
                new AggregationUnitId(d.getString(UNIT_ID)),
                readDay(d, TRADING_DAY),
                readEnum(d, "sourceKind", DispatchSourceKind.class),
                d.getString("sourceRef"),
                readEnum(d, STATUS, DispatchPlanStatus.class),
                readCurve(d, "targetKw"),
                readCurve(d, "plannedKw"),
                readCurve(d, ACTUAL_KW),
                readDecimal(d, "tolerancePercent"),
                readInt(d, "piles"),
                readInt(d, "excludedPiles"),
                shares,
                instructions,
                d.getList("notes", String.class, List.of()),
                d.getString("allocationRule"),
                d.getString("scheduleDigest"),
                Math.max(d.getList(RECORDED, Integer.class, List.of()).size(), readInt(d, "closedIntervalsRecorded")),
                Math.max(deviations.size(), readInt(d, "closedDeviations")),
                open,
                d.getString("approvedBy"),
                instant(d, "proposedAt"),
                instant(d, "approvedAt"),
                instant(d, "closedAt"));
    }

    /** Whether the operator has a share in the plan. */
    public static boolean hasOperator(Document plan, String operatorId) {
        return plan.getList(OPERATORS, Document.class, List.of()).stream().anyMatch(s -> operatorId.equals(s.getString(OPERATOR_ID)));
    }

    /** The deviation's view; {@code operatorId} non-null keeps only that operator's contributions. */
    public static DeviationView deviationView(Document d, String operatorId) {
        List<OperatorDeviation> byOperator = new ArrayList<>();
        for (Document o : d.getList(BY_OPERATOR, Document.class, List.of())) {
            if (operatorId == null || operatorId.equals(o.getString(OPERATOR_ID))) {
                byOperator.add(readOperatorDeviation(o));
            }
        }
        List<PileDeviation> topPiles = new ArrayList<>();
        for (Document p : d.getList(TOP_PILES, Document.class, List.of())) {
            if (operatorId == null || operatorId.equals(p.getString(OPERATOR_ID))) {
                topPiles.add(readPileDeviation(p));
            }
        }
        return new DeviationView(
                new DeviationId(d.getString("deviationId")),
                new DispatchPlanId(d.getString(PLAN_ID)),
                new AggregationUnitId(d.getString(UNIT_ID)),
                readDay(d, TRADING_DAY),
                readInt(d, "interval"),
                instant(d, "intervalStart"),
                readEnum(d, "kind", DeviationKind.class),
                readEnum(d, STATUS, DeviationStatus.class),
                readDecimal(d, "targetKw"),
                readDecimal(d, "actualKw"),
                readDecimal(d, "deviationKw"),
                readDecimal(d, "deviationPercent"),
                readDecimal(d, "tolerancePercent"),
                byOperator,
                topPiles,
                readEnum(d, "cause", DeviationCause.class),
                d.getString("causeDetail"),
                d.getString("method"),
                d.getString("result"),
                d.getString("conclusion"),
                instant(d, "recordedAt"),
                instant(d, "closedAt"),
                d.getString("closedBy"));
    }

    /** Whether the operator contributed to the deviation. */
    public static boolean concerns(Document deviation, String operatorId) {
        return deviation.getList(BY_OPERATOR, Document.class, List.of()).stream().anyMatch(o -> operatorId.equals(o.getString(OPERATOR_ID)))
                || deviation.getList(TOP_PILES, Document.class, List.of()).stream().anyMatch(p -> operatorId.equals(p.getString(OPERATOR_ID)));
    }

    /** kWh of a 96-point kW curve (quarter hours), 3 decimals. */
    public static BigDecimal energyKwh(List<BigDecimal> kw) {
        BigDecimal sum = BigDecimal.ZERO;
        if (kw != null) {
            for (BigDecimal v : kw) {
                sum = v == null ? sum : sum.add(v);
            }
        }
        return sum.divide(BigDecimal.valueOf(4)).setScale(3, RoundingMode.HALF_EVEN);
    }
}
