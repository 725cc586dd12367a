package io.sentro.spring.it;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;

/**
 * A token issuer for the tests: RSA keys generated here, their public halves served as a JWK set over HTTP (so that
 * Spring's real resource server fetches and validates them), and tokens signed with them. Keys can be rotated.
 */
final class JwtIssuer implements AutoCloseable {

    static final String ISSUER = "https://issuer.sentro.test";
    static final String AUDIENCE = "sentro-tests";

    private final HttpServer server;
    private final AtomicReference<RSAKey> current = new AtomicReference<>(newKey());

    JwtIssuer() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        }
        catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
        server.createContext("/jwks", exchange -> {
            byte[] body = new JWKSet(current.get().toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    String jwkSetUri() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/jwks";
    }

    /** Serves a new key from now on; tokens signed with the old one no longer validate. */
    void rotate() {
        current.set(newKey());
    }

    /** A valid token for {@code subject} with roles. */
    String token(String subject, List<String> roles) {
        return sign(current.get(), claims(subject, roles).build());
    }

    /** A valid token with one more claim. */
    String token(String subject, List<String> roles, String claim, Object value) {
        return sign(current.get(), claims(subject, roles).claim(claim, value).build());
    }

    String expired(String subject, List<String> roles) {
        Instant past = Instant.now().minus(Duration.ofHours(2));
        return sign(current.get(), claims(subject, roles).issueTime(Date.from(past))
                .expirationTime(Date.from(past.plus(Duration.ofMinutes(5)))).build());
    }

    String notYetValid(String subject, List<String> roles) {
        return sign(current.get(), claims(subject, roles).notBeforeTime(Date.from(Instant.now().plus(Duration.ofHours(1))))
                .build());
    }

    String wrongIssuer(String subject, List<String> roles) {
        return sign(current.get(), claims(subject, roles).issuer("https://elsewhere.test").build());
    }

    String wrongAudience(String subject, List<String> roles) {
        return sign(current.get(), claims(subject, roles).audience("another-api").build());
    }

    /** Signed with a key of the same id that the JWK set does not hold. */
    String forged(String subject, List<String> roles) {
        RSAKey impostor = newKey(current.get().getKeyID());
        return sign(impostor, claims(subject, roles).build());
    }

    /** {@code alg: none}: no signature at all. */
    String unsigned(String subject, List<String> roles) {
        return new PlainJWT(claims(subject, roles).build()).serialize();
    }

    private static JWTClaimsSet.Builder claims(String subject, List<String> roles) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder().subject(subject).issuer(ISSUER).audience(AUDIENCE)
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plus(Duration.ofMinutes(10))))
                .claim("roles", roles).claim("organization", "acme");
    }

    private static String sign(RSAKey key, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        }
        catch (JOSEException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static RSAKey newKey() {
        return newKey(UUID.randomUUID().toString());
    }

    private static RSAKey newKey(String keyId) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            return new RSAKey.Builder((RSAPublicKey) pair.getPublic()).privateKey((RSAPrivateKey) pair.getPrivate())
                    .keyID(keyId).build();
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
