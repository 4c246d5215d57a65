package org.evgrid.icc.ui.auditlog;

import java.lang.reflect.RecordComponent;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.evgrid.icc.coreapi.security.CommandTypes;

/** The target of a command as its payload names it: the field marked {@code @TargetAggregateIdentifier}. */
public final class CommandTargets {

    private static final Map<Class<?>, Optional<String>> FIELDS = new ConcurrentHashMap<>();

    private CommandTargets() {
    }

    /** The target's value, or null when the type is unknown, has no target field, or the payload lacks it. */
    public static String of(String commandType, JsonNode payload) {
        if (commandType == null || payload == null || !payload.isObject()) {
            return null;
        }
        Optional<String> field = CommandTypes.byName(commandType).flatMap(c -> FIELDS.computeIfAbsent(c, CommandTargets::targetField));
        if (field.isEmpty()) {
            return null;
        }
        JsonNode value = payload.get(field.get());
        if (value == null || !value.isValueNode() || value.isNull()) {
            return null;
        }
        String text = value.asText();
        return text.length() > 256 ? text.substring(0, 256) : text;
    }

    private static Optional<String> targetField(Class<?> type) {
        if (!type.isRecord()) {
            return Optional.empty();
        }
        for (RecordComponent c : type.getRecordComponents()) {
            if (c.isAnnotationPresent(TargetAggregateIdentifier.class)) {
                return Optional.of(c.getName());
            }
            try {
                if (type.getDeclaredField(c.getName()).isAnnotationPresent(TargetAggregateIdentifier.class)) {
                    return Optional.of(c.getName());
                }
            } catch (NoSuchFieldException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }
}
