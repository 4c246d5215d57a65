package org.evgrid.icc.ui.security.login.ldap;

import java.time.Clock;
import java.time.Duration;

import org.evgrid.icc.ui.security.login.DirectorySignIn;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The directory for console sign-in from {@code icc.security.ldap.*} (off by default: local accounts only). */
@Configuration
public class LdapConfig {

    @Bean
    DirectorySignIn directorySignIn(@Value("${icc.security.ldap.enabled:false}") boolean enabled,
                                    @Value("${icc.security.ldap.urls:}") String urls,
                                    @Value("${icc.security.ldap.base:}") String base,
                                    @Value("${icc.security.ldap.user-dn-pattern:}") String userDnPattern,
                                    @Value("${icc.security.ldap.user-search-base:}") String userSearchBase,
                                    @Value("${icc.security.ldap.user-search-filter:}") String userSearchFilter,
                                    @Value("${icc.security.ldap.manager-dn:}") String managerDn,
                                    @Value("${icc.security.ldap.manager-password:}") String managerPassword,
                                    @Value("${icc.security.ldap.connect-timeout:2s}") Duration connectTimeout,
                                    @Value("${icc.security.ldap.read-timeout:5s}") Duration readTimeout,
                                    @Value("${icc.security.ldap.backoff:30s}") Duration backoff,
                                    @Value("${icc.security.ldap.fallback-to-local:true}") boolean fallbackToLocal) {
        if (!enabled) {
            return DirectorySignIn.NONE;
        }
        LdapSettings settings = new LdapSettings(LdapSettings.splitUrls(urls), base, userDnPattern, userSearchBase, userSearchFilter,
                managerDn, managerPassword, connectTimeout, readTimeout, backoff);
        // the back-off times a real outage: the machine's clock, not the center's business clock
        return new DirectorySignIn(new LdapDirectory(settings, Clock.systemUTC()), fallbackToLocal);
    }
}
