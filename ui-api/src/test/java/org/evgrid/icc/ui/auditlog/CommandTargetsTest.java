package org.evgrid.icc.ui.auditlog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class CommandTargetsTest {

    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void the_target_is_the_payload_field_the_command_routes_by() throws Exception {
        assertThat(CommandTargets.of("AcknowledgeAlarm", mapper.readTree("{\"alarmId\":\"ALM-1\",\"note\":\"seen\"}"))).isEqualTo("ALM-1");
    }

    @Test
    void an_unknown_type_or_a_payload_without_the_field_has_no_target() throws Exception {
        assertThat(CommandTargets.of("NoSuchCommand", mapper.readTree("{\"alarmId\":\"ALM-1\"}"))).isNull();
        assertThat(CommandTargets.of("AcknowledgeAlarm", mapper.readTree("{\"note\":\"seen\"}"))).isNull();
        assertThat(CommandTargets.of("AcknowledgeAlarm", mapper.readTree("[1]"))).isNull();
        assertThat(CommandTargets.of("SealAuditLog", mapper.readTree("{\"uptoSequence\":1}"))).isNull();
    }
}
