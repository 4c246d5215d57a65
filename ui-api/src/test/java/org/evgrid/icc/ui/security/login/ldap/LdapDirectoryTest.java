package org.evgrid.icc.ui.security.login.ldap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.evgrid.icc.ui.security.login.Directory.Verdict;
import org.evgrid.icc.ui.testing.MovingClock;
import org.junit.jupiter.api.Test;

/**
 * The LDAP directory without a server: user names are escaped for DNs and filters (no injection), an empty password is
 * refused without contacting the directory, a directory that refuses connections is UNAVAILABLE and is not contacted again
 * until its back-off has passed, and incomplete settings are refused at start.
 */
class LdapDirectoryTest {

    private final MovingClock clock = new MovingClock(Instant.parse("2026-05-01T08:00:00Z"));

    private static LdapSettings settings(String url, String pattern, String filter) {
        return new LdapSettings(List.of(url), "dc=evgrid,dc=example", pattern, "ou=people", filter, null, null,
                Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(30));
    }

    private static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Test
    void aUserNameIsEscapedInTheDnSoItCannotAddOrChangeComponents() {
        LdapDirectory directory = new LdapDirectory(settings("ldap://127.0.0.1:1", "uid={0},ou=people", null), clock);

        assertThat(directory.relativeDn("wang")).isEqualTo("uid=wang,ou=people");
        assertThat(directory.relativeDn("x,ou=admins")).isEqualTo("uid=x\\,ou\\=admins,ou=people");
        assertThat(directory.relativeDn("a+cn=b")).isEqualTo("uid=a\\+cn\\=b,ou=people");
        assertThat(directory.relativeDn("q\"\\;<>#")).isEqualTo("uid=q\\\"\\\\\\;\\<\\>\\#,ou=people");
    }

    @Test
    void aUserNameIsEscapedInTheSearchFilterSoWildcardsAndParenthesesAreLiteral() {
        LdapDirectory directory = new LdapDirectory(settings("ldap://127.0.0.1:1", null, "(&(objectClass=inetOrgPerson)(uid={0}))"), clock);

        assertThat(directory.searchFilter("wang")).isEqualTo("(&(objectClass=inetOrgPerson)(uid=wang))");
        assertThat(directory.searchFilter("*)(uid=*")).isEqualTo("(&(objectClass=inetOrgPerson)(uid=\\2a\\29\\28uid=\\2a))");
        assertThat(directory.searchFilter("a\\b\0")).isEqualTo("(&(objectClass=inetOrgPerson)(uid=a\\5cb\\00))");
    }

    @Test
    void anEmptyPasswordIsWrongWithoutAskingTheDirectory() {
        LdapDirectory directory = new LdapDirectory(settings("ldap://127.0.0.1:1", "uid={0},ou=people", null), clock);

        assertThat(directory.authenticate("wang", "")).isEqualTo(Verdict.WRONG_PASSWORD);
        assertThat(directory.authenticate("", "Secret#2026")).isEqualTo(Verdict.WRONG_PASSWORD);
        assertThat(directory.contacts()).isZero();
    }

    @Test
    void aDirectoryThatRefusesConnectionsIsUnavailableAndSkippedDuringTheBackoff() throws IOException {
        LdapDirectory directory = new LdapDirectory(settings("ldap://127.0.0.1:" + closedPort(), "uid={0},ou=people", null), clock);
        assertThat(directory.reachable()).isTrue();

        assertThat(directory.authenticate("wang", "Secret#2026")).isEqualTo(Verdict.UNAVAILABLE);
        assertThat(directory.reachable()).isFalse();
        assertThat(directory.contacts()).isEqualTo(1);

        clock.advance(Duration.ofSeconds(29));
        assertThat(directory.authenticate("li", "Secret#2026")).isEqualTo(Verdict.UNAVAILABLE);
        assertThat(directory.contacts()).as("within the back-off the directory is not contacted").isEqualTo(1);

        clock.advance(Duration.ofSeconds(1));
        assertThat(directory.authenticate("li", "Secret#2026")).isEqualTo(Verdict.UNAVAILABLE);
        assertThat(directory.contacts()).as("after the back-off it is tried again").isEqualTo(2);
    }

    @Test
    void incompleteSettingsAreRefusedAtStart() {
        assertThatThrownBy(() -> settings("http://127.0.0.1:389", "uid={0},ou=people", null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("urls");
        assertThatThrownBy(() -> settings("ldap://127.0.0.1:389", null, " ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("user-dn-pattern");
        assertThatThrownBy(() -> settings("ldap://127.0.0.1:389", "uid=fixed,ou=people", null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("{0}");
        assertThat(LdapSettings.splitUrls("ldap://a:389, ldap://b:389")).containsExactly("ldap://a:389", "ldap://b:389");
        assertThat(new LdapSettings(List.of("ldap://a:389"), "", "uid={0}", null, null, "cn=admin", "Manager-Secret1",
                Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ZERO).toString()).doesNotContain("Manager-Secret1");
    }
}
