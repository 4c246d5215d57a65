package org.evgrid.icc.saga.lifecycle;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.evgrid.icc.coreapi.security.CenterCommands;

/**
 * Test double of the center's signed command path: records every command the saga sends; a refusal rule may throw
 * for chosen commands (return null to accept).
 */
final class RecordingCenterCommands implements CenterCommands {

    private final List<Object> sent = new ArrayList<>();
    private Function<Object, RuntimeException> refusal = c -> null;

    @Override
    public Object send(Object command) {
        sent.add(command);
        RuntimeException refused = refusal.apply(command);
        if (refused != null) {
            throw refused;
        }
        return null;
    }

    void refuseWith(Function<Object, RuntimeException> rule) {
        this.refusal = rule;
    }

    List<Object> sent() {
        return sent;
    }

    <T> List<T> sent(Class<T> type) {
        return sent.stream().filter(type::isInstance).map(type::cast).toList();
    }

    void clear() {
        sent.clear();
    }
}
