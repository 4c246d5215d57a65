package org.evgrid.icc.infra.demo.market;

import java.math.BigDecimal;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The demo's market and operator-platform simulators ({@code icc.sim.*}); demo and tests only.
 *
 * @param centerUrl where the simulators send their signed commands; blank = {@code https://localhost:<server port>}
 *     ({@code http://} without TLS), trusting exactly the server's certificate
 * @param keyDir where the simulators' keys are kept; blank = {@code <data-dir>/keys/demo}
 * @param exchange the exchange simulator
 * @param operators the operator-platform simulator
 */
@ConfigurationProperties("icc.sim")
public record SimProperties(
        @DefaultValue("") String centerUrl,
        @DefaultValue("") String keyDir,
        @DefaultValue Exchange exchange,
        @DefaultValue Operators operators) {

    /**
     * One step of a price curve.
     *
     * @param price CNY/MWh
     * @param quantityMw MW offered (supply) or bid (demand) at that price
     */
    public record Step(BigDecimal price, BigDecimal quantityMw) {
    }

    /**
     * @param enabled run it; null = as {@code icc.demo.enabled}
     * @param port its loopback port (0 = any free port)
     * @param clearingDelay clearing runs this long after a product's gate closure
     * @param priceCap bids with a higher limit price are rejected (CNY/MWh)
     * @param supply the rest of the market's offers: a step curve (price ascending)
     * @param demand the rest of the market's bids: a step curve (buyers a bid that sells is matched with)
     * @param clearOnAcceptance clear a bid as soon as it is accepted instead of after gate closure (the demo's
     *     walk-through shows the whole lifecycle at once; each bid then clears on its own against the curves)
     */
    public record Exchange(Boolean enabled, @DefaultValue("0") int port, @DefaultValue("PT2M") Duration clearingDelay,
                           @DefaultValue("1500") BigDecimal priceCap, List<Step> supply, List<Step> demand,
                           @DefaultValue("false") boolean clearOnAcceptance) {

        public Exchange {
            supply = supply == null || supply.isEmpty() ? defaultSupply() : List.copyOf(supply);
            demand = demand == null || demand.isEmpty() ? defaultDemand() : List.copyOf(demand);
        }
    }

    /**
     * @param enabled run it; null = as {@code icc.demo.enabled}
     * @param port its loopback port (0 = any free port)
     * @param reject operators whose platform answers REJECTED
     * @param silent operators whose platform accepts but never reports a result
     * @param resultDelay how long after the answer the platform reports its result
     */
    public record Operators(Boolean enabled, @DefaultValue("0") int port, List<String> reject, List<String> silent,
                            @DefaultValue("PT3S") Duration resultDelay) {

        public Operators {
            reject = reject == null ? List.of() : List.copyOf(reject);
            silent = silent == null ? List.of() : List.copyOf(silent);
        }
    }

    /** The default supply: 24 MW in six steps from 280 to 1,200 CNY/MWh (the demo's units bid a few MW each). */
    public static List<Step> defaultSupply() {
        return List.of(step("280", "4"), step("350", "4"), step("420", "4"), step("550", "4"), step("800", "4"), step("1200", "4"));
    }

    /** The default demand of the rest of the market: 14 MW in three steps (1,500, 600, 400 CNY/MWh). */
    public static List<Step> defaultDemand() {
        return List.of(step("1500", "6"), step("600", "4"), step("400", "4"));
    }

    private static Step step(String price, String mw) {
        return new Step(new BigDecimal(price), new BigDecimal(mw));
    }

    /** The address the simulators listen on. */
    public static InetAddress loopback() {
        return InetAddress.getLoopbackAddress();
    }
}
