package org.evgrid.icc.command.archive;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.evgrid.icc.command.common.Refusal;
import org.evgrid.icc.command.common.Texts;
import org.evgrid.icc.coreapi.archive.PileSpec;
import org.evgrid.icc.coreapi.archive.PileType;

/**
 * The technical rules of a pile's master data, answered as a list of every broken rule (empty when the data is
 * valid), so that a single registration refuses with the first and a bulk import lists them all:
 * <ul>
 *   <li>type required;</li>
 *   <li>rated power above 0 and at most 1,000 kW; all powers with at most 3 decimals;</li>
 *   <li>minimum power from 0 up to the rated power;</li>
 *   <li>discharge power 0 (or absent) unless V2G; for V2G above 0 and at most the rated power;</li>
 *   <li>1 to 8 connectors.</li>
 * </ul>
 */
public final class PileRules {

    /** Highest rated power of one pile, in kW. */
    public static final BigDecimal MAX_RATED_KW = new BigDecimal("1000");
    /** Most decimals of a power in kW (watts). */
    public static final int POWER_SCALE = 3;
    /** Most connectors of one pile. */
    public static final int MAX_CONNECTORS = 8;

    private PileRules() {
    }

    /** Checks a whole pile specification: pile and station ids present, then the technical data. */
    public static List<Refusal> check(PileSpec spec) {
        List<Refusal> refusals = new ArrayList<>();
        if (spec.pileId() == null) {
            refusals.add(Texts.missing("pileId", "充电桩编号", "pile id"));
        }
        if (spec.stationId() == null) {
            refusals.add(Texts.missing("stationId", "所属充电站", "station id"));
        }
        refusals.addAll(checkTechnical(spec.type(), spec.ratedPowerKw(), spec.minPowerKw(), spec.maxDischargeKw(),
                spec.connectorCount()));
        return refusals;
    }

    /** Checks the technical data of a pile of the given type. */
    public static List<Refusal> checkTechnical(PileType type, BigDecimal ratedPowerKw, BigDecimal minPowerKw,
                                               BigDecimal maxDischargeKw, int connectorCount) {
        List<Refusal> refusals = new ArrayList<>();
        if (type == null) {
            refusals.add(Refusal.invalid("ICC-PILE-TYPE-REQUIRED", "type",
                    "必须指明充电桩类型", "The pile type is required", "Choose AC, DC or V2G"));
        }
        boolean ratedValid = false;
        if (ratedPowerKw == null || ratedPowerKw.signum() <= 0 || ratedPowerKw.compareTo(MAX_RATED_KW) > 0) {
            refusals.add(Refusal.invalid("ICC-PILE-RATED-POWER-INVALID", "ratedPowerKw",
                    "额定功率应大于 0 且不超过 1000 kW" + shownZh(ratedPowerKw),
                    "The rated power must be above 0 and at most 1000 kW" + shownEn(ratedPowerKw),
                    "Enter the rated power from the pile's nameplate in kW, e.g. 7 or 120"));
        } else if (tooPrecise(ratedPowerKw)) {
            refusals.add(precision("ratedPowerKw", "额定功率", "rated power", ratedPowerKw));
        } else {
            ratedValid = true;
        }
        if (minPowerKw == null || minPowerKw.signum() < 0 || ratedValid && minPowerKw.compareTo(ratedPowerKw) > 0) {
            refusals.add(Refusal.invalid("ICC-PILE-MIN-POWER-INVALID", "minPowerKw",
                    "最小功率应不小于 0 且不超过额定功率" + shownZh(minPowerKw),
                    "The minimum power must be at least 0 and at most the rated power" + shownEn(minPowerKw),
                    "Enter the lowest power the pile can run at in kW, or 0"));
        } else if (tooPrecise(minPowerKw)) {
            refusals.add(precision("minPowerKw", "最小功率", "minimum power", minPowerKw));
        }
        BigDecimal discharge = dischargeOrZero(maxDischargeKw);
        if (type != null && type != PileType.V2G && discharge.signum() != 0) {
            refusals.add(Refusal.invalid("ICC-PILE-DISCHARGE-NOT-V2G", "maxDischargeKw",
                    "只有 V2G 充电桩可以放电，" + type + " 桩的放电功率应为 0",
                    "Only a V2G pile can discharge; the discharge power of an " + type + " pile must be 0",
                    "Set the discharge power to 0, or correct the pile type to V2G"));
        } else if (type == PileType.V2G
                && (discharge.signum() <= 0 || ratedValid && discharge.compareTo(ratedPowerKw) > 0)) {
            refusals.add(Refusal.invalid("ICC-PILE-DISCHARGE-INVALID", "maxDischargeKw",
                    "V2G 充电桩的放电功率应大于 0 且不超过额定功率" + shownZh(discharge),
                    "The discharge power of a V2G pile must be above 0 and at most the rated power" + shownEn(discharge),
                    "Enter the pile's highest discharge power in kW"));
        } else if (tooPrecise(discharge)) {
            refusals.add(precision("maxDischargeKw", "放电功率", "discharge power", discharge));
        }
        if (connectorCount < 1 || connectorCount > MAX_CONNECTORS) {
            refusals.add(Refusal.invalid("ICC-PILE-CONNECTORS-INVALID", "connectorCount",
                    "充电枪数量应为 1 到 8 个，现为 " + connectorCount,
                    "A pile has 1 to 8 connectors; " + connectorCount + " given",
                    "Enter the number of charging connectors of the pile"));
        }
        return refusals;
    }

    /** The discharge power as stored: absent means 0. */
    public static BigDecimal dischargeOrZero(BigDecimal maxDischargeKw) {
        return maxDischargeKw == null ? BigDecimal.ZERO : maxDischargeKw;
    }

    private static boolean tooPrecise(BigDecimal kw) {
        return kw.stripTrailingZeros().scale() > POWER_SCALE;
    }

    private static Refusal precision(String field, String labelZh, String labelEn, BigDecimal value) {
        return Refusal.invalid("ICC-PILE-POWER-PRECISION", field,
                labelZh + "最多保留 3 位小数（精确到瓦），现为 " + value.toPlainString(),
                "The " + labelEn + " may have at most 3 decimals (watts); it is " + value.toPlainString(),
                "Round the " + labelEn + " to 3 decimals");
    }

    private static String shownZh(BigDecimal value) {
        return value == null ? "，现未填写" : "，现为 " + value.toPlainString();
    }

    private static String shownEn(BigDecimal value) {
        return value == null ? "; it is missing" : "; it is " + value.toPlainString();
    }
}
