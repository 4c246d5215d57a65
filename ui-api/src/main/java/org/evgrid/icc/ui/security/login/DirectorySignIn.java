package org.evgrid.icc.ui.security.login;

/**
 * How console passwords are checked: against the {@link Directory} when one is configured (null: only local accounts), and
 * whether a directory that cannot be reached falls back to the local hash ({@code icc.security.ldap.fallback-to-local}) or
 * refuses with {@code 503 ICC-AUTH-DIRECTORY-UNAVAILABLE}.
 */
public record DirectorySignIn(Directory directory, boolean fallbackToLocal) {

    /** No directory: every password is checked against the center's own hash. */
    public static final DirectorySignIn NONE = new DirectorySignIn(null, true);

    /** Whether a directory is configured. */
    public boolean enabled() {
        return directory != null;
    }
}
