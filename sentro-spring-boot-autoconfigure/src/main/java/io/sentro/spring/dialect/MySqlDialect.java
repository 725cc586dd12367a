package io.sentro.spring.dialect;

import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.sentro.spring.error.ErrorCode;
import io.sentro.spring.introspect.MySqlIntrospector;
import io.sentro.spring.introspect.SchemaIntrospector;
import io.sentro.spring.schema.ColumnType;
import io.sentro.spring.schema.Table;

/**
 * MySQL 8: backtick identifiers, {@code LIMIT/OFFSET}, no RETURNING (rows are selected again by key in the same
 * transaction), and errors classified by MySQL's error numbers since its SQL states are shared.
 */
public class MySqlDialect implements SqlDialect {

    private static final Pattern NAMED_CONSTRAINT = Pattern.compile("CONSTRAINT `([^`]+)`");

    private static final Pattern DUPLICATE_KEY = Pattern.compile("for key '(?:[^'.]+\\.)?([^']+)'");

    private final SchemaIntrospector introspector = new MySqlIntrospector();

    @Override
    public String name() {
        return "MySQL";
    }

    @Override
    public SchemaIntrospector introspector() {
        return introspector;
    }

    @Override
    public String quote(String identifier) {
        return '`' + identifier.replace("`", "``") + '`';
    }

    /**
     * {@code EXPLAIN}'s {@code rows} (rows the optimizer expects to examine), times {@code filtered} (the percentage
     * it expects to pass the condition) where the server reports it: MySQL 8 does, MariaDB's plain EXPLAIN does not.
     */
    @Override
    public Optional<RowEstimate> rowEstimate(String select, List<Object> parameters, Table table, boolean filtered) {
        return Optional.of(new RowEstimate("EXPLAIN " + select, parameters, result -> {
            if (!result.next()) {
                return null;
            }
            // Read as numbers: some servers type EXPLAIN's columns as text.
            double estimate = result.getDouble("rows");
            if (result.wasNull()) {
                return 0L; // "Impossible WHERE" and the like: no row to examine
            }
            ResultSetMetaData columns = result.getMetaData();
            for (int i = 1; i <= columns.getColumnCount(); i++) {
                if ("filtered".equalsIgnoreCase(columns.getColumnLabel(i))) {
                    double percent = result.getDouble(i);
                    if (!result.wasNull()) {
                        estimate = estimate * percent / 100;
                    }
                }
            }
            return Math.round(estimate);
        }));
    }

    @Override
    public ReturningStyle insertReturning() {
        return ReturningStyle.RESELECT;
    }

    @Override
    public ReturningStyle updateReturning() {
        return ReturningStyle.RESELECT;
    }

    @Override
    public String defaultValues() {
        return "() VALUES ()";
    }

    @Override
    public Object bindValue(ColumnType type, Object value) {
        // MariaDB's uuid type takes its text form; MySQL Connector/J has no binding for java.util.UUID.
        return type.kind() == io.sentro.spring.schema.TypeKind.UUID ? value.toString() : SqlDialect.super.bindValue(type, value);
    }

    @Override
    public Optional<ErrorCode> classifyVendor(SQLException exception) {
        return switch (exception.getErrorCode()) {
            case 1062, 1586 -> Optional.of(ErrorCode.UNIQUE_VIOLATION);
            case 1216, 1217, 1451, 1452 -> Optional.of(ErrorCode.FOREIGN_KEY_VIOLATION);
            case 1048, 1364 -> Optional.of(ErrorCode.MISSING_VALUE);
            case 3819, 4025 -> Optional.of(ErrorCode.CHECK_VIOLATION);
            case 1264, 1265, 1292, 1366, 1406, 1411, 3140 -> Optional.of(ErrorCode.INVALID_VALUE);
            case 1040, 1053, 2002, 2003, 2006, 2013 -> Optional.of(ErrorCode.DATABASE_UNAVAILABLE);
            // interrupted at the query timeout (Connector/J kills it), or by max_execution_time / max_statement_time
            case 1317, 3024, 1969 -> Optional.of(ErrorCode.QUERY_TIMEOUT);
            default -> Optional.empty();
        };
    }

    /** MySQL's error 1093: "You can't specify target table for update in FROM clause". */
    @Override
    public boolean writesSelectRowsThroughDerivedTable() {
        return true;
    }

    /** Connector/J streams a result row by row only when asked with {@code Integer.MIN_VALUE}. */
    @Override
    public int streamingFetchSize() {
        return Integer.MIN_VALUE;
    }

    /**
     * MySQL and MariaDB name the constraint in a fixed form in every server language: {@code CONSTRAINT `posts_author_fk`}
     * for a foreign key or check, {@code for key 'authors.email'} for a unique key.
     */
    @Override
    public Optional<String> constraintOf(SQLException exception) {
        String message = exception.getMessage();
        if (message == null) {
            return Optional.empty();
        }
        Matcher constraint = NAMED_CONSTRAINT.matcher(message);
        if (constraint.find()) {
            return Optional.of(constraint.group(1));
        }
        Matcher key = DUPLICATE_KEY.matcher(message);
        return key.find() ? Optional.of(key.group(1)) : Optional.empty();
    }

    /** A MySQL primary key is always named {@code PRIMARY}. */
    @Override
    public boolean isPrimaryKeyConstraint(String constraint) {
        return constraint.equalsIgnoreCase("PRIMARY");
    }

    /** MySQL 8 and MariaDB 10.6 skip locked rows. */
    @Override
    public OutboxSql outbox(String table) {
        return OutboxSql.of(table, "BIGINT AUTO_INCREMENT", "LONGTEXT", "DATETIME(6)", "CURRENT_TIMESTAMP(6)",
                "TIMESTAMPADD(MICROSECOND, ? * 1000, CURRENT_TIMESTAMP(6))",
                "TIMESTAMPADD(MICROSECOND, -? * 1000, CURRENT_TIMESTAMP(6))",
                "", "", " ORDER BY o.seq LIMIT ? FOR UPDATE SKIP LOCKED", true, OutboxSql.fullIndexes(table));
    }
}
