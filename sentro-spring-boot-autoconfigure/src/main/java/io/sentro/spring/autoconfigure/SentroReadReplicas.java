package io.sentro.spring.autoconfigure;

import io.sentro.spring.execute.ReadReplicas;

import org.jspecify.annotations.Nullable;

/** The read replicas Sentro reads from, or none ({@code sentro.read-replicas} empty); closed with the context. */
public final class SentroReadReplicas implements AutoCloseable {

    private final @Nullable ReadReplicas replicas;

    SentroReadReplicas(@Nullable ReadReplicas replicas) {
        this.replicas = replicas;
    }

    /** The replicas and their routing, or null when there are none. */
    public @Nullable ReadReplicas replicas() {
        return replicas;
    }

    @Override
    public void close() {
        if (replicas != null) {
            replicas.close();
        }
    }
}
