package org.evgrid.icc.command.audit;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.GenericAggregateFactory;
import org.axonframework.eventsourcing.NoSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.annotation.ClasspathParameterResolverFactory;
import org.axonframework.messaging.annotation.FixedValueParameterResolver;
import org.axonframework.messaging.annotation.MultiParameterResolverFactory;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.modelling.command.inspection.AggregateModel;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;
import org.axonframework.queryhandling.QueryHandler;
import org.evgrid.icc.coreapi.audit.AggregateStateView;
import org.evgrid.icc.coreapi.audit.FindAggregateStateQuery;
import org.evgrid.icc.coreapi.common.IccException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * An aggregate's state as of an instant, for auditors: its events up to that instant are read from the event store
 * and applied to a FRESH instance of its class through Axon's aggregate meta-model (the steps of
 * {@code EventSourcingRepository}, without the live repository, its lock or its cache; nothing is published). The
 * state is answered as the instance's fields (Jackson, field visibility), without transient, static or injected fields
 * (a field annotated {@code @Autowired}/{@code @Inject}, or of an Axon or {@link java.time.Clock} type).
 */
@Component
public class AggregateStateReplay {

    private final EventStore events;
    private final ObjectMapper mapper;
    private final Map<Class<?>, AggregateModel<?>> models = new ConcurrentHashMap<>();

    /** With the application's mapper (identifiers as plain strings) if there is one. */
    @Autowired
    public AggregateStateReplay(EventStore events, ObjectProvider<ObjectMapper> mapper) {
        this(events, mapper.getIfAvailable(() -> new ObjectMapper().findAndRegisterModules()));
    }

    public AggregateStateReplay(EventStore events, ObjectMapper mapper) {
        this.events = events;
        this.mapper = mapper.copy()
                .setVisibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
                .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    }

    /** The state of the query's stream as of its instant; 404 if the kind is unknown or no event came before. */
    @QueryHandler
    public AggregateStateView handle(FindAggregateStateQuery query) {
        String streamId = query.streamId();
        if (AggregateKinds.kindOf(streamId).isEmpty()) {
            throw unknownKind(streamId);
        }
        List<DomainEventMessage<?>> applied = new ArrayList<>();
        DomainEventStream stream = events.readEvents(streamId);
        while (stream.hasNext()) {
            DomainEventMessage<?> event = stream.next();
            if (query.asOf() != null && event.getTimestamp().isAfter(query.asOf())) {
                break;
            }
            applied.add(event);
        }
        Optional<Class<?>> known = AggregateKinds.classOf(streamId);
        if (applied.isEmpty()) {
            if (known.isEmpty()) {
                throw unknownKind(streamId);
            }
            throw IccException.notFound("ICC-AUDIT-NO-EVENTS", "asOf",
                    "对象 " + streamId + " 在该时间之前没有任何记录",
                    "Stream " + streamId + " has no event " + (query.asOf() == null ? "" : "at or before " + query.asOf()),
                    "Check the stream id (e.g. pile:P-0001) or choose a later asOf");
        }
        Class<?> type = known.or(() -> AggregateKinds.classOfType(applied.get(0).getType())).orElseThrow(() -> unknownKind(streamId));
        Object root = replay(type, streamId, applied);
        DomainEventMessage<?> last = applied.get(applied.size() - 1);
        return new AggregateStateView(streamId, type.getSimpleName(), query.asOf(), last.getSequenceNumber(),
                last.getTimestamp(), applied.size(), stateOf(root));
    }

    /** A fresh instance of {@code type} with the given events applied. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static Object replay(Class<?> type, String streamId, List<DomainEventMessage<?>> applied) {
        AggregateModel model = AnnotatedAggregateMetaModelFactory.inspectAggregate(type, new MultiParameterResolverFactory(
                ClasspathParameterResolverFactory.forClass(type), COLLABORATORS_UNUSED));
        return replayWith(model, streamId, applied);
    }

    /**
     * Command handlers take collaborators (clock, deadline manager, stores) that a replay never needs: only event
     * sourcing handlers run. Parameters the classpath factories cannot resolve are resolved to null instead of failing
     * the inspection of the whole aggregate.
     */
    private static final ParameterResolverFactory COLLABORATORS_UNUSED = (executable, parameters, index) ->
            new FixedValueParameterResolver<>(null);

    private static <T> T replayWith(AggregateModel<T> model, String streamId, List<DomainEventMessage<?>> applied) {
        T root = new GenericAggregateFactory<>(model).createAggregateRoot(streamId, applied.get(0));
        EventSourcedAggregate<T> aggregate = EventSourcedAggregate.initialize(root, model, null,
                NoSnapshotTriggerDefinition.TRIGGER);
        aggregate.initializeState(DomainEventStream.of(applied));
        return aggregate.getAggregateRoot();
    }

    /** The fields of an aggregate instance as JSON values. */
    Map<String, Object> stateOf(Object root) {
        Map<String, Object> state = new LinkedHashMap<>();
        for (Field field : fieldsOf(root.getClass())) {
            if (skipped(field)) {
                continue;
            }
            try {
                field.setAccessible(true);
                Object value = field.get(root);
                state.put(field.getName(), value == null ? null : mapper.convertValue(value, new TypeReference<Object>() {
                }));
            } catch (IllegalAccessException | IllegalArgumentException | java.lang.reflect.InaccessibleObjectException e) {
                state.put(field.getName(), String.valueOf(e.getMessage()));
            }
        }
        return state;
    }

    private static List<Field> fieldsOf(Class<?> type) {
        List<Class<?>> chain = new ArrayList<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            chain.add(0, c);
        }
        List<Field> fields = new ArrayList<>();
        chain.forEach(c -> fields.addAll(Arrays.asList(c.getDeclaredFields())));
        return fields;
    }

    private static boolean skipped(Field field) {
        int modifiers = field.getModifiers();
        if (Modifier.isStatic(modifiers) || Modifier.isTransient(modifiers) || field.isSynthetic()) {
            return true;
        }
        boolean injected = Arrays.stream(field.getAnnotations()).map(a -> a.annotationType().getSimpleName())
                .anyMatch(n -> n.equals("Autowired") || n.equals("Inject") || n.equals("Value"));
        String typeName = field.getType().getName();
        return injected || typeName.startsWith("org.axonframework.") || typeName.equals("java.time.Clock")
                || typeName.startsWith("org.springframework.") || typeName.startsWith("com.mongodb.");
    }

    private static IccException unknownKind(String streamId) {
        Optional<String> kind = AggregateKinds.kindOf(streamId);
        return IccException.notFound("ICC-AUDIT-STREAM-KIND", "streamId",
                "无法识别对象类型：" + kind.orElse(streamId),
                "Unknown kind of stream: " + kind.orElse(streamId),
                "Send a stream id as kind:id with one of the kinds " + AggregateKinds.known() + ", e.g. pile:P-0001");
    }
}
