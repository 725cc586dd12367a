package io.sentro.spring.autoconfigure;

import javax.sql.DataSource;

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

    /**
     * The DataSource Sentro's statements run on, writes and the outbox's included: the replicas' routing one, which
     * sends a transaction's statements to the primary, else the application's.
     */
    public DataSource writes(DataSource application) {
        return replicas != null ? replicas.dataSource() : application;
    }

    @Override
    public void close() {
        if (replicas != null) {
            replicas.close();
        }
    }
}
