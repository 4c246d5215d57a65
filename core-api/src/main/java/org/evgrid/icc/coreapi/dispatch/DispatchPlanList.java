package org.evgrid.icc.coreapi.dispatch;

import java.util.List;

/** Dispatch plans. */
public record DispatchPlanList(
        List<DispatchPlanView> items) {
}
