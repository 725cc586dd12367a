package io.sentro.spring.introspect;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.sentro.spring.schema.Column;
import io.sentro.spring.schema.ColumnType;
import io.sentro.spring.schema.Table;
import io.sentro.spring.schema.TypeKind;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Reads MySQL's and MariaDB's {@code information_schema}. A MySQL "schema" is a database: by default the one the
 * JDBC URL names. {@code tinyint(1)} and {@code bit(1)} are booleans, {@code enum(...)} lists its values.
 */
public class MySqlIntrospector implements SchemaIntrospector {

    private static final String TABLES = """
            SELECT t.TABLE_SCHEMA, t.TABLE_NAME, t.TABLE_TYPE, t.TABLE_COMMENT, v.IS_UPDATABLE
            FROM information_schema.TABLES t
            LEFT JOIN information_schema.VIEWS v ON v.TABLE_SCHEMA = t.TABLE_SCHEMA AND v.TABLE_NAME = t.TABLE_NAME
            WHERE t.TABLE_SCHEMA IN (%s) AND t.TABLE_TYPE IN ('BASE TABLE', 'VIEW', 'SYSTEM VERSIONED')
            ORDER BY t.TABLE_SCHEMA, t.TABLE_NAME""";

    private static final String COLUMNS = """
            SELECT TABLE_SCHEMA, TABLE_NAME, COLUMN_NAME, COLUMN_DEFAULT, IS_NULLABLE, DATA_TYPE, COLUMN_TYPE,
                   CHARACTER_MAXIMUM_LENGTH, EXTRA, COLUMN_COMMENT
            FROM information_schema.COLUMNS
            WHERE TABLE_SCHEMA IN (%s)
            ORDER BY TABLE_SCHEMA, TABLE_NAME, ORDINAL_POSITION""";

    private static final String KEYS = """
            SELECT k.TABLE_SCHEMA, k.TABLE_NAME, k.CONSTRAINT_NAME, tc.CONSTRAINT_TYPE, k.COLUMN_NAME,
                   k.REFERENCED_TABLE_SCHEMA, k.REFERENCED_TABLE_NAME, k.REFERENCED_COLUMN_NAME
            FROM information_schema.KEY_COLUMN_USAGE k
            JOIN information_schema.TABLE_CONSTRAINTS tc ON tc.CONSTRAINT_SCHEMA = k.CONSTRAINT_SCHEMA
                 AND tc.TABLE_SCHEMA = k.TABLE_SCHEMA AND tc.TABLE_NAME = k.TABLE_NAME
                 AND tc.CONSTRAINT_NAME = k.CONSTRAINT_NAME
            WHERE k.TABLE_SCHEMA IN (%s) AND tc.CONSTRAINT_TYPE IN ('PRIMARY KEY', 'UNIQUE', 'FOREIGN KEY')
            ORDER BY k.TABLE_SCHEMA, k.TABLE_NAME, k.CONSTRAINT_NAME, k.ORDINAL_POSITION""";

    @Override
    public List<String> defaultSchemas(JdbcTemplate jdbc) {
        String database = jdbc.queryForObject("SELECT DATABASE()", String.class);
        if (database == null) {
            throw new IllegalStateException("The JDBC URL names no database; set sentro.schemas or add one to the URL");
        }
        return List.of(database);
    }

    @Override
    public List<Table> introspect(JdbcTemplate jdbc, List<String> schemas) {
        String in = TableBuilder.placeholders(schemas.size());
        Object[] args = schemas.toArray();
        Map<String, TableBuilder> tables = new LinkedHashMap<>();
        jdbc.query(TABLES.formatted(in), rs -> {
            boolean view = "VIEW".equals(rs.getString("TABLE_TYPE"));
            boolean writable = !view || "YES".equalsIgnoreCase(rs.getString("IS_UPDATABLE"));
            String schema = rs.getString("TABLE_SCHEMA");
            String name = rs.getString("TABLE_NAME");
            tables.put(TableBuilder.key(schema, name), new TableBuilder(schema, name, view, writable, writable,
                    writable, view ? null : rs.getString("TABLE_COMMENT")));
        }, args);

        Set<String> jsonColumns = jsonColumns(jdbc, in, args);
        jdbc.query(COLUMNS.formatted(in), rs -> {
            String schema = rs.getString("TABLE_SCHEMA");
            String tableName = rs.getString("TABLE_NAME");
            TableBuilder table = tables.get(TableBuilder.key(schema, tableName));
            if (table != null) {
                boolean json = jsonColumns.contains(TableBuilder.key(schema, tableName) + "\u0000"
                        + rs.getString("COLUMN_NAME"));
                table.columns.add(column(rs, json));
            }
        }, args);

        jdbc.query(KEYS.formatted(in), rs -> {
            TableBuilder table = tables.get(TableBuilder.key(rs.getString("TABLE_SCHEMA"), rs.getString("TABLE_NAME")));
            if (table == null) {
                return;
            }
            String column = rs.getString("COLUMN_NAME");
            String constraint = rs.getString("CONSTRAINT_NAME");
            switch (rs.getString("CONSTRAINT_TYPE")) {
                case "PRIMARY KEY" -> table.primaryKey.add(column);
                case "UNIQUE" -> table.addUniqueColumn(constraint, column);
                case "FOREIGN KEY" -> table.addForeignKeyColumn(constraint, column,
                        rs.getString("REFERENCED_TABLE_SCHEMA"), rs.getString("REFERENCED_TABLE_NAME"),
                        rs.getString("REFERENCED_COLUMN_NAME"));
                default -> {
                }
            }
        }, args);
        return tables.values().stream().map(TableBuilder::build).toList();
    }

