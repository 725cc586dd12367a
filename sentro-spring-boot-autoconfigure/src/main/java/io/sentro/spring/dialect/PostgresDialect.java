package io.sentro.spring.dialect;

import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.sentro.spring.error.ErrorCode;
import io.sentro.spring.introspect.PostgresIntrospector;
import io.sentro.spring.introspect.SchemaIntrospector;
import io.sentro.spring.schema.ColumnType;
import io.sentro.spring.schema.Table;

import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.support.SqlArrayValue;

/**
 * PostgreSQL 13+: double-quoted identifiers, {@code LIMIT/OFFSET}, {@code RETURNING}, {@code ILIKE}, enums and
 * JSON bound as untyped parameters so the server infers their type from the column, arrays bound as SQL arrays.
 */
public class PostgresDialect implements SqlDialect {

    /** The row estimate of a plan node in EXPLAIN's text: {@code (cost=0.00..1887.00 rows=100000 width=4)}. */
    private static final Pattern PLAN_ROWS = Pattern.compile(" rows=(\\d+) ");

    private final SchemaIntrospector introspector = new PostgresIntrospector();

    @Override
    public boolean nullsSortHigh() {
        return true;
    }

    @Override
    public String name() {
        return "PostgreSQL";
    }

    @Override
    public SchemaIntrospector introspector() {
        return introspector;
    }

    @Override
    public String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    @Override
    public String caseInsensitiveLike(String quotedColumn) {
        return quotedColumn + " ILIKE ?";
    }

    @Override
    public Object bindNull(ColumnType type) {
        // An untyped NULL: the server takes the column's type, whatever it is (enum, jsonb, array...).
        return new SqlParameterValue(Types.OTHER, null);
    }

    /** The row count of the plan's top node: {@code EXPLAIN}'s first line ends {@code (cost=… rows=N width=…)}. */
    @Override
    public Optional<RowEstimate> rowEstimate(String select, List<Object> parameters, Table table, boolean filtered) {
        return Optional.of(new RowEstimate("EXPLAIN " + select, parameters, result -> {
            if (!result.next()) {
                return null;
            }
            Matcher rows = PLAN_ROWS.matcher(result.getString(1));
            return rows.find() ? Long.parseLong(rows.group(1)) : null;
        }));
    }

    /**
     * {@code INSERT ... ON CONFLICT (key) DO UPDATE SET c = EXCLUDED.c RETURNING ..., (xmax = 0)}: the last column is
     * true for an inserted row (a new row version has no deleting transaction). Without values to merge, or to leave
     * the row, {@code DO NOTHING}, which returns no row.
     */
    @Override
    public String upsert(UpsertStatement upsert) {
        StringBuilder sql = new StringBuilder(128).append("INSERT INTO ").append(upsert.table()).append(" (")
                .append(String.join(", ", upsert.columns())).append(") VALUES (")
                .append(String.join(", ", java.util.Collections.nCopies(upsert.columns().size(), "?")))
                .append(") ON CONFLICT (").append(String.join(", ", upsert.conflict())).append(")");
        if (upsert.merge() && !upsert.updates().isEmpty()) {
            sql.append(" DO UPDATE SET ");
            for (int i = 0; i < upsert.updates().size(); i++) {
                String column = upsert.updates().get(i);
                sql.append(i == 0 ? "" : ", ").append(column).append(" = EXCLUDED.").append(column);
            }
            if (upsert.incremented() != null) {
                sql.append(", ").append(upsert.incremented()).append(" = ").append(upsert.table()).append('.')
                        .append(upsert.incremented()).append(" + 1");
            }
        }
        else {
            sql.append(" DO NOTHING");
        }
        return sql.append(" RETURNING ").append(String.join(", ", upsert.returning())).append(", (xmax = 0)")
                .toString();
    }

    @Override
    public UpsertStatement.Outcome upsertOutcome() {
        return UpsertStatement.Outcome.INSERTED_COLUMN;
    }

    /** PostgreSQL names a primary key {@code <table>_pkey}. */
    @Override
    public boolean isPrimaryKeyConstraint(String constraint) {
        return constraint.endsWith("_pkey");
    }

