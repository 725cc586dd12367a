package io.sentro.spring.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Checks an {@code X-API-Key} against the configured keys.
 * <p>
 * A plain key is compared as a SHA-256 digest with {@link MessageDigest#isEqual} against every plain key, so the time
 * taken says nothing about how much of a key was right. A key stored in Spring Security's {@code {id}} form
 * ({@code {bcrypt}...}, {@code {pbkdf2}...}, {@code {SHA-256}...}) is checked by Spring's
 * {@code DelegatingPasswordEncoder}; since a bcrypt check takes tens of milliseconds, a key once found valid is
 * remembered by its digest (never in clear), so that only the first request with it pays.
 */
public final class ApiKeyAuthenticationProvider implements AuthenticationProvider {

    private static final Pattern ENCODED = Pattern.compile("^\\{([^}\\s]+)}(.+)$");

    /** The ids of {@code PasswordEncoderFactories.createDelegatingPasswordEncoder()}, except {@code noop}. */
    private static final Set<String> HASH_IDS = Set.of("bcrypt", "ldap", "MD4", "MD5", "pbkdf2", "pbkdf2@SpringSecurity_v5_8",
            "scrypt", "scrypt@SpringSecurity_v5_8", "SHA-1", "SHA-256", "sha256", "argon2", "argon2@SpringSecurity_v5_8");

    private static final int REMEMBERED_HASHED_KEYS = 10_000;

    private static final MessageDigest SHA_256 = newSha256();

    private record Holder(ApiKey key, List<GrantedAuthority> authorities) {
    }

    private record PlainKey(byte[] digest, Holder holder) {
    }

    private record HashedKey(String encoded, Holder holder) {
    }

    private final List<PlainKey> plainKeys = new ArrayList<>();
    private final List<HashedKey> hashedKeys = new ArrayList<>();
    private final PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
    private final Map<String, Holder> rememberedHashed = new ConcurrentHashMap<>();

    public ApiKeyAuthenticationProvider(List<ApiKey> keys) {
        for (ApiKey key : keys) {
            List<GrantedAuthority> authorities = new ArrayList<>();
            key.roles().forEach(role -> authorities.add(new SimpleGrantedAuthority(
                    role.startsWith("ROLE_") ? role : "ROLE_" + role)));
            Holder holder = new Holder(key, List.copyOf(authorities));
            if (isHashed(key.key())) {
                hashedKeys.add(new HashedKey(key.key(), holder));
            }
            else {
                Matcher noop = ENCODED.matcher(key.key());
                String plain = noop.matches() && noop.group(1).equals("noop") ? noop.group(2) : key.key();
                plainKeys.add(new PlainKey(digest(plain), holder));
            }
        }
    }

    /** Whether a stored key is in a hashed {@code {id}} form this provider understands. */
    private static boolean isHashed(String storedKey) {
        Matcher encoded = ENCODED.matcher(storedKey);
        return encoded.matches() && HASH_IDS.contains(encoded.group(1));
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        Object credentials = authentication.getCredentials();
        String presented = credentials == null ? "" : credentials.toString();
        byte[] digest = digest(presented);
        Holder holder = findPlain(digest);
        if (holder == null) {
            holder = findHashed(presented, HexFormat.of().formatHex(digest));
        }
        if (holder == null) {
            throw new BadCredentialsException("Invalid API key");
        }
        ApiKeyAuthentication result = ApiKeyAuthentication.authenticated(holder.key().name(), holder.key().attributes(),
                holder.authorities());
        result.setDetails(authentication.getDetails());
        return result;
    }

    /** Compares against every plain key, whatever matched, so that timing does not tell which one did. */
    private @Nullable Holder findPlain(byte[] digest) {
        Holder found = null;
        for (PlainKey key : plainKeys) {
            if (MessageDigest.isEqual(key.digest(), digest) && found == null) {
                found = key.holder();
            }
        }
        return found;
    }

    private @Nullable Holder findHashed(String presented, String digestHex) {
        if (hashedKeys.isEmpty()) {
            return null;
        }
        Holder remembered = rememberedHashed.get(digestHex);
        if (remembered != null) {
            return remembered;
        }
        for (HashedKey key : hashedKeys) {
            if (encoder.matches(presented, key.encoded())) {
                if (rememberedHashed.size() >= REMEMBERED_HASHED_KEYS) {
                    rememberedHashed.clear();
                }
                rememberedHashed.put(digestHex, key.holder());
                return key.holder();
            }
        }
        return null;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return ApiKeyAuthentication.class.isAssignableFrom(authentication);
    }

    private static byte[] digest(String text) {
        try {
            // Cloning a ready instance skips the provider lookup of getInstance on every request.
            return ((MessageDigest) SHA_256.clone()).digest(text.getBytes(StandardCharsets.UTF_8));
        }
        catch (CloneNotSupportedException ex) {
            return newSha256().digest(text.getBytes(StandardCharsets.UTF_8));
        }
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", ex);
        }
    }
}
