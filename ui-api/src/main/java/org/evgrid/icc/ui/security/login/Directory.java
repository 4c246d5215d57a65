package org.evgrid.icc.ui.security.login;

/**
 * A directory that checks console passwords (LDAP: {@code security.login.ldap.LdapDirectory}). It only says whether the
 * password is right: roles and data scope always come from the center's signed user registry.
 */
public interface Directory {

    /** What the directory says about a user name and password. */
    enum Verdict {
        /** The directory knows the user and the password is right. */
        AUTHENTICATED,
        /** The directory knows the user and refused the password (never retried against the local hash). */
        WRONG_PASSWORD,
        /** The directory does not know the user: the center's own account decides (break-glass and service accounts). */
        UNKNOWN_USER,
        /** The directory cannot be reached (or did not answer in time, or is in its back-off after such a failure). */
        UNAVAILABLE
    }

    /** Checks the password of the user (the name as typed; implementations escape it). Never throws. */
    Verdict authenticate(String user, String password);

    /** Whether the last contact succeeded (true before the first one). */
    boolean reachable();
}
