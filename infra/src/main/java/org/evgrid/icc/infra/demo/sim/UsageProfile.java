package org.evgrid.icc.infra.demo.sim;

import org.evgrid.icc.coreapi.archive.PileType;

/** How a pile is used over a day: when vehicles arrive, how long they stay, how much they take. */
public enum UsageProfile {
    /** Private or residential AC: arrive 18–22 h (weekends 16–23 h), leave 7–8 h next morning (weekends 8–10 h). */
    HOME_OVERNIGHT,
    /** Public fast charging: short sessions of 20–60 min spread over 7–23 h with lunch and evening peaks. */
    PUBLIC_DAYTIME,
    /** Bus or fleet depot: night charging from 21–23:30 h to 5–6 h, and a midday top-up on most weekdays. */
    FLEET_DEPOT;

    /** The usual profile of a pile type, chosen deterministically from a hash of the pile id. */
    static UsageProfile defaultFor(PileType type, long key) {
        int bucket = (int) Long.remainderUnsigned(key >>> 7, 100);
        return switch (type) {
            case AC -> bucket < 85 ? HOME_OVERNIGHT : PUBLIC_DAYTIME;
            case DC -> bucket < 75 ? PUBLIC_DAYTIME : FLEET_DEPOT;
            case V2G -> bucket < 50 ? HOME_OVERNIGHT : FLEET_DEPOT;
            default -> PUBLIC_DAYTIME;
        };
    }
}
