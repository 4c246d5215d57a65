package org.evgrid.icc.ledger.signing;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Security;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.gm.GMObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemReader;
import org.bouncycastle.util.io.pem.PemWriter;
import org.evgrid.icc.coreapi.security.SignatureAlgorithm;

/**
 * The center's cryptography, all through BouncyCastle: key pairs, signatures, PEM, SM3 and bcrypt.
 *
 * <p>Signatures: SM2_SM3 is {@code SM3withSM2} with the default user id {@code 1234567812345678}, ED25519 is RFC 8032,
 * ECDSA_P256 is {@code SHA256withECDSA}; SM2 and ECDSA signatures are DER-encoded (r,s) — raw r‖s is not accepted.
 * Public keys are X.509 SubjectPublicKeyInfo ({@code PUBLIC KEY}), private keys PKCS#8 ({@code PRIVATE KEY}).
 */
public final class Crypto {

    /** Password hashes: bcrypt version 2a, cost 10. */
    public static final int BCRYPT_COST = 10;

    private static final Provider BC = register();
    private static final String SM2_CURVE = "sm2p256v1";
    private static final String P256_CURVE = "secp256r1";

    private Crypto() {
    }

    private static Provider register() {
        Provider existing = Security.getProvider(BouncyCastleProvider.PROVIDER_NAME);
        if (existing != null) {
            return existing;
        }
        Provider provider = new BouncyCastleProvider();
        Security.addProvider(provider);
        return provider;
    }

    /** The BouncyCastle provider (registered with the JCA on first use of this class). */
    public static Provider provider() {
        return BC;
    }

    /** A new key pair for an algorithm. */
    public static KeyPair generateKeyPair(SignatureAlgorithm algorithm, SecureRandom random) {
        try {
            KeyPairGenerator generator;
            switch (algorithm) {
                case SM2_SM3 -> {
                    generator = KeyPairGenerator.getInstance("EC", BC);
                    generator.initialize(new ECGenParameterSpec(SM2_CURVE), random);
                }
                case ECDSA_P256 -> {
                    generator = KeyPairGenerator.getInstance("EC", BC);
                    generator.initialize(new ECGenParameterSpec(P256_CURVE), random);
                }
                case ED25519 -> {
                    generator = KeyPairGenerator.getInstance("Ed25519", BC);
                    generator.initialize(255, random);
                }
                default -> throw new IllegalArgumentException("unsupported algorithm " + algorithm);
            }
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("key generation failed for " + algorithm, e);
        }
    }

    /** A new key pair for an algorithm, from a strong random source. */
    public static KeyPair generateKeyPair(SignatureAlgorithm algorithm) {
        return generateKeyPair(algorithm, new SecureRandom());
    }

    /** Signs data; SM2 and ECDSA signatures are DER. */
    public static byte[] sign(SignatureAlgorithm algorithm, PrivateKey key, byte[] data) {
        try {
            Signature signature = Signature.getInstance(algorithm.jcaName(), BC);
            signature.initSign(key);
            signature.update(data);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot sign with this key and algorithm " + algorithm, e);
        }
    }

