package io.sentro.spring.it;

import org.junit.jupiter.api.AfterAll;

/**
 * Scenarios on {@link SecuredApplication} with a token issuer of their own, whose JWK set the application's resource
 * server is pointed at.
 */
abstract class SecuredScenarios extends DatabaseScenarios {

    protected JwtIssuer issuer;

    @Override
    protected Class<?> application() {
        return SecuredApplication.class;
    }

    /** The scenario's own properties; the resource server's are added. */
    protected abstract String[] securityProperties();

    @Override
    protected final String[] properties() {
        issuer = new JwtIssuer();
        String[] own = securityProperties();
        String[] all = java.util.Arrays.copyOf(own, own.length + 1);
        all[own.length] = "spring.security.oauth2.resourceserver.jwt.jwk-set-uri=" + issuer.jwkSetUri();
        return all;
    }

    @AfterAll
    void stopIssuer() {
        if (issuer != null) {
            issuer.close();
        }
    }
}
