package org.evgrid.icc.coreapi.market;

import java.time.LocalTime;
import java.util.List;

import org.evgrid.icc.coreapi.declaration.DeclarationKind;
import org.evgrid.icc.coreapi.declaration.GateAnchor;
import org.evgrid.icc.coreapi.declaration.GateClosureRule;
import org.evgrid.icc.coreapi.declaration.PeriodType;
import org.evgrid.icc.coreapi.declaration.ProductCatalogue;

/**
 * The market products the center starts with (all times Asia/Shanghai); each can be redefined or retired at run
 * time with {@link DefineMarketProductCommand} / {@link RetireMarketProductCommand}.
 */
public final class MarketProducts {

    /** Real-time spot: a 96-point curve for day D, gate D 00:00 (intraday adjustment is by notice). */
    public static final String REAL_TIME = "REAL_TIME";
    /** Demand response, peak shaving: a reduction curve for day D, gate D-1 12:00. */
    public static final String DR_PEAK_SHAVING = "DR_PEAK_SHAVING";
    /** Demand response, valley filling: an increase curve for day D, gate D-1 12:00. */
    public static final String DR_VALLEY_FILLING = "DR_VALLEY_FILLING";
    /** Green power: energy per month, gate the 15th of the previous month 17:00. */
    public static final String GREEN_POWER = "GREEN_POWER";

    private MarketProducts() {
    }

    /** The default products: the three declaration products and real-time, demand response and green power. */
    public static List<MarketProductRule> defaultRules() {
        return List.of(
                new MarketProductRule(ProductCatalogue.MLT_MONTHLY, "中长期月度", "Medium/long-term monthly", MarketSegment.MEDIUM_LONG_TERM,
                        DeclarationKind.ENERGY, PeriodType.MONTH, new GateClosureRule(GateAnchor.DAY_OF_PREVIOUS_MONTH, 20, LocalTime.of(17, 0)),
                        "SR-MLT-MONTHLY"),
                new MarketProductRule(ProductCatalogue.MLT_WEEKLY, "中长期周", "Medium/long-term weekly", MarketSegment.MEDIUM_LONG_TERM,
                        DeclarationKind.ENERGY, PeriodType.WEEK, new GateClosureRule(GateAnchor.DAYS_BEFORE_PERIOD, 4, LocalTime.of(17, 0)),
                        "SR-MLT-WEEKLY"),
                new MarketProductRule(ProductCatalogue.DAY_AHEAD, "日前现货", "Day-ahead spot", MarketSegment.DAY_AHEAD_SPOT,
                        DeclarationKind.CURVE, PeriodType.DAY, new GateClosureRule(GateAnchor.DAYS_BEFORE_PERIOD, 1, LocalTime.of(10, 0)),
                        "SR-SPOT-DA"),
                new MarketProductRule(REAL_TIME, "实时现货", "Real-time spot", MarketSegment.REAL_TIME_SPOT,
                        DeclarationKind.CURVE, PeriodType.DAY, new GateClosureRule(GateAnchor.DAYS_BEFORE_PERIOD, 0, LocalTime.MIDNIGHT),
                        "SR-SPOT-RT"),
                new MarketProductRule(DR_PEAK_SHAVING, "需求响应削峰", "Demand response peak shaving", MarketSegment.DEMAND_RESPONSE,
                        DeclarationKind.CURVE, PeriodType.DAY, new GateClosureRule(GateAnchor.DAYS_BEFORE_PERIOD, 1, LocalTime.NOON),
                        "SR-DR-PEAK"),
                new MarketProductRule(DR_VALLEY_FILLING, "需求响应填谷", "Demand response valley filling", MarketSegment.DEMAND_RESPONSE,
                        DeclarationKind.CURVE, PeriodType.DAY, new GateClosureRule(GateAnchor.DAYS_BEFORE_PERIOD, 1, LocalTime.NOON),
                        "SR-DR-VALLEY"),
                new MarketProductRule(GREEN_POWER, "绿色电力", "Green power", MarketSegment.GREEN_POWER,
                        DeclarationKind.ENERGY, PeriodType.MONTH, new GateClosureRule(GateAnchor.DAY_OF_PREVIOUS_MONTH, 15, LocalTime.of(17, 0)),
                        "SR-GREEN"));
    }
}
