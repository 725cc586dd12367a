package io.sentro.spring.openapi;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.sentro.spring.schema.Column;
import io.sentro.spring.schema.SchemaModel;
import io.sentro.spring.schema.Table;
import io.sentro.spring.security.AccessPolicy;
import io.sentro.spring.security.AccessRule;
import io.sentro.spring.security.SentroCredentials;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.jspecify.annotations.Nullable;

/**
 * What the access rules and the configured credentials say in the document: the security schemes, each operation's
 * {@code security} requirements and its 401 and 403 problems (from its {@link AccessRule}), how to authenticate in
 * the info's description, and the columns left out because no caller may see them.
 */
final class SecurityDescriptions {

    private static final String API_KEY_SCHEME = "ApiKey";
    private static final String BEARER_SCHEME = "BearerJwt";

    private final AccessPolicy access;
    private final SentroCredentials credentials;

    SecurityDescriptions(AccessPolicy access, SentroCredentials credentials) {
        this.access = access;
        this.credentials = credentials;
    }

    /**
     * The rule of the index, {@code _types.ts} and {@code _schema}, which list the tables the caller may read: open
     * when one is open to all.
     */
    AccessRule descriptionsRule(SchemaModel model) {
        return model.tables().isEmpty() || model.tables().stream()
                .anyMatch(table -> access.rule(table, io.sentro.spring.customize.Operation.READ).permitsAnonymous())
                        ? AccessRule.PERMIT_ALL : AccessRule.AUTHENTICATED;
    }

    /** The columns every caller may see; columns hidden from everyone are left out of the document. */
    List<Column> visible(Table table) {
        Set<String> hidden = access.hiddenFromEveryone(table);
        return hidden.isEmpty() ? table.columns()
                : table.columns().stream().filter(column -> !hidden.contains(column.name())).toList();
    }

    /**
     * Declares who may call an operation: the credentials it takes (none needed when its rule permits all), and
     * the 401 and 403 problems it can answer with.
     */
    Operation described(Operation operation, AccessRule rule) {
        List<SecurityRequirement> security = new ArrayList<>();
        if (rule.permitsAnonymous()) {
            security.add(new SecurityRequirement());
        }
        if (credentials.apiKeysEnabled()) {
            security.add(new SecurityRequirement().addList(API_KEY_SCHEME));
        }
        if (credentials.jwtEnabled()) {
            security.add(new SecurityRequirement().addList(BEARER_SCHEME));
        }
        operation.setSecurity(security);
        if (!rule.permitsAnonymous() || credentials.apiKeysEnabled() || credentials.jwtEnabled()) {
            // A credential that does not check out is a 401 even where anonymous callers are let in.
            operation.getResponses().addApiResponse("401", new ApiResponse().$ref("#/components/responses/Problem401"));
        }
        if (!rule.permitsAnonymous() && rule != AccessRule.AUTHENTICATED) {
            operation.getResponses().addApiResponse("403", new ApiResponse().$ref("#/components/responses/Problem403"));
        }
        if (rule.deniesAll()) {
            operation.description((operation.getDescription() == null ? "" : operation.getDescription() + " ")
                    + "Denied to every caller by the access rules.");
        }
        return operation;
    }

    /** The configured description, followed by how to authenticate (what Swagger UI's Authorize wants). */
    @Nullable String withAuthentication(@Nullable String description) {
        String how = credentials.howToAuthenticate();
        if (how.isEmpty()) {
            return description;
        }
        return description == null || description.isBlank() ? how : description.strip() + "\n\n" + how;
    }

    void addSecuritySchemes(Components components) {
        if (credentials.apiKeysEnabled()) {
            components.addSecuritySchemes(API_KEY_SCHEME, new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                    .in(SecurityScheme.In.HEADER).name(SentroCredentials.API_KEY_HEADER)
                    .description(credentials.generatedKey()
                            ? "The API key Sentro generated at start-up: the application's log has it (WARN, 'Using "
                                    + "generated Sentro API key')"
                            : "An API key of sentro.security.api-keys"));
        }
        if (credentials.jwtEnabled()) {
            components.addSecuritySchemes(BEARER_SCHEME, new SecurityScheme().type(SecurityScheme.Type.HTTP)
                    .scheme("bearer").bearerFormat("JWT")
                    .description("A JWT of the configured issuer; roles from its roles claim"));
        }
    }
}
