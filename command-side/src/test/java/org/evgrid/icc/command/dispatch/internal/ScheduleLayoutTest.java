package org.evgrid.icc.command.dispatch.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import org.bson.Document;
import org.evgrid.icc.command.dispatch.allocation.Allocation;
import org.evgrid.icc.coreapi.archive.AggregationUnitId;
import org.evgrid.icc.coreapi.archive.OperatorId;
import org.evgrid.icc.coreapi.archive.PileId;
import org.evgrid.icc.coreapi.archive.PileType;
import org.evgrid.icc.coreapi.dispatch.AllocationReason;
import org.evgrid.icc.coreapi.dispatch.DispatchPlanId;
import org.evgrid.icc.coreapi.dispatch.PileDispatchInput;
import org.junit.jupiter.api.Test;

class ScheduleLayoutTest {

    private static final DispatchPlanId PLAN = new DispatchPlanId("DP-1");

    /** Piles P-00000…, operator OP-B for the first {@code b}, then OP-A; pile i gets i W in every interval. */
    static Allocation allocation(int b, int a) {
        List<PileDispatchInput> piles = new ArrayList<>();
        for (int i = 0; i < a + b; i++) {
            OperatorId operator = new OperatorId(i < b ? "OP-B" : "OP-A");
            piles.add(new PileDispatchInput(new PileId(String.format("P-%05d", i)), operator, PileType.AC, 7000, 0, 0, true, List.of()));
        }
        int[] w = new int[piles.size() * 96];
        AllocationReason[] reasons = new AllocationReason[w.length];
        for (int i = 0; i < piles.size(); i++) {
            for (int k = 0; k < 96; k++) {
                w[i * 96 + k] = i;
                reasons[i * 96 + k] = k < 16 ? AllocationReason.AT_RATED_LIMIT : AllocationReason.FAIR_SHARE;
            }
        }
        return new Allocation(piles, w, reasons, new long[96], 0, List.of());
    }

    @Test
    void operatorsComeInIdOrderWithChunksOfAtMostAThousandPiles() {
        ScheduleLayout layout = ScheduleLayout.of(PLAN, 3, new AggregationUnitId("AU-1"), LocalDate.of(2026, 12, 1), allocation(2345, 2));

        Document index = layout.index();
        assertThat(index.getString("_id")).isEqualTo("DP-1|v3");
        assertThat(index.getString("tradingDay")).isEqualTo("2026-12-01");
        assertThat(index.getInteger("piles")).isEqualTo(2347);
        @SuppressWarnings("unchecked")
        List<Document> operators = (List<Document>) index.get("operators");
        assertThat(operators).extracting(o -> o.getString("operatorId")).containsExactly("OP-A", "OP-B");
        assertThat(operators.get(1).getInteger("chunks")).isEqualTo(3);
        assertThat(operators.get(1).get("firstPiles")).isEqualTo(List.of("P-00000", "P-01000", "P-02000"));

        List<Document> chunks = new ArrayList<>();
        layout.chunks().forEach(chunks::add);
        assertThat(chunks).extracting(c -> c.getString("_id"))
                .containsExactly("DP-1|v3|OP-A|0000", "DP-1|v3|OP-B|0000", "DP-1|v3|OP-B|0001", "DP-1|v3|OP-B|0002");
        assertThat((List<?>) chunks.get(3).get("pileIds")).hasSize(345);
        assertThat((List<?>) chunks.get(1).get("w")).hasSize(96_000);
        assertThat(chunks.get(0).get("pileIds")).isEqualTo(List.of("P-02345", "P-02346"));
        assertThat(((List<?>) chunks.get(0).get("w")).get(96)).isEqualTo(2346);
        assertThat(chunks.get(0).get("reasons")).isEqualTo(List.of("FAIR_SHARE=80;AT_RATED_LIMIT=16", "FAIR_SHARE=80;AT_RATED_LIMIT=16"));
    }

    @Test
    void theDigestIsTheSha256OfTheCanonicalText() {
        ScheduleLayout layout = ScheduleLayout.of(PLAN, 1, new AggregationUnitId("AU-1"), LocalDate.of(2026, 12, 1), allocation(1, 1));
        String zeros = String.join(",", Collections.nCopies(96, "0"));
        String ones = String.join(",", Collections.nCopies(96, "1"));
        String text = "OP-A,P-00001," + ones + "\nOP-B,P-00000," + zeros + "\n";

        assertThat(layout.digest()).isEqualTo(ScheduleLayout.digestOf(text)).matches("[0-9a-f]{64}");
        // a known SHA-256 value: the empty text
        assertThat(ScheduleLayout.digestOf("")).isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    @Test
    void reasonCountsGoByDescendingCountThenName() {
        AllocationReason[] reasons = new AllocationReason[96];
        Arrays.fill(reasons, 0, 40, AllocationReason.NO_TARGET);
        Arrays.fill(reasons, 40, 80, AllocationReason.FAIR_SHARE);
        Arrays.fill(reasons, 80, 96, AllocationReason.SAFETY_MINIMUM);

        assertThat(ScheduleLayout.reasonCounts(reasons, 0)).isEqualTo("FAIR_SHARE=40;NO_TARGET=40;SAFETY_MINIMUM=16");
    }
}
