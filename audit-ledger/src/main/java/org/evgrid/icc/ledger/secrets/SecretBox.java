package org.evgrid.icc.ledger.secrets;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.engines.SM4Engine;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.modes.GCMModeCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;
import org.evgrid.icc.coreapi.common.IccException;
import org.evgrid.icc.coreapi.security.SecretSealer;

/**
 * Authenticated encryption of secrets at rest: SM4-GCM (GB/T 32907, 128-bit key) or AES-256-GCM, 96-bit random nonce,
 * 128-bit tag, the context as associated data. Sealed form: {@code v1:<alg>:<keyId>:<base64 nonce>:<base64 ciphertext+tag>}.
 * The keyring's first key seals; every key opens (older keys stay for rotation). Key file: one {@code keyId:alg:base64key}
 * line per key, current first; blank lines and {@code #} comments are ignored.
 */
public final class SecretBox implements SecretSealer {

    /** The key file property, named in errors. */
    public static final String KEY_FILE_PROPERTY = "icc.secrets.master-key-file";

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    /** The ciphers a key may be for. */
    public enum Algorithm {
        /** SM4 (GB/T 32907) in GCM mode, 128-bit key: the default. */
        SM4_GCM("SM4-GCM", 16),
        /** AES in GCM mode, 256-bit key: the configurable alternative. */
        AES_256_GCM("AES-256-GCM", 32);

        private final String label;
        private final int keyBytes;

        Algorithm(String label, int keyBytes) {
            this.label = label;
            this.keyBytes = keyBytes;
        }

        /** The name in key files and sealed values. */
        public String label() {
            return label;
        }

        /** The key length in bytes. */
        public int keyBytes() {
            return keyBytes;
        }

        /** The algorithm of a label ({@code SM4-GCM}, {@code AES-256-GCM}); null if unknown. */
        public static Algorithm of(String label) {
            for (Algorithm a : values()) {
                if (a.label.equalsIgnoreCase(label.trim())) {
                    return a;
                }
            }
            return null;
        }

        GCMModeCipher cipher() {
            return GCMBlockCipher.newInstance(this == SM4_GCM ? new SM4Engine() : AESEngine.newInstance());
        }
    }

    /** One master key. */
    public record MasterKey(String id, Algorithm algorithm, byte[] key) {
        public MasterKey {
            if (id == null || id.isBlank() || id.contains(":") || key.length != algorithm.keyBytes()) {
                throw keyFileError("密钥 " + id + " 的编号或长度不正确", "Key " + id + " has a bad id or length");
            }
            key = key.clone();
        }

        /** The key as a key-file line. */
        public String line() {
            return id + ":" + algorithm.label() + ":" + Base64.getEncoder().encodeToString(key);
        }
    }

    private final MasterKey current;
    private final Map<String, MasterKey> keys = new LinkedHashMap<>();
    private final SecureRandom random = new SecureRandom();

    /** A box over the keys, the first one current. */
    public SecretBox(List<MasterKey> keyring) {
        if (keyring.isEmpty()) {
            throw keyFileError("没有配置任何主密钥", "No master key is configured");
        }
        this.current = keyring.get(0);
        for (MasterKey k : keyring) {
            if (keys.putIfAbsent(k.id(), k) != null) {
                throw keyFileError("密钥编号 " + k.id() + " 重复", "Key id " + k.id() + " appears twice");
            }
        }
    }

    /** Parses key-file text ({@code keyId:alg:base64key} lines, current first). */
    public static SecretBox parse(String text) {
        List<MasterKey> ring = new ArrayList<>();
        for (String raw : text.split("\\R")) {
            String line = raw.trim();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split(":", 3);
            Algorithm alg = parts.length == 3 ? Algorithm.of(parts[1]) : null;
            if (alg == null) {
                throw keyFileError("密钥行格式不正确（应为 编号:算法:Base64密钥）", "A key line is not keyId:algorithm:base64key");
            }
            byte[] key;
            try {
                key = Base64.getDecoder().decode(parts[2].trim());
            } catch (IllegalArgumentException e) {
                throw keyFileError("密钥 " + parts[0] + " 不是有效的 Base64", "Key " + parts[0] + " is not valid base64");
            }
            ring.add(new MasterKey(parts[0].trim(), alg, key));
        }
        return new SecretBox(ring);
    }

