package org.evgrid.icc.infra.demo.market;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A uniform-price (pay-as-cleared) auction of one product interval. Buyers are the bids that buy plus the rest of the
 * market's demand steps; sellers are the bids that sell plus the supply steps. A missing limit price is a price taker.
 * The merit orders (buyers from the highest limit, sellers from the lowest) are matched while a buyer pays what a
 * seller asks; the matched quantity is the traded volume. The clearing price is the last accepted offer, raised to the
 * limit of the first buyer left (partly) unserved when that is higher (the curves cross on that buyer's step). Each side
 * is filled in merit order; the orders of the price level where the volume runs out share the rest pro rata (rounded
 * down to 0.001, so nobody gets more than offered). Quantities in one unit (kW, or kWh for energy products); prices
 * CNY/MWh, the clearing price to 0.01. With no trade the price is the lowest offer (else the highest bid, else none).
 */
public final class UniformPriceAuction {

    /** Which side an order is on. */
    public enum Side {
        /** Wants to buy. */
        BUY,
        /** Wants to sell. */
        SELL
    }

    /**
     * An order.
     *
     * @param id the order's key in the result
     * @param limitPrice the highest price a buyer pays / the lowest a seller takes; null = any price
     */
    public record Order(String id, Side side, BigDecimal quantity, BigDecimal limitPrice) {
    }

    /**
     * The result.
     *
     * @param price the clearing price (0.01), null when there was no order and no step with a price
     * @param volume the traded volume
     * @param cleared each order's cleared quantity, by id (every order is in it, possibly with 0)
     */
    public record Result(BigDecimal price, BigDecimal volume, Map<String, BigDecimal> cleared) {
    }

    private static final int SCALE = 3;
    private static final BigDecimal TAKER = new BigDecimal("-1E30");

    private UniformPriceAuction() {
    }

    /** Clears the orders. */
    public static Result clear(List<Order> orders) {
        Map<String, BigDecimal> cleared = new LinkedHashMap<>();
        orders.forEach(o -> cleared.put(o.id(), BigDecimal.ZERO.setScale(SCALE)));
        List<Level> demand = levels(orders, Side.BUY);
        List<Level> supply = levels(orders, Side.SELL);
        // Walk the merit orders (buyers from the highest limit, sellers from the lowest) while a buyer pays what a seller asks.
        BigDecimal volume = BigDecimal.ZERO;
        int i = 0;
        int j = 0;
        BigDecimal demandLeft = demand.isEmpty() ? BigDecimal.ZERO : demand.get(0).quantity();
        BigDecimal supplyLeft = supply.isEmpty() ? BigDecimal.ZERO : supply.get(0).quantity();
        BigDecimal lastOffer = null;
        while (i < demand.size() && j < supply.size() && demand.get(i).key().compareTo(supply.get(j).key().negate()) <= 0) {
            BigDecimal x = demandLeft.min(supplyLeft);
            volume = volume.add(x);
            demandLeft = demandLeft.subtract(x);
            supplyLeft = supplyLeft.subtract(x);
            if (supply.get(j).price() != null) {
                lastOffer = supply.get(j).price();
            }
            if (demandLeft.signum() == 0 && ++i < demand.size()) {
                demandLeft = demand.get(i).quantity();
            }
            if (supplyLeft.signum() == 0 && ++j < supply.size()) {
                supplyLeft = supply.get(j).quantity();
            }
        }
        // The price: the last accepted offer, raised to the limit of the first buyer left (partly) unserved when that is higher.
        BigDecimal unserved = i < demand.size() ? demand.get(i).price() : null;
        BigDecimal price = lastOffer;
        if (unserved != null && (price == null || unserved.compareTo(price) > 0) && volume.signum() > 0) {
            price = unserved;
        }
        if (volume.signum() == 0) {
            price = supply.stream().map(Level::price).filter(p -> p != null).findFirst()
                    .orElse(demand.stream().map(Level::price).filter(p -> p != null).findFirst().orElse(null));
            return new Result(price == null ? null : price.setScale(2, RoundingMode.HALF_EVEN), BigDecimal.ZERO.setScale(SCALE), cleared);
        }
        volume = volume.setScale(SCALE, RoundingMode.DOWN);
        BigDecimal at = price;
        fill(orders, Side.BUY, at, volume, cleared);
        fill(orders, Side.SELL, at, volume, cleared);
        return new Result(at == null ? null : at.setScale(2, RoundingMode.HALF_EVEN), volume, cleared);
    }

    /** Orders of one side with the same price, in merit order; key = priority (smaller first). */
    private record Level(BigDecimal key, BigDecimal price, BigDecimal quantity) {
    }

    private static List<Level> levels(List<Order> orders, Side side) {
        Map<BigDecimal, BigDecimal> byKey = new TreeMap<>();
        Map<BigDecimal, BigDecimal> priceOf = new LinkedHashMap<>();
        for (Order o : orders) {
            if (o.side() == side && o.quantity().signum() > 0) {
                BigDecimal key = priority(o, side);
                byKey.merge(key, o.quantity(), BigDecimal::add);
                priceOf.put(key, o.limitPrice());
            }
        }
        List<Level> levels = new ArrayList<>();
        byKey.forEach((key, q) -> levels.add(new Level(key, priceOf.get(key), q)));
        return levels;
    }

    private static boolean inTheMoney(Order o, BigDecimal price) {
        if (o.quantity().signum() <= 0) {
            return false;
        }
        if (o.limitPrice() == null || price == null) {
            return true;
        }
        return o.side() == Side.BUY ? o.limitPrice().compareTo(price) >= 0 : o.limitPrice().compareTo(price) <= 0;
    }

    /** Fills one side in price priority; the level where the volume runs out shares the rest pro rata. */
    private static void fill(List<Order> orders, Side side, BigDecimal price, BigDecimal volume, Map<String, BigDecimal> cleared) {
        List<Order> eligible = new ArrayList<>(orders.stream().filter(o -> o.side() == side && inTheMoney(o, price)).toList());
        Comparator<Order> byPriority = Comparator.comparing(o -> priority(o, side));
        eligible.sort(byPriority);
        BigDecimal left = volume;
        int i = 0;
        while (i < eligible.size() && left.signum() > 0) {
            BigDecimal level = priority(eligible.get(i), side);
            List<Order> same = new ArrayList<>();
            while (i < eligible.size() && priority(eligible.get(i), side).compareTo(level) == 0) {
                same.add(eligible.get(i++));
            }
            BigDecimal levelTotal = same.stream().map(Order::quantity).reduce(BigDecimal.ZERO, BigDecimal::add);
            if (levelTotal.compareTo(left) <= 0) {
                same.forEach(o -> cleared.put(o.id(), o.quantity().setScale(SCALE, RoundingMode.DOWN)));
                left = left.subtract(levelTotal);
            } else {
                BigDecimal share = left;
                for (Order o : same) {
                    cleared.put(o.id(), o.quantity().multiply(share).divide(levelTotal, SCALE, RoundingMode.DOWN));
                }
                left = BigDecimal.ZERO;
            }
        }
    }

    /** Sort key: smaller fills first. Buyers: highest limit first (price takers before all); sellers: lowest first. */
    private static BigDecimal priority(Order o, Side side) {
        if (o.limitPrice() == null) {
            return TAKER;
        }
        return side == Side.BUY ? o.limitPrice().negate() : o.limitPrice();
    }
}
