package io.sentro.spring.dialect;

import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import io.sentro.spring.error.ErrorCode;
import io.sentro.spring.introspect.SchemaIntrospector;
import io.sentro.spring.schema.ColumnType;
import io.sentro.spring.schema.JsonText;
import io.sentro.spring.schema.Table;

import org.springframework.jdbc.core.SqlParameterValue;

/**
 * Everything Sentro does differently per database. The SQL renderer, the executor and start-up ask the dialect;
 * nothing else in Sentro knows which database it talks to.
 */
public interface SqlDialect {

    /** A short name for logs and {@code _schema}, e.g. {@code PostgreSQL}. */
    String name();

    /** Reads this database's catalogs into the schema model. */
    SchemaIntrospector introspector();

    /** Quotes one identifier, escaping the quote character inside it. */
    String quote(String identifier);

    /** The schema-qualified, quoted name of a table. */
    default String qualifiedName(Table table) {
        return quote(table.schema()) + "." + quote(table.tableName());
    }

    /**
     * Appends the page clause to a SELECT. {@code ordered} says whether the SELECT already has an ORDER BY. The default
     * is {@code LIMIT n} and {@code OFFSET m} when m is not 0.
     * <p>
     * The bounds are literals, not parameters: they are numbers the planner checked, and a statement whose only
     * parameters were its bounds has none, so PostgreSQL caches one generic plan for it instead of planning it again
     * for every page (a page joining its many-to-one relations cost twice its execution in planning).
     */
    default void paginate(StringBuilder sql, boolean ordered, long limit, long offset) {
        sql.append(" LIMIT ").append(limit);
        if (offset > 0) {
            sql.append(" OFFSET ").append(offset);
        }
    }

    /** A case-insensitive LIKE of a column against one parameter, without an ESCAPE clause. */
    default String caseInsensitiveLike(String quotedColumn) {
        return "LOWER(" + quotedColumn + ") LIKE LOWER(?)";
    }

