package org.evgrid.icc.infra;

import org.evgrid.icc.infra.config.IccProperties;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/** The EV–grid integration management center: one process with its embedded stores, or one node of a cluster. */
@SpringBootApplication(scanBasePackages = "org.evgrid.icc")
@EnableConfigurationProperties(IccProperties.class)
public class IccApplication {

    /** The AxonIQ update checker contacts the internet; only a JVM system property turns it off. */
    public static final String UPDATE_CHECKER_OFF = "axoniq.update-checker.disabled";

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("--icc.backup.restore")) {
            org.evgrid.icc.infra.backup.BackupRestore.main(java.util.Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        System.setProperty(UPDATE_CHECKER_OFF, "true");
        SpringApplication.run(IccApplication.class, args);
    }
}
