package io.sentro.spring.entities;

import java.util.function.BiFunction;
import java.util.function.Supplier;

import io.sentro.spring.error.ErrorCode;
import io.sentro.spring.error.SentroException;
import io.sentro.spring.schema.Table;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/**
 * Sentro's engine for the application's own code: a scheduled job, a controller or service of its own, a message
 * listener reads what the REST API serves, through the same pipeline (hooks, display fields) and the same access
 * rules, hidden columns and row scopes.
 * <p>
 * Every call runs as a caller: by default the authentication in Spring Security's context (with none, the configured
 * default rule decides, as for an anonymous HTTP request: there is no silent bypass); {@link #as(Authentication)} a
 * given one; {@link #asSystem()} the application itself, which no rule restricts. Calls join the caller's
 * transaction when one is active.
 *
 * <pre>{@code
 * Page page = entities.table("posts").find(Query.where("status", EQ, "published").embed("comments").limit(10));
 * long drafts = entities.asSystem().table("posts").count(Query.where("status", EQ, "draft"));
 * }</pre>
 */
public final class SentroEntities {

    private final Supplier<Engine> engines;
    private final SecurityContextHolderStrategy contexts;
    private final Caller caller;
    private final RowMapping mapping;

    /**
     * @param engines the engine of the schema generation served at the time of each call (schema reloads apply)
     * @param contexts where Spring Security keeps the caller's authentication
     */
    public SentroEntities(Supplier<Engine> engines, SecurityContextHolderStrategy contexts) {
        this(engines, contexts, new Caller.Current(), new RowMapping());
    }

    private SentroEntities(Supplier<Engine> engines, SecurityContextHolderStrategy contexts,
            Caller caller, RowMapping mapping) {
        this.engines = engines;
        this.contexts = contexts;
        this.caller = caller;
        this.mapping = mapping;
    }

    /**
     * A table, by its name in URLs.
     *
     * @throws SentroException {@code SENTRO-201} when no such table is served
     */
    public Entity table(String name) {
        table(engines.get(), name);
        return new Entity(this, name);
    }

    /** The same API, calling as this authentication: its rules, hidden columns and row scopes apply. */
    public SentroEntities as(Authentication authentication) {
        return new SentroEntities(engines, contexts, new Caller.As(authentication), mapping);
    }

    /**
     * The same API, calling as the application itself: no access rule, hidden column or row scope applies (hooks,
     * field writers and display fields still run). Use it where the application, not a user, is the caller.
     */
    public SentroEntities asSystem() {
        return new SentroEntities(engines, contexts, new Caller.System(), mapping);
    }

    RowMapping mapping() {
        return mapping;
    }

    <T> T call(BiFunction<Engine, Caller, T> work) {
        Engine engine = engines.get();
        return caller.run(contexts, () -> work.apply(engine, caller));
    }

    static Table table(Engine engine, String name) {
        return engine.model().table(name).orElseThrow(() -> new SentroException(ErrorCode.UNKNOWN_TABLE,
                "Unknown table '" + name + "'. Served tables: " + String.join(", ", engine.model().tables()
                        .stream().map(Table::name).toList())));
    }
}
