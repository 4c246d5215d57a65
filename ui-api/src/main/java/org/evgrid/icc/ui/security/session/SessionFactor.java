package org.evgrid.icc.ui.security.session;

/** How a console user proved who they are when the session opened. */
public enum SessionFactor {
    /** User name and password (local account or directory). */
    PASSWORD,
    /** A one-time code of the enrolled authenticator (RFC 6238). */
    TOTP,
    /** A sign-in challenge signed with a key registered to the user. */
    KEY
}
