package io.sentro.spring.dialect;

import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.sentro.spring.error.ErrorCode;
import io.sentro.spring.introspect.SchemaIntrospector;
import io.sentro.spring.introspect.SqlServerIntrospector;
import io.sentro.spring.schema.ColumnType;
import io.sentro.spring.schema.Table;

/**
 * SQL Server 2019+: bracketed identifiers, {@code OFFSET … FETCH} (which needs an ORDER BY, so an unordered page
 * orders by {@code (SELECT NULL)}), {@code OUTPUT INSERTED.*}, and {@code [} escaped in LIKE patterns because it
 * opens a character class there.
 */
public class SqlServerDialect implements SqlDialect {

    private static final java.util.regex.Pattern NAMED_CONSTRAINT = java.util.regex.Pattern
            .compile("constraint ['\"]([^'\"]+)['\"]");

    private final SchemaIntrospector introspector = new SqlServerIntrospector();

    /** SUM and AVG of integers are integers on SQL Server: the sum may overflow, the average is truncated. */
    @Override
    public String aggregate(String function, String quotedColumn, ColumnType type) {
        if (type.kind().isIntegral() && function.equals("SUM")) {
            return "SUM(CAST(" + quotedColumn + " AS BIGINT))";
        }
        if (type.kind().isIntegral() && function.equals("AVG")) {
            return "AVG(CAST(" + quotedColumn + " AS DECIMAL(38, 6)))";
        }
        return SqlDialect.super.aggregate(function, quotedColumn, type);
    }

    @Override
    public String name() {
        return "SQL Server";
    }

    @Override
    public SchemaIntrospector introspector() {
        return introspector;
    }

    @Override
    public String quote(String identifier) {
        return '[' + identifier.replace("]", "]]") + ']';
    }

    /**
     * The row count SQL Server keeps per table ({@code sys.partitions}, readable with metadata visibility alone) for an
     * unfiltered list. A filtered one has no estimate short of a SHOWPLAN, which needs a permission of its own and
     * a session setting on a pooled connection, so it is counted exactly.
     */
    @Override
    public Optional<RowEstimate> rowEstimate(String select, List<Object> parameters, Table table, boolean filtered) {
        if (filtered) {
            return Optional.empty();
        }
        return Optional.of(new RowEstimate("SELECT SUM(p.rows) FROM sys.partitions p WHERE p.object_id = OBJECT_ID(?)"
                + " AND p.index_id IN (0, 1)", List.of(qualifiedName(table)), result -> {
                    if (!result.next()) {
                        return null;
                    }
                    long rows = result.getLong(1);
                    return result.wasNull() ? null : rows; // a view has no partitions of its own
                }));
    }

    @Override
    public void paginate(StringBuilder sql, boolean ordered, long limit, long offset) {
        if (!ordered) {
            sql.append(" ORDER BY (SELECT NULL)");
        }
        sql.append(" OFFSET ").append(offset).append(" ROWS FETCH NEXT ").append(limit).append(" ROWS ONLY");
    }

    @Override
    public String lockingClause() {
        return "";
    }

    /** SQL Server has no FOR UPDATE: update locks, held to the end of the transaction, on the rows read. */
    @Override
    public String lockedTableHint() {
        return " WITH (UPDLOCK, ROWLOCK, HOLDLOCK)";
    }

