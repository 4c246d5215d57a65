package org.evgrid.icc.infra.demo.sim;

/**
 * How often things go wrong, as probabilities per pile-day or per operator-day.
 *
 * @param pileFault a pile is out of order (FAULTED, no charging) for 1–6 hours
 * @param pileSilent a pile loses contact for 15–120 minutes: its readings are missing (no reading, or quality MISSING)
 * @param platformSilent an operator's whole platform is silent for 30–90 minutes: no readings at all (a gap)
 */
public record OutageRates(double pileFault, double pileSilent, double platformSilent) {

    /** The default rates: 0.4 % of pile-days faulted, 1 % silent, 3 % of platform-days with a silent spell. */
    public static final OutageRates DEFAULT = new OutageRates(0.004, 0.01, 0.03);

    /** Nothing ever goes wrong. */
    public static final OutageRates NONE = new OutageRates(0, 0, 0);
}
