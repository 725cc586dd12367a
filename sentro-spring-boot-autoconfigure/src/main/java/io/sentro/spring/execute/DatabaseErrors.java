package io.sentro.spring.execute;

import java.sql.SQLException;
import java.util.function.Supplier;

import io.sentro.spring.dialect.SqlDialect;
import io.sentro.spring.error.ErrorCode;
import io.sentro.spring.error.SentroException;
import io.sentro.spring.schema.SchemaModel;
import io.sentro.spring.schema.Table;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.TransactionException;

/**
 * Translates database failures into {@link SentroException}s: those the dialect classifies as caused by the client's
 * data (a violated constraint, a value that does not fit) into problems naming what is at fault
 * ({@link DatabaseErrorMessages}), and an unreachable database, or a transaction that cannot begin or commit, into 503.
 * Any other failure stays as it was: a fault of Sentro or the database, not of the request.
 */
final class DatabaseErrors {

    private final SqlDialect dialect;
    private final SchemaModel model;

    DatabaseErrors(SqlDialect dialect, SchemaModel model) {
        this.dialect = dialect;
        this.model = model;
    }

    /** Runs work on {@code table}, its failures translated. */
    <T> T translating(Table table, Supplier<T> work) {
        try {
            return work.get();
        }
        catch (DataAccessException ex) {
            throw translate(table, ex);
        }
        catch (TransactionException ex) {
            throw unavailable(ex);
        }
    }

    /** The problem for a failure of work on {@code table}, or the failure itself when it is none of the client's. */
    private RuntimeException translate(Table table, DataAccessException ex) {
        SQLException sql = sqlException(ex);
        ErrorCode code = sql == null ? null : dialect.classify(sql).orElse(null);
        if (code == null && ex instanceof DataAccessResourceFailureException) {
            code = ErrorCode.DATABASE_UNAVAILABLE;
        }
        if (code == null) {
            return ex;
        }
        String constraint = sql == null ? null : dialect.violatedConstraint(sql).orElse(null);
        return DatabaseErrorMessages.problem(code, table, constraint,
                constraint != null && dialect.isPrimaryKeyConstraint(constraint), model, ex);
    }

    /** A transaction that could not begin, commit or roll back: the database is unavailable. */
    static SentroException unavailable(TransactionException ex) {
        return new SentroException(ErrorCode.DATABASE_UNAVAILABLE, "The database is unavailable; try again later",
                null, ex);
    }

    private static @Nullable SQLException sqlException(Throwable ex) {
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                return sql;
            }
        }
        return null;
    }
}
