package org.evgrid.icc.command.dispatch.allocation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The notes of an allocation, in Chinese and English: one per run of consecutive intervals whose target could not be
 * met for the same reason (with the interval of the largest gap), and one for piles whose sessions cannot get their
 * energy even at rated power. At most {@link FairAllocator#MAX_NOTES}.
 */
final class IntervalNotes {

    private static final byte NONE = 0;
    private static final byte BELOW = 1;
    private static final byte ABOVE = 2;
    private static final int EXAMPLE_PILES = 5;

    private final byte[] kind = new byte[FairAllocator.INTERVALS];
    private final long[] target = new long[FairAllocator.INTERVALS];
    private final long[] bound = new long[FairAllocator.INTERVALS];

    /** Interval {@code k}'s target is below the sum of the piles' lower bounds. */
    void below(int k, long targetW, long sumLoW) {
        kind[k] = BELOW;
        target[k] = targetW;
        bound[k] = sumLoW;
    }

    /** Interval {@code k}'s target is above the sum of the piles' rated powers. */
    void above(int k, long targetW, long sumHiW) {
        kind[k] = ABOVE;
        target[k] = targetW;
        bound[k] = sumHiW;
    }

    List<String> render(FairAllocator.PileTable table) {
        List<String> notes = new ArrayList<>();
        int k = 0;
        while (k < FairAllocator.INTERVALS) {
            if (kind[k] == NONE) {
                k++;
                continue;
            }
            int end = k;
            int worst = k;
            while (end + 1 < FairAllocator.INTERVALS && kind[end + 1] == kind[k]) {
                end++;
                if (Math.abs(target[end] - bound[end]) > Math.abs(target[worst] - bound[worst])) {
                    worst = end;
                }
            }
            notes.add(run(k, end, worst));
            k = end + 1;
        }
        String shortNote = shortOfEnergy(table);
        int room = FairAllocator.MAX_NOTES - (shortNote == null ? 0 : 1);
        if (notes.size() > room) {
            int more = notes.size() - room + 1;
            notes = new ArrayList<>(notes.subList(0, room - 1));
            notes.add("另有 " + more + " 段时段未能精确满足目标，见各桩原因。 " + more
                    + " more interval runs could not meet the target exactly; see the piles' reasons.");
        }
        if (shortNote != null) {
            notes.add(shortNote);
        }
        return List.copyOf(notes);
    }

    private String run(int from, int to, int worst) {
        String zhSpan = from == to ? "时段 " + label(from) : "时段 " + from + "–" + to + "（" + clock(from) + "–" + clock(to + 1) + "）";
        String enSpan = from == to ? "interval " + label(from) : "intervals " + from + "–" + to + " (" + clock(from) + "–" + clock(to + 1) + ")";
        String detailZh = from == to ? "" : "，差距最大的是时段 " + worst;
        String detailEn = from == to ? "" : ", largest gap at interval " + worst;
        if (kind[from] == BELOW) {
            return zhSpan + "：目标 " + kw(target[worst]) + " kW 低于充电安全最低负荷 " + kw(bound[worst]) + " kW" + detailZh
                    + "，保持充电安全。 " + enSpan + ": target " + kw(target[worst]) + " kW below the safety minimum "
                    + kw(bound[worst]) + " kW" + detailEn + "; safety kept.";
        }
        return zhSpan + "：目标 " + kw(target[worst]) + " kW 高于可用充电桩额定功率之和 " + kw(bound[worst]) + " kW" + detailZh
                + "，各桩按额定功率。 " + enSpan + ": target " + kw(target[worst]) + " kW above the piles' capacity "
                + kw(bound[worst]) + " kW" + detailEn + "; all at rated power.";
    }

    private static String shortOfEnergy(FairAllocator.PileTable table) {
        int count = 0;
        List<String> examples = new ArrayList<>();
        for (int p = 0; p < table.size(); p++) {
            if (table.shortOfEnergy[p]) {
                count++;
                if (examples.size() < EXAMPLE_PILES) {
                    examples.add(table.inputs[p].pileId().value());
                }
            }
        }
        if (count == 0) {
            return null;
        }
        String list = String.join(", ", examples) + (count > examples.size() ? ", …" : "");
        return count + " 台充电桩即使按额定功率也无法在车辆离开前充满所需电量（" + list + "），按额定功率充电。 " + count
                + " pile(s) cannot deliver the energy their sessions need before departure even at rated power (" + list
                + "); they charge at rated power.";
    }

    private static String label(int k) {
        return k + " (" + clock(k) + "–" + clock(k + 1) + ")";
    }

    private static String clock(int k) {
        int minutes = k * 15;
        return String.format("%02d:%02d", minutes / 60, minutes % 60);
    }

    private static String kw(long w) {
        return BigDecimal.valueOf(w, 3).toPlainString();
    }
}