    /**
     * Reads the key file; if it is missing and {@code generate} is set, writes one new key of the algorithm (readable by
     * its owner only) first — development setup, like the bootstrap administrator key.
     */
    public static SecretBox fromFile(Path file, boolean generate, Algorithm algorithm) throws IOException {
        if (!Files.exists(file)) {
            if (!generate) {
                throw keyFileError("找不到主密钥文件：" + file, "The master key file is missing: " + file);
            }
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, "# keyId:algorithm:base64key, current key first (docs/operations-secrets.md)\n"
                    + newKey("k1", algorithm).line() + "\n");
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // no POSIX permissions on this file system
            }
        }
        return parse(Files.readString(file));
    }

    /** A new random key. */
    public static MasterKey newKey(String id, Algorithm algorithm) {
        byte[] key = new byte[algorithm.keyBytes()];
        new SecureRandom().nextBytes(key);
        return new MasterKey(id, algorithm, key);
    }

    /** The key that seals. */
    public String currentKeyId() {
        return current.id();
    }

    @Override
    public String seal(byte[] plain, String context) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        byte[] out = run(current, true, nonce, context, plain);
        Base64.Encoder b64 = Base64.getEncoder();
        return PREFIX + current.algorithm().label() + ":" + current.id() + ":" + b64.encodeToString(nonce) + ":" + b64.encodeToString(out);
    }

    @Override
    public byte[] open(String sealed, String context) {
        String[] parts = sealed == null || !sealed.startsWith(PREFIX) ? new String[0] : sealed.substring(PREFIX.length()).split(":", -1);
        if (parts.length != 4) {
            throw unreadable();
        }
        MasterKey key = keys.get(parts[1]);
        if (key == null) {
            throw IccException.unprocessable("ICC-SECRET-KEY-UNKNOWN", KEY_FILE_PROPERTY,
                    "加密保存的数据使用了未配置的主密钥 " + parts[1], "A stored secret was encrypted with master key " + parts[1]
                            + ", which is not configured",
                    "Put the line of key " + parts[1] + " back into the master key file (below the current key) and restart");
        }
        if (key.algorithm() != Algorithm.of(parts[0])) {
            throw unreadable();
        }
        try {
            byte[] nonce = Base64.getDecoder().decode(parts[2]);
            byte[] body = Base64.getDecoder().decode(parts[3]);
            if (nonce.length != NONCE_BYTES) {
                throw unreadable();
            }
            return run(key, false, nonce, context, body);
        } catch (IllegalArgumentException e) {
            throw unreadable();
        }
    }

    @Override
    public boolean isCurrent(String sealed) {
        return SecretSealer.isSealed(sealed) && sealed.startsWith(PREFIX + current.algorithm().label() + ":" + current.id() + ":");
    }

    private static byte[] run(MasterKey key, boolean encrypt, byte[] nonce, String context, byte[] in) {
        GCMModeCipher gcm = key.algorithm().cipher();
        gcm.init(encrypt, new AEADParameters(new KeyParameter(key.key()), TAG_BITS, nonce, context.getBytes(StandardCharsets.UTF_8)));
        byte[] out = new byte[gcm.getOutputSize(in.length)];
        int n = gcm.processBytes(in, 0, in.length, out, 0);
        try {
            n += gcm.doFinal(out, n);
        } catch (InvalidCipherTextException e) {
            throw unreadable();
        }
        return n == out.length ? out : Arrays.copyOf(out, n);
    }

    private static IccException unreadable() {
        return IccException.unprocessable("ICC-SECRET-UNREADABLE", KEY_FILE_PROPERTY,
                "加密保存的数据无法解开：数据被改动、被复制到了别处，或主密钥不对",
                "A stored secret cannot be decrypted: it was altered, copied from elsewhere, or the master key is wrong",
                "Check that the master key file is the one this data was written with; otherwise the secret must be set up again "
                        + "(for a one-time-code secret: enrol again)");
    }

    private static IccException keyFileError(String zh, String en) {
        return IccException.invalid("ICC-SECRET-KEY-FILE", KEY_FILE_PROPERTY, zh, en,
                "Write one line keyId:algorithm:base64key per key, current key first; algorithm SM4-GCM (16-byte key) or "
                        + "AES-256-GCM (32-byte key)");
    }
}
