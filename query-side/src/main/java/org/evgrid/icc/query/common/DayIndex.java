package org.evgrid.icc.query.common;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import org.bson.Document;

/**
 * Membership documents per day: {@code _id = "<kind>|<yyyy-MM-dd>"} with the member ids in field {@value #IDS}. A
 * bounded range is read by id; an open range (or one longer than {@link ReadRules#MAX_KEYED_DAYS} days) scans the day
 * collection, which holds one small document per kind and day and so stays small.
 */
public final class DayIndex {

    /** The members field. */
    public static final String IDS = "ids";

    private DayIndex() {
    }

    /** The membership document id of a kind and day. */
    public static String key(String kind, LocalDate day) {
        return kind + "|" + day;
    }

    /** The member ids of a kind over the optional day range, in ascending day order. */
    public static List<String> members(MongoCollection<Document> days, String kind, LocalDate from, LocalDate to) {
        List<LocalDate> keyed = ReadRules.days(from, to);
        List<Document> docs = new ArrayList<>();
        if (keyed != null) {
            List<String> keys = keyed.stream().map(day -> key(kind, day)).toList();
            days.find(Filters.in("_id", keys)).forEach(docs::add);
        } else {
            String prefix = kind + "|";
            for (Document d : days.find()) {
                String id = d.getString("_id");
                if (id != null && id.startsWith(prefix) && ReadRules.inRange(LocalDate.parse(id.substring(prefix.length())), from, to)) {
                    docs.add(d);
                }
            }
        }
        docs.sort((a, b) -> a.getString("_id").compareTo(b.getString("_id")));
        Set<String> ids = new LinkedHashSet<>();
        docs.forEach(d -> ids.addAll(d.getList(IDS, String.class, List.of())));
        return new ArrayList<>(ids);
    }
}
