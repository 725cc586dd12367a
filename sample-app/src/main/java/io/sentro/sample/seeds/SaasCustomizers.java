package io.sentro.sample.seeds;

import java.util.Map;
import java.util.Objects;

import io.sentro.sample.integrations.EmailService;
import io.sentro.sample.integrations.StripeService;
import io.sentro.spring.customize.Action;
import io.sentro.spring.customize.ActionResult;
import io.sentro.spring.customize.Integrations;
import io.sentro.spring.customize.ModelCustomizer;
import io.sentro.spring.customize.Operation;
import io.sentro.spring.customize.RowScope;
import io.sentro.spring.customize.SentroDb;
import io.sentro.spring.security.PrincipalAttributes;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;

/**
 * Seed example 3, the multi-tenant SaaS: a Stripe customer for each new organization, a plan upgrade action, and
 * invitation e-mails for team members.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(SeedExamplesCondition.class)
class SaasCustomizers {

    @Bean
    ModelCustomizer organizations(Integrations integrations) {
        var c = new ModelCustomizer("organizations");
        c.rename("Organizations");
        // Members of an organization see and change their organization only; administrators see every one, and
        // only they create or delete organizations.
        c.scopeRows("id", SaasCustomizers::callersOrganization);
        c.allow(Operation.CREATE, "ADMIN");
        c.allow(Operation.DELETE, "ADMIN");
        // Once the organization is committed, never for one rolled back: its Stripe customer, then its id on the row.
        c.onCommitted(Operation.CREATE, committed -> {
            StripeService stripe = integrations.using("stripe", StripeService.class);
            for (Map<String, Object> org : committed.rows()) {
                if (stripe != null && org.get("stripe_customer_id") == null && org.get("id") != null
                        && org.get("email") instanceof String email && org.get("name") instanceof String name) {
                    String customer = stripe.createCustomer(email, name);
                    committed.db().update("organizations", Map.of("stripe_customer_id", customer),
                            Map.of("id", org.get("id")));
                }
            }
        });
        c.addAction(Action.detail("upgrade-plan", "Upgrade Plan", (request, record, db) -> {
            Object planId = request.param("planId");
            StripeService stripe = integrations.using("stripe", StripeService.class);
            if (stripe == null || !(record.get("stripe_customer_id") instanceof String customer)) {
                return ActionResult.failure("Stripe not configured");
            }
            if (!(planId instanceof String plan) || plan.isBlank()) {
                return ActionResult.failure("'planId' is required");
            }
            String subscription = stripe.createSubscription(customer, plan);
            db.update("organizations", Map.of("plan", plan, "subscription_id", subscription),
                    Map.of("id", record.get("id")));
            return ActionResult.success("Upgraded to " + plan + " plan");
        }));
        return c;
    }

    @Bean
    ModelCustomizer teamMembers(Integrations integrations) {
        var c = new ModelCustomizer("team_members");
        c.rename("Team Members");
        c.scopeRows("organization_id", SaasCustomizers::callersOrganization);
        // The invitation goes once the member is committed: a rolled-back create invites nobody.
        c.onCommitted(Operation.CREATE, committed -> {
            EmailService email = integrations.using("email", EmailService.class);
            if (email != null) {
                committed.rows().forEach(member -> invite(email, committed.db(), member));
            }
        });
        c.addAction(Action.detail("resend-invite", "Resend Invitation", (request, record, db) -> {
            EmailService email = integrations.using("email", EmailService.class);
            if (email == null) {
                return ActionResult.failure("Email not configured");
            }
            if (!invite(email, db, record)) {
                return ActionResult.failure("Team member " + record.get("id") + " has no e-mail address");
            }
            return ActionResult.success("Invitation resent");
        }));
        return c;
    }

    /**
     * The tenant of a caller: every row for an ADMIN, else the {@code organization} attribute of their API key (or
     * the claim of their JWT); a caller without one sees no organization at all.
     */
    static Object callersOrganization(Authentication caller) {
        boolean admin = caller.getAuthorities().stream().anyMatch(role -> role.getAuthority().equals("ROLE_ADMIN"));
        return admin ? RowScope.ALL_ROWS : PrincipalAttributes.of(caller).get("organization");
    }

    /** Sends the member their invitation; false when the member has no e-mail address to send it to. */
    private static boolean invite(EmailService email, SentroDb db, Map<String, Object> member) {
        if (!(member.get("email") instanceof String to)) {
            return false;
        }
        Object organization = member.get("organization_id");
        Map<String, Object> org = organization == null ? null
                : db.getSingle("organizations", Map.of("id", organization));
        email.sendTemplate(to, "team-invitation", Map.of(
                "orgName", org == null ? "" : Objects.toString(org.get("name"), ""),
                "inviteLink", "https://app.example.test/accept/" + member.get("invite_token")));
        return true;
    }
}
