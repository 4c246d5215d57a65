package org.evgrid.icc.coreapi.market;

import java.util.regex.Pattern;

import org.evgrid.icc.coreapi.common.IccException;
import org.evgrid.icc.coreapi.declaration.DeclarationKind;
import org.evgrid.icc.coreapi.declaration.GateClosureRule;
import org.evgrid.icc.coreapi.declaration.PeriodType;
import org.evgrid.icc.coreapi.declaration.ProductRule;

/**
 * A market product as configured: its code and names, the market segment, what a bid holds (energy for the
 * period or a 96-point curve for one day), the period, the gate closure and a reference to the settlement rule that
 * prices it.
 *
 * @param code 2–32 capital letters, digits or {@code _}, e.g. {@code DAY_AHEAD}
 * @param settlementRuleRef the settlement rule (by reference; settlement owns the rule text), e.g. {@code SR-SPOT-DA}
 */
public record MarketProductRule(
        String code,
        String nameZh,
        String nameEn,
        MarketSegment segment,
        DeclarationKind kind,
        PeriodType periodType,
        GateClosureRule gate,
        String settlementRuleRef) {

    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{1,31}");

    public MarketProductRule {
        if (code == null || !CODE.matcher(code).matches()) {
            throw IccException.invalid("ICC-PRODUCT-CODE-INVALID", "rule.code", "交易品种代码格式不正确：应为 2–32 位大写字母、数字或下划线",
                    "The product code is malformed: use 2-32 capital letters, digits or _", "Send a code such as DAY_AHEAD");
        }
        if (segment == null || kind == null || periodType == null || gate == null) {
            String field = segment == null ? "rule.segment" : kind == null ? "rule.kind" : periodType == null ? "rule.periodType" : "rule.gate";
            throw IccException.invalid("ICC-FIELD-REQUIRED", field, "交易品种须给出市场类别、申报内容、周期和截止规则",
                    "A product needs a segment, a kind, a period type and a gate closure rule", "Give " + field);
        }
        if (kind == DeclarationKind.CURVE && periodType != PeriodType.DAY) {
            throw IccException.invalid("ICC-PRODUCT-CURVE-PERIOD", "rule.periodType", "曲线类交易品种的周期必须为日",
                    "A curve product has a daily period", "Use periodType DAY for a CURVE product");
        }
        if (nameZh == null || nameZh.isBlank() || nameEn == null || nameEn.isBlank()) {
            throw IccException.invalid("ICC-FIELD-REQUIRED", nameZh == null || nameZh.isBlank() ? "rule.nameZh" : "rule.nameEn",
                    "交易品种须有中文和英文名称", "A product needs a Chinese and an English name", "Give both names");
        }
    }

    /** The same product as a declaration/period rule (period arithmetic and gate closure). */
    public ProductRule asProductRule() {
        return new ProductRule(code, nameZh, nameEn, kind, periodType, gate);
    }
}