    /**
     * PostgreSQL reports the constraint as a field of its error (not only in the message, which follows the server's
     * language): PgJDBC's {@code PSQLException.getServerErrorMessage().getConstraint()}, read reflectively so that this
     * class does not need the driver.
     */
    @Override
    public Optional<String> constraintOf(SQLException exception) {
        try {
            Object message = exception.getClass().getMethod("getServerErrorMessage").invoke(exception);
            if (message == null) {
                return Optional.empty();
            }
            Object constraint = message.getClass().getMethod("getConstraint").invoke(message);
            return constraint instanceof String name && !name.isEmpty() ? Optional.of(name) : Optional.empty();
        }
        catch (ReflectiveOperationException | RuntimeException ex) {
            return Optional.empty(); // not PgJDBC's exception
        }
    }

    @Override
    public ReturningStyle insertReturning() {
        return ReturningStyle.RETURNING_CLAUSE;
    }

    @Override
    public ReturningStyle updateReturning() {
        return ReturningStyle.RETURNING_CLAUSE;
    }

    @Override
    public Object bindValue(ColumnType type, Object value) {
        return switch (type.kind()) {
            // Types.OTHER sends the text untyped: the server casts it to the enum or jsonb type of the column.
            case ENUM, JSON -> new SqlParameterValue(Types.OTHER, value.toString());
            case ARRAY -> new SqlArrayValue(elementTypeName(type), ((List<?>) value).toArray());
            default -> value;
        };
    }

    private static String elementTypeName(ColumnType arrayType) {
        ColumnType element = arrayType.elementType();
        return element == null ? "text" : element.databaseType();
    }

    @Override
    public Optional<ErrorCode> classifyVendor(SQLException exception) {
        String state = exception.getSQLState();
        if (state == null) {
            return Optional.empty();
        }
        return switch (state) {
            case "23505" -> Optional.of(ErrorCode.UNIQUE_VIOLATION);
            case "23503" -> Optional.of(ErrorCode.FOREIGN_KEY_VIOLATION);
            case "23502" -> Optional.of(ErrorCode.MISSING_VALUE);
            case "23514" -> Optional.of(ErrorCode.CHECK_VIOLATION);
            case "23P01" -> Optional.of(ErrorCode.UNIQUE_VIOLATION);
            // program_limit_exceeded: a value too large for its index (an index row over a page), the client's value
            case "54000" -> Optional.of(ErrorCode.INVALID_VALUE);
            case "57P01", "57P02", "57P03", "53300" -> Optional.of(ErrorCode.DATABASE_UNAVAILABLE);
            // query_canceled: the driver cancels a statement past its query timeout this way
            case "57014" -> Optional.of(ErrorCode.QUERY_TIMEOUT);
            default -> state.startsWith("22") ? Optional.of(ErrorCode.INVALID_VALUE) : Optional.empty();
        };
    }

    /** The write-ahead log position of the primary, and how many bytes of it the replica has yet to replay. */
    @Override
    public java.util.Optional<ReplicaLag> replicaLag() {
        return java.util.Optional.of(new ReplicaLag("SELECT pg_current_wal_lsn()::text",
                "SELECT pg_wal_lsn_diff(?::pg_lsn, pg_last_wal_replay_lsn())::bigint"));
    }

    @Override
    public java.util.Optional<SchemaNotifications> notifications() {
        return java.util.Optional.of(new PostgresNotifications());
    }

    /**
     * PostgreSQL's JDBC driver sends the statements of one string in one round trip and skips its COMMIT when the
     * server reports the transaction over, so an event's insert can carry its transaction's COMMIT.
     */
    @Override
    public OutboxSql outbox(String table) {
        return OutboxSql.of(table, "BIGSERIAL", "TEXT", "TIMESTAMPTZ", "CURRENT_TIMESTAMP",
                "CURRENT_TIMESTAMP + (? * INTERVAL '1 millisecond')", "CURRENT_TIMESTAMP - (? * INTERVAL '1 millisecond')",
                "", "", " ORDER BY o.seq LIMIT ? FOR UPDATE SKIP LOCKED", false,
                OutboxSql.partialIndexes(table)).withCommittingInsert("PostgreSQL JDBC Driver");
    }
}
