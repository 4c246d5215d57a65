package org.evgrid.icc.coreapi.audit;

import java.time.Instant;
import java.util.List;

/**
 * The result of a projection self-diagnosis: events replayed up to {@code position} (the global position the live
 * processor had reached), the comparison per collection, the fields ignored and the verdict
 * ({@code IDENTICAL}, {@code DIFFERENT}, or {@code LIVE_MOVED} when live documents changed during the comparison).
 */
public record ProjectionDiagnosisView(
        String projection,
        long position,
        long eventsReplayed,
        Instant startedAt,
        Instant finishedAt,
        List<CollectionComparison> collections,
        List<String> ignored,
        String verdict) {
}
