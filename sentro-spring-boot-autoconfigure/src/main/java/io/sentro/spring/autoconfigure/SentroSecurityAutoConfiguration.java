package io.sentro.spring.autoconfigure;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;

import io.sentro.spring.observe.SentroEndpoint;
import io.sentro.spring.security.AccessRule;
import io.sentro.spring.security.ApiKeyAuthentication;
import io.sentro.spring.security.SentroCredentials;
import io.sentro.spring.web.SentroEndpointMatcher;
import io.sentro.spring.security.SentroHttpSecurityCustomizer;
import io.sentro.spring.web.SentroRequestMatcher;
import io.sentro.spring.web.SecurityProblems;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.convert.converter.Converter;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.AuthenticationFilter;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.csrf.CsrfTokenRequestHandler;
import org.springframework.security.web.csrf.XorCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.header.HeaderWriterFilter;

/**
 * Sentro's own {@link SecurityFilterChain}, for {@code sentro.base-path} only: it authenticates API keys (and bearer
 * JWTs when the application configured a resource server) and leaves every decision to Sentro's
 * {@link io.sentro.spring.security.AccessPolicy}, which takes it per table and operation. The rest of the application's security is untouched:
 * this auto-configuration runs after Spring Boot's, so Boot's default chain (or the resource server's) is still
 * defined and keeps protecting the application's own endpoints.
 * <p>
 * The chain is ordered at {@link #FILTER_CHAIN_ORDER}, before the application's unordered chains, and backs off for
 * any request that an application chain narrower than "any request" claims (see {@link SentroRequestMatcher}).
 * Replace it by declaring a bean named {@code sentroSecurityFilterChain}; adjust it with
 * {@link SentroHttpSecurityCustomizer} beans.
 */
@AutoConfiguration(after = SentroAutoConfiguration.class, afterName = {
        "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration",
        "org.springframework.boot.security.oauth2.server.resource.autoconfigure.web.OAuth2ResourceServerWebSecurityAutoConfiguration",
        "org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerAutoConfiguration" })
@ConditionalOnClass({ SecurityFilterChain.class, HttpSecurity.class })
@ConditionalOnBean(SentroCredentials.class)
@EnableWebSecurity
public final class SentroSecurityAutoConfiguration {

    /** The order of Sentro's chain: before the application's unordered chains and Spring Boot's default one. */
    public static final int FILTER_CHAIN_ORDER = Ordered.LOWEST_PRECEDENCE - 20;

    /** The 401 and 403 answers (problem+json, with the credentials' challenge) of Sentro's chain and its JWT part. */
    @Bean
    @ConditionalOnMissingBean
    SecurityProblems sentroSecurityProblems(SentroCredentials credentials) {
        return new SecurityProblems(credentials.challenge());
    }

    @Bean
    @Order(FILTER_CHAIN_ORDER)
    @ConditionalOnMissingBean(name = "sentroSecurityFilterChain")
    SecurityFilterChain sentroSecurityFilterChain(HttpSecurity http, SentroProperties properties,
            SentroCredentials credentials, SecurityProblems problems, ObjectProvider<SecurityFilterChain> chains,
            ObjectProvider<SentroHttpSecurityCustomizer> customizers) throws Exception {
        String basePath = SentroWebConfiguration.normalizedBasePath(properties.getBasePath());
        http.securityMatcher(new SentroRequestMatcher(basePath, chains));
        // No AuthorizationFilter: every decision is the access policy's, per table and operation, once the request is
        // routed (a filter deciding "permit all" first would only cost time).
        statelessApi(http, credentials, problems);
        for (SentroHttpSecurityCustomizer customizer : customizers.orderedStream().toList()) {
            customizer.customize(http);
        }
        return http.build();
    }

