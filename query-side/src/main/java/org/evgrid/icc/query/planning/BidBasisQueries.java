package org.evgrid.icc.query.planning;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

import com.mongodb.client.MongoDatabase;
import org.axonframework.queryhandling.QueryHandler;
import org.evgrid.icc.coreapi.archive.PileDimension;
import org.evgrid.icc.coreapi.common.ErrorCategory;
import org.evgrid.icc.coreapi.common.IccException;
import org.evgrid.icc.coreapi.declaration.DeclarationKind;
import org.evgrid.icc.coreapi.declaration.DeclarationTotalsList;
import org.evgrid.icc.coreapi.declaration.DeclarationTotalsView;
import org.evgrid.icc.coreapi.declaration.FindDeclarationTotalsQuery;
import org.evgrid.icc.coreapi.declaration.ProductRule;
import org.evgrid.icc.coreapi.forecast.FindCurrentForecastQuery;
import org.evgrid.icc.coreapi.forecast.ForecastView;
import org.evgrid.icc.coreapi.market.BidBasisView;
import org.evgrid.icc.coreapi.market.FindBidBasisQuery;
import org.evgrid.icc.coreapi.market.FindMarketProductsQuery;
import org.evgrid.icc.coreapi.market.MarketProductRule;
import org.evgrid.icc.coreapi.market.MarketProductView;
import org.evgrid.icc.coreapi.security.Role;
import org.evgrid.icc.coreapi.security.ScopeLevel;
import org.evgrid.icc.coreapi.security.Viewer;
import org.evgrid.icc.query.declaration.DeclarationQueries;
import org.evgrid.icc.query.forecast.ForecastQueries;
import org.evgrid.icc.query.market.MarketQueries;
import org.evgrid.icc.query.planning.internal.PlanningErrors;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The basis of a bid ({@link FindBidBasisQuery}): the live declaration totals of the product, period and unit (the
 * declaration read model's own query, with the viewer's access rules) and the unit's current forecast for the period's
 * first day (the forecast read model's own query), with a suggested quantity:
 * <ol>
 * <li>if live declarations exist: their total (energy for ENERGY products, the summed curve for CURVE products);</li>
 * <li>else if a current forecast exists: its 96-point curve (CURVE products), or its energy × the days of the period
 * (ENERGY products);</li>
 * <li>else nothing.</li>
 * </ol>
 * The product's kind and period come from the declaration totals when there are any, else from the configured market
 * product rules as configured now (the market read model: the defaults overlaid with products traders defined or
 * retired at run time). Who may ask: traders, dispatchers, auditors,
 * regulators and the center's service with headquarters scope; administrators and operator platforms are refused.
 */
@Component
public class BidBasisQueries {

    /** The roles that may read the basis of a bid. */
    public static final Set<Role> READERS = EnumSet.of(Role.TRADER, Role.DISPATCHER, Role.AUDITOR, Role.REGULATOR, Role.CENTER_SERVICE);

    private static final String RULE_DECLARATIONS_ZH = "按运营商申报汇总";
    private static final String RULE_FORECAST_ZH = "无有效申报，按聚合单元当前负荷预测";
    private static final String RULE_NONE_ZH = "既无有效申报也无负荷预测，无建议量";

    private final DeclarationQueries declarations;
    private final ForecastQueries forecasts;
    private final BiFunction<Viewer, String, MarketProductRule> products;

    /** Products as configured now: the defaults overlaid with the ones traders defined or retired at run time. */
    @Autowired
    public BidBasisQueries(MongoDatabase database) {
        this.declarations = new DeclarationQueries(database);
        this.forecasts = new ForecastQueries(database);
        MarketQueries market = new MarketQueries(database);
        this.products = (viewer, code) -> market.handle(new FindMarketProductsQuery(viewer)).items().stream()
                .filter(p -> p.rule().code().equals(code) && !p.retired()).map(MarketProductView::rule).findFirst().orElse(null);
    }

    public BidBasisQueries(MongoDatabase database, List<MarketProductRule> productRules) {
        this.declarations = new DeclarationQueries(database);
        this.forecasts = new ForecastQueries(database);
        Map<String, MarketProductRule> fixed = new LinkedHashMap<>();
        productRules.forEach(rule -> fixed.put(rule.code(), rule));
        this.products = (viewer, code) -> fixed.get(code);
    }

    @QueryHandler
    public BidBasisView find(FindBidBasisQuery query) {
        check(query.viewer());
        if (query.product() == null || query.product().isBlank()) {
            throw PlanningErrors.missing("product");
        }
        if (query.periodStart() == null) {
            throw PlanningErrors.missing("periodStart");
        }
        if (query.unitId() == null) {
            throw PlanningErrors.missing("unitId");
        }
        DeclarationTotalsList totals = declarations.find(new FindDeclarationTotalsQuery(query.viewer(), query.product(),
                query.periodStart(), query.unitId()));
        DeclarationTotalsView declared = totals.items().isEmpty() ? null : totals.items().get(0);
        MarketProductRule rule = products.apply(query.viewer(), query.product());
        DeclarationKind kind = declared != null && declared.kind() != null ? declared.kind() : rule == null ? null : rule.kind();
        if (kind == null) {
            throw PlanningErrors.productUnknown(query.product());
        }
        if (declared == null) {
            declared = new DeclarationTotalsView(query.product(), kind, query.periodStart(), query.unitId(), 0, 0, null, null);
        }
        ForecastView forecast = currentForecast(query);
        if (declared.declarations() > 0) {
            return new BidBasisView(query.product(), query.periodStart(), query.unitId(), declared, forecast,
                    kind == DeclarationKind.ENERGY ? declared.energyKwh() : null,
                    kind == DeclarationKind.CURVE ? declared.curveKw() : null,
                    RULE_DECLARATIONS_ZH + " / The total of the operators' " + declared.declarations() + " live declaration(s)");
        }
        if (forecast != null && kind == DeclarationKind.CURVE) {
            return new BidBasisView(query.product(), query.periodStart(), query.unitId(), declared, forecast, null,
                    forecast.pointsKw(), RULE_FORECAST_ZH + " / No live declarations: the unit's current forecast curve");
        }
        if (forecast != null && forecast.energyKwh() != null) {
            long days = rule == null ? 1 : periodDays(rule.asProductRule(), query);
            return new BidBasisView(query.product(), query.periodStart(), query.unitId(), declared, forecast,
                    forecast.energyKwh().multiply(BigDecimal.valueOf(days)).setScale(3, RoundingMode.HALF_EVEN), null,
                    RULE_FORECAST_ZH + "（日电量 × " + days + " 天） / No live declarations: the unit's current forecast energy of a day × "
                            + days + " day(s) of the period");
        }
        return new BidBasisView(query.product(), query.periodStart(), query.unitId(), declared, forecast, null, null,
                RULE_NONE_ZH + " / No live declarations and no forecast: nothing to suggest");
    }

    private static long periodDays(ProductRule rule, FindBidBasisQuery query) {
        return ChronoUnit.DAYS.between(query.periodStart(), rule.periodEnd(query.periodStart())) + 1;
    }

    private ForecastView currentForecast(FindBidBasisQuery query) {
        try {
            return forecasts.find(new FindCurrentForecastQuery(query.viewer(), PileDimension.UNIT, query.unitId().value(),
                    query.periodStart()));
        } catch (IccException e) {
            if (e.category() == ErrorCategory.NOT_FOUND) {
                return null;
            }
            throw e;
        }
    }

    private static void check(Viewer viewer) {
        if (viewer == null || viewer.roles() == null || viewer.roles().isEmpty()) {
            throw PlanningErrors.role();
        }
        if (viewer.roles().stream().anyMatch(role -> role == null || role.administrative())) {
            throw PlanningErrors.administrator();
        }
        if (viewer.operatorId() != null || viewer.roles().contains(Role.OPERATOR_PLATFORM)) {
            throw PlanningErrors.operator();
        }
        if (viewer.roles().stream().noneMatch(READERS::contains)) {
            throw PlanningErrors.role();
        }
        if (viewer.scope() != null && viewer.scope().level() != ScopeLevel.HEADQUARTERS) {
            throw PlanningErrors.region();
        }
    }
}
