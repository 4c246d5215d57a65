package org.evgrid.icc.coreapi.dr;

import java.util.List;

/** Demand response events, newest trading day first. */
public record DrEventList(
        List<DrEventView> items) {
}
