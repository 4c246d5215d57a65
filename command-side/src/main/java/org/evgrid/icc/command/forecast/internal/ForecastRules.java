package org.evgrid.icc.command.forecast.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.evgrid.icc.command.common.Refusal;
import org.evgrid.icc.command.common.Texts;
import org.evgrid.icc.coreapi.archive.PileDimension;
import org.evgrid.icc.coreapi.common.Ids;
import org.evgrid.icc.coreapi.forecast.ForecastId;
import org.evgrid.icc.coreapi.forecast.PublishForecastCommand;

/** The rules a published forecast and a forecast request must follow. */
public final class ForecastRules {

    /** Points of a day: 96 intervals of 15 minutes (China keeps no daylight saving time). */
    public static final int POINTS = 96;
    private static final BigDecimal QUARTER_HOUR = new BigDecimal("0.25");
    private static final BigDecimal ENERGY_TOLERANCE = new BigDecimal("0.001");

    private ForecastRules() {
    }

    /** Checks the dimension (unit or dispatch area) and the key. */
    public static void target(PileDimension dimension, String key) {
        if (dimension == null) {
            throw Texts.missing("dimension", "预测维度", "forecast dimension").exception();
        }
        if (dimension != PileDimension.UNIT && dimension != PileDimension.DISPATCH_AREA) {
            throw Refusal.invalid("ICC-FC-DIMENSION", "dimension",
                    "只能对聚合单元或调度区域做负荷预测，不能按 " + dimension,
                    "Forecasts are made per aggregation unit or dispatch area, not per " + dimension,
                    "Use dimension UNIT or DISPATCH_AREA").exception();
        }
        Ids.require(key, "key");
    }

    /**
     * Checks a forecast to publish and answers its points at 3 decimals.
     *
     * @throws org.evgrid.icc.coreapi.common.IccException the first rule it breaks
     */
    public static List<BigDecimal> publication(PublishForecastCommand c) {
        if (c.forecastId() == null) {
            throw Texts.missing("forecastId", "预测标识", "forecast id").exception();
        }
        target(c.dimension(), c.key());
        require(c.tradingDay(), "tradingDay", "交易日", "trading day");
        require(c.model(), "model", "预测模型", "forecast model");
        require(c.trainingFrom(), "trainingFrom", "训练数据起始日", "first day of the training data");
        require(c.trainingTo(), "trainingTo", "训练数据截止日", "last day of the training data");
        require(c.issuedAt(), "issuedAt", "发布时间", "issue time");
        if (c.version() < 1) {
            throw Refusal.invalid("ICC-FC-VERSION", "version", "预测版本号必须从 1 开始", "The forecast version must be 1 or more",
                    "Use 1 for the first forecast of this day and model, then count up").exception();
        }
        ForecastId expected = ForecastId.of(c.dimension(), c.key(), c.tradingDay(), c.model(), c.version());
        if (!expected.equals(c.forecastId())) {
            throw Refusal.invalid("ICC-FC-ID-MISMATCH", "forecastId",
                    "预测标识应为 " + expected + "，与维度、对象、交易日、模型和版本一致",
                    "The forecast id must be " + expected + " to match the dimension, key, trading day, model and version",
                    "Build the id as FC-<U|DA>-<key>-<yyyyMMdd>-<model code>-v<version>").exception();
        }
        if (c.trainingFrom().isAfter(c.trainingTo()) || !c.trainingTo().isBefore(c.tradingDay())) {
            throw Refusal.invalid("ICC-FC-TRAINING-WINDOW", "trainingTo",
                    "训练数据区间必须在交易日之前且起始日不晚于截止日",
                    "The training window must end before the trading day and may not start after it ends",
                    "Train on days before the trading day, from trainingFrom to trainingTo").exception();
        }
        return points(c.pointsKw(), c.energyKwh(), c.dischargeAllowed());
    }

    private static List<BigDecimal> points(List<BigDecimal> pointsKw, BigDecimal energyKwh, boolean dischargeAllowed) {
        if (pointsKw == null || pointsKw.size() != POINTS) {
            int size = pointsKw == null ? 0 : pointsKw.size();
            throw Refusal.invalid("ICC-FC-POINTS-COUNT", "pointsKw",
                    "日前预测须有 96 个 15 分钟功率点，现为 " + size + " 个",
                    "A day-ahead forecast needs 96 quarter-hour points; it has " + size,
                    "Send one average power in kW for every 15 minutes of the day, from 00:00").exception();
        }
        List<BigDecimal> scaled = new ArrayList<>(POINTS);
        BigDecimal sum = BigDecimal.ZERO;
        for (int i = 0; i < POINTS; i++) {
            BigDecimal p = pointsKw.get(i);
            String field = "pointsKw[" + i + "]";
            if (p == null) {
                throw Refusal.invalid("ICC-FC-POINT-MISSING", field, "第 " + (i + 1) + " 个功率点为空",
                        "Point " + (i + 1) + " has no value", "Give every point a value in kW").exception();
            }
            if (p.stripTrailingZeros().scale() > 3) {
                throw Refusal.invalid("ICC-FC-POINT-PRECISION", field, "功率最多保留 3 位小数",
                        "Power may have at most 3 decimals", "Round the power to 0.001 kW").exception();
            }
            if (p.signum() < 0 && !dischargeAllowed) {
                throw Refusal.unprocessable("ICC-FC-POINT-NEGATIVE", field,
                        "第 " + (i + 1) + " 个功率点为负值，而该对象没有可向电网放电（V2G）的充电桩",
                        "Point " + (i + 1) + " is negative, but this key has no piles that discharge to the grid (V2G)",
                        "Forecast charging load as zero or more kW").exception();
            }
            BigDecimal s = p.setScale(3);
            scaled.add(s);
            sum = sum.add(s);
        }
        if (energyKwh == null) {
            throw Texts.missing("energyKwh", "日电量", "daily energy").exception();
        }
        BigDecimal expected = sum.multiply(QUARTER_HOUR);
        if (energyKwh.stripTrailingZeros().scale() > 3 || energyKwh.subtract(expected).abs().compareTo(ENERGY_TOLERANCE) > 0) {
            throw Refusal.invalid("ICC-FC-ENERGY-MISMATCH", "energyKwh",
                    "日电量应为各功率点之和乘以 0.25 小时（" + expected.stripTrailingZeros().toPlainString() + " kWh），保留 3 位小数",
                    "The daily energy must be the sum of the points times 0.25 h (" + expected.stripTrailingZeros().toPlainString()
                            + " kWh), at 3 decimals",
                    "Send the energy computed from the points, rounded to 0.001 kWh").exception();
        }
        return List.copyOf(scaled);
    }

    private static void require(Object value, String field, String labelZh, String labelEn) {
        if (value == null) {
            throw Texts.missing(field, labelZh, labelEn).exception();
        }
    }
}
