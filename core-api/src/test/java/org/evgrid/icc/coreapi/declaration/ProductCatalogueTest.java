package org.evgrid.icc.coreapi.declaration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import org.evgrid.icc.coreapi.archive.AggregationUnitId;
import org.evgrid.icc.coreapi.archive.OperatorId;
import org.evgrid.icc.coreapi.common.IccException;
import org.junit.jupiter.api.Test;

class ProductCatalogueTest {

    private final ProductCatalogue catalogue = ProductCatalogue.defaults();

    private ProductRule product(String code) {
        return catalogue.find(code).orElseThrow();
    }

    @Test
    void aMonthlyGateClosesOnTheTwentiethOfThePreviousMonthAtFivePmShanghaiTime() {
        assertThat(product("MLT_MONTHLY").gate().closesAt(LocalDate.of(2026, 12, 1)))
                .isEqualTo(Instant.parse("2026-11-20T09:00:00Z"));
    }

    @Test
    void januarysMonthlyGateClosesInDecemberOfThePreviousYear() {
        assertThat(product("MLT_MONTHLY").gate().closesAt(LocalDate.of(2027, 1, 1)))
                .isEqualTo(Instant.parse("2026-12-20T09:00:00Z"));
    }

    @Test
    void marchsMonthlyGateClosesInFebruaryOfALeapYear() {
        assertThat(product("MLT_MONTHLY").gate().closesAt(LocalDate.of(2028, 3, 1)))
                .isEqualTo(Instant.parse("2028-02-20T09:00:00Z"));
    }

    @Test
    void aWeeklyGateClosesTheThursdayBeforeAtFivePm() {
        // Monday 2026-12-07: Thursday 2026-12-03 17:00 local
        assertThat(product("MLT_WEEKLY").gate().closesAt(LocalDate.of(2026, 12, 7)))
                .isEqualTo(Instant.parse("2026-12-03T09:00:00Z"));
    }

    @Test
    void aWeekStartingInANewYearClosesInTheOldYear() {
        // Monday 2029-01-01: Thursday 2028-12-28 17:00 local
        assertThat(product("MLT_WEEKLY").gate().closesAt(LocalDate.of(2029, 1, 1)))
                .isEqualTo(Instant.parse("2028-12-28T09:00:00Z"));
    }

    @Test
    void aDayAheadGateClosesTheDayBeforeAtTenLocalWhichIsTwoAmUtc() {
        assertThat(product("DAY_AHEAD").gate().closesAt(LocalDate.of(2027, 1, 1)))
                .isEqualTo(Instant.parse("2026-12-31T02:00:00Z"));
        assertThat(product("DAY_AHEAD").gate().closesAt(LocalDate.of(2026, 3, 1)))
                .isEqualTo(Instant.parse("2026-02-28T02:00:00Z"));
    }

    @Test
    void shanghaiHasNoDaylightSavingSoSummerAndWinterGatesAreTheSameUtcHour() {
        GateClosureRule gate = product("DAY_AHEAD").gate();
        assertThat(gate.closesAt(LocalDate.of(2026, 7, 15))).isEqualTo(Instant.parse("2026-07-14T02:00:00Z"));
        assertThat(gate.closesAt(LocalDate.of(2026, 1, 15))).isEqualTo(Instant.parse("2026-01-14T02:00:00Z"));
        assertThat(product("DAY_AHEAD").hours(LocalDate.of(2026, 3, 29))).isEqualTo(24);
    }

    @Test
    void periodsStartOnTheFirstOfAMonthOnAMondayOrOnAnyDay() {
        assertThat(product("MLT_MONTHLY").startsPeriod(LocalDate.of(2026, 12, 1))).isTrue();
        assertThat(product("MLT_MONTHLY").startsPeriod(LocalDate.of(2026, 12, 2))).isFalse();
        assertThat(product("MLT_WEEKLY").startsPeriod(LocalDate.of(2026, 12, 7))).isTrue();
        assertThat(product("MLT_WEEKLY").startsPeriod(LocalDate.of(2026, 12, 6))).isFalse();
        assertThat(product("DAY_AHEAD").startsPeriod(LocalDate.of(2026, 12, 6))).isTrue();
    }

    @Test
    void periodsEndOnTheLastDayOfTheMonthOnSundayOrOnTheSameDay() {
        assertThat(product("MLT_MONTHLY").periodEnd(LocalDate.of(2028, 2, 1))).isEqualTo(LocalDate.of(2028, 2, 29));
        assertThat(product("MLT_MONTHLY").hours(LocalDate.of(2028, 2, 1))).isEqualTo(29 * 24);
        assertThat(product("MLT_MONTHLY").periodEnd(LocalDate.of(2026, 12, 1))).isEqualTo(LocalDate.of(2026, 12, 31));
        assertThat(product("MLT_WEEKLY").periodEnd(LocalDate.of(2026, 12, 28))).isEqualTo(LocalDate.of(2027, 1, 3));
        assertThat(product("DAY_AHEAD").periodEnd(LocalDate.of(2026, 12, 6))).isEqualTo(LocalDate.of(2026, 12, 6));
    }

    @Test
    void aConfiguredCatalogueReplacesTheDefaultsAndRefusesBrokenRules() {
        ProductCatalogue custom = ProductCatalogue.of(List.of(new ProductRule("INTRADAY", "日内", "Intraday", DeclarationKind.CURVE,
                PeriodType.DAY, new GateClosureRule(GateAnchor.DAYS_BEFORE_PERIOD, 0, LocalTime.of(8, 0)))));
        assertThat(custom.find("DAY_AHEAD")).isEmpty();
        assertThat(custom.find("INTRADAY").orElseThrow().gate().closesAt(LocalDate.of(2026, 12, 6)))
                .isEqualTo(Instant.parse("2026-12-06T00:00:00Z"));
        assertThatThrownBy(() -> new GateClosureRule(GateAnchor.DAY_OF_PREVIOUS_MONTH, 31, LocalTime.NOON))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ProductRule("WEEK_CURVE", "x", "x", DeclarationKind.CURVE, PeriodType.WEEK,
                new GateClosureRule(GateAnchor.DAYS_BEFORE_PERIOD, 1, LocalTime.NOON))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ProductCatalogue.of(List.of(product("DAY_AHEAD"), product("DAY_AHEAD"))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void gateTimesAreShownInShanghaiLocalTime() {
        assertThat(GateClosureRule.shown(Instant.parse("2026-11-20T09:00:00Z"))).isEqualTo("2026-11-20 17:00");
    }

    @Test
    void aDeclarationIdNamesTheOperatorsSlotAndRefusesMissingParts() {
        DeclarationId id = DeclarationId.of(new OperatorId("OP-1"), "DAY_AHEAD", LocalDate.of(2026, 12, 1), new AggregationUnitId("AU-1"));
        assertThat(id.value()).isEqualTo("OP-1~DAY_AHEAD~2026-12-01~AU-1");
        assertThatThrownBy(() -> DeclarationId.of(new OperatorId("OP-1"), null, LocalDate.of(2026, 12, 1), new AggregationUnitId("AU-1")))
                .isInstanceOfSatisfying(IccException.class, e -> assertThat(e.field()).isEqualTo("product"));
        assertThatThrownBy(() -> new DeclarationId("OP-1~day~2026-12-01~AU-1")).isInstanceOf(IccException.class);
    }
}
