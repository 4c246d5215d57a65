package org.evgrid.icc.coreapi.dispatch;

import java.util.List;

/** Deviations, newest first. */
public record DeviationList(
        List<DeviationView> items,
        long total) {
}
