package org.evgrid.icc.ui.security.login.ldap;

import java.time.Duration;
import java.util.List;

/**
 * The directory settings ({@code icc.security.ldap.*}): server {@code urls} (tried in order), the {@code base} DN, how a
 * user name becomes an entry — {@code userDnPattern} relative to the base (e.g. {@code uid={0},ou=people}) or
 * {@code userSearchFilter} (e.g. {@code (uid={0})}) under {@code userSearchBase} (relative to the base; blank = the base) —,
 * the account that looks entries up ({@code managerDn}, absolute; blank = anonymous), the {@code connectTimeout} and
 * {@code readTimeout} of every contact, and the {@code backoff} during which a directory that failed is not asked again.
 * {@code {0}} stands for the user name, escaped for a DN or a filter.
 */
public record LdapSettings(List<String> urls, String base, String userDnPattern, String userSearchBase, String userSearchFilter,
                           String managerDn, String managerPassword, Duration connectTimeout, Duration readTimeout, Duration backoff) {

    public LdapSettings {
        urls = urls == null ? List.of() : urls.stream().map(String::trim).filter(u -> !u.isEmpty()).toList();
        base = base == null ? "" : base.trim();
        userDnPattern = blankToNull(userDnPattern);
        userSearchBase = userSearchBase == null ? "" : userSearchBase.trim();
        userSearchFilter = blankToNull(userSearchFilter);
        managerDn = blankToNull(managerDn);
        if (urls.isEmpty() || urls.stream().anyMatch(u -> !u.startsWith("ldap://") && !u.startsWith("ldaps://"))) {
            throw new IllegalArgumentException("icc.security.ldap.urls: one or more ldap:// or ldaps:// addresses, comma-separated");
        }
        if (userDnPattern == null && userSearchFilter == null) {
            throw new IllegalArgumentException("icc.security.ldap: set user-dn-pattern (e.g. uid={0},ou=people) or user-search-filter "
                    + "(e.g. (uid={0}))");
        }
        if (userDnPattern != null && !userDnPattern.contains("{0}") || userSearchFilter != null && !userSearchFilter.contains("{0}")) {
            throw new IllegalArgumentException("icc.security.ldap: user-dn-pattern and user-search-filter must contain {0} (the user name)");
        }
        if (connectTimeout == null || readTimeout == null || backoff == null || connectTimeout.isNegative() || connectTimeout.isZero()
                || readTimeout.isNegative() || readTimeout.isZero() || backoff.isNegative()) {
            throw new IllegalArgumentException("icc.security.ldap: connect-timeout > 0, read-timeout > 0, backoff ≥ 0");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    /** Comma- or space-separated addresses as one property gives them. */
    public static List<String> splitUrls(String urls) {
        return urls == null || urls.isBlank() ? List.of() : List.of(urls.trim().split("[,\\s]+"));
    }

    @Override
    public String toString() {
        // never the manager password
        return "LdapSettings[urls=" + urls + ", base=" + base + ", userDnPattern=" + userDnPattern + ", userSearchBase=" + userSearchBase
                + ", userSearchFilter=" + userSearchFilter + ", managerDn=" + managerDn + "]";
    }
}
