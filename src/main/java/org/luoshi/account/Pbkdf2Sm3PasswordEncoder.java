package org.luoshi.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.generators.PKCS5S2ParametersGenerator;
import org.bouncycastle.crypto.params.KeyParameter;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Salted PBKDF2 with HMAC-SM3 (GB/T 32905), for deployments that must use the 商用密码 algorithms
 * (GB/T 39786-2021). Stored as {@code iterations$salt$hash}, both in Base64, so that the iteration
 * count can be raised later without breaking existing hashes.
 */
final class Pbkdf2Sm3PasswordEncoder implements PasswordEncoder {

    static final String ID = "pbkdf2-sm3";
    static final int DEFAULT_ITERATIONS = 100_000;
    private static final int SALT_BYTES = 16;
    private static final int HASH_BITS = 256;

    private final int iterations;
    private final SecureRandom random = new SecureRandom();

    Pbkdf2Sm3PasswordEncoder(int iterations) {
        if (iterations < 1) {
            throw new IllegalArgumentException("iterations must be positive");
        }
        this.iterations = iterations;
    }

    @Override
    public String encode(CharSequence rawPassword) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        Base64.Encoder b64 = Base64.getEncoder();
        return iterations + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(derive(rawPassword, salt, iterations));
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        if (rawPassword == null || encodedPassword == null) {
            return false;
        }
        String[] parts = encodedPassword.split("\\$");
        if (parts.length != 3) {
            return false;
        }
        try {
            int rounds = Integer.parseInt(parts[0]);
            byte[] salt = Base64.getDecoder().decode(parts[1]);
            byte[] expected = Base64.getDecoder().decode(parts[2]);
            return rounds > 0 && MessageDigest.isEqual(expected, derive(rawPassword, salt, rounds));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    @Override
    public boolean upgradeEncoding(String encodedPassword) {
        try {
            return Integer.parseInt(encodedPassword.substring(0, encodedPassword.indexOf('$'))) < iterations;
        } catch (RuntimeException e) {
            return true;
        }
    }

    static byte[] derive(CharSequence password, byte[] salt, int iterations) {
        PKCS5S2ParametersGenerator generator = new PKCS5S2ParametersGenerator(new SM3Digest());
        generator.init(password.toString().getBytes(StandardCharsets.UTF_8), salt, iterations);
        return ((KeyParameter) generator.generateDerivedParameters(HASH_BITS)).getKey();
    }
}
