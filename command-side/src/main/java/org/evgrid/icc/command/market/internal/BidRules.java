package org.evgrid.icc.command.market.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.evgrid.icc.command.common.ProductPeriods;
import org.evgrid.icc.command.common.Refusal;
import org.evgrid.icc.command.common.Texts;
import org.evgrid.icc.coreapi.declaration.DeclarationKind;
import org.evgrid.icc.coreapi.declaration.GateClosureRule;
import org.evgrid.icc.coreapi.declaration.ProductRule;
import org.evgrid.icc.coreapi.market.BidId;
import org.evgrid.icc.coreapi.market.BidStatus;

/** Field rules of bids and their refusals, one wording each. */
public final class BidRules {

    /** Most decimals of an energy (kWh) or power (kW) value. */
    public static final int QUANTITY_SCALE = 3;
    /** Most decimals of a price (CNY/MWh). */
    public static final int PRICE_SCALE = 2;
    /** Longest note or reason. */
    public static final int MAX_TEXT = 500;

    private BidRules() {
    }

    /** Refuses a period start that does not begin one of the product's periods. */
    public static void periodStart(ProductRule product, LocalDate periodStart) {
        ProductPeriods.requireStart(product, periodStart, "ICC-BID", "交易周期");
    }

    /** Refuses a change at or after the gate closure. */
    public static void beforeGate(Instant now, Instant gate, String product, LocalDate periodStart) {
        if (!now.isBefore(gate)) {
            throw gateClosed(product, periodStart, gate).exception();
        }
    }

    /** The refusal of a change after the gate closed, with the gate time in Asia/Shanghai. */
    public static Refusal gateClosed(String product, LocalDate periodStart, Instant gate) {
        String shown = GateClosureRule.shown(gate);
        return Refusal.unprocessable("ICC-BID-GATE-CLOSED", "periodStart",
                "交易品种 " + product + " 周期 " + periodStart + " 的报价已于 " + shown + "（北京时间）截止，不能再起草、修改、提交或撤回",
                "Bids for product " + product + ", period " + periodStart + " closed at " + shown
                        + " (Asia/Shanghai time); they can no longer be drafted, amended, submitted or withdrawn",
                "Bid for a later period whose gate is still open");
    }

    /** The refusal of a command to a bid that was never drafted. */
    public static Refusal unknown(BidId id) {
        return Refusal.notFound("ICC-BID-UNKNOWN", "bidId", "报价 " + id + " 不存在", "Bid " + id + " does not exist",
                "Check the product, period start and unit, or draft the bid first (DraftBid)");
    }

    /** The refusal of a command the bid's status does not allow. */
    public static Refusal wrongStatus(BidId id, BidStatus status, String whatZh, String whatEn, String fix) {
        String code = switch (status) {
            case WITHDRAWN -> "ICC-BID-WITHDRAWN";
            case CLEARED -> "ICC-BID-CLEARED";
            case EXPIRED -> "ICC-BID-EXPIRED";
            default -> "ICC-BID-STATUS";
        };
        return Refusal.conflict(code, "bidId",
                "报价 " + id + " 当前状态为" + statusZh(status) + "，不能" + whatZh,
                "Bid " + id + " is " + status.name().toLowerCase().replace('_', ' ') + " and cannot be " + whatEn, fix);
    }

    /** A status in Chinese. */
    public static String statusZh(BidStatus status) {
        return switch (status) {
            case DRAFT -> "草稿";
            case SUBMITTED -> "已提交";
            case DELIVERY_FAILED -> "送达失败";
            case ACCEPTED -> "已受理";
            case REJECTED -> "已驳回";
            case CLEARED -> "已出清";
            case EXPIRED -> "已过期";
            case WITHDRAWN -> "已撤回";
            default -> status.name();
        };
    }

    /** The refusal of a message about another submission than the current one. */
    public static Refusal staleRequest(BidId id, String requestId, String current) {
        return Refusal.conflict("ICC-BID-REQUEST-STALE", "requestId",
                "请求 " + requestId + " 不是报价 " + id + " 当前的提交" + (current == null ? "（当前没有已提交的版本）" : "（当前为 " + current + "）"),
                "Request " + requestId + " is not the current submission of bid " + id
                        + (current == null ? " (no version is submitted now)" : " (the current one is " + current + ")"),
                "Report only on the current submission; stop delivering superseded requests");
    }

