package org.evgrid.icc.command.common;

import java.util.Map;

import org.evgrid.icc.coreapi.alarm.AlarmId;
import org.evgrid.icc.coreapi.archive.AggregationUnitId;
import org.evgrid.icc.coreapi.archive.ImportBatchId;
import org.evgrid.icc.coreapi.archive.OperatorId;
import org.evgrid.icc.coreapi.archive.PileId;
import org.evgrid.icc.coreapi.archive.StationId;
import org.evgrid.icc.coreapi.common.Identifier;
import org.evgrid.icc.coreapi.dispatch.DispatchPlanId;
import org.evgrid.icc.coreapi.dr.DrEventId;
import org.evgrid.icc.coreapi.dr.DrProgramId;
import org.evgrid.icc.coreapi.forecast.ForecastId;
import org.evgrid.icc.coreapi.forecast.ForecastRequestId;
import org.evgrid.icc.coreapi.market.BidId;
import org.evgrid.icc.coreapi.market.MarketNoticeId;
import org.evgrid.icc.coreapi.market.MarketProductCode;
import org.evgrid.icc.coreapi.security.KeyId;
import org.evgrid.icc.coreapi.security.UserId;
import org.evgrid.icc.coreapi.telemetry.TelemetryBatchId;

/**
 * The event-stream id of an aggregate: its kind and its identifier, e.g. {@code pile:P-0001}. Axon's event stores
 * key events by aggregate identifier and sequence number alone, whatever the aggregate type, and clients choose the
 * identifiers; so a station and a pile both called {@code 1001} would otherwise share one stream. Every aggregate
 * of this module uses the stream id as its {@code @AggregateIdentifier}, and {@link IccCommandTargetResolver} routes
 * commands to it.
 */
public final class StreamIds {

    private static final Map<Class<? extends Identifier>, String> KINDS = Map.ofEntries(
            Map.entry(KeyId.class, "key"),
            Map.entry(UserId.class, "user"),
            Map.entry(OperatorId.class, "operator"),
            Map.entry(StationId.class, "station"),
            Map.entry(PileId.class, "pile"),
            Map.entry(ImportBatchId.class, "import"),
            Map.entry(AggregationUnitId.class, "unit"),
            Map.entry(TelemetryBatchId.class, "tbatch"),
            Map.entry(ForecastId.class, "forecast"),
            Map.entry(ForecastRequestId.class, "forecast-request"),
            Map.entry(MarketProductCode.class, "product"),
            Map.entry(BidId.class, "bid"),
            Map.entry(MarketNoticeId.class, "notice"),
            Map.entry(DrProgramId.class, "dr-program"),
            Map.entry(DrEventId.class, "dr-event"),
            Map.entry(DispatchPlanId.class, "plan"),
            Map.entry(AlarmId.class, "alarm"));

    private StreamIds() {
    }

    /** The stream id of an identifier. */
    public static String of(Identifier id) {
        String kind = KINDS.get(id.getClass());
        if (kind == null) {
            throw new IllegalArgumentException("no aggregate kind for " + id.getClass().getName());
        }
        return kind + ":" + id.value();
    }

    /** The identifier's value within a stream id (the stream id itself if it has no kind). */
    public static String valueOf(String streamId) {
        if (streamId == null) {
            return null;
        }
        int colon = streamId.indexOf(':');
        return colon < 0 || !KINDS.containsValue(streamId.substring(0, colon)) ? streamId : streamId.substring(colon + 1);
    }
}
