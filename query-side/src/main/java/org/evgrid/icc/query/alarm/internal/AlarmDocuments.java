package org.evgrid.icc.query.alarm.internal;

import static org.evgrid.icc.query.common.StoredValues.instant;
import static org.evgrid.icc.query.common.StoredValues.readEnum;
import static org.evgrid.icc.query.common.StoredValues.readLong;

import java.util.ArrayList;
import java.util.List;

import org.bson.Document;
import org.evgrid.icc.coreapi.alarm.AlarmId;
import org.evgrid.icc.coreapi.alarm.AlarmLevel;
import org.evgrid.icc.coreapi.alarm.AlarmStatus;
import org.evgrid.icc.coreapi.alarm.AlarmView;

/**
 * Layout of the alarm list: collection {@value #COLLECTION}, {@code _id = alarmId} ({@code ALM-<type>-<subject>}), one
 * document per alarm with the R-6.2b record and {@code applied}: the last sequence number taken per source stream.
 */
public final class AlarmDocuments {

    public static final String COLLECTION = "alm_alarms";
    public static final String STATUS = "status";
    public static final String MODULE = "module";
    public static final String TIME = "time";
    public static final String APPLIED = "applied";
    /** Set (true) on alarms the center raised about its own integrity. */
    public static final String SYSTEM = "system";

    private static final int MAX_ID = 240;

    private AlarmDocuments() {
    }

    /** The alarm id of a type and subject, the subject shortened from the front if the id would be too long. */
    public static AlarmId alarmId(String type, String subject) {
        int room = MAX_ID - ("ALM-" + type + "-").length();
        String kept = subject.length() > room ? subject.substring(subject.length() - room) : subject;
        while (!kept.isEmpty() && !Character.isLetterOrDigit(kept.charAt(0))) {
            kept = kept.substring(1);
        }
        return AlarmId.of(type, kept);
    }

    /** The last sequence number the alarm took from a stream, or -1. */
    public static long applied(Document alarm, String stream) {
        for (Document a : alarm.getList(APPLIED, Document.class, List.of())) {
            if (stream.equals(a.getString("stream"))) {
                return readLong(a, "seq", -1L);
            }
        }
        return -1L;
    }

    /** Records that the alarm took sequence number {@code seq} of a stream. */
    public static void markApplied(Document alarm, String stream, long seq) {
        List<Document> applied = new ArrayList<>(alarm.getList(APPLIED, Document.class, List.of()));
        applied.removeIf(a -> stream.equals(a.getString("stream")));
        applied.add(new Document("stream", stream).append("seq", seq));
        alarm.put(APPLIED, applied);
    }

    public static AlarmView view(Document d) {
        return new AlarmView(
                new AlarmId(d.getString("_id")),
                instant(d, TIME),
                d.getString("type"),
                readEnum(d, "level", AlarmLevel.class),
                readEnum(d, STATUS, AlarmStatus.class),
                d.getString(MODULE),
                d.getString("title"),
                d.getString("details"),
                readLong(d, "occurrences", 0L),
                instant(d, "firstTime"),
                readLong(d, "repeatCount", 0L),
                d.getString("subject"),
                d.getString("acknowledgedBy"),
                instant(d, "acknowledgedAt"),
                d.getString("note"));
    }
}
