package org.evgrid.icc.infra.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;
import org.springframework.ldap.core.DirContextAdapter;
import org.springframework.ldap.core.LdapTemplate;
import org.springframework.ldap.core.support.LdapContextSource;
import org.springframework.ldap.support.LdapNameBuilder;

/**
 * A real OpenLDAP server for tests: {@value #SLAPD} (Debian package {@code slapd}) started as a child process with its own
 * old-style {@code slapd.conf} in a temporary directory (back_mdb from /usr/lib/ldap, schemas core, cosine, inetorgperson and
 * nis from /etc/ldap/schema), listening on ldap://127.0.0.1:&lt;free port&gt;/. Entries are added with Spring LDAP bound as
 * the root DN. Passwords may bind (anonymous auth), nobody reads them.
 */
public final class Slapd implements AutoCloseable {

    /** Where Debian installs the server. */
    public static final String SLAPD = "/usr/sbin/slapd";
    /** The suffix of the test directory. */
    public static final String BASE = "dc=evgrid,dc=example";
    /** Its root DN (and the manager the center searches with). */
    public static final String ROOT_DN = "cn=admin," + BASE;
    /** The root DN's password. */
    public static final String ROOT_PASSWORD = "Slapd-Root-2026!";

    private final Path dir;
    private final int port;
    private final Process process;

    private Slapd(Path dir, int port, Process process) {
        this.dir = dir;
        this.port = port;
        this.process = process;
    }

    /** Starts slapd and creates the base entry and {@code ou=people}; fails (never skips) if slapd is not installed. */
    public static Slapd start() throws IOException {
        if (!Files.isExecutable(Path.of(SLAPD))) {
            throw new IllegalStateException("slapd not installed: apt-get install -y slapd (the README's test command does this)");
        }
        Path dir = Files.createTempDirectory("icc-slapd");
        Path conf = dir.resolve("slapd.conf");
        Files.writeString(conf, String.join("\n", List.of(
                "include /etc/ldap/schema/core.schema",
                "include /etc/ldap/schema/cosine.schema",
                "include /etc/ldap/schema/inetorgperson.schema",
                "include /etc/ldap/schema/nis.schema",
                "modulepath /usr/lib/ldap",
                "moduleload back_mdb",
                "pidfile " + dir.resolve("slapd.pid"),
                "argsfile " + dir.resolve("slapd.args"),
                "database mdb",
                "maxsize 67108864",
                "suffix \"" + BASE + "\"",
                "rootdn \"" + ROOT_DN + "\"",
                "rootpw " + ROOT_PASSWORD,
                "directory " + dir,
                "access to attrs=userPassword by self write by anonymous auth by * none",
                "access to * by * read", "")), StandardCharsets.UTF_8);
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path log = dir.resolve("slapd.log");
        Process process = new ProcessBuilder(SLAPD, "-d", "0", "-f", conf.toString(), "-h", "ldap://127.0.0.1:" + port + "/")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Slapd slapd = new Slapd(dir, port, process);
        Awaitility.await("slapd answers on port " + port).atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(slapd::answers);
        LdapTemplate root = slapd.template(ROOT_DN, ROOT_PASSWORD);
        DirContextAdapter base = new DirContextAdapter(LdapNameBuilder.newInstance(BASE).build());
        base.setAttributeValues("objectClass", new String[] {"top", "dcObject", "organization"});
        base.setAttributeValue("o", "EV grid integration center (test)");
        base.setAttributeValue("dc", "evgrid");
        root.bind(base);
        DirContextAdapter people = new DirContextAdapter(LdapNameBuilder.newInstance(BASE).add("ou", "people").build());
        people.setAttributeValues("objectClass", new String[] {"top", "organizationalUnit"});
        people.setAttributeValue("ou", "people");
        root.bind(people);
        return slapd;
    }

    /** Whether the port takes connections (fails at once, with slapd's log, if the process has ended). */
    private boolean answers() throws IOException {
        if (!process.isAlive()) {
            throw new IllegalStateException("slapd ended with exit code " + process.exitValue() + ":\n"
                    + Files.readString(dir.resolve("slapd.log"), StandardCharsets.UTF_8));
        }
        try (Socket ignored = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** A template bound as the given DN (absolute names). */
    public LdapTemplate template(String dn, String password) {
        LdapContextSource source = new LdapContextSource();
        source.setUrl(url());
        source.setUserDn(dn);
        source.setPassword(password);
        source.setPooled(false);
        source.afterPropertiesSet();
        return new LdapTemplate(source);
    }

    /** Adds a person {@code uid=<uid>,ou=people} with a (clear text) password. */
    public void addPerson(String uid, String name, String password) {
        DirContextAdapter person = new DirContextAdapter(LdapNameBuilder.newInstance(BASE).add("ou", "people").add("uid", uid).build());
        person.setAttributeValues("objectClass", new String[] {"top", "person", "organizationalPerson", "inetOrgPerson"});
        person.setAttributeValue("uid", uid);
        person.setAttributeValue("cn", name);
        person.setAttributeValue("sn", name);
        person.setAttributeValue("userPassword", password);
        template(ROOT_DN, ROOT_PASSWORD).bind(person);
    }

    public String url() {
        return "ldap://127.0.0.1:" + port;
    }

    public boolean running() {
        return process.isAlive();
    }

    /** Stops slapd: TERM, then KILL after 10 s; waits until the port no longer answers. */
    public void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