    /** Whether a signature over data verifies with the public key; false for a malformed signature or a key of another kind. */
    public static boolean verify(SignatureAlgorithm algorithm, PublicKey key, byte[] data, byte[] signatureBytes) {
        try {
            Signature signature = Signature.getInstance(algorithm.jcaName(), BC);
            signature.initVerify(key);
            signature.update(data);
            return signature.verify(signatureBytes);
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    /** The public key as PEM ({@code PUBLIC KEY}, X.509 SubjectPublicKeyInfo). */
    public static String toPem(PublicKey key) {
        return pem("PUBLIC KEY", key.getEncoded());
    }

    /** The private key as PEM ({@code PRIVATE KEY}, unencrypted PKCS#8). */
    public static String toPem(PrivateKey key) {
        return pem("PRIVATE KEY", key.getEncoded());
    }

    private static String pem(String type, byte[] der) {
        StringWriter out = new StringWriter();
        try (PemWriter writer = new PemWriter(out)) {
            writer.writeObject(new PemObject(type, der));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** Reads a PKCS#8 private key ({@code PRIVATE KEY} PEM) of any supported algorithm. */
    public static PrivateKey readPrivateKey(String pem) {
        byte[] der = pemContent(pem, "PRIVATE KEY");
        try {
            PrivateKeyInfo info = PrivateKeyInfo.getInstance(der);
            SignatureAlgorithm algorithm = algorithmOf(info.getPrivateKeyAlgorithm());
            return KeyFactory.getInstance(keyFactoryName(algorithm), BC).generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not a supported PKCS#8 private key", e);
        }
    }

    /** Parses a public key given as {@code PUBLIC KEY} PEM or as base64 of its DER SubjectPublicKeyInfo. */
    public static PublicKey parsePublicKey(String pemOrBase64) {
        if (pemOrBase64 == null || pemOrBase64.isBlank()) {
            throw new IllegalArgumentException("no public key given");
        }
        byte[] der = pemOrBase64.contains("-----BEGIN") ? pemContent(pemOrBase64, "PUBLIC KEY")
                : Base64.getMimeDecoder().decode(pemOrBase64.trim());
        try {
            SubjectPublicKeyInfo info = SubjectPublicKeyInfo.getInstance(ASN1Primitive.fromByteArray(der));
            SignatureAlgorithm algorithm = algorithmOf(info.getAlgorithm());
            return KeyFactory.getInstance(keyFactoryName(algorithm), BC).generatePublic(new X509EncodedKeySpec(der));
        } catch (GeneralSecurityException | IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not a supported public key", e);
        }
    }

    /** The signature algorithm a public or private key is for (by its key algorithm and curve). */
    public static SignatureAlgorithm algorithmOf(Key key) {
        byte[] der = key.getEncoded();
        if (key instanceof PublicKey) {
            return algorithmOf(SubjectPublicKeyInfo.getInstance(der).getAlgorithm());
        }
        return algorithmOf(PrivateKeyInfo.getInstance(der).getPrivateKeyAlgorithm());
    }

    private static SignatureAlgorithm algorithmOf(AlgorithmIdentifier id) {
        ASN1ObjectIdentifier oid = id.getAlgorithm();
        if (EdECObjectIdentifiers.id_Ed25519.equals(oid)) {
            return SignatureAlgorithm.ED25519;
        }
        if (GMObjectIdentifiers.sm2p256v1.equals(oid)) {
            return SignatureAlgorithm.SM2_SM3;
        }
        if (X9ObjectIdentifiers.id_ecPublicKey.equals(oid) && id.getParameters() instanceof ASN1ObjectIdentifier curve) {
            if (GMObjectIdentifiers.sm2p256v1.equals(curve)) {
                return SignatureAlgorithm.SM2_SM3;
            }
            if (SECObjectIdentifiers.secp256r1.equals(curve)) {
                return SignatureAlgorithm.ECDSA_P256;
            }
        }
        throw new IllegalArgumentException("unsupported key algorithm " + oid);
    }

    private static String keyFactoryName(SignatureAlgorithm algorithm) {
        return algorithm == SignatureAlgorithm.ED25519 ? "Ed25519" : "EC";
    }

    private static byte[] pemContent(String pem, String expectedType) {
        try (PemReader reader = new PemReader(new StringReader(pem))) {
            PemObject object = reader.readPemObject();
            if (object == null || !expectedType.equals(object.getType())) {
                throw new IllegalArgumentException("expected a PEM block of type " + expectedType);
            }
            return object.getContent();
        } catch (IOException e) {
            throw new IllegalArgumentException("malformed PEM", e);
        }
    }

    /** SM3 digest (GB/T 32905). */
    public static byte[] sm3(byte[] data) {
        SM3Digest digest = new SM3Digest();
        digest.update(data, 0, data.length);
        byte[] out = new byte[digest.getDigestSize()];
        digest.doFinal(out, 0);
        return out;
    }

    /** Lower-case hex. */
    public static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    /** Bytes of a hex string (either case). */
    public static byte[] fromHex(String hex) {
        return HexFormat.of().parseHex(hex);
    }

    /** A bcrypt hash (version 2a, cost {@value #BCRYPT_COST}) of a password. */
    public static String bcrypt(char[] password, SecureRandom random) {
        byte[] salt = new byte[16];
        random.nextBytes(salt);
        return OpenBSDBCrypt.generate("2a", password, salt, BCRYPT_COST);
    }

    /** Whether a password matches a bcrypt hash; false for a malformed hash. */
    public static boolean bcryptMatches(String hash, char[] password) {
        try {
            return OpenBSDBCrypt.checkPassword(hash, password);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
