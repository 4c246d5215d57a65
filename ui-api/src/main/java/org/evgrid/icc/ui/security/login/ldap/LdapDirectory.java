package org.evgrid.icc.ui.security.login.ldap;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import javax.naming.directory.DirContext;
import javax.naming.directory.SearchControls;

import org.evgrid.icc.ui.security.login.Directory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.ldap.AuthenticationException;
import org.springframework.ldap.BadLdapGrammarException;
import org.springframework.ldap.InvalidNameException;
import org.springframework.ldap.InvalidSearchFilterException;
import org.springframework.ldap.NameNotFoundException;
import org.springframework.ldap.core.AttributesMapper;
import org.springframework.ldap.core.ContextMapper;
import org.springframework.ldap.core.DirContextOperations;
import org.springframework.ldap.core.LdapTemplate;
import org.springframework.ldap.core.support.LdapContextSource;
import org.springframework.ldap.support.LdapEncoder;
import org.springframework.ldap.support.LdapUtils;

/**
 * Checks console passwords against an LDAP directory with Spring LDAP: finds the user's entry (the DN pattern, looked up, or
 * the search filter; with the manager account or anonymously), then binds as that entry with the password. The user name
 * is escaped for the DN ({@link LdapEncoder#nameEncode}) or the filter ({@link LdapEncoder#filterEncode}), so it cannot
 * change the query. An empty password is refused without a bind (an empty-password bind is an anonymous bind that
 * succeeds). No entry → {@code UNKNOWN_USER}; invalid credentials → {@code WRONG_PASSWORD}; anything else (connection
 * refused, timeouts, the manager account refused) → {@code UNAVAILABLE}, and the directory is not asked again for the
 * back-off. A WARN is logged once when the directory goes down and once when it answers again.
 */
public class LdapDirectory implements Directory {

    private static final Logger LOG = LoggerFactory.getLogger(LdapDirectory.class);
    private static final String PLACEHOLDER = "{0}";

    private final LdapSettings settings;
    private final LdapContextSource source;
    private final LdapTemplate template;
    private final Clock clock;
    private final AtomicBoolean down = new AtomicBoolean();
    private final AtomicLong contacts = new AtomicLong();
    private volatile Instant skipUntil;

    /** The clock measures the back-off: the machine's own clock (it times a real outage, not business time). */
    public LdapDirectory(LdapSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.source = new LdapContextSource();
        source.setUrls(settings.urls().toArray(String[]::new));
        source.setBase(settings.base());
        source.setPooled(false);
        if (settings.managerDn() != null) {
            source.setUserDn(settings.managerDn());
            source.setPassword(settings.managerPassword() == null ? "" : settings.managerPassword());
        } else {
            source.setAnonymousReadOnly(true);
        }
        Map<String, Object> env = new HashMap<>();
        env.put("com.sun.jndi.ldap.connect.timeout", Long.toString(settings.connectTimeout().toMillis()));
        env.put("com.sun.jndi.ldap.read.timeout", Long.toString(settings.readTimeout().toMillis()));
        source.setBaseEnvironmentProperties(env);
        source.afterPropertiesSet();
        this.template = new LdapTemplate(source);
        template.setIgnorePartialResultException(true);
        LOG.info("Console sign-in checks passwords against the directory {}", settings);
    }

    @Override
    public Verdict authenticate(String user, String password) {
        if (user == null || user.isEmpty() || password == null || password.isEmpty()) {
            return Verdict.WRONG_PASSWORD;
        }
        Instant until = skipUntil;
        if (until != null && clock.instant().isBefore(until)) {
            return Verdict.UNAVAILABLE;
        }
        contacts.incrementAndGet();
        Verdict verdict;
        String step = "look up";
        try {
            String dn = findDn(user);
            if (dn == null) {
                verdict = Verdict.UNKNOWN_USER;
            } else {
                step = "bind";
                verdict = bind(dn, password);
            }
        } catch (NameNotFoundException | InvalidNameException | BadLdapGrammarException | InvalidSearchFilterException
                 | IllegalArgumentException e) {
            // no such entry, or a name that cannot be one: the directory does not know the user (not an outage)
            verdict = Verdict.UNKNOWN_USER;
        } catch (org.springframework.ldap.NamingException e) {
            // connection refused, timeouts, the manager account refused: the directory cannot decide
            wentDown(step, e);
            return Verdict.UNAVAILABLE;
        }
        cameBack();
        return verdict;
    }

    private Verdict bind(String dn, String password) {
        DirContext context = null;
        try {
            context = source.getContext(dn, password);
            return Verdict.AUTHENTICATED;
        } catch (AuthenticationException e) {
            return Verdict.WRONG_PASSWORD;
        } finally {
            LdapUtils.closeContext(context);
        }
    }

    /** The absolute DN of the user's entry, null if the directory has none (or more than one) for the name. */
    private String findDn(String user) {
        if (settings.userSearchFilter() != null) {
            SearchControls controls = new SearchControls();
            controls.setSearchScope(SearchControls.SUBTREE_SCOPE);
            controls.setCountLimit(2);
            controls.setReturningAttributes(new String[] {"1.1"});
            controls.setTimeLimit((int) Math.min(Integer.MAX_VALUE, settings.readTimeout().toMillis()));
            List<String> found = template.search(settings.userSearchBase(), searchFilter(user), controls,
                    (ContextMapper<String>) ctx -> ((DirContextOperations) ctx).getNameInNamespace());
            if (found.size() > 1) {
                LOG.warn("The directory has more than one entry for a user name; sign-in through the directory is refused for it");
                return null;
            }
            return found.isEmpty() ? null : found.get(0);
        }
        String relative = relativeDn(user);
        template.lookup(relative, new String[] {"1.1"}, (AttributesMapper<Boolean>) attributes -> Boolean.TRUE);
        return settings.base().isEmpty() ? relative : relative + "," + settings.base();
    }

    /** The user's DN relative to the base, the name escaped for a DN. */
    String relativeDn(String user) {
        return settings.userDnPattern().replace(PLACEHOLDER, LdapEncoder.nameEncode(user));
    }

    /** The search filter for the user, the name escaped for a filter. */
    String searchFilter(String user) {
        return settings.userSearchFilter().replace(PLACEHOLDER, LdapEncoder.filterEncode(user));
    }

    private void wentDown(String step, RuntimeException e) {
        skipUntil = clock.instant().plus(settings.backoff());
        if (down.compareAndSet(false, true)) {
            LOG.warn("The directory {} cannot be reached ({} failed: {}); not asked again for {}", settings.urls(), step, e.getMessage(),
                    settings.backoff());
        }
    }

    private void cameBack() {
        skipUntil = null;
        if (down.compareAndSet(true, false)) {
            LOG.warn("The directory {} answers again", settings.urls());
        }
    }

    @Override
    public boolean reachable() {
        return !down.get();
    }

    /** How many times the directory was contacted (a refusal during the back-off does not contact it). */
    long contacts() {
        return contacts.get();
    }
}
