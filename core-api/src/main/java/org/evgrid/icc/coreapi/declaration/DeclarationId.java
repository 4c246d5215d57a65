package org.evgrid.icc.coreapi.declaration;

import java.time.LocalDate;
import java.util.regex.Pattern;

import org.evgrid.icc.coreapi.archive.AggregationUnitId;
import org.evgrid.icc.coreapi.archive.OperatorId;
import org.evgrid.icc.coreapi.common.IccException;
import org.evgrid.icc.coreapi.common.Identifier;

/**
 * Identifier of a demand declaration: the slot it fills, {@code <operator>~<product>~<period start>~<unit>}, e.g.
 * {@code OP-1~DAY_AHEAD~2026-12-01~AU-JS-NJ-1}. An operator has at most one live declaration per product, period and
 * unit, so the slot names it; {@code ~} appears in no part.
 */
public record DeclarationId(String value) implements Identifier {

    private static final Pattern ID = Pattern.compile(
            "[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}~[A-Z][A-Z0-9_]{1,31}~\\d{4}-\\d{2}-\\d{2}~[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}");

    public DeclarationId {
        if (value == null || !ID.matcher(value).matches()) {
            throw IccException.invalid("ICC-DECL-ID-INVALID", "declarationId",
                    "申报标识格式不正确：应为“运营商~交易品种~周期首日~聚合单元”",
                    "Declaration id is malformed: use <operator>~<product>~<period start yyyy-MM-dd>~<unit>",
                    "Send an id such as OP-1~DAY_AHEAD~2026-12-01~AU-1");
        }
    }

    /** The declaration of an operator for a product, period and unit; refuses a missing part. */
    public static DeclarationId of(OperatorId operatorId, String product, LocalDate periodStart, AggregationUnitId unitId) {
        require(operatorId, "operatorId", "运营商", "operator id");
        require(product, "product", "交易品种", "product");
        require(periodStart, "periodStart", "申报周期首日", "period start");
        require(unitId, "unitId", "聚合单元", "aggregation unit");
        return new DeclarationId(operatorId.value() + "~" + product + "~" + periodStart + "~" + unitId.value());
    }

    private static void require(Object part, String field, String labelZh, String labelEn) {
        if (part == null) {
            throw IccException.invalid("ICC-FIELD-REQUIRED", field, "“" + labelZh + "”不能为空",
                    Character.toUpperCase(labelEn.charAt(0)) + labelEn.substring(1) + " is required", "Give the " + labelEn);
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
