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

    /** Credentials of configured keys or JWTs: no generated key. */
    public SentroCredentials(ApiKeyAuthenticationProvider apiKeys, boolean apiKeysEnabled, boolean jwtEnabled) {
        this(apiKeys, apiKeysEnabled, jwtEnabled, false);
    }

    /**
     * How a client authenticates, in a sentence for people (the OpenAPI description, the console's sign-in page):
     * which header, and where the key is when Sentro generated it.
     */
    public String howToAuthenticate() {
        StringBuilder text = new StringBuilder();
        if (apiKeysEnabled && jwtEnabled) {
            text.append("Authenticate with an API key in the " + API_KEY_HEADER
                    + " header, or a JWT as 'Authorization: Bearer <token>'.");
        }
        else if (apiKeysEnabled) {
            text.append("Authenticate with an API key in the " + API_KEY_HEADER + " header.");
        }
        else if (jwtEnabled) {
            text.append("Authenticate with a JWT as 'Authorization: Bearer <token>'.");
        }
        if (generatedKey) {
            text.append(" No key is configured, so Sentro generated one at start-up: it is in the application's log "
                    + "(WARN, 'Using generated Sentro API key'); set sentro.security.api-keys to choose your own.");
        }
        return text.toString();
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
