package org.evgrid.icc.infra.audit;

import java.lang.reflect.Constructor;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.RollbackConfigurationType;
import org.axonframework.queryhandling.QueryHandler;
import org.evgrid.icc.coreapi.audit.CollectionComparison;
import org.evgrid.icc.coreapi.audit.DiagnoseProjectionQuery;
import org.evgrid.icc.coreapi.audit.FindLastProjectionDiagnosisQuery;
import org.evgrid.icc.coreapi.audit.ProjectionDiagnosisView;
import org.evgrid.icc.coreapi.common.IccException;
import org.evgrid.icc.infra.diagnosis.SystemAlarms;
import org.evgrid.icc.ledger.chain.LedgerEventSource;
import org.springframework.aop.support.AopUtils;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * Self-diagnosis of a projection (R-6.2b): its handler classes (the beans of its processing group) are instantiated
 * anew against a scratch database ({@value #SCRATCH_DATABASE} on the same client, dropped before and after), fed every
 * event from the store through Axon's {@link AnnotationEventHandlerAdapter} in {@link BatchingUnitOfWork} batches of
 * {@value #BATCH} (so per-batch writers flush as in the live processor), and the result is compared document by document
 * with the live collections of the projection (those whose names start with its prefix). Read-only on live data.
 *
 * <p>Events are fed up to the global position the live processor has reached (its in-memory tracker status, read
 * without claiming the token). If the live processor moved on during a comparison that found differences, the events
 * since are fed and the comparison repeated (at most {@value #ATTEMPTS} times); still moving, the verdict is
 * {@code LIVE_MOVED}, not {@code DIFFERENT}. Not compared: Axon's tracking tokens (collection {@code axon_tokens}) and
 * everything outside the projection's prefix; no document field is ignored in these projections (they write event
 * timestamps, never the wall clock). An unfilled gap in the live token (an event committed late) can show as a
 * difference at the newest position only. A {@code DIFFERENT} verdict raises the standard alarm
 * {@code ALM-PROJECTION-<projection>} ({@link SystemAlarms}).
 */
@Component
public class ProjectionDiagnosis {

    /** The scratch database. */
    public static final String SCRATCH_DATABASE = "icc_rebuild";
    /** Events per unit of work, as the live processors (batch size 200). */
    static final int BATCH = 200;
    static final int ATTEMPTS = 3;
    /**
     * Supported projections → prefix of their collections: those whose handlers write only their own collections from
     * the events (event time and sequence, never the clock, never another collection) in one segment, so a rebuild in
     * global order is deterministic. Not supported: {@code telemetry-rollups} (it reads each batch's readings from
     * {@code tel_readings}, which the command side writes, and pushes to the live hub), {@code forecast-projection} (not
     * examined yet), and the groups that send commands or write elsewhere ({@code forecasting}, {@code lifecycle-saga},
     * {@code gateway-outbox}).
     */
    static final Map<String, String> PREFIXES = Map.of("archive-projection", "arch_", "declaration-projection", "decl_",
            "market-projection", "mkt_", "dispatch-projection", "dsp_", "alarm-projection", "alm_");

    private final ApplicationContext context;
    private final MongoClient client;
    private final MongoDatabase live;
    private final LedgerEventSource events;
    private final EventProcessingConfiguration processing;
    private final Clock clock;
    private final SystemAlarms alarms;
    private final ReentrantLock running = new ReentrantLock();
    private final Map<String, ProjectionDiagnosisView> last = new ConcurrentHashMap<>();

    public ProjectionDiagnosis(ApplicationContext context, MongoClient client, MongoDatabase live, LedgerEventSource events,
                               EventProcessingConfiguration processing, Clock clock, SystemAlarms alarms) {
        this.alarms = alarms;
        this.context = context;
        this.client = client;
        this.live = live;
        this.events = events;
        this.processing = processing;
        this.clock = clock;
    }

    /** Rebuilds and compares the query's projection. */
    @QueryHandler
    public ProjectionDiagnosisView handle(DiagnoseProjectionQuery query) {
        String name = query.projection();
        String prefix = name == null ? null : PREFIXES.get(name);
        if (prefix == null) {
            throw IccException.notFound("ICC-AUDIT-PROJECTION", "name", "不支持自检的投影：" + name,
                    "No self-diagnosis for projection " + name,
                    "Use one of " + String.join(", ", new TreeSet<>(PREFIXES.keySet())));
        }
        if (!running.tryLock()) {
            throw IccException.conflict("ICC-AUDIT-DIAGNOSIS-BUSY", "name", "另一次投影自检正在进行",
                    "Another projection diagnosis is running", "Try again when it has finished");
        }
        try {
            ProjectionDiagnosisView report = diagnose(name, prefix);
            last.put(name, report);
            if ("DIFFERENT".equals(report.verdict())) {
                alarms.projectionDiffers(name, summary(report));
            }
            return report;
        } finally {
            running.unlock();
        }
    }

    private static String summary(ProjectionDiagnosisView report) {
        StringBuilder s = new StringBuilder("events up to position " + report.position());
        for (CollectionComparison c : report.collections()) {
            if (!c.identical()) {
                s.append("; ").append(c.collection()).append(": ").append(c.missingCount()).append(" missing, ").append(c.extraCount())
                        .append(" extra, ").append(c.differentCount()).append(" different").append(c.different().isEmpty() ? ""
                        : " (" + String.join(", ", c.different().subList(0, Math.min(5, c.different().size()))) + ")");
            }
        }
        return s.toString();
    }

    /** The last report of a projection since the start; null (not found) if none. */
    @QueryHandler
    public ProjectionDiagnosisView handle(FindLastProjectionDiagnosisQuery query) {
        return query.projection() == null ? null : last.get(query.projection());
    }

    private ProjectionDiagnosisView diagnose(String name, String prefix) {
        Instant started = clock.instant();
        MongoDatabase scratch = client.getDatabase(SCRATCH_DATABASE);
        scratch.drop();
        try {
            List<AnnotationEventHandlerAdapter> handlers = handlersOf(name, scratch);
            long fed = -1;
            long count = 0;
            List<CollectionComparison> comparisons = List.of();
            String verdict = "LIVE_MOVED";
            for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
                long target = livePosition(name);
                count += feed(handlers, fed, target);
                fed = Math.max(fed, target);
                comparisons = new DocumentComparison(live, scratch, prefix).compare();
                boolean identical = comparisons.stream().allMatch(CollectionComparison::identical);
                if (identical) {
                    verdict = "IDENTICAL";
                    break;
                }
                if (livePosition(name) == target) {
                    verdict = "DIFFERENT";
                    break;
                }
            }
            return new ProjectionDiagnosisView(name, fed, count, started, clock.instant(), comparisons,
                    List.of("axon_tokens (tracking tokens)", "collections not starting with " + prefix), verdict);
        } finally {
            scratch.drop();
        }
    }

    /** New instances of the group's handler classes, writing to the scratch database. */
    private List<AnnotationEventHandlerAdapter> handlersOf(String group, MongoDatabase scratch) {
        List<Class<?>> types = new ArrayList<>();
        for (Object bean : context.getBeansWithAnnotation(ProcessingGroup.class).values()) {
            Class<?> type = AopUtils.getTargetClass(bean);
            ProcessingGroup annotation = type.getAnnotation(ProcessingGroup.class);
            if (annotation != null && annotation.value().equals(group)) {
                types.add(type);
            }
        }
        types.sort(Comparator.comparing(Class::getName));
        List<AnnotationEventHandlerAdapter> adapters = new ArrayList<>();
        for (Class<?> type : types) {
            adapters.add(new AnnotationEventHandlerAdapter(instantiate(type, scratch)));
        }
        return adapters;
    }

    private Object instantiate(Class<?> type, MongoDatabase scratch) {
        Constructor<?> constructor = Stream.of(type.getConstructors()).max(Comparator.comparingInt(Constructor::getParameterCount))
                .orElseThrow(() -> new IllegalStateException("no public constructor on " + type.getName()));
        Class<?>[] parameters = constructor.getParameterTypes();
        Object[] arguments = new Object[parameters.length];
        for (int i = 0; i < parameters.length; i++) {
            arguments[i] = parameters[i] == MongoDatabase.class ? scratch : context.getBean(parameters[i]);
        }
        try {
            return constructor.newInstance(arguments);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot create " + type.getName() + " for the rebuild", e);
        }
    }

    /** Feeds the events after {@code after} up to {@code upTo} (global positions) in batches; answers how many. */
    private long feed(List<AnnotationEventHandlerAdapter> handlers, long after, long upTo) {
        if (upTo <= after) {
            return 0;
        }
        long count = 0;
        List<EventMessage<?>> batch = new ArrayList<>(BATCH);
        try (Stream<TrackedEventMessage<?>> stream = events.readAfter(after)) {
            for (TrackedEventMessage<?> event : (Iterable<TrackedEventMessage<?>>) stream::iterator) {
                if (position(event.trackingToken()) > upTo) {
                    break;
                }
                if (handlers.stream().anyMatch(h -> h.canHandle(event))) {
                    batch.add(event);
                }
                count++;
                if (batch.size() == BATCH) {
                    handleBatch(handlers, batch);
                    batch = new ArrayList<>(BATCH);
                }
            }
        }
        if (!batch.isEmpty()) {
            handleBatch(handlers, batch);
        }
        return count;
    }

    private static void handleBatch(List<AnnotationEventHandlerAdapter> handlers, List<EventMessage<?>> batch) {
        BatchingUnitOfWork<EventMessage<?>> unitOfWork = new BatchingUnitOfWork<>(batch);
        ResultMessage<Object> result = unitOfWork.executeWithResult(() -> {
            EventMessage<?> message = unitOfWork.getMessage();
            for (AnnotationEventHandlerAdapter handler : handlers) {
                if (handler.canHandle(message)) {
                    handler.handle(message);
                }
            }
            return null;
        }, RollbackConfigurationType.ANY_THROWABLE);
        if (result.isExceptional()) {
            throw new IllegalStateException("rebuild failed: " + result.exceptionResult().getMessage(), result.exceptionResult());
        }
    }

    /** The global position the live processor has reached (its slowest segment); -1 before any event. */
    private long livePosition(String name) {
        StreamingEventProcessor processor = processing.eventProcessor(name, StreamingEventProcessor.class)
                .orElseThrow(() -> IccException.notFound("ICC-AUDIT-PROJECTION", "name", "投影 " + name + " 未运行",
                        "Projection " + name + " is not running", "Check the projection's name and that the center runs it"));
        Map<Integer, EventTrackerStatus> status = processor.processingStatus();
        if (status.isEmpty()) {
            throw IccException.unprocessable("ICC-AUDIT-PROCESSOR-IDLE", "name", "投影 " + name + " 尚未开始处理事件",
                    "Projection " + name + " has not started processing yet", "Try again in a few seconds");
        }
        long slowest = Long.MAX_VALUE;
        for (EventTrackerStatus s : status.values()) {
            slowest = Math.min(slowest, positionOf(s.getTrackingToken()).orElse(-1));
        }
        return slowest == Long.MAX_VALUE ? -1 : slowest;
    }

    private static long position(TrackingToken token) {
        return positionOf(token).orElse(-1);
    }

    private static OptionalLong positionOf(TrackingToken token) {
        return token == null ? OptionalLong.empty() : WrappedToken.unwrapLowerBound(token).position();
    }
}
