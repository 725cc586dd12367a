package io.sentro.spring.autoconfigure;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.sentro.spring.security.AccessRule;
import io.sentro.spring.security.ApiKey;
import io.sentro.spring.security.ApiKeyAuthenticationProvider;
import io.sentro.spring.security.SentroCredentials;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.keygen.Base64StringKeyGenerator;
import org.springframework.util.Assert;
import org.springframework.util.ClassUtils;
import org.springframework.util.StringUtils;

/**
 * Access control: the credentials the API accepts (API keys, JWTs when the application configured a resource
 * server, or a generated key) which outlive schema reloads. The access policy, built from the model, is each generation's
 * ({@link SentroGenerationConfiguration}). The filter chain that authenticates requests is
 * {@link SentroSecurityAutoConfiguration}'s.
 */
@Configuration(proxyBeanMethods = false)
class SentroAccessConfiguration {

    private static final Log log = LogFactory.getLog(SentroAccessConfiguration.class);

    private static final String JWT_DECODER = "org.springframework.security.oauth2.jwt.JwtDecoder";

    @Bean
    @ConditionalOnMissingBean
    SentroCredentials sentroCredentials(SentroProperties properties, ListableBeanFactory beans) {
        SentroProperties.Security security = properties.getSecurity();
        List<ApiKey> keys = new ArrayList<>();
        for (int i = 0; i < security.getApiKeys().size(); i++) {
            SentroProperties.ApiKey key = security.getApiKeys().get(i);
            Assert.state(StringUtils.hasText(key.getKey()), "sentro.security.api-keys[" + i + "].key must be set");
            keys.add(new ApiKey(key.getName(), key.getKey(), key.getRoles(), key.getAttributes()));
        }
        boolean jwt = ClassUtils.isPresent(JWT_DECODER, beans.getClass().getClassLoader())
                && beans.getBeanNamesForType(ClassUtils.resolveClassName(JWT_DECODER, beans.getClass().getClassLoader()))
                        .length > 0;
        AccessRule defaultRule = defaultRule(security.getAccess().getDefault());
        boolean generate = keys.isEmpty() && !jwt && defaultRule == AccessRule.AUTHENTICATED;
        if (generate) {
            String generated = new Base64StringKeyGenerator(java.util.Base64.getUrlEncoder().withoutPadding(), 32)
                    .generateKey();
            log.warn("\n\nUsing generated Sentro API key: " + generated
                    + "\n\nSend it as the X-API-Key header; set sentro.security.api-keys to choose your own.\n");
            keys.add(new ApiKey("generated", generated, List.of(), Map.of()));
        }
        return new SentroCredentials(new ApiKeyAuthenticationProvider(keys), !keys.isEmpty(), jwt, generate);
    }

    static AccessRule defaultRule(String text) {
        AccessRule rule;
        try {
            rule = AccessRule.parse(text, "sentro.security.access.default");
        }
        catch (IllegalArgumentException ex) {
            throw new IllegalStateException(ex.getMessage(), ex);
        }
        Assert.state(rule == AccessRule.PERMIT_ALL || rule == AccessRule.AUTHENTICATED || rule == AccessRule.DENY_ALL,
                "sentro.security.access.default is '" + text + "': expected permit-all, authenticated or deny-all");
        return rule;
    }
}
