package org.evgrid.icc.infra.keys;

import java.io.IOException;
import java.nio.file.Path;

import org.evgrid.icc.coreapi.common.IccException;
import org.evgrid.icc.infra.config.IccProperties;
import org.evgrid.icc.ledger.secrets.SecretBox;
import org.evgrid.icc.ui.security.login.LoginRecords;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The master keys that encrypt secrets at rest (docs/operations-secrets.md): {@code icc.secrets.master-key} (key-file
 * text inline, tests), else the file {@code icc.secrets.master-key-file} (default {@code <data-dir>/keys/secrets.keys},
 * generated with one {@code icc.secrets.algorithm} key when missing and {@code icc.secrets.generate} is on).
 * {@code --icc.secrets.reseal=true} re-encrypts every stored secret with the current key at startup.
 */
@Configuration(proxyBeanMethods = false)
public class SecretsConfig {

    private static final Logger LOG = LoggerFactory.getLogger(SecretsConfig.class);

    @Bean
    SecretBox secretBox(IccProperties props,
                        @Value("${icc.secrets.master-key:}") String inline,
                        @Value("${icc.secrets.master-key-file:}") String file,
                        @Value("${icc.secrets.generate:false}") boolean generate,
                        @Value("${icc.secrets.algorithm:SM4-GCM}") String algorithm) throws IOException {
        if (!inline.isBlank()) {
            return SecretBox.parse(inline.replace(",", "\n"));
        }
        SecretBox.Algorithm alg = SecretBox.Algorithm.of(algorithm);
        if (alg == null) {
            throw IccException.invalid("ICC-SECRET-ALGORITHM", "icc.secrets.algorithm", "不支持的加密算法：" + algorithm,
                    "Unsupported encryption algorithm: " + algorithm, "Use SM4-GCM (default) or AES-256-GCM");
        }
        Path path = file.isBlank() ? props.dataDir().resolve("keys").resolve("secrets.keys") : Path.of(file);
        boolean existed = path.toFile().exists();
        SecretBox box = SecretBox.fromFile(path, generate, alg);
        if (!existed) {
            LOG.warn("Generated the master key file for secrets at rest {} — back it up apart from the data backups", path.toAbsolutePath());
        }
        LOG.info("Secrets at rest are sealed with master key {} of {}", box.currentKeyId(), path.toAbsolutePath());
        return box;
    }

    @Bean
    ApplicationRunner secretsReseal(LoginRecords loginRecords, @Value("${icc.secrets.reseal:false}") boolean reseal) {
        return args -> {
            if (reseal) {
                LOG.info("Re-encrypted {} one-time-code secret(s) with the current master key", loginRecords.resealTotpSecrets());
            }
        };
    }
}
