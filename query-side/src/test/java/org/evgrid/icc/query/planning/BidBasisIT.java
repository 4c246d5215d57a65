package org.evgrid.icc.query.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

import org.evgrid.icc.coreapi.archive.AggregationUnitId;
import org.evgrid.icc.coreapi.archive.OperatorId;
import org.evgrid.icc.coreapi.archive.PileDimension;
import org.evgrid.icc.coreapi.common.IccException;
import org.evgrid.icc.coreapi.declaration.DeclarationId;
import org.evgrid.icc.coreapi.declaration.DeclarationKind;
import org.evgrid.icc.coreapi.declaration.DemandDeclaredEvent;
import org.evgrid.icc.coreapi.declaration.GateAnchor;
import org.evgrid.icc.coreapi.declaration.GateClosureRule;
import org.evgrid.icc.coreapi.declaration.PeriodType;
import org.evgrid.icc.coreapi.declaration.ProductCatalogue;
import org.evgrid.icc.coreapi.forecast.ForecastId;
import org.evgrid.icc.coreapi.forecast.ForecastModel;
import org.evgrid.icc.coreapi.forecast.ForecastPublishedEvent;
import org.evgrid.icc.coreapi.market.BidBasisView;
import org.evgrid.icc.coreapi.market.FindBidBasisQuery;
import org.evgrid.icc.coreapi.market.MarketProductCode;
import org.evgrid.icc.coreapi.market.MarketProductDefinedEvent;
import org.evgrid.icc.coreapi.market.MarketProductRule;
import org.evgrid.icc.coreapi.market.MarketSegment;
import org.evgrid.icc.coreapi.security.DataScope;
import org.evgrid.icc.coreapi.security.Role;
import org.evgrid.icc.coreapi.security.Viewer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The basis of a bid from the declaration and forecast read models, fed by their real projections. */
class BidBasisIT {

    private static final LocalDate DAY = LocalDate.of(2026, 12, 1);
    private static final Instant GATE = Instant.parse("2026-11-30T02:00:00Z");
    private static final AggregationUnitId AU1 = new AggregationUnitId("AU-1");
    private static final AggregationUnitId AU2 = new AggregationUnitId("AU-2");
    private static final AggregationUnitId AU3 = new AggregationUnitId("AU-3");
    private static final Viewer TRADER = new Viewer("trader", Set.of(Role.TRADER), null, DataScope.HEADQUARTERS);
    private static final Viewer AUDITOR = new Viewer("auditor", Set.of(Role.AUDITOR), null, DataScope.HEADQUARTERS);

    private PlanningWorld world;
    private BidBasisQueries queries;

    @BeforeEach
    void start() {
        world = new PlanningWorld();
        queries = new BidBasisQueries(world.database());
        world.batch(List.of(
                curveDeclared("OP-A", AU1, "1.500"), curveDeclared("OP-B", AU1, "2.250"),
                forecast("AU-1", "9.000", "216.000"), forecast("AU-2", "4.000", "96.000")));
    }

    @AfterEach
    void stop() {
        world.close();
    }

    private static DemandDeclaredEvent curveDeclared(String operator, AggregationUnitId unit, String kw) {
        DeclarationId id = DeclarationId.of(new OperatorId(operator), ProductCatalogue.DAY_AHEAD, DAY, unit);
        return new DemandDeclaredEvent(id, new OperatorId(operator), ProductCatalogue.DAY_AHEAD, DeclarationKind.CURVE, DAY, DAY, unit,
                null, Collections.nCopies(96, new BigDecimal(kw)), GATE, 1);
    }

    private static ForecastPublishedEvent forecast(String unit, String kw, String kwh) {
        List<BigDecimal> points = new ArrayList<>(Collections.nCopies(96, new BigDecimal(kw)));
        return new ForecastPublishedEvent(ForecastId.of(PileDimension.UNIT, unit, DAY, ForecastModel.SIMILAR_DAY, 1), PileDimension.UNIT,
                unit, DAY, ForecastModel.SIMILAR_DAY, 1, DAY.minusDays(28), DAY.minusDays(1), GATE.minusSeconds(3600), points,
                new BigDecimal(kwh));
    }

    private BidBasisView basis(Viewer viewer, String product, AggregationUnitId unit) {
        return queries.find(new FindBidBasisQuery(viewer, product, DAY, unit));
    }

