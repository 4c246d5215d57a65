package org.evgrid.icc.query.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.evgrid.icc.query.archive.ArchiveEvents.at;
import static org.evgrid.icc.query.archive.ArchiveEvents.event;
import static org.evgrid.icc.query.archive.ArchiveEvents.operatorRegistered;

import java.math.BigDecimal;
import java.util.Date;
import java.util.Map;
import org.axonframework.eventhandling.DomainEventMessage;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.evgrid.icc.coreapi.archive.Contact;
import org.evgrid.icc.coreapi.archive.OperatorId;
import org.evgrid.icc.coreapi.archive.OperatorReinstatedEvent;
import org.evgrid.icc.coreapi.archive.OperatorSuspendedEvent;
import org.evgrid.icc.coreapi.archive.OperatorUpdatedEvent;
import org.evgrid.icc.query.archive.internal.ArchiveCollections;
import org.junit.jupiter.api.Test;

class OperatorArchiveProjectionTest extends ArchiveTestBase {

    private static final OperatorId OP_A = new OperatorId("OP-A");

    private static DomainEventMessage<?> updated(long seq, String name, int minutes) {
        return event("OP-A", seq, new OperatorUpdatedEvent(OP_A, name, new Contact("李四", "13900000000", "li@example.com"),
                new BigDecimal("0.4500")), at(minutes));
    }

    @Test
    void aRegisteredOperatorIsStoredActiveWithItsMasterData() {
        apply(operatorRegistered("OP-A", at(0)));

        Document operator = doc(ArchiveCollections.OPERATORS, "OP-A");
        assertThat(operator.getString("name")).isEqualTo("运营商 OP-A");
        assertThat(operator.getString("creditCode")).isEqualTo("91320000MA1OP-A");
        assertThat(operator.get("contact", Document.class).getString("phone")).isEqualTo("13800000000");
        assertThat(operator.get("shareRatio", Decimal128.class).bigDecimalValue()).isEqualTo(new BigDecimal("0.3500"));
        assertThat(operator.getString("status")).isEqualTo("ACTIVE");
        assertThat(operator.getLong("seq")).isZero();
        assertThat(operator.getDate("registeredAt")).isEqualTo(Date.from(at(0)));
    }

    @Test
    void updatesSuspensionAndReinstatementApplyInTheAggregatesOrder() {
        apply(operatorRegistered("OP-A", at(0)), updated(1, "运营商甲", 1));
        apply(event("OP-A", 2, new OperatorSuspendedEvent(OP_A, "欠费"), at(2)));
        assertThat(doc(ArchiveCollections.OPERATORS, "OP-A").getString("status")).isEqualTo("SUSPENDED");

        apply(event("OP-A", 3, new OperatorReinstatedEvent(OP_A, "已缴费"), at(3)));

        Document operator = doc(ArchiveCollections.OPERATORS, "OP-A");
        assertThat(operator.getString("status")).isEqualTo("ACTIVE");
        assertThat(operator.getString("name")).isEqualTo("运营商甲");
        assertThat(operator.get("contact", Document.class).getString("name")).isEqualTo("李四");
        assertThat(operator.getLong("seq")).isEqualTo(3);
        assertThat(operator.getDate("updatedAt")).isEqualTo(Date.from(at(3)));
    }

    @Test
    void aChangeOlderThanTheStoredSequenceIsIgnored() {
        apply(operatorRegistered("OP-A", at(0)), updated(1, "运营商甲", 1), updated(2, "运营商乙", 2));

        apply(updated(1, "运营商甲", 1));

        assertThat(doc(ArchiveCollections.OPERATORS, "OP-A").getString("name")).isEqualTo("运营商乙");
    }

    @Test
    void aReplayedRegistrationKeepsTheLaterChanges() {
        apply(operatorRegistered("OP-A", at(0)), updated(1, "运营商甲", 1));
        Map<String, Map<String, Document>> before = store.snapshot();

        apply(operatorRegistered("OP-A", at(0)));
        apply(updated(1, "运营商甲", 1));

        assertThat(store.snapshot()).isEqualTo(before);
    }
}
