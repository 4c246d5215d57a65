package org.evgrid.icc.command.market;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.evgrid.icc.command.declaration.DeclarationUnits;
import org.evgrid.icc.coreapi.archive.AggregationUnitId;
import org.evgrid.icc.coreapi.market.MarketProductRule;
import org.evgrid.icc.coreapi.market.MarketProducts;

/** Test support for market and demand response aggregates: a scripted clock, products and units in memory. */
public final class MarketTestSupport {

    private MarketTestSupport() {
    }

    /** {@code points} copies of a value. */
    public static List<BigDecimal> curve(String value, int points) {
        return new ArrayList<>(Collections.nCopies(points, new BigDecimal(value)));
    }

    /** Units that exist. */
    public static DeclarationUnits units(AggregationUnitId... existing) {
        Set<AggregationUnitId> known = Set.of(existing);
        return new DeclarationUnits(null) {
            @Override
            public boolean exists(AggregationUnitId unitId) {
                return known.contains(unitId);
            }
        };
    }

    /** The default products, with some changed or retired. */
    public static final class Products implements MarketProductLookup {

        private final Map<String, Product> products = new LinkedHashMap<>();

        public Products() {
            MarketProducts.defaultRules().forEach(rule -> products.put(rule.code(), new Product(rule, 0, false)));
        }

        /** Marks a product retired. */
        public Products retire(String code) {
            Product product = products.get(code);
            products.put(code, new Product(product.rule(), product.version() + 1, true));
            return this;
        }

        /** Defines a product. */
        public Products define(MarketProductRule rule) {
            Product old = products.get(rule.code());
            products.put(rule.code(), new Product(rule, old == null ? 1 : old.version() + 1, false));
            return this;
        }

        @Override
        public Optional<Product> find(String code) {
            return Optional.ofNullable(products.get(code));
        }

        @Override
        public List<Product> all() {
            return List.copyOf(products.values());
        }
    }

    /** A clock the test sets, or that answers a script of instants (the last one repeats). */
    public static final class TestClock extends Clock {

        private final Deque<Instant> script = new ArrayDeque<>();

        public TestClock(Instant now) {
            script.add(now);
        }

        /** From now on, always this instant. */
        public void set(Instant instant) {
            script.clear();
            script.add(instant);
        }

        /** The next reads answer these instants in turn, the last one from then on. */
        public void script(Instant... instants) {
            script.clear();
            script.addAll(List.of(instants));
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return script.size() > 1 ? script.poll() : script.peek();
        }
    }
}
