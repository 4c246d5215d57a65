package org.evgrid.icc.ledger.signing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.evgrid.icc.coreapi.archive.OperatorId;
import org.evgrid.icc.coreapi.security.DataScope;
import org.evgrid.icc.coreapi.security.FindPasswordStatusQuery;
import org.evgrid.icc.coreapi.security.FindUserCredentialsQuery;
import org.evgrid.icc.coreapi.security.PasswordStatusView;
import org.evgrid.icc.coreapi.security.Role;
import org.evgrid.icc.coreapi.security.ScopeLevel;
import org.evgrid.icc.coreapi.security.UserCredentialsView;
import org.evgrid.icc.coreapi.security.UserDisabledEvent;
import org.evgrid.icc.coreapi.security.UserId;
import org.evgrid.icc.coreapi.security.UserPasswordChangedEvent;
import org.evgrid.icc.coreapi.security.UserRegisteredEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class UserDirectoryProjectionIT {

    private static final Instant AT = Instant.parse("2025-03-01T08:00:00Z");
    private static final String HASH = "$2a$10$abcdefghijklmnopqrstuuJ6e3Gq6c0j1cQ4u8m8Zy9wC5bq3mN3S";

    private EmbeddedMongo mongo;
    private UserDirectoryProjection users;

    @BeforeEach
    void setUp() {
        mongo = new EmbeddedMongo();
        users = new UserDirectoryProjection(mongo.database());
    }

    @AfterEach
    void tearDown() {
        mongo.close();
    }

    private static UserRegisteredEvent registered() {
        return new UserRegisteredEvent(new UserId("u-wang"), "王芳", Set.of(Role.TRADER, Role.DISPATCHER),
                new DataScope(ScopeLevel.CITY, "3201"), new OperatorId("OP-1"), HASH);
    }

    @Test
    void registeredUserHasCredentialsForTheLogin() {
        users.on(registered(), AT);

        UserCredentialsView view = users.handle(new FindUserCredentialsQuery(new UserId("u-wang")));

        assertThat(view).isEqualTo(new UserCredentialsView(new UserId("u-wang"), "王芳", HASH, Set.of(Role.TRADER, Role.DISPATCHER),
                new DataScope(ScopeLevel.CITY, "3201"), new OperatorId("OP-1"), true));
    }

    @Test
    void unknownUserHasNoCredentials() {
        assertThat(users.handle(new FindUserCredentialsQuery(new UserId("u-nobody")))).isNull();
    }

    @Test
    void disabledUserStaysDisabledWhenEventsAreReplayed() {
        users.on(registered(), AT);
        users.on(new UserDisabledEvent(new UserId("u-wang"), "left"), AT.plusSeconds(60));
        users.on(registered(), AT);
        users.on(new UserDisabledEvent(new UserId("u-wang"), "left"), AT.plusSeconds(60));

        assertThat(users.handle(new FindUserCredentialsQuery(new UserId("u-wang"))).enabled()).isFalse();
        assertThat(mongo.database().getCollection(UserDirectoryProjection.COLLECTION).countDocuments()).isEqualTo(1);
    }

    private static String hash(int n) {
        return HASH.substring(0, 59) + n;
    }

    @Test
    void aChangedPasswordLogsInAndTheLastFiveHashesAreKeptOnceEach() {
        UserId wang = new UserId("u-wang");
        users.on(registered(), AT);
        for (int n = 1; n <= 6; n++) {
            users.on(new UserPasswordChangedEvent(wang, hash(n)), AT.plusSeconds(n));
        }
        users.on(new UserPasswordChangedEvent(wang, hash(6)), AT.plusSeconds(6));

        PasswordStatusView status = users.handle(new FindPasswordStatusQuery(wang));
        assertThat(status.passwordSetAt()).isEqualTo(AT.plusSeconds(6));
        assertThat(status.recentHashes()).containsExactly(hash(6), hash(5), hash(4), hash(3), hash(2));
        assertThat(users.handle(new FindUserCredentialsQuery(wang)).passwordHash()).isEqualTo(hash(6));
    }

    @Test
    void aRegisteredPasswordIsSetAtRegistration() {
        users.on(registered(), AT);

        assertThat(users.handle(new FindPasswordStatusQuery(new UserId("u-wang"))))
                .isEqualTo(new PasswordStatusView(new UserId("u-wang"), AT, List.of(HASH)));
    }
}
