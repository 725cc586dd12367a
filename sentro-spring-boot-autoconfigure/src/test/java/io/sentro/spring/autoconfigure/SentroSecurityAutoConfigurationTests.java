package io.sentro.spring.autoconfigure;

import io.sentro.spring.security.AccessPolicy;
import io.sentro.spring.security.SentroCredentials;
import io.sentro.spring.security.SentroHttpSecurityCustomizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class SentroSecurityAutoConfigurationTests {

    private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(SentroAutoConfiguration.class,
                    ServletWebSecurityAutoConfiguration.class, SentroSecurityAutoConfiguration.class))
            .withUserConfiguration(SentroAutoConfigurationTests.OfflineDatabase.class);

    @Test
    void generatesAndLogsAnApiKeyWhenNoCredentialIsConfigured(CapturedOutput output) {
        runner.run(context -> {
            assertThat(context.getBean(io.sentro.spring.reload.ApiGenerations.class).current()
                    .component(AccessPolicy.class)).isNotNull();
            assertThat(context).hasBean("sentroSecurityFilterChain");
            assertThat(context.getBean(SentroCredentials.class).apiKeysEnabled()).isTrue();
            assertThat(output).containsOnlyOnce("Using generated Sentro API key: ")
                    .contains("set sentro.security.api-keys to choose your own");
        });
    }

    @Test
    void generatesNoKeyWhenKeysAreConfigured(CapturedOutput output) {
        runner.withPropertyValues("sentro.security.api-keys[0].key=mine").run(context -> {
            assertThat(context.getBean(SentroCredentials.class).apiKeysEnabled()).isTrue();
            assertThat(output).doesNotContain("Using generated Sentro API key");
        });
    }

    @Test
    void generatesNoKeyWhenTheApiIsOpen(CapturedOutput output) {
        runner.withPropertyValues("sentro.security.access.default=permit-all").run(context -> {
            assertThat(context.getBean(SentroCredentials.class).apiKeysEnabled()).isFalse();
            assertThat(output).doesNotContain("Using generated Sentro API key");
        });
    }

    @Test
    void generatesAKeyWhenAnOperationsDefaultNeedsOneThoughTheDefaultIsOpen(CapturedOutput output) {
        runner.withPropertyValues("sentro.security.access.default=permit-all",
                "sentro.security.access.defaults.create=authenticated").run(context -> {
                    SentroCredentials credentials = context.getBean(SentroCredentials.class);
                    assertThat(credentials.apiKeysEnabled()).isTrue();
                    assertThat(credentials.generatedKey()).isTrue();
                    assertThat(credentials.howToAuthenticate()).contains("X-API-Key").contains("start-up")
                            .contains("log");
                    assertThat(output).containsOnlyOnce("Using generated Sentro API key: ");
                });
    }

    @Test
    void configuredKeysAreNotGenerated() {
        runner.withPropertyValues("sentro.security.api-keys[0].key=mine").run(context -> assertThat(context
                .getBean(SentroCredentials.class).howToAuthenticate()).contains("X-API-Key").doesNotContain("log"));
    }

    @Test
    void operationDefaultsApplyToTablesWithoutRulesAndFallBackToTheDefault(CapturedOutput output) {
        runner.withPropertyValues("sentro.security.api-keys[0].key=mine", "sentro.security.access.default=deny-all",
                "sentro.security.access.defaults.read=authenticated", "sentro.security.access.defaults.update=EDITOR",
                "sentro.security.access.tables.posts.update=ADMIN").run(context -> assertThat(output)
                        .contains("Sentro access (default: deny-all, read=authenticated, update=EDITOR)")
                        .contains("Sentro access posts: read=authenticated, create=deny-all, update=ADMIN, "
                                + "delete=deny-all"));
    }

    @Test
    void refusesMalformedOperationDefaults() {
        runner.withPropertyValues("sentro.security.access.defaults.update=EDITOR;ADMIN").run(context -> assertThat(
                context).getFailure().rootCause().hasMessageContaining("sentro.security.access.defaults.update"));
        runner.withPropertyValues("sentro.security.access.defaults.read= ").run(context -> assertThat(context)
                .hasNotFailed());
    }

    @Test
    void logsWhoMayDoWhatPerTable(CapturedOutput output) {
        runner.withPropertyValues("sentro.security.api-keys[0].key=mine",
                "sentro.security.access.tables.posts.delete=ADMIN").run(context -> assertThat(output)
                        .contains("Sentro access posts: read=authenticated, create=authenticated, "
                                + "update=authenticated, delete=ADMIN"));
    }

    @Test
    void keepsSpringBootsDefaultChainForTheRestOfTheApplication() {
        runner.run(context -> {
            assertThat(context).hasBean("sentroSecurityFilterChain");
            assertThat(context).hasBean("defaultSecurityFilterChain");
        });
    }

    @Test
    void backsOffForASentroChainOfTheApplication() {
        runner.withUserConfiguration(OwnSentroChain.class).run(context -> {
            assertThat(context.getBeansOfType(SecurityFilterChain.class)).containsOnlyKeys("sentroSecurityFilterChain");
            assertThat(context.getBean("sentroSecurityFilterChain")).isSameAs(OwnSentroChain.CHAIN);
        });
    }

    @Test
    void acceptsJwtsOnlyWhenTheApplicationConfiguredAResourceServer() {
        runner.run(context -> assertThat(context).doesNotHaveBean(SentroHttpSecurityCustomizer.class));
        runner.withConfiguration(AutoConfigurations.of(OAuth2ResourceServerAutoConfiguration.class))
                .withPropertyValues("spring.security.oauth2.resourceserver.jwt.jwk-set-uri=http://127.0.0.1:1/jwks")
                .run(context -> {
                    assertThat(context).hasBean("sentroJwtSecurity");
                    SentroCredentials credentials = context.getBean(SentroCredentials.class);
                    assertThat(credentials.jwtEnabled()).isTrue();
                    assertThat(credentials.apiKeysEnabled()).isFalse();
                    assertThat(credentials.challenge()).isEqualTo("Bearer realm=\"sentro\"");
                });
    }

    @Test
    void refusesAnUnknownDefaultRule() {
        runner.withPropertyValues("sentro.security.access.default=EDITOR").run(context -> assertThat(context)
                .getFailure().rootCause().hasMessageContaining("sentro.security.access.default"));
    }

    @Test
    void refusesRulesForTablesThatAreNotServed() {
        runner.withPropertyValues("sentro.security.access.tables.psots.read=permit-all").run(context -> assertThat(
                context).getFailure().rootCause().hasMessageContaining("psots").hasMessageContaining("posts"));
    }

    @Test
    void refusesMalformedRulesAndUnknownHiddenColumns() {
        runner.withPropertyValues("sentro.security.access.tables.posts.read=EDITOR;ADMIN").run(context -> assertThat(
                context).getFailure().rootCause().hasMessageContaining("sentro.security.access.tables.posts.read"));
        runner.withPropertyValues("sentro.security.access.tables.posts.hidden-columns=secret").run(context -> assertThat(
                context).getFailure().rootCause().hasMessageContaining("secret"));
        runner.withPropertyValues("sentro.security.access.tables.posts.actions.nope=ADMIN").run(context -> assertThat(
                context).getFailure().rootCause().hasMessageContaining("nope"));
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnSentroChain {

        static SecurityFilterChain CHAIN;

        @Bean
        SecurityFilterChain sentroSecurityFilterChain(HttpSecurity http) throws Exception {
            CHAIN = http.securityMatcher("/api/**").authorizeHttpRequests(requests -> requests.anyRequest()
                    .authenticated()).httpBasic(basic -> { }).build();
            return CHAIN;
        }
    }
}
