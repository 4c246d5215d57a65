package org.evgrid.icc.ui.security.login;

/** The outcome of a console authentication attempt (or of a credential change), as the login log records it. */
public enum LoginResult {
    /** Right password (and code, if enrolled). */
    SUCCESS,
    /** Wrong password for a known user. */
    BAD_PASSWORD,
    /** No such user (the caller is told the same as for a wrong password). */
    UNKNOWN_USER,
    /** The user is disabled (the caller is told the same as for a wrong password). */
    DISABLED,
    /** Refused without checking the password: the user id is locked after too many failures. */
    LOCKED,
    /** Right password, but it has expired: only the password change is allowed. */
    EXPIRED,
    /** Right password, but it breaks the password rules (as registered): only the password change is allowed. */
    WEAK_PASSWORD,
    /** Right password, but the user's one-time code is missing. */
    TOTP_REQUIRED,
    /** Right password, wrong one-time code. */
    TOTP_INVALID,
    /** The user changed the password. */
    PASSWORD_CHANGED,
    /** The user enrolled a one-time-code authenticator. */
    TOTP_ENROLLED,
    /** A console session opened (password and second factor). */
    SESSION_OPENED,
    /** The user signed out. */
    SESSION_CLOSED,
    /** A session's token came back after the session ended (idle, too old, user disabled). */
    SESSION_EXPIRED,
    /** Right password, but the signed sign-in challenge did not verify (counts towards the lock). */
    SECOND_FACTOR_INVALID,
    /** The directory (LDAP) could not be reached and falling back to the local password is not allowed. */
    DIRECTORY_UNAVAILABLE,
    /** Refused without checking the password: too many failed sign-ins from the client's address ({@link AddressThrottle}). */
    ADDRESS_BLOCKED
}
