package org.evgrid.icc.command.common;

import java.time.LocalDate;

import org.evgrid.icc.coreapi.declaration.ProductRule;

/** The one rule for where a product's period starts, shared by declarations and bids (each with its own code and words). */
public final class ProductPeriods {

    private ProductPeriods() {
    }

    /**
     * Refuses a missing period start, or one that does not begin one of the product's periods.
     *
     * @param codePrefix the refusal code's prefix, e.g. {@code ICC-BID} → {@code ICC-BID-PERIOD-INVALID}
     * @param periodZh what the period is called in Chinese, e.g. 交易周期
     */
    public static void requireStart(ProductRule product, LocalDate periodStart, String codePrefix, String periodZh) {
        if (periodStart == null) {
            throw Texts.missing("periodStart", periodZh + "首日", "period start").exception();
        }
        if (!product.startsPeriod(periodStart)) {
            throw Refusal.invalid(codePrefix + "-PERIOD-INVALID", "periodStart",
                    "交易品种 " + product.code() + " 的" + periodZh + "应从" + product.periodStartRuleZh() + "开始，" + periodStart + " 不是",
                    "A period of product " + product.code() + " starts on " + product.periodStartRuleEn() + "; " + periodStart
                            + " does not",
                    "Give " + product.periodStartRuleEn() + " as the period start").exception();
        }
    }
}