    /**
     * {@code MERGE ... WITH (HOLDLOCK)} (the lock keeps two writers from both inserting the key) on the source row,
     * {@code OUTPUT $action, INSERTED.*}; without values to merge, or to leave the row, no {@code WHEN MATCHED}, and
     * no output row.
     */
    @Override
    public String upsert(UpsertStatement upsert) {
        StringBuilder sql = new StringBuilder(256).append("MERGE INTO ").append(upsert.table())
                .append(" WITH (HOLDLOCK) AS sentro_t USING (VALUES (")
                .append(String.join(", ", java.util.Collections.nCopies(upsert.columns().size(), "?")))
                .append(")) AS sentro_s (").append(String.join(", ", upsert.columns())).append(") ON ");
        for (int i = 0; i < upsert.conflict().size(); i++) {
            String column = upsert.conflict().get(i);
            sql.append(i == 0 ? "" : " AND ").append("sentro_t.").append(column).append(" = sentro_s.").append(column);
        }
        if (upsert.merge() && !upsert.updates().isEmpty()) {
            sql.append(" WHEN MATCHED THEN UPDATE SET ");
            for (int i = 0; i < upsert.updates().size(); i++) {
                String column = upsert.updates().get(i);
                sql.append(i == 0 ? "" : ", ").append(column).append(" = sentro_s.").append(column);
            }
            if (upsert.incremented() != null) {
                sql.append(", ").append(upsert.incremented()).append(" = sentro_t.").append(upsert.incremented())
                        .append(" + 1");
            }
        }
        sql.append(" WHEN NOT MATCHED THEN INSERT (").append(String.join(", ", upsert.columns())).append(") VALUES (");
        for (int i = 0; i < upsert.columns().size(); i++) {
            sql.append(i == 0 ? "" : ", ").append("sentro_s.").append(upsert.columns().get(i));
        }
        sql.append(") OUTPUT $action");
        for (String column : upsert.returning()) {
            sql.append(", INSERTED.").append(column);
        }
        return sql.append(';').toString();
    }

    @Override
    public UpsertStatement.Outcome upsertOutcome() {
        return UpsertStatement.Outcome.ACTION_COLUMN;
    }

    @Override
    public int rowsPerInsert(int columns) {
        return 0;
    }

    /** SQL Server names a primary key {@code PK__<table>__<hash>}. */
    @Override
    public boolean isPrimaryKeyConstraint(String constraint) {
        return constraint.regionMatches(true, 0, "PK_", 0, 3);
    }

    /** SQL Server names it in its message: {@code ... constraint 'UQ_authors_email'} or {@code constraint "fk"}. */
    @Override
    public Optional<String> constraintOf(SQLException exception) {
        String message = exception.getMessage();
        if (message == null) {
            return Optional.empty();
        }
        java.util.regex.Matcher matcher = NAMED_CONSTRAINT.matcher(message);
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    @Override
    public String likeWildcards() {
        return "%_[";
    }

    @Override
    public ReturningStyle insertReturning() {
        return ReturningStyle.OUTPUT_CLAUSE;
    }

    @Override
    public ReturningStyle updateReturning() {
        return ReturningStyle.OUTPUT_CLAUSE;
    }

    @Override
    public Object bindValue(ColumnType type, Object value) {
        return switch (type.kind()) {
            case UUID, JSON -> value.toString();
            default -> value;
        };
    }

    private static boolean foreignKey(SQLException exception) {
        String message = String.valueOf(exception.getMessage()).toUpperCase(Locale.ROOT);
        return message.contains("FOREIGN KEY") || message.contains("REFERENCE CONSTRAINT");
    }

    @Override
    public Optional<ErrorCode> classifyVendor(SQLException exception) {
        return switch (exception.getErrorCode()) {
            case 2627, 2601 -> Optional.of(ErrorCode.UNIQUE_VIOLATION);
            // 547 is any constraint conflict: "... FOREIGN KEY constraint" on insert or update, "... REFERENCE
            // constraint" on delete, "... CHECK constraint" otherwise.
            case 547 -> Optional.of(foreignKey(exception) ? ErrorCode.FOREIGN_KEY_VIOLATION : ErrorCode.CHECK_VIOLATION);
            case 515 -> Optional.of(ErrorCode.MISSING_VALUE);
            case 220, 241, 242, 245, 8114, 8115, 8152, 2628, 9455 -> Optional.of(ErrorCode.INVALID_VALUE);
            default -> Optional.empty();
        };
    }

    /** READPAST skips the rows other relays hold; UPDLOCK holds the claimed ones until the relay's commit. */
    @Override
    public OutboxSql outbox(String table) {
        return OutboxSql.of(table, "BIGINT IDENTITY", "NVARCHAR(MAX)", "DATETIME2", "SYSUTCDATETIME()",
                "DATEADD(millisecond, ?, SYSUTCDATETIME())", "DATEADD(millisecond, -?, SYSUTCDATETIME())",
                "TOP (?) ", " WITH (UPDLOCK, READPAST, ROWLOCK)", " ORDER BY o.seq", false, OutboxSql.partialIndexes(table));
    }
}