    /** Escapes the LIKE wildcards in literal text, so that it matches only itself. */
    default String escapeLike(String text) {
        String special = LIKE_ESCAPE + likeWildcards();
        StringBuilder escaped = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (special.indexOf(c) >= 0) {
                escaped.append(LIKE_ESCAPE);
            }
            escaped.append(c);
        }
        return escaped.toString();
    }

    /** The characters with a special meaning in this database's LIKE patterns. */
    default String likeWildcards() {
        return "%_";
    }

    /** The escape character of LIKE patterns Sentro builds; not a backslash, whose meaning varies with SQL modes. */
    char LIKE_ESCAPE = '!';

    /**
     * A cheap statement estimating how many rows {@code select} returns, from the database's statistics; empty when
     * this database has none for it, and lists then count exactly. {@code select} reads one table with its
     * condition (bound by {@code parameters}), {@code filtered} says whether it has one.
     */
    default Optional<RowEstimate> rowEstimate(String select, List<Object> parameters, Table table, boolean filtered) {
        return Optional.empty();
    }

    /** How INSERT returns the rows it wrote. */
    ReturningStyle insertReturning();

    /** How UPDATE returns the rows it wrote. */
    ReturningStyle updateReturning();

    /**
     * How far a read replica is behind its primary, for health: a query run on the primary that gives its position,
     * and one run on the replica with that position as its parameter that gives the lag in bytes of log. Empty where
     * Sentro cannot tell (the replica's health then says only whether it answers).
     */
    default java.util.Optional<ReplicaLag> replicaLag() {
        return java.util.Optional.empty();
    }

    /**
     * The database's own way of telling a listening connection that something happened (PostgreSQL's
     * {@code LISTEN}/{@code NOTIFY}), for {@code sentro.schema.reload-on-notify}; empty where there is none.
     */
    default java.util.Optional<SchemaNotifications> notifications() {
        return java.util.Optional.empty();
    }

    /** The transactional outbox's table and statements ({@code sentro.events.outbox.enabled}). */
    OutboxSql outbox(String table);

    /** The queries of {@link #replicaLag()}. */
    record ReplicaLag(String primaryPosition, String replicaBytesBehind) {
    }

    /**
     * The fetch size that makes the driver stream a large result rather than hold it whole: rows come in batches of
     * this size as they are read (PostgreSQL's driver does so inside a transaction only, which exports run in).
     */
    default int streamingFetchSize() {
        return 1000;
    }

    /**
     * Whether an UPDATE or DELETE whose WHERE holds subqueries (related-row filters) must select its rows through a
     * derived table: MySQL refuses a subquery that reads the table being changed (error 1093) unless it is one.
     */
    default boolean writesSelectRowsThroughDerivedTable() {
        return false;
    }

    /** How DELETE returns the rows it deleted; {@link ReturningStyle#RESELECT} means it cannot. */
    default ReturningStyle deleteReturning() {
        return updateReturning();
    }

    /**
     * What follows a SELECT to lock the rows it reads until the transaction ends, so that no other transaction
     * changes them before this one writes them. The default is {@code FOR UPDATE}.
     */
    default String lockingClause() {
        return " FOR UPDATE";
    }

    /** A table hint after the table's name that does what {@link #lockingClause()} does elsewhere; none by default. */
    default String lockedTableHint() {
        return "";
    }

    /**
     * An INSERT that, on a conflict on the key, updates the existing row or leaves it: one statement, atomic however
     * many writers race for the key. The default is MySQL's {@code INSERT ... ON DUPLICATE KEY UPDATE}, which returns
     * no rows and fires on a conflict on any unique key, not only the one named.
     */
    default String upsert(UpsertStatement upsert) {
        StringBuilder sql = new StringBuilder(128).append("INSERT INTO ").append(upsert.table()).append(" (")
                .append(String.join(", ", upsert.columns())).append(") VALUES (")
                .append(String.join(", ", java.util.Collections.nCopies(upsert.columns().size(), "?")))
                .append(") ON DUPLICATE KEY UPDATE ");
        // Without values to merge, a no-op assignment keeps the existing row (what INSERT IGNORE would do, without
        // ignoring every other error with it).
        List<String> updates = upsert.merge() && !upsert.updates().isEmpty() ? upsert.updates()
                : List.of(upsert.conflict().get(0));
        for (int i = 0; i < updates.size(); i++) {
            String column = updates.get(i);
            sql.append(i == 0 ? "" : ", ").append(column).append(" = ")
                    .append(upsert.merge() && !upsert.updates().isEmpty() ? "VALUES(" + column + ")" : column);
        }
        if (upsert.merge() && !upsert.updates().isEmpty() && upsert.incremented() != null) {
            sql.append(", ").append(upsert.incremented()).append(" = ").append(upsert.incremented()).append(" + 1");
        }
        return sql.toString();
    }

    /** How {@link #upsert} reports what it did. */
    default UpsertStatement.Outcome upsertOutcome() {
        return UpsertStatement.Outcome.UPDATE_COUNT;
    }

    /**
     * How many rows one multi-row INSERT may carry, given its columns: within the driver's limit of bound parameters
     * (65,535 on PostgreSQL and MySQL) and 1,000 rows. 0 when this dialect inserts rows one statement each (SQL Server,
     * whose OUTPUT of a multi-row INSERT comes in no guaranteed order).
     */
    default int rowsPerInsert(int columns) {
        return Math.max(1, Math.min(1000, 65_535 / Math.max(1, columns)));
    }

    /** The tail of an INSERT that names no column, e.g. {@code DEFAULT VALUES}. */
    default String defaultValues() {
        return "DEFAULT VALUES";
    }

    /**
     * Whether NULL sorts above every value (last in ascending order, first in descending), as in PostgreSQL; the
     * default is below every value, as in MySQL, MariaDB and SQL Server. Cursors continue after a NULL by it.
     */
    default boolean nullsSortHigh() {
        return false;
    }

    /**
     * An aggregate of a column: {@code SUM("views")}. {@code function} is SUM, AVG, MIN, MAX or COUNT. Dialects
     * whose SUM or AVG of integers stays an integer (overflowing, or truncating the average) widen it here.
     */
    default String aggregate(String function, String quotedColumn, ColumnType type) {
        return function + "(" + quotedColumn + ")";
    }

    /** Turns a value already converted to the column's Java type into what the driver binds. */
    default Object bindValue(ColumnType type, Object value) {
        return value instanceof JsonText json ? json.json() : value;
    }

    /**
     * What the driver binds for a NULL of a type. The default names the JDBC type, since some databases refuse
     * an untyped NULL for binary columns.
     */
    default Object bindNull(ColumnType type) {
        return new SqlParameterValue(JdbcTypes.of(type.kind()), null);
    }

    /** How values of a type are read from a result set. */
    default ValueReader reader(ColumnType type) {
        return JdbcValueReaders.standard(type);
    }

    /**
     * Classifies a database error into the problem the client gets, or empty when it is not the client's doing.
     * Implementations walk the cause chain; SQL state classes shared by all databases are handled here.
     */
    default Optional<ErrorCode> classify(SQLException exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                Optional<ErrorCode> code = classifyVendor(sql);
                if (code.isPresent()) {
                    return code;
                }
                String state = sql.getSQLState();
                if (state != null && state.startsWith("08")) {
                    return Optional.of(ErrorCode.DATABASE_UNAVAILABLE);
                }
                // A statement the driver cancelled at its query timeout (sentro.query-timeout), as JDBC says it.
                if (sql instanceof java.sql.SQLTimeoutException || "HYT00".equals(state) || "HY008".equals(state)) {
                    return Optional.of(ErrorCode.QUERY_TIMEOUT);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The name of the constraint a database error reports as violated, when it names one: Sentro maps it through the
     * schema model to the columns and tables it is about, so that a problem names them without quoting the driver.
     * Looks through the chain of exceptions; each dialect reads its own error's details ({@link #constraintOf}).
     */
    default Optional<String> violatedConstraint(SQLException exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                Optional<String> name = constraintOf(sql);
                if (name.isPresent()) {
                    return name;
                }
            }
        }
        return Optional.empty();
    }

    /** The constraint one error names, read from the database's error details; empty where it names none. */
    default Optional<String> constraintOf(SQLException exception) {
        return Optional.empty();
    }

    /**
     * Whether a constraint name {@link #violatedConstraint} reported is the table's primary key, which the model does
     * not know by name: the name the database gives a primary key it was not given one for.
     */
    default boolean isPrimaryKeyConstraint(String constraint) {
        return false;
    }

    /** The vendor-specific part of {@link #classify(SQLException)} for one exception in the chain. */
    Optional<ErrorCode> classifyVendor(SQLException exception);
}