    /**
     * The data console's page and files are open: they hold no data, and the console signs in against the API, which
     * decides every request. An application chain narrower than "any request" that claims the console's path (to put
     * it behind the application's login) takes precedence. CSRF protection stays on (the console answers only reads)
     * so that the page can hand a browser signed in by the application's login the token its API writes need.
     */
    @Bean
    @Order(FILTER_CHAIN_ORDER + 1)
    @ConditionalOnBooleanProperty("sentro.console.enabled")
    @ConditionalOnMissingBean(name = "sentroConsoleSecurityFilterChain")
    SecurityFilterChain sentroConsoleSecurityFilterChain(HttpSecurity http, SentroProperties properties,
            ObjectProvider<SecurityFilterChain> chains) throws Exception {
        return http.securityMatcher(new SentroRequestMatcher(SentroConsoleConfiguration.consolePath(properties), chains))
            .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
            .sessionManagement(management -> management.disable())
            .requestCache(cache -> cache.disable())
            .build();
    }

    /**
     * What Sentro's chains share: API keys (and bearer JWTs, through the customizers) authenticate each request, a
     * session the application's own login established is read but never created, and 401/403 are problem+json.
     */
    static void statelessApi(HttpSecurity http, SentroCredentials credentials, SecurityProblems problems)
            throws Exception {
        // A session established by the application's own login is read, never created: the API itself is stateless.
        HttpSessionSecurityContextRepository sessions = new HttpSessionSecurityContextRepository();
        sessions.setAllowSessionCreation(false);
        http.securityContext(context -> context.securityContextRepository(new DelegatingSecurityContextRepository(
                    new RequestAttributeSecurityContextRepository(), sessions)))
            // No session fixation or URL-rewriting machinery for a stateless API: fewer wrappers on the hot path.
            .sessionManagement(management -> management.disable())
            // Sentro reads the Authentication from the security context, not through a request wrapper.
            .servletApi(servletApi -> servletApi.disable())
            // API keys and bearer tokens are not sent by browsers on their own; a session cookie is.
            .csrf(csrf -> csrf.requireCsrfProtectionMatcher(SentroSecurityAutoConfiguration::cookieAuthenticatedWrite)
                    .csrfTokenRequestHandler(new TokenCheckingOnly()))
            .requestCache(cache -> cache.disable())
            .logout(logout -> logout.disable())
            // Caching of API responses is the API's business (and ETags'), not a blanket no-store. The headers are
            // written up front, so that the response is not wrapped to write them on commit.
            .headers(headers -> headers.cacheControl(cache -> cache.disable())
                    .withObjectPostProcessor(new ObjectPostProcessor<HeaderWriterFilter>() {
                        @Override
                        public <O extends HeaderWriterFilter> O postProcess(O filter) {
                            filter.setShouldWriteHeadersEagerly(true);
                            return filter;
                        }
                    }))
            .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(problems)
                    .accessDeniedHandler(problems));
        if (credentials.apiKeysEnabled()) {
            AuthenticationFilter apiKeys = new AuthenticationFilter(new ProviderManager(credentials.apiKeys()),
                    request -> {
                        String key = request.getHeader(SentroCredentials.API_KEY_HEADER);
                        return key == null ? null : ApiKeyAuthentication.unauthenticated(key);
                    });
            apiKeys.setSuccessHandler((request, response, authentication) -> {
                // Carry on with the request: the key authenticates it, it does not log anybody in.
            });
            apiKeys.setFailureHandler(problems);
            http.addFilterBefore(apiKeys, AnonymousAuthenticationFilter.class);
        }
    }

    /**
     * Checks the CSRF token of the writes that need one, without publishing a token as request attributes on every
     * request: nothing renders a page from an API response, and on the hot path that publishing is pure cost.
     */
    static final class TokenCheckingOnly implements CsrfTokenRequestHandler {

        private final XorCsrfTokenRequestAttributeHandler tokens = new XorCsrfTokenRequestAttributeHandler();

        @Override
        public void handle(jakarta.servlet.http.HttpServletRequest request,
                jakarta.servlet.http.HttpServletResponse response,
                java.util.function.Supplier<org.springframework.security.web.csrf.CsrfToken> csrfToken) {
        }

        @Override
        public java.lang.@org.jspecify.annotations.Nullable String resolveCsrfTokenValue(
                jakarta.servlet.http.HttpServletRequest request, org.springframework.security.web.csrf.CsrfToken token) {
            return tokens.resolveCsrfTokenValue(request, token);
        }
    }

    private static boolean cookieAuthenticatedWrite(jakarta.servlet.http.HttpServletRequest request) {
        String method = request.getMethod();
        boolean safe = method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS")
                || method.equals("TRACE");
        return !safe && request.getHeader(SentroCredentials.API_KEY_HEADER) == null
                && request.getHeader(HttpHeaders.AUTHORIZATION) == null && request.getSession(false) != null;
    }

    /**
     * The {@code sentro} actuator endpoint, reading the served model and reloading the schema, is guarded by a chain
     * of Sentro's, ahead of the application's management security: callers authenticate as they do with the API
     * (an API key, a JWT) and must satisfy {@code sentro.security.access.admin} (role {@code ADMIN} unless set).
     * Health and the other endpoints stay under the application's own rules, so that probes still reach health.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = { "org.springframework.boot.actuate.endpoint.annotation.Endpoint",
            "org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest" })
    static class EndpointSecurity {

        @Bean
        @Order(FILTER_CHAIN_ORDER - 1)
        @ConditionalOnBean(SentroEndpoint.class)
        @ConditionalOnMissingBean(name = "sentroEndpointSecurityFilterChain")
        SecurityFilterChain sentroEndpointSecurityFilterChain(HttpSecurity http, SentroProperties properties,
                SentroCredentials credentials, SecurityProblems problems,
                ObjectProvider<SentroHttpSecurityCustomizer> customizers) throws Exception {
            String admin = properties.getSecurity().getAccess().getAdmin();
            AccessRule rule;
            try {
                rule = AccessRule.parse(admin, "sentro.security.access.admin");
            }
            catch (IllegalArgumentException ex) {
                throw new IllegalStateException(ex.getMessage(), ex);
            }
            http.securityMatcher(new SentroEndpointMatcher(EndpointRequest.to(SentroEndpoint.class)));
            statelessApi(http, credentials, problems);
            http.authorizeHttpRequests(requests -> {
                if (rule == AccessRule.PERMIT_ALL) {
                    requests.anyRequest().permitAll();
                }
                else if (rule == AccessRule.AUTHENTICATED) {
                    requests.anyRequest().authenticated();
                }
                else if (rule == AccessRule.DENY_ALL) {
                    requests.anyRequest().denyAll();
                }
                else {
                    requests.anyRequest().hasAnyRole(Arrays.stream(admin.split(",")).map(String::trim)
                            .map(role -> role.startsWith("ROLE_") ? role.substring(5) : role).toArray(String[]::new));
                }
            });
            for (SentroHttpSecurityCustomizer customizer : customizers.orderedStream().toList()) {
                customizer.customize(http);
            }
            return http.build();
        }
    }

    /**
     * Bearer JWTs, when the application configured Spring Boot's OAuth2 resource server (which provides the
     * {@link JwtDecoder}: a JWK set URI, an issuer URI or a public key).
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass({ JwtDecoder.class, JwtAuthenticationConverter.class })
    static class JwtConfiguration {

        @Bean
        @ConditionalOnBean(JwtDecoder.class)
        @ConditionalOnMissingBean(name = "sentroJwtSecurity")
        SentroHttpSecurityCustomizer sentroJwtSecurity(JwtDecoder decoder, SentroProperties properties,
                SecurityProblems problems) {
            Converter<Jwt, AbstractAuthenticationToken> converter = jwtAuthentication(
                    properties.getSecurity().getJwt().getRolesClaim());
            return http -> http.oauth2ResourceServer(resourceServer -> resourceServer
                    .authenticationEntryPoint(problems)
                    .accessDeniedHandler(problems)
                    .jwt(jwt -> jwt.decoder(decoder).jwtAuthenticationConverter(converter)));
        }

        /** Roles from the configured claim (a list or a space-separated string), each as {@code ROLE_<name>}. */
        static JwtAuthenticationConverter jwtAuthentication(String rolesClaim) {
            JwtGrantedAuthoritiesConverter roles = new JwtGrantedAuthoritiesConverter();
            roles.setAuthoritiesClaimName(rolesClaim);
            roles.setAuthorityPrefix("ROLE_");
            JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
            converter.setJwtGrantedAuthoritiesConverter(jwt -> {
                Collection<GrantedAuthority> granted = roles.convert(jwt);
                return granted == null ? List.of() : granted;
            });
            return converter;
        }
    }
}
