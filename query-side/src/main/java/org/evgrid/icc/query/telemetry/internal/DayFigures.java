package org.evgrid.icc.query.telemetry.internal;

import org.bson.Document;

/**
 * The figures of one dimension key's day, derived from its aggregate day document: Σ of the 5-minute summed power
 * (W·slot; energy = Σ / 12 Wh), peak W and its slot (-1 when nothing reported), reported slots, metered Wh, orders
 * (count, Wh, energy, service and total fees in fen).
 */
public record DayFigures(
        long wattSlots,
        long peakW,
        int peakSlot,
        int reportedSlots,
        long meteredWh,
        long orderCount,
        long orderWh,
        long orderEnergyFen,
        long orderServiceFen,
        long orderTotalFen) {

    /** Nothing reported. */
    public static final DayFigures EMPTY = new DayFigures(0, 0, -1, 0, 0, 0, 0, 0, 0, 0);

    /** The figures of an aggregate day document. */
    public static DayFigures of(Document day) {
        Document w = day.get("w", Document.class);
        Document r = day.get("r", Document.class);
        long sum = 0;
        long peak = 0;
        int peakSlot = -1;
        int reported = 0;
        for (int s = 0; s < Slots.PER_DAY; s++) {
            String field = Integer.toString(s);
            if (r == null || Units.asLong(r.get(field)) <= 0) {
                continue;
            }
            long watts = w == null ? 0 : Units.asLong(w.get(field));
            reported++;
            sum += watts;
            if (peakSlot < 0 || watts > peak) {
                peak = watts;
                peakSlot = s;
            }
        }
        return new DayFigures(sum, peak, peakSlot, reported, Units.asLong(day.get("mwh")), Units.asLong(day.get("oc")),
                Units.asLong(day.get("owh")), Units.asLong(day.get("oef")), Units.asLong(day.get("osf")),
                Units.asLong(day.get("otf")));
    }

    /** As stored in a month document's day entry. */
    public Document toDocument() {
        return new Document("ws", wattSlots).append("pk", peakW).append("ps", peakSlot).append("rs", reportedSlots)
                .append("mwh", meteredWh).append("oc", orderCount).append("owh", orderWh).append("oef", orderEnergyFen)
                .append("osf", orderServiceFen).append("otf", orderTotalFen);
    }

    /** From a month document's day entry. */
    public static DayFigures fromMonthEntry(Document d) {
        if (d == null) {
            return EMPTY;
        }
        return new DayFigures(Units.asLong(d.get("ws")), Units.asLong(d.get("pk")), (int) Units.asLong(d.get("ps")),
                (int) Units.asLong(d.get("rs")), Units.asLong(d.get("mwh")), Units.asLong(d.get("oc")),
                Units.asLong(d.get("owh")), Units.asLong(d.get("oef")), Units.asLong(d.get("osf")), Units.asLong(d.get("otf")));
    }
}
