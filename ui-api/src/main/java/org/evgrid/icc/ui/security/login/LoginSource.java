package org.evgrid.icc.ui.security.login;

/** Which password a console sign-in was checked against, as the login log records it ({@code source}). */
public enum LoginSource {
    /** The directory (LDAP) checked the password: it said right or wrong. */
    DIRECTORY,
    /** The center's own bcrypt hash (no directory configured, or the directory does not know the user). */
    LOCAL,
    /** The center's own hash because the directory could not be reached ({@code icc.security.ldap.fallback-to-local}). */
    LOCAL_FALLBACK
}
