package org.evgrid.icc.command.declaration.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.evgrid.icc.command.common.ProductPeriods;
import org.evgrid.icc.command.common.Refusal;
import org.evgrid.icc.command.common.Texts;
import org.evgrid.icc.coreapi.declaration.DeclarationKind;
import org.evgrid.icc.coreapi.declaration.GateClosureRule;
import org.evgrid.icc.coreapi.declaration.ProductCatalogue;
import org.evgrid.icc.coreapi.declaration.ProductRule;

/** Field rules of demand declarations and their refusals, one wording each. */
public final class DeclarationRules {

    /** Most decimals of an energy or power value (Wh, W). */
    public static final int MAX_SCALE = 3;

    private DeclarationRules() {
    }

    /** The product, if known; refuses an unknown one. */
    public static ProductRule product(ProductCatalogue catalogue, String code) {
        if (code == null || code.isBlank()) {
            throw Texts.missing("product", "交易品种", "product").exception();
        }
        return catalogue.find(code).orElseThrow(() -> Refusal.invalid("ICC-DECL-PRODUCT-UNKNOWN", "product",
                "交易品种 " + code + " 不存在或不接受需求申报", "Product " + code + " does not exist or takes no demand declarations",
                "Use one of: " + String.join(", ", catalogue.all().stream().map(ProductRule::code).toList())).exception());
    }

    /** Refuses a period start that does not begin one of the product's periods. */
    public static void periodStart(ProductRule product, LocalDate periodStart) {
        ProductPeriods.requireStart(product, periodStart, "ICC-DECL", "申报周期");
    }

    /** Refuses a command at or after the gate closure. */
    public static void beforeGate(Instant now, Instant gate, String product, LocalDate periodStart) {
        if (!now.isBefore(gate)) {
            throw gateClosed(product, periodStart, gate).exception();
        }
    }

    /** The refusal of a change after the gate closed, with the gate time in Asia/Shanghai. */
    public static Refusal gateClosed(String product, LocalDate periodStart, Instant gate) {
        String shown = GateClosureRule.shown(gate);
        return Refusal.unprocessable("ICC-DECL-GATE-CLOSED", "periodStart",
                "交易品种 " + product + " 周期 " + periodStart + " 的申报已于 " + shown + "（北京时间）截止，不能再申报、修改或撤回",
                "Declarations for product " + product + ", period " + periodStart + " closed at " + shown
                        + " (Asia/Shanghai time); they can no longer be made, amended or withdrawn",
                "Declare for a later period whose gate is still open");
    }

    /**
     * Checks the values for the product's kind: energy (kWh, ≥ 0, at most 3 decimals) and no curve, or a curve of exactly
     * 96 points (kW, each ≥ 0, at most 3 decimals) and no energy.
     */
    public static void values(String product, DeclarationKind kind, BigDecimal energyKwh, List<BigDecimal> curveKw) {
        if (kind == DeclarationKind.ENERGY) {
            if (curveKw != null && !curveKw.isEmpty()) {
                throw Refusal.invalid("ICC-DECL-KIND-MISMATCH", "curveKw",
                        "交易品种 " + product + " 申报电量，不申报功率曲线", "Product " + product + " takes energy, not a power curve",
                        "Give energyKwh and leave curveKw empty").exception();
            }
            if (energyKwh == null) {
                throw Texts.missing("energyKwh", "申报电量（千瓦时）", "energy (kWh)").exception();
            }
            amount(energyKwh, "energyKwh", "申报电量", "Energy");
        } else {
            if (energyKwh != null) {
                throw Refusal.invalid("ICC-DECL-KIND-MISMATCH", "energyKwh",
                        "交易品种 " + product + " 申报 96 点功率曲线，不申报电量",
                        "Product " + product + " takes a 96-point power curve, not energy",
                        "Give curveKw and leave energyKwh empty").exception();
            }
            int size = curveKw == null ? 0 : curveKw.size();
            if (size != ProductRule.POINTS_PER_DAY) {
                throw Refusal.invalid("ICC-DECL-CURVE-POINTS", "curveKw",
                        "功率曲线应有 96 个 15 分钟点，现为 " + size + " 个", "The power curve needs 96 quarter-hour points; " + size + " given",
                        "Send one value per quarter hour from 00:00 to 23:45").exception();
            }
            for (int i = 0; i < size; i++) {
                BigDecimal point = curveKw.get(i);
                if (point == null) {
                    throw Texts.missing("curveKw[" + i + "]", "第 " + (i + 1) + " 个功率点", "power point " + (i + 1)).exception();
                }
                amount(point, "curveKw[" + i + "]", "第 " + (i + 1) + " 个功率点", "Power point " + (i + 1));
            }
        }
    }

    /** A value at 3 decimals (exact: the rules allow no more). */
    public static BigDecimal scaled(BigDecimal value) {
        return value == null ? null : value.setScale(MAX_SCALE);
    }

    /** A curve at 3 decimals, unmodifiable; null stays null. */
    public static List<BigDecimal> scaled(List<BigDecimal> curve) {
        return curve == null ? null : curve.stream().map(DeclarationRules::scaled).toList();
    }

    private static void amount(BigDecimal value, String field, String labelZh, String labelEn) {
        if (value.signum() < 0) {
            throw Refusal.invalid("ICC-DECL-NEGATIVE", field, labelZh + "不能为负数，现为 " + value.toPlainString(),
                    labelEn + " may not be negative; it is " + value.toPlainString(),
                    "Give zero or a positive value").exception();
        }
        if (value.stripTrailingZeros().scale() > MAX_SCALE) {
            throw Refusal.invalid("ICC-DECL-PRECISION", field, labelZh + "最多保留 3 位小数，现为 " + value.toPlainString(),
                    labelEn + " may have at most 3 decimals; it is " + value.toPlainString(),
                    "Round the value to 3 decimals").exception();
        }
    }
}