    @Test
    void liveDeclarationsAreTheSuggestionWhenThereAreAny() {
        BidBasisView view = basis(TRADER, ProductCatalogue.DAY_AHEAD, AU1);

        assertThat(view.declarations().declarations()).isEqualTo(2);
        assertThat(view.suggestedCurveKw()).hasSize(96).allSatisfy(kw -> assertThat(kw).isEqualByComparingTo("3.750"));
        assertThat(view.suggestedEnergyKwh()).isNull();
        assertThat(view.forecast().key()).as("the forecast is shown beside them").isEqualTo("AU-1");
        assertThat(view.suggestionRule()).contains("declaration");
    }

    @Test
    void aProductDefinedAtRunTimeIsKnownToTheBasisAndAnUndefinedOneIsRefused() {
        assertThatThrownBy(() -> basis(TRADER, "INTRADAY_TEST", AU2)).isInstanceOf(IccException.class);
        world.batch(List.of(new MarketProductDefinedEvent(new MarketProductCode("INTRADAY_TEST"), new MarketProductRule("INTRADAY_TEST",
                "日内测试", "Intraday test", MarketSegment.REAL_TIME_SPOT, DeclarationKind.CURVE, PeriodType.DAY,
                new GateClosureRule(GateAnchor.DAYS_BEFORE_PERIOD, 0, LocalTime.NOON), "SR-TEST"), 1, "a new product")));

        BidBasisView view = basis(TRADER, "INTRADAY_TEST", AU2);
        assertThat(view.suggestedCurveKw()).as("a curve product: the forecast curve").hasSize(96);
    }

    @Test
    void withoutDeclarationsTheCurrentForecastCurveIsSuggested() {
        BidBasisView view = basis(AUDITOR, ProductCatalogue.DAY_AHEAD, AU2);

        assertThat(view.declarations().declarations()).isZero();
        assertThat(view.suggestedCurveKw()).hasSize(96).allSatisfy(kw -> assertThat(kw).isEqualByComparingTo("4.000"));
        assertThat(view.suggestionRule()).contains("forecast curve");
    }

    @Test
    void anEnergyProductWithoutDeclarationsTakesTheForecastEnergyTimesTheDaysOfThePeriod() {
        BidBasisView view = basis(TRADER, ProductCatalogue.MLT_MONTHLY, AU2);

        assertThat(view.suggestedEnergyKwh()).as("96 kWh × 31 days of December").isEqualByComparingTo("2976.000");
        assertThat(view.suggestedCurveKw()).isNull();
    }

    @Test
    void withNeitherDeclarationsNorForecastNothingIsSuggested() {
        BidBasisView view = basis(TRADER, ProductCatalogue.DAY_AHEAD, AU3);

        assertThat(view.forecast()).isNull();
        assertThat(view.suggestedCurveKw()).isNull();
        assertThat(view.suggestedEnergyKwh()).isNull();
        assertThat(view.suggestionRule()).contains("nothing to suggest");
    }

    @Test
    void operatorPlatformsAndAdministratorsAreRefused() {
        Viewer platform = new Viewer("platform-a", Set.of(Role.OPERATOR_PLATFORM), new OperatorId("OP-A"), null);
        Viewer admin = new Viewer("admin", Set.of(Role.SYSTEM_ADMIN), null, DataScope.HEADQUARTERS);
        Viewer clerk = new Viewer("clerk", Set.of(Role.ARCHIVE_MANAGER), null, DataScope.HEADQUARTERS);

        assertThatThrownBy(() -> basis(platform, ProductCatalogue.DAY_AHEAD, AU1))
                .isInstanceOfSatisfying(IccException.class, e -> assertThat(e.code()).isEqualTo("ICC-PLAN-OPERATOR"));
        assertThatThrownBy(() -> basis(admin, ProductCatalogue.DAY_AHEAD, AU1))
                .isInstanceOfSatisfying(IccException.class, e -> assertThat(e.code()).isEqualTo("ICC-PLAN-ADMIN"));
        assertThatThrownBy(() -> basis(clerk, ProductCatalogue.DAY_AHEAD, AU1))
                .isInstanceOfSatisfying(IccException.class, e -> assertThat(e.code()).isEqualTo("ICC-PLAN-ROLE"));
    }

    @Test
    void anUnknownProductIsRefused() {
        assertThatThrownBy(() -> basis(TRADER, "NO_SUCH_PRODUCT", AU3))
                .isInstanceOfSatisfying(IccException.class, e -> assertThat(e.code()).isEqualTo("ICC-PLAN-PRODUCT-UNKNOWN"));
    }
}
