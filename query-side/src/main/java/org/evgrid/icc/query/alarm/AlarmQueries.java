package org.evgrid.icc.query.alarm;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import com.mongodb.client.MongoDatabase;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.evgrid.icc.coreapi.alarm.AlarmList;
import org.evgrid.icc.coreapi.alarm.AlarmView;
import org.evgrid.icc.coreapi.alarm.FindAlarmsQuery;
import org.evgrid.icc.coreapi.security.Role;
import org.evgrid.icc.coreapi.security.Viewer;
import org.evgrid.icc.query.alarm.internal.AlarmDocuments;
import org.evgrid.icc.query.common.ReadRules;
import org.springframework.stereotype.Component;

/**
 * Answers the alarm list, newest first. The listing reads the whole alarm collection: one document per alarm subject
 * (a deviation interval, an instruction, a bid), which stays small (hundreds a day at most); an archive of old cleared
 * alarms is left for later. Operator platforms and region-limited viewers are refused. A security operator (an
 * administrator, who does no business work) sees the center's integrity alarms only (a broken ledger, a projection that
 * differs from its rebuild), never business alarms.
 */
@Component
public class AlarmQueries {

    private final MongoDatabase database;

    public AlarmQueries(MongoDatabase database) {
        this.database = database;
    }

    @QueryHandler
    public AlarmList handle(FindAlarmsQuery query) {
        boolean systemOnly = securityOperator(query.viewer());
        if (!systemOnly) {
            ReadRules.requireReader(query.viewer(), ReadRules.CENTER_READERS, "告警", "alarms");
        }
        ReadRules.requireCenter(query.viewer(), "告警", "alarms");
        ReadRules.requireHeadquarters(query.viewer(), "告警", "Alarms");
        ReadRules.requirePage(query.page(), query.size());
        List<AlarmView> items = new ArrayList<>();
        for (Document d : database.getCollection(AlarmDocuments.COLLECTION).find()) {
            if (d.get("occurrences") == null || systemOnly && !Boolean.TRUE.equals(d.getBoolean(AlarmDocuments.SYSTEM))) {
                continue;
            }
            AlarmView view = AlarmDocuments.view(d);
            if ((query.status() == null || query.status() == view.status())
                    && (query.module() == null || query.module().isBlank() || query.module().equals(view.module()))) {
                items.add(view);
            }
        }
        items.sort(Comparator.comparing(AlarmView::time, Comparator.nullsLast(Comparator.reverseOrder()))
                .thenComparing(v -> v.alarmId().value()));
        return new AlarmList(ReadRules.page(items, query.page(), query.size()), items.size());
    }

    /** A viewer holding exactly the security operator role (administrative roles are held alone). */
    private static boolean securityOperator(Viewer viewer) {
        return viewer != null && viewer.roles() != null && viewer.roles().equals(Set.of(Role.SECURITY_OPERATOR));
    }
}
