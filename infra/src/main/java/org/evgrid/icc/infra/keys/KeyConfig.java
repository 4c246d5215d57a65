package org.evgrid.icc.infra.keys;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.evgrid.icc.coreapi.common.ErrorCategory;
import org.evgrid.icc.coreapi.common.IccException;
import org.evgrid.icc.coreapi.security.DataScope;
import org.evgrid.icc.coreapi.security.KeyId;
import org.evgrid.icc.coreapi.security.Role;
import org.evgrid.icc.coreapi.security.SignatureAlgorithm;
import org.evgrid.icc.coreapi.security.SignerKeyView;
import org.evgrid.icc.infra.config.IccProperties;
import org.evgrid.icc.ledger.signing.BootstrapKeys;
import org.evgrid.icc.ledger.signing.Crypto;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The keys the center starts from: the first administrator's public key (bootstrap, from configuration) and the
 * center's own SM2 key (signs ledger checkpoints and the center's own commands).
 */
@Configuration(proxyBeanMethods = false)
public class KeyConfig {

    private static final Logger LOG = LoggerFactory.getLogger(KeyConfig.class);

    @Bean
    BootstrapKeys bootstrapKeys(IccProperties props, CenterKey center) throws IOException {
        SignerKeyView admin = administratorKey(props);
        SignerKeyView service = new SignerKeyView(new KeyId(center.keyId()), center.algorithm(), Crypto.toPem(center.publicKey()), "center",
                Set.of(Role.CENTER_SERVICE), null, DataScope.HEADQUARTERS, false, Instant.EPOCH, null);
        return new BootstrapKeys(List.of(admin, service));
    }

    private SignerKeyView administratorKey(IccProperties props) throws IOException {
        IccProperties.Bootstrap b = props.bootstrap();
        Path publicFile = b.adminPublicKeyFile() != null ? b.adminPublicKeyFile()
                : props.dataDir().resolve("keys").resolve(b.adminKeyId() + ".pub.pem");
        if (!Files.exists(publicFile)) {
            if (!b.generateAdminKey()) {
                throw new IccException("ICC-BOOT-ADMIN-KEY", ErrorCategory.INVALID, "icc.bootstrap.admin-public-key-file",
                        "找不到首位系统管理员的公钥文件：" + publicFile, "The first administrator's public key file is missing: " + publicFile,
                        "Set icc.bootstrap.admin-public-key-file to the PEM file of the administrator's public key");
            }
            Path privateFile = publicFile.resolveSibling(publicFile.getFileName().toString().replace(".pub.pem", ".pem"));
            KeyPair pair = writeKeyPair(privateFile, publicFile, SignatureAlgorithm.SM2_SM3);
            LOG.warn("Generated the bootstrap administrator key pair (development/demo only): private key {}, public key {}",
                    privateFile.toAbsolutePath(), publicFile.toAbsolutePath());
            return BootstrapKeys.administrator(b.adminKeyId(), Crypto.toPem(pair.getPublic()), "admin").keys().get(0);
        }
        return BootstrapKeys.administrator(b.adminKeyId(), Files.readString(publicFile), "admin").keys().get(0);
    }

    @Bean
    CenterKey centerKey(IccProperties props) throws IOException {
        Path privateFile = props.dataDir().resolve("keys").resolve("center-sm2.pem");
        Path publicFile = privateFile.resolveSibling("center-sm2.pub.pem");
        if (!Files.exists(privateFile)) {
            writeKeyPair(privateFile, publicFile, SignatureAlgorithm.SM2_SM3);
            LOG.info("Generated the center's SM2 key {}", privateFile.toAbsolutePath());
        }
        return new CenterKey("center-sm2", SignatureAlgorithm.SM2_SM3, Crypto.readPrivateKey(Files.readString(privateFile)),
                Crypto.parsePublicKey(Files.readString(publicFile)));
    }

    /** Writes a new key pair as PEM files, the private one readable by its owner only. */
    public static KeyPair writeKeyPair(Path privateFile, Path publicFile, SignatureAlgorithm algorithm) throws IOException {
        Files.createDirectories(privateFile.toAbsolutePath().getParent());
        KeyPair pair = Crypto.generateKeyPair(algorithm);
        Files.writeString(privateFile, Crypto.toPem(pair.getPrivate()));
        try {
            Files.setPosixFilePermissions(privateFile, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            LOG.debug("No POSIX permissions on this file system: {}", privateFile);
        }
        Files.writeString(publicFile, Crypto.toPem(pair.getPublic()));
        return pair;
    }
}
