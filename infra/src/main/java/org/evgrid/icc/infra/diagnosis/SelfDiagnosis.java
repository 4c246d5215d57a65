package org.evgrid.icc.infra.diagnosis;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;

import javax.sql.DataSource;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Projections;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.evgrid.icc.coreapi.diagnosis.DiagnosisView;
import org.evgrid.icc.coreapi.diagnosis.FindDiagnosisQuery;
import org.evgrid.icc.coreapi.diagnosis.LedgerVerificationRecord;
import org.evgrid.icc.coreapi.diagnosis.ProcessorStatus;
import org.evgrid.icc.coreapi.diagnosis.StoreStatus;
import org.evgrid.icc.infra.diagnosis.internal.DiagnosisRules;
import org.evgrid.icc.infra.gateway.internal.OutboxStore;
import org.evgrid.icc.infra.health.ProcessorLagMetrics;
import org.evgrid.icc.ui.security.login.DirectorySignIn;
import org.jobrunr.jobs.states.StateName;
import org.jobrunr.storage.StorageProvider;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Self-diagnosis (R-6.2b, {@code GET /api/v1/diagnosis}): the stores (event store: reachable, event count, head global
 * index; MongoDB: answers a ping), every event processor (running, in error, lag), the latest background ledger
 * verification and its age, the deadline jobs by state (JobRunr), the gateway outbox by status, the debug switch, the
 * sign-in directory (LDAP, {@code directory} among the stores, only when configured; as of the last sign-in), and the
 * overall verdict of {@link DiagnosisRules}. Read-only; the job and outbox counts scan their (small) collections.
 */
@Component
public class SelfDiagnosis {

    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;
    private final ProcessorLagMetrics lagMetrics;
    private final MongoDatabase mongo;
    private final ObjectProvider<DataSource> dataSource;
    private final ObjectProvider<StorageProvider> jobs;
    private final LedgerVerificationJob verification;
    private final DebugSwitch debug;
    private final Clock clock;
    private final DiagnosisRules rules;
    private final Instant started;
    private final EventSchema schema = EventSchema.builder().build();
    private final ObjectProvider<DirectorySignIn> directory;

    public SelfDiagnosis(EventProcessingConfiguration processing, EventStore eventStore, ProcessorLagMetrics lagMetrics,
                         MongoDatabase mongo, ObjectProvider<DataSource> dataSource, ObjectProvider<StorageProvider> jobs,
                         LedgerVerificationJob verification, DebugSwitch debug, Clock clock, ObjectProvider<DirectorySignIn> directory,
                         @Value("${icc.diagnosis.lag-threshold:10000}") long lagThreshold,
                         @Value("${icc.diagnosis.verification-max-age:PT3H}") Duration verificationMaxAge,
                         @Value("${icc.diagnosis.outbox-threshold:1000}") long outboxThreshold) {
        this.processing = processing;
        this.eventStore = eventStore;
        this.lagMetrics = lagMetrics;
        this.mongo = mongo;
        this.dataSource = dataSource;
        this.jobs = jobs;
        this.verification = verification;
        this.debug = debug;
        this.clock = clock;
        this.directory = directory;
        this.rules = new DiagnosisRules(lagThreshold, verificationMaxAge, outboxThreshold);
        this.started = clock.instant();
    }

    @QueryHandler
    public DiagnosisView handle(FindDiagnosisQuery query) {
        Instant now = clock.instant();
        List<StoreStatus> stores = new ArrayList<>(List.of(eventStoreStatus(), mongoStatus()));
        boolean mongoUp = stores.get(1).reachable();
        DirectorySignIn signIn = directory.getIfAvailable();
        if (signIn != null && signIn.enabled()) {
            stores.add(directoryStatus(signIn));
        }
        List<ProcessorStatus> processors = processors();
        LedgerVerificationRecord latest = mongoUp ? verification.latest() : null;
        Duration since = Duration.between(latest == null ? started : latest.at(), now);
        Map<String, Long> deadlineJobs = mongoUp ? deadlineJobs() : Map.of();
        Map<String, Long> outbox = mongoUp ? outbox() : Map.of();
        DiagnosisRules.Judgement judgement = rules.judge(stores, processors, latest, since, deadlineJobs, outbox);
        return new DiagnosisView(now, judgement.verdict(), judgement.reasonsZh(), judgement.reasonsEn(), stores, processors,
                latest, latest == null ? null : Duration.between(latest.at(), now).toSeconds(), deadlineJobs, outbox, debug.view());
    }

