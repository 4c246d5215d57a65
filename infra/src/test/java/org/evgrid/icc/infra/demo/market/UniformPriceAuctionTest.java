package org.evgrid.icc.infra.demo.market;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.evgrid.icc.infra.demo.market.UniformPriceAuction.Order;
import org.evgrid.icc.infra.demo.market.UniformPriceAuction.Result;
import org.evgrid.icc.infra.demo.market.UniformPriceAuction.Side;
import org.junit.jupiter.api.Test;

class UniformPriceAuctionTest {

    private static Order buy(String id, String q, String price) {
        return new Order(id, Side.BUY, new BigDecimal(q), price == null ? null : new BigDecimal(price));
    }

    private static Order sell(String id, String q, String price) {
        return new Order(id, Side.SELL, new BigDecimal(q), price == null ? null : new BigDecimal(price));
    }

    @Test
    void theClearingPriceIsTheSupplyStepThatCoversDemandAndEveryBuyerAboveItIsFilled() {
        Result r = UniformPriceAuction.clear(List.of(sell("s1", "100", "300"), sell("s2", "100", "450"), sell("s3", "100", "800"),
                buy("a", "80", "1000"), buy("b", "60", "500"), buy("c", "50", "400")));

        // D(300)=190 > S=100; D(400)=190 > 100; D(450)=140 <= S=200 → price 450, volume 140
        assertThat(r.price()).isEqualByComparingTo("450.00");
        assertThat(r.price().scale()).isEqualTo(2);
        assertThat(r.volume()).isEqualByComparingTo("140");
        assertThat(r.cleared().get("a")).isEqualByComparingTo("80");
        assertThat(r.cleared().get("b")).isEqualByComparingTo("60");
        assertThat(r.cleared().get("c")).isEqualByComparingTo("0");
        assertThat(r.cleared().get("s1")).isEqualByComparingTo("100");
        assertThat(r.cleared().get("s2")).isEqualByComparingTo("40");
        assertThat(r.cleared().get("s3")).isEqualByComparingTo("0");
    }

    @Test
    void buyersAtTheMarginalPriceShareTheRestProRataAndNobodyGetsMoreThanBid() {
        // supply 100 at 200; demand: 40 above, then 90 and 30 both at exactly 200... D(200)=160 > S(200)=100, no higher price
        // → price 200 (highest), volume 100: the 40 first, then 60 pro rata over 120 (45 and 15)
        Result r = UniformPriceAuction.clear(List.of(sell("s", "100", "200"), buy("top", "40", "300"), buy("m1", "90", "200"),
                buy("m2", "30", "200")));

        assertThat(r.volume()).isEqualByComparingTo("100");
        assertThat(r.cleared().get("top")).isEqualByComparingTo("40");
        assertThat(r.cleared().get("m1")).isEqualByComparingTo("45");
        assertThat(r.cleared().get("m2")).isEqualByComparingTo("15");
    }

    @Test
    void proRataSharesAreRoundedDownToThreeDecimals() {
        Result r = UniformPriceAuction.clear(List.of(sell("s", "1", "100"), buy("x", "1", "100"), buy("y", "1", "100"),
                buy("z", "1", "100")));

        assertThat(r.cleared().get("x")).isEqualByComparingTo("0.333");
        assertThat(r.cleared().get("x").scale()).isEqualTo(3);
        BigDecimal total = r.cleared().get("x").add(r.cleared().get("y")).add(r.cleared().get("z"));
        assertThat(total).isLessThanOrEqualTo(r.volume());
    }

    @Test
    void aBuyerBelowTheLowestOfferGetsNothing() {
        Result r = UniformPriceAuction.clear(List.of(sell("s", "50", "500"), buy("cheap", "10", "300")));

        assertThat(r.cleared().get("cheap")).isEqualByComparingTo("0");
        assertThat(r.volume()).isEqualByComparingTo("0");
    }

    @Test
    void aPriceTakerBuysAtTheClearingPriceOfTheOthers() {
        Result r = UniformPriceAuction.clear(List.of(sell("s1", "10", "280"), sell("s2", "10", "350"), buy("taker", "15", null)));

        assertThat(r.price()).isEqualByComparingTo("350.00");
        assertThat(r.cleared().get("taker")).isEqualByComparingTo("15");
        assertThat(r.cleared().get("s1")).isEqualByComparingTo("10");
        assertThat(r.cleared().get("s2")).isEqualByComparingTo("5");
    }

    @Test
    void aSellerIsMatchedWithTheDemandStepsAndUndercutsTheSupplyCurve() {
        Result r = UniformPriceAuction.clear(List.of(buy("demand", "30", "900"), sell("supply", "100", "600"), sell("dr", "20", "200")));

        // D(200)=30 > S(200)=20; D(600)=30 <= S(600)=120 → price 600; the seller at 200 sells all 20, supply the other 10
        assertThat(r.price()).isEqualByComparingTo("600.00");
        assertThat(r.cleared().get("dr")).isEqualByComparingTo("20");
        assertThat(r.cleared().get("supply")).isEqualByComparingTo("10");
    }

    @Test
    void withNoPricedOrderNothingClearsAndThereIsNoPrice() {
        Result r = UniformPriceAuction.clear(List.of(buy("a", "10", null)));

        assertThat(r.price()).isNull();
        assertThat(r.cleared().get("a")).isEqualByComparingTo("0");
    }
}
