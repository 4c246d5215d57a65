package org.evgrid.icc.command.dispatch;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * When an instruction issued now must be answered: the clock plus {@link DispatchSettings#instructionTimeout()} (the
 * {@link DispatchSettings} bean if infra provides one, else the defaults).
 */
@Component
public class InstructionDeadlines {

    private final Clock clock;
    private final DispatchSettings settings;

    @Autowired
    public InstructionDeadlines(Clock clock, ObjectProvider<DispatchSettings> settings) {
        this(clock, settings.getIfAvailable(DispatchSettings::defaults));
    }

    public InstructionDeadlines(Clock clock, DispatchSettings settings) {
        this.clock = clock;
        this.settings = settings;
    }

    /** The response deadline of an instruction issued now. */
    public Instant responseDeadline() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS).plus(settings.instructionTimeout());
    }
}