    /**
     * Columns to treat as JSON although their data type is not {@code json}, keyed schema, table, column.
     * MySQL has a real JSON type, so none.
     */
    protected Set<String> jsonColumns(JdbcTemplate jdbc, String in, Object[] schemas) {
        return new HashSet<>();
    }

    private static Column column(ResultSet rs, boolean json) throws SQLException {
        String extra = rs.getString("EXTRA").toUpperCase(Locale.ROOT);
        boolean generated = extra.contains("VIRTUAL") || extra.contains("STORED") || extra.contains("PERSISTENT");
        boolean autoIncrement = extra.contains("AUTO_INCREMENT");
        String defaultValue = rs.getString("COLUMN_DEFAULT");
        // MariaDB reports "no default on a nullable column" as the text NULL.
        if ("NULL".equals(defaultValue)) {
            defaultValue = null;
        }
        ColumnType type = json ? ColumnType.of(rs.getString("COLUMN_TYPE"), TypeKind.JSON) : type(rs);
        return new Column(rs.getString("COLUMN_NAME"), type, "YES".equals(rs.getString("IS_NULLABLE")),
                generated ? null : defaultValue, autoIncrement, generated, true, rs.getString("COLUMN_COMMENT"));
    }

    private static ColumnType type(ResultSet rs) throws SQLException {
        String dataType = rs.getString("DATA_TYPE").toLowerCase(Locale.ROOT);
        String columnType = rs.getString("COLUMN_TYPE");
        String lowerColumnType = columnType.toLowerCase(Locale.ROOT);
        boolean unsigned = lowerColumnType.contains("unsigned");
        return switch (dataType) {
            case "tinyint" -> ColumnType.of(columnType,
                    lowerColumnType.startsWith("tinyint(1)") && !unsigned ? TypeKind.BOOLEAN : TypeKind.SMALLINT);
            case "bit" -> ColumnType.of(columnType, "bit(1)".equals(lowerColumnType) ? TypeKind.BOOLEAN : TypeKind.OTHER);
            case "smallint" -> ColumnType.of(columnType, unsigned ? TypeKind.INTEGER : TypeKind.SMALLINT);
            case "mediumint" -> ColumnType.of(columnType, TypeKind.INTEGER);
            case "int", "integer" -> ColumnType.of(columnType, unsigned ? TypeKind.BIGINT : TypeKind.INTEGER);
            case "bigint" -> ColumnType.of(columnType, unsigned ? TypeKind.DECIMAL : TypeKind.BIGINT);
            case "decimal", "numeric" -> ColumnType.of(columnType, TypeKind.DECIMAL);
            case "float" -> ColumnType.of(columnType, TypeKind.REAL);
            case "double", "real" -> ColumnType.of(columnType, TypeKind.DOUBLE);
            case "char", "varchar" -> {
                long length = rs.getLong("CHARACTER_MAXIMUM_LENGTH");
                yield ColumnType.text(columnType, rs.wasNull() || length > Integer.MAX_VALUE ? null : (int) length);
            }
            case "tinytext", "text", "mediumtext", "longtext", "set" -> ColumnType.text(columnType, null);
            case "enum" -> ColumnType.enumOf(columnType, enumValues(columnType));
            case "date" -> ColumnType.of(columnType, TypeKind.DATE);
            case "time" -> ColumnType.of(columnType, TypeKind.TIME);
            case "datetime", "timestamp" -> ColumnType.of(columnType, TypeKind.TIMESTAMP);
            case "year" -> ColumnType.of(columnType, TypeKind.INTEGER);
            case "json" -> ColumnType.of(columnType, TypeKind.JSON);
            case "uuid" -> ColumnType.of(columnType, TypeKind.UUID);
            case "binary", "varbinary", "tinyblob", "blob", "mediumblob", "longblob" ->
                    ColumnType.of(columnType, TypeKind.BINARY);
            default -> ColumnType.of(columnType, TypeKind.OTHER);
        };
    }

    /** The labels of {@code enum('a','b''c')}, unquoted. */
    static List<String> enumValues(String columnType) {
        List<String> values = new ArrayList<>();
        int start = columnType.indexOf('(');
        int i = start + 1;
        while (i > 0 && i < columnType.length()) {
            if (columnType.charAt(i) == '\'') {
                StringBuilder value = new StringBuilder();
                i++;
                while (i < columnType.length()) {
                    char c = columnType.charAt(i);
                    if (c == '\'' && i + 1 < columnType.length() && columnType.charAt(i + 1) == '\'') {
                        value.append('\'');
                        i += 2;
                    }
                    else if (c == '\'') {
                        break;
                    }
                    else {
                        value.append(c);
                        i++;
                    }
                }
                values.add(value.toString());
            }
            i++;
        }
        return values;
    }
}
