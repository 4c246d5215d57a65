package org.evgrid.icc.coreapi.declaration;

import java.time.LocalTime;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The trading products that take demand declarations, by code. {@link #defaults()} holds MLT_MONTHLY (energy per
 * calendar month, gate the 20th of the previous month 17:00), MLT_WEEKLY (energy per Monday–Sunday week, gate the
 * Thursday before 17:00) and DAY_AHEAD (96-point curve for day D, gate D-1 10:00); times are Asia/Shanghai.
 */
public final class ProductCatalogue {

    /** Medium/long-term, monthly. */
    public static final String MLT_MONTHLY = "MLT_MONTHLY";
    /** Medium/long-term, weekly. */
    public static final String MLT_WEEKLY = "MLT_WEEKLY";
    /** Spot, day-ahead. */
    public static final String DAY_AHEAD = "DAY_AHEAD";

    private final Map<String, ProductRule> products;

    private ProductCatalogue(List<ProductRule> rules) {
        Map<String, ProductRule> m = new LinkedHashMap<>();
        for (ProductRule rule : rules) {
            if (m.put(rule.code(), rule) != null) {
                throw new IllegalArgumentException("product " + rule.code() + " is listed twice");
            }
        }
        this.products = Collections.unmodifiableMap(m);
    }

    /** A catalogue of these products. */
    public static ProductCatalogue of(List<ProductRule> rules) {
        return new ProductCatalogue(rules);
    }

    /** The default rules, to start from when configuring. */
    public static List<ProductRule> defaultRules() {
        return List.of(
                new ProductRule(MLT_MONTHLY, "中长期月度", "Medium/long-term monthly", DeclarationKind.ENERGY, PeriodType.MONTH,
                        new GateClosureRule(GateAnchor.DAY_OF_PREVIOUS_MONTH, 20, LocalTime.of(17, 0))),
                new ProductRule(MLT_WEEKLY, "中长期周", "Medium/long-term weekly", DeclarationKind.ENERGY, PeriodType.WEEK,
                        new GateClosureRule(GateAnchor.DAYS_BEFORE_PERIOD, 4, LocalTime.of(17, 0))),
                new ProductRule(DAY_AHEAD, "日前现货", "Day-ahead spot", DeclarationKind.CURVE, PeriodType.DAY,
                        new GateClosureRule(GateAnchor.DAYS_BEFORE_PERIOD, 1, LocalTime.of(10, 0))));
    }

    /** The default catalogue. */
    public static ProductCatalogue defaults() {
        return of(defaultRules());
    }

    /** A product by code. */
    public Optional<ProductRule> find(String code) {
        return Optional.ofNullable(code == null ? null : products.get(code));
    }

    /** All products in catalogue order. */
    public Collection<ProductRule> all() {
        return products.values();
    }
}
