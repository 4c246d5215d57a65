package org.evgrid.icc.query.declaration.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.bson.Document;
import org.bson.types.Decimal128;
import org.evgrid.icc.coreapi.archive.AggregationUnitId;
import org.evgrid.icc.coreapi.archive.OperatorId;
import org.evgrid.icc.coreapi.declaration.DeclarationId;
import org.evgrid.icc.coreapi.declaration.DeclarationKind;
import org.evgrid.icc.coreapi.declaration.DeclarationStatus;
import org.evgrid.icc.coreapi.declaration.DeclarationTotalsView;
import org.evgrid.icc.coreapi.declaration.DeclarationView;

/**
 * Layout of the declaration read model: one collection {@value #COLLECTION} with documents addressed by {@code _id}:
 * <ul>
 * <li>{@code decl|<declaration id>}: one declaration as it stands;</li>
 * <li>{@code dt|<product>|<period start>|<unit>}: totals of a product, period and unit, with every declaration's
 * contribution (field {@code contributions}) from which the sums are recomputed;</li>
 * <li>{@code dop|<operator>|<product>|<period start>}: the ids of an operator's declarations (field {@code ids});</li>
 * <li>{@code dtu|<product>|<period start>}: the units with declarations (field {@code units}).</li>
 * </ul>
 * Decimals are stored as Decimal128, times as dates, dates as ISO strings.
 */
public final class DeclarationDocuments {

    /** The collection. */
    public static final String COLLECTION = "decl_declarations";

    public static final String SEQ = "seq";
    public static final String DECLARATION_ID = "declarationId";
    public static final String OPERATOR_ID = "operatorId";
    public static final String PRODUCT = "product";
    public static final String KIND = "kind";
    public static final String PERIOD_START = "periodStart";
    public static final String PERIOD_END = "periodEnd";
    public static final String UNIT_ID = "unitId";
    public static final String STATUS = "status";
    public static final String FROZEN = "frozen";
    public static final String ENERGY_KWH = "energyKwh";
    public static final String CURVE_KW = "curveKw";
    public static final String REVISION = "revision";
    public static final String GATE_CLOSURE = "gateClosure";
    public static final String DECLARED_AT = "declaredAt";
    public static final String UPDATED_AT = "updatedAt";
    public static final String CONTRIBUTIONS = "contributions";
    public static final String DECLARATIONS = "declarations";
    public static final String FROZEN_DECLARATIONS = "frozenDeclarations";
    public static final String IDS = "ids";
    public static final String UNITS = "units";

    private DeclarationDocuments() {
    }

    public static String declarationKey(DeclarationId id) {
        return "decl|" + id.value();
    }

    public static String totalsKey(String product, LocalDate periodStart, String unitId) {
        return "dt|" + product + "|" + periodStart + "|" + unitId;
    }

    public static String operatorKey(String operatorId, String product, LocalDate periodStart) {
        return "dop|" + operatorId + "|" + product + "|" + periodStart;
    }

    public static String unitsKey(String product, LocalDate periodStart) {
        return "dtu|" + product + "|" + periodStart;
    }

    /** A decimal for storage (null stays null). */
    public static Decimal128 decimal(BigDecimal value) {
        return value == null ? null : new Decimal128(value);
    }

    /** A curve for storage (null stays null). */
    public static List<Decimal128> curve(List<BigDecimal> values) {
        return values == null ? null : values.stream().map(DeclarationDocuments::decimal).toList();
    }

    public static BigDecimal readDecimal(Object value) {
        if (value instanceof Decimal128 d) {
            return d.bigDecimalValue();
        }
        if (value instanceof BigDecimal d) {
            return d;
        }
        return value instanceof Number n ? new BigDecimal(n.toString()) : null;
    }

    public static List<BigDecimal> readCurve(Document d, String field) {
        List<?> values = d.get(field, List.class);
        if (values == null) {
            return null;
        }
        List<BigDecimal> curve = new ArrayList<>(values.size());
        values.forEach(v -> curve.add(readDecimal(v)));
        return curve;
    }

    public static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }

    private static Instant instant(Document d, String field) {
        Date date = d.getDate(field);
        return date == null ? null : date.toInstant();
    }

    /** The view of a {@code decl|} document. */
    public static DeclarationView view(Document d) {
        return new DeclarationView(
                new DeclarationId(d.getString(DECLARATION_ID)),
                new OperatorId(d.getString(OPERATOR_ID)),
                d.getString(PRODUCT),
                DeclarationKind.valueOf(d.getString(KIND)),
                LocalDate.parse(d.getString(PERIOD_START)),
                d.getString(PERIOD_END) == null ? null : LocalDate.parse(d.getString(PERIOD_END)),
                new AggregationUnitId(d.getString(UNIT_ID)),
                DeclarationStatus.valueOf(d.getString(STATUS)),
                Boolean.TRUE.equals(d.getBoolean(FROZEN)),
                readDecimal(d.get(ENERGY_KWH)),
                readCurve(d, CURVE_KW),
                d.getInteger(REVISION, 0),
                instant(d, GATE_CLOSURE),
                instant(d, DECLARED_AT),
                instant(d, UPDATED_AT));
    }

    /** The view of a {@code dt|} document. */
    public static DeclarationTotalsView totalsView(Document d) {
        return new DeclarationTotalsView(
                d.getString(PRODUCT),
                DeclarationKind.valueOf(d.getString(KIND)),
                LocalDate.parse(d.getString(PERIOD_START)),
                new AggregationUnitId(d.getString(UNIT_ID)),
                d.getInteger(DECLARATIONS, 0),
                d.getInteger(FROZEN_DECLARATIONS, 0),
                readDecimal(d.get(ENERGY_KWH)),
                readCurve(d, CURVE_KW));
    }
}