    /**
     * Checks a bid's quantities for the product's kind: energy (kWh, > 0, at most 3 decimals) and no curve, or a curve of
     * exactly 96 points (kW, each ≥ 0, at most 3 decimals, not all zero) and no energy.
     */
    public static void quantities(String product, DeclarationKind kind, BigDecimal energyKwh, List<BigDecimal> curveKw) {
        if (kind == DeclarationKind.ENERGY) {
            if (curveKw != null && !curveKw.isEmpty()) {
                throw Refusal.invalid("ICC-BID-KIND-MISMATCH", "curveKw",
                        "交易品种 " + product + " 按电量报价，不报功率曲线", "Product " + product + " is bid as energy, not as a power curve",
                        "Give energyKwh and leave curveKw empty").exception();
            }
            if (energyKwh == null) {
                throw Texts.missing("energyKwh", "报价电量（千瓦时）", "energy (kWh)").exception();
            }
            amount(energyKwh, "energyKwh", "报价电量", "Energy", QUANTITY_SCALE);
            if (energyKwh.signum() == 0) {
                throw Refusal.invalid("ICC-BID-ZERO", "energyKwh", "报价电量必须大于零", "The energy bid must be greater than zero",
                        "Give a positive energy, or withdraw the bid").exception();
            }
        } else {
            if (energyKwh != null) {
                throw Refusal.invalid("ICC-BID-KIND-MISMATCH", "energyKwh",
                        "交易品种 " + product + " 按 96 点功率曲线报价，不报电量", "Product " + product + " is bid as a 96-point power curve, not as energy",
                        "Give curveKw and leave energyKwh empty").exception();
            }
            curve(curveKw, "curveKw", "功率");
            if (curveKw.stream().allMatch(v -> v.signum() == 0)) {
                throw Refusal.invalid("ICC-BID-ZERO", "curveKw", "功率曲线不能全为零", "The power curve may not be all zero",
                        "Give the power for at least one quarter hour, or withdraw the bid").exception();
            }
        }
    }

    /** Checks a curve of exactly 96 values, each ≥ 0 with at most 3 decimals. */
    public static void curve(List<BigDecimal> values, String field, String labelZh) {
        int size = values == null ? 0 : values.size();
        if (size != ProductRule.POINTS_PER_DAY) {
            throw Refusal.invalid("ICC-BID-CURVE-POINTS", field,
                    labelZh + "曲线应有 96 个 15 分钟点，现为 " + size + " 个", "The curve needs 96 quarter-hour points; " + size + " given",
                    "Send one value per quarter hour from 00:00 to 23:45").exception();
        }
        for (int i = 0; i < size; i++) {
            BigDecimal point = values.get(i);
            String at = field + "[" + i + "]";
            if (point == null) {
                throw Texts.missing(at, "第 " + (i + 1) + " 个点", "point " + (i + 1)).exception();
            }
            amount(point, at, "第 " + (i + 1) + " 个点", "Point " + (i + 1), QUANTITY_SCALE);
        }
    }

    /** Checks an optional limit price (≥ 0, at most 2 decimals). */
    public static void limitPrice(BigDecimal price) {
        if (price != null) {
            amount(price, "limitPriceCnyPerMwh", "限价", "The limit price", PRICE_SCALE);
        }
    }

    /** Checks prices: {@code count} values, each ≥ 0 with at most 2 decimals. */
    public static void prices(List<BigDecimal> prices, int count) {
        int size = prices == null ? 0 : prices.size();
        if (size != count) {
            throw Refusal.invalid("ICC-BID-PRICE-POINTS", "clearingPricesCnyPerMwh",
                    "出清价格应有 " + count + " 个，现为 " + size + " 个", "The clearing needs " + count + " price(s); " + size + " given",
                    count == 1 ? "Send one price for the period" : "Send one price per quarter hour (96)").exception();
        }
        for (int i = 0; i < size; i++) {
            BigDecimal price = prices.get(i);
            String at = "clearingPricesCnyPerMwh[" + i + "]";
            if (price == null) {
                throw Texts.missing(at, "第 " + (i + 1) + " 个出清价格", "clearing price " + (i + 1)).exception();
            }
            amount(price, at, "第 " + (i + 1) + " 个出清价格", "Clearing price " + (i + 1), PRICE_SCALE);
        }
    }

    /** Checks a value: not negative, at most {@code scale} decimals. */
    public static void amount(BigDecimal value, String field, String labelZh, String labelEn, int scale) {
        if (value.signum() < 0) {
            throw Refusal.invalid("ICC-BID-NEGATIVE", field, labelZh + "不能为负数，现为 " + value.toPlainString(),
                    labelEn + " may not be negative; it is " + value.toPlainString(),
                    "Give zero or a positive value").exception();
        }
        if (value.stripTrailingZeros().scale() > scale) {
            throw Refusal.invalid("ICC-BID-PRECISION", field, labelZh + "最多保留 " + scale + " 位小数，现为 " + value.toPlainString(),
                    labelEn + " may have at most " + scale + " decimals; it is " + value.toPlainString(),
                    "Round the value to " + scale + " decimals").exception();
        }
    }

    /** A value at the given scale (exact: the rules allow no more decimals); null stays null. */
    public static BigDecimal scaled(BigDecimal value, int scale) {
        return value == null ? null : value.setScale(scale, RoundingMode.UNNECESSARY);
    }

    /** Values at the given scale, unmodifiable; null stays null. */
    public static List<BigDecimal> scaled(List<BigDecimal> values, int scale) {
        return values == null ? null : values.stream().map(v -> scaled(v, scale)).toList();
    }
}
