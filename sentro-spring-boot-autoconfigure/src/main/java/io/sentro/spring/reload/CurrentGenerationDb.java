package io.sentro.spring.reload;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import io.sentro.spring.customize.SentroDb;

import org.jspecify.annotations.Nullable;

/**
 * The {@link SentroDb} bean of the application: each call runs on the generation served when it is made. Hooks and
 * actions get their own generation's instead, so that a request runs on one model from start to end. The
 * generations are looked up on first use, so that customizer beans can take this one in their constructors.
 */
public final class CurrentGenerationDb implements SentroDb {

    private final Supplier<ApiGenerations> generations;

    public CurrentGenerationDb(Supplier<ApiGenerations> generations) {
        this.generations = generations;
    }

    private SentroDb db() {
        return generations.get().current().db();
    }

    @Override
    public List<Map<String, @Nullable Object>> get(String table, Map<String, ?> where) {
        return db().get(table, where);
    }

    @Override
    public @Nullable Map<String, @Nullable Object> getSingle(String table, Map<String, ?> where) {
        return db().getSingle(table, where);
    }

    @Override
    public Map<String, @Nullable Object> insert(String table, Map<String, ?> data) {
        return db().insert(table, data);
    }

    @Override
    public int update(String table, Map<String, ?> data, Map<String, ?> where) {
        return db().update(table, data, where);
    }

    @Override
    public int delete(String table, Map<String, ?> where) {
        return db().delete(table, where);
    }
}