    private StoreStatus eventStoreStatus() {
        Long head;
        try {
            head = positionOf(eventStore.createHeadToken()).stream().boxed().findFirst().orElse(-1L);
        } catch (RuntimeException e) {
            return new StoreStatus("event-store", false, null, null, "the event store does not answer: " + e.getMessage());
        }
        DataSource ds = dataSource.getIfAvailable();
        if (ds == null) {
            return new StoreStatus("event-store", true, null, head, "Axon Server");
        }
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + schema.domainEventTable())) {
            rs.next();
            return new StoreStatus("event-store", true, rs.getLong(1), head, "JDBC");
        } catch (SQLException e) {
            return new StoreStatus("event-store", false, null, head, "the event store database does not answer: " + e.getMessage());
        }
    }

    private StoreStatus mongoStatus() {
        try {
            mongo.runCommand(new Document("ping", 1));
            return new StoreStatus("mongodb", true, null, null, "database " + mongo.getName());
        } catch (RuntimeException e) {
            return new StoreStatus("mongodb", false, null, null, "MongoDB does not answer: " + e.getMessage());
        }
    }

    /** The sign-in directory as of its last contact (a sign-in), not probed here. */
    private static StoreStatus directoryStatus(DirectorySignIn signIn) {
        boolean up = signIn.directory().reachable();
        return new StoreStatus(DiagnosisRules.DIRECTORY, up, null, null, up ? "LDAP answered at the last sign-in"
                : signIn.fallbackToLocal() ? "LDAP did not answer at the last sign-in: console users sign in with local passwords"
                : "LDAP did not answer at the last sign-in: console sign-in is refused (503)");
    }

    private List<ProcessorStatus> processors() {
        List<ProcessorStatus> found = new ArrayList<>();
        OptionalLong head = positionOf(eventStore.createHeadToken());
        for (Map.Entry<String, EventProcessor> entry : new TreeMap<>(processing.eventProcessors()).entrySet()) {
            EventProcessor p = entry.getValue();
            String kind = p instanceof TrackingEventProcessor ? "tracking"
                    : p instanceof PooledStreamingEventProcessor ? "pooled-streaming"
                    : p instanceof StreamingEventProcessor ? "streaming" : "subscribing";
            Long lag = null;
            if (p instanceof TrackingEventProcessor tep) {
                double l = lagMetrics.lag(tep);
                lag = Double.isNaN(l) ? null : (long) l;
            } else if (p instanceof StreamingEventProcessor sep) {
                lag = lag(sep, head);
            }
            found.add(new ProcessorStatus(entry.getKey(), kind, p.isRunning(), p.isError(), lag));
        }
        return found;
    }

    private static Long lag(StreamingEventProcessor processor, OptionalLong head) {
        Map<Integer, EventTrackerStatus> status = processor.processingStatus();
        if (head.isEmpty() || status.isEmpty()) {
            return head.isEmpty() ? 0L : null;
        }
        long slowest = Long.MAX_VALUE;
        for (EventTrackerStatus s : status.values()) {
            slowest = Math.min(slowest, positionOf(s.getTrackingToken()).orElse(-1));
        }
        return Math.max(0, head.getAsLong() - slowest);
    }

    private static OptionalLong positionOf(TrackingToken token) {
        return token == null ? OptionalLong.empty() : WrappedToken.unwrapLowerBound(token).position();
    }

    private Map<String, Long> deadlineJobs() {
        StorageProvider provider = jobs.getIfAvailable();
        Map<String, Long> counts = new LinkedHashMap<>();
        if (provider == null) {
            return counts;
        }
        for (StateName state : List.of(StateName.SCHEDULED, StateName.ENQUEUED, StateName.PROCESSING, StateName.FAILED)) {
            counts.put(state.name(), provider.countJobs(state));
        }
        return counts;
    }

    private Map<String, Long> outbox() {
        Map<String, Long> counts = new TreeMap<>();
        for (OutboxStore.Status status : OutboxStore.Status.values()) {
            counts.put(status.name(), 0L);
        }
        for (Document d : mongo.getCollection(OutboxStore.COLLECTION).find().projection(Projections.include("status"))) {
            counts.merge(String.valueOf(d.get("status")), 1L, Long::sum);
        }
        return counts;
    }
}
