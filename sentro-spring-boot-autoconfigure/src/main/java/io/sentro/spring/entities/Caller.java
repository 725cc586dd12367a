package io.sentro.spring.entities;

import java.util.function.Supplier;

import io.sentro.spring.customize.Action;
import io.sentro.spring.customize.CallSite;
import io.sentro.spring.customize.Operation;
import io.sentro.spring.plan.Grant;
import io.sentro.spring.plan.Grants;
import io.sentro.spring.schema.Table;
import io.sentro.spring.security.AccessPolicy;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/**
 * Who an entity call runs as, and so what the access rules decide: the authentication of Spring Security's context
 * (none: the configured default rule decides, as for an anonymous HTTP request), a given one, or the system, which
 * no rule restricts.
 */
sealed interface Caller {

    /** Runs the call with this caller in Spring Security's context, where rules and hooks find it. */
    <T> T run(SecurityContextHolderStrategy contexts, Supplier<T> work);

    /** What the rules let this caller do to the table: 401/403 when they refuse. */
    default Grant grant(AccessPolicy access, Table table, Operation operation) {
        return access.authorize(table, operation, CallSite.ENTITY_API);
    }

    /** What the rules let this caller do running the action: 401/403 when they refuse. */
    default Grant grantAction(AccessPolicy access, Table table, Action action) {
        return access.authorizeAction(table, action, CallSite.ENTITY_API);
    }

    /** What the rules let this caller read of the tables a call embeds or filters by. */
    default Grants grants(AccessPolicy access) {
        return table -> grant(access, table, Operation.READ);
    }

    /** The authentication already in the context. */
    record Current() implements Caller {

        @Override
        public <T> T run(SecurityContextHolderStrategy contexts, Supplier<T> work) {
            return work.get();
        }
    }

    /** A given authentication, in the context for the call's length (hooks see it as the principal). */
    record As(Authentication authentication) implements Caller {

        @Override
        public <T> T run(SecurityContextHolderStrategy contexts, Supplier<T> work) {
            SecurityContext previous = contexts.getContext();
            SecurityContext context = contexts.createEmptyContext();
            context.setAuthentication(authentication);
            contexts.setContext(context);
            try {
                return work.get();
            }
            finally {
                contexts.setContext(previous);
            }
        }
    }

    /** The application itself: every rule, hidden column and row scope is bypassed; hooks still run. */
    record System() implements Caller {

        @Override
        public <T> T run(SecurityContextHolderStrategy contexts, Supplier<T> work) {
            return work.get();
        }

        @Override
        public Grant grant(AccessPolicy access, Table table, Operation operation) {
            return Grant.FULL;
        }

        @Override
        public Grant grantAction(AccessPolicy access, Table table, Action action) {
            return Grant.FULL;
        }

        @Override
        public Grants grants(AccessPolicy access) {
            return Grants.FULL;
        }
    }
}
