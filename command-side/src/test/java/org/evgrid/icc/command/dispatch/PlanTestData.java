package org.evgrid.icc.command.dispatch;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.bson.Document;
import org.evgrid.icc.command.dispatch.internal.ScheduleLayout;
import org.evgrid.icc.command.dispatch.internal.ScheduleStore;
import org.evgrid.icc.coreapi.archive.AggregationUnitId;
import org.evgrid.icc.coreapi.archive.OperatorId;
import org.evgrid.icc.coreapi.archive.PileId;
import org.evgrid.icc.coreapi.archive.PileType;
import org.evgrid.icc.coreapi.dispatch.DispatchInputs;
import org.evgrid.icc.coreapi.dispatch.DispatchPlanId;
import org.evgrid.icc.coreapi.dispatch.DispatchPlanProposedEvent;
import org.evgrid.icc.coreapi.dispatch.DispatchSourceKind;
import org.evgrid.icc.coreapi.dispatch.OperatorShare;
import org.evgrid.icc.coreapi.dispatch.PileDispatchInput;
import org.evgrid.icc.coreapi.dispatch.ProposeDispatchPlanCommand;
import org.evgrid.icc.coreapi.dispatch.SessionNeed;

/** Test support for dispatch plans: a unit of piles, target curves, a given proposal and an in-memory schedule store. */
final class PlanTestData {

    static final DispatchPlanId PLAN = new DispatchPlanId("DP-BID-DAY_AHEAD-20261201-AU-1");
    static final AggregationUnitId UNIT = new AggregationUnitId("AU-1");
    static final LocalDate DAY = LocalDate.of(2026, 12, 1);
    static final String SOURCE = "BID-DAY_AHEAD-20261201-AU-1";
    static final OperatorId OP_A = new OperatorId("OP-A");
    static final OperatorId OP_B = new OperatorId("OP-B");
    static final OperatorId OP_C = new OperatorId("OP-C");
    static final BigDecimal TOLERANCE = new BigDecimal("5");
    /** Intervals 0–3 have no target. */
    static final int FIRST_TARGET = 4;

    private PlanTestData() {
    }

    /** A pile with one session over the whole day needing 20 kWh. */
    static PileDispatchInput pile(String id, OperatorId operator, long ratedW, boolean online) {
        return new PileDispatchInput(new PileId(id), operator, PileType.AC, ratedW, 0, 0, online,
                List.of(new SessionNeed("S-" + id, 0, 96, 20_000)));
    }

    /** OP-A: two online piles, OP-B: one online and one offline, OP-C: one offline; 7 kW each. */
    static List<PileDispatchInput> unitPiles() {
        return List.of(pile("P-A1", OP_A, 7000, true), pile("P-A2", OP_A, 7000, true), pile("P-B1", OP_B, 7000, true),
                pile("P-B2", OP_B, 7000, false), pile("P-C1", OP_C, 7000, false));
    }

    static DispatchInputs inputs(List<PileDispatchInput> piles) {
        return new DispatchInputs(UNIT, DAY, Instant.parse("2026-11-30T08:00:00Z"), piles);
    }

    /** No target in intervals 0–3, {@code kw} from interval 4 on. */
    static List<BigDecimal> target(String kw) {
        List<BigDecimal> target = new ArrayList<>(Collections.nCopies(96, new BigDecimal(kw)));
        for (int k = 0; k < FIRST_TARGET; k++) {
            target.set(k, null);
        }
        return target;
    }

    static ProposeDispatchPlanCommand propose(List<BigDecimal> target) {
        return new ProposeDispatchPlanCommand(PLAN, UNIT, DAY, DispatchSourceKind.MARKET_CLEARING, SOURCE, target, TOLERANCE);
    }

    static List<BigDecimal> kw(String value, int from) {
        List<BigDecimal> curve = new ArrayList<>(Collections.nCopies(96, new BigDecimal(value)));
        for (int k = 0; k < from; k++) {
            curve.set(k, new BigDecimal("0.000"));
        }
        return curve;
    }

    /** A proposal as given history: target 9 kW from interval 4, OP-A 2 piles, OP-B 1 pile, OP-C none. */
    static DispatchPlanProposedEvent proposed(int version) {
        List<OperatorShare> shares = List.of(
                new OperatorShare(OP_A, 2, kw("6.000", FIRST_TARGET), new BigDecimal("138.000")),
                new OperatorShare(OP_B, 1, kw("3.000", FIRST_TARGET), new BigDecimal("69.000")),
                new OperatorShare(OP_C, 0, kw("0.000", 96), new BigDecimal("0.000")));
        return new DispatchPlanProposedEvent(PLAN, version, UNIT, DAY, DispatchSourceKind.MARKET_CLEARING, SOURCE, target("9.000"),
                kw("9.000", FIRST_TARGET), TOLERANCE, 3, 2, shares, List.of(), "rule", "digest-v" + version);
    }

    /** Recomputes the digest of a stored schedule from its index and chunk documents (docs/dispatch-schedules.md). */
    @SuppressWarnings("unchecked")
    static String recomputedDigest(Document index, Function<String, Document> find) {
        StringBuilder text = new StringBuilder();
        for (Document operator : (List<Document>) index.get("operators")) {
            String operatorId = operator.getString("operatorId");
            for (int c = 0; c < operator.getInteger("chunks"); c++) {
                Document chunk = find.apply(ScheduleLayout.chunkId(index.getString("planId"), index.getInteger("version"), operatorId, c));
                List<String> pileIds = (List<String>) chunk.get("pileIds");
                List<Integer> w = (List<Integer>) chunk.get("w");
                for (int i = 0; i < pileIds.size(); i++) {
                    text.append(operatorId).append(',').append(pileIds.get(i));
                    for (int k = 0; k < 96; k++) {
                        text.append(',').append(w.get(i * 96 + k));
                    }
                    text.append('\n');
                }
            }
        }
        return ScheduleLayout.digestOf(text.toString());
    }

    /** A schedule store in memory (documents by id), counting writes. */
    static final class InMemoryScheduleStore implements ScheduleStore {

        final Map<String, Document> documents = new LinkedHashMap<>();
        int writes;

        @Override
        public void write(ScheduleLayout schedule) {
            for (Document chunk : schedule.chunks()) {
                documents.put(chunk.getString("_id"), chunk);
            }
            Document index = schedule.index();
            documents.put(index.getString("_id"), index);
            writes++;
        }
    }
}
