package io.sentro.spring.security;

import java.util.ArrayList;
import java.util.List;

/**
 * The credentials Sentro's API accepts: API keys (configured or generated) in {@value #API_KEY_HEADER}, and bearer
 * JWTs when the application configured Spring Boot's OAuth2 resource server.
 *
 * @param apiKeys checks presented keys
 * @param apiKeysEnabled whether any key is configured (or was generated)
 * @param jwtEnabled whether bearer JWTs are accepted
 * @param generatedKey whether the one key is Sentro's generated key, written to the log at start-up (none was
 * configured): the console's sign-in page then says where to find it
 */
public record SentroCredentials(ApiKeyAuthenticationProvider apiKeys, boolean apiKeysEnabled, boolean jwtEnabled,
        boolean generatedKey) {

    /** The request header that carries an API key. */
    public static final String API_KEY_HEADER = "X-API-Key";

    /** Credentials none of which Sentro generated. */
    public SentroCredentials(ApiKeyAuthenticationProvider apiKeys, boolean apiKeysEnabled, boolean jwtEnabled) {
        this(apiKeys, apiKeysEnabled, jwtEnabled, false);
    }

    /** The {@code WWW-Authenticate} value of a 401: one challenge per accepted credential. */
    public String challenge() {
        List<String> challenges = new ArrayList<>();
        if (apiKeysEnabled) {
            challenges.add("ApiKey realm=\"sentro\", header=\"" + API_KEY_HEADER + "\"");
        }
        if (jwtEnabled) {
            challenges.add("Bearer realm=\"sentro\"");
        }
        return challenges.isEmpty() ? "ApiKey realm=\"sentro\", header=\"" + API_KEY_HEADER + "\""
                : String.join(", ", challenges);
    }
}
