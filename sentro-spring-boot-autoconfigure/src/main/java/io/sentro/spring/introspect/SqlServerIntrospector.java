package io.sentro.spring.introspect;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.sentro.spring.schema.Column;
import io.sentro.spring.schema.ColumnType;
import io.sentro.spring.schema.Table;
import io.sentro.spring.schema.TypeKind;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Reads SQL Server's {@code sys.*} catalog views. Comments are {@code MS_Description} extended properties. SQL Server
 * keeps no catalog flag for view updatability, so views are served read-only.
 */
public class SqlServerIntrospector implements SchemaIntrospector {

    private static final String TABLES = """
            SELECT o.object_id, s.name AS schema_name, o.name AS table_name, o.type,
                   CAST(ep.value AS nvarchar(max)) AS comment
            FROM sys.objects o
            JOIN sys.schemas s ON s.schema_id = o.schema_id
            LEFT JOIN sys.extended_properties ep ON ep.class = 1 AND ep.major_id = o.object_id AND ep.minor_id = 0
                 AND ep.name = 'MS_Description'
            WHERE o.type IN ('U', 'V') AND o.is_ms_shipped = 0 AND s.name IN (%s)
            ORDER BY s.name, o.name""";

    private static final String COLUMNS = """
            SELECT c.object_id, c.name, TYPE_NAME(c.user_type_id) AS type_name, TYPE_NAME(c.system_type_id) AS base_type,
                   c.max_length, c.precision, c.scale, c.is_nullable, c.is_identity, c.is_computed,
                   dc.definition AS default_definition, CAST(ep.value AS nvarchar(max)) AS comment
            FROM sys.columns c
            JOIN sys.objects o ON o.object_id = c.object_id
            JOIN sys.schemas s ON s.schema_id = o.schema_id
            LEFT JOIN sys.default_constraints dc ON dc.object_id = c.default_object_id
            LEFT JOIN sys.extended_properties ep ON ep.class = 1 AND ep.major_id = c.object_id
                 AND ep.minor_id = c.column_id AND ep.name = 'MS_Description'
            WHERE o.type IN ('U', 'V') AND o.is_ms_shipped = 0 AND s.name IN (%s)
            ORDER BY c.object_id, c.column_id""";

    private static final String UNIQUE_KEYS = """
            SELECT i.object_id, i.name, i.is_primary_key, c.name AS column_name
            FROM sys.indexes i
            JOIN sys.index_columns ic ON ic.object_id = i.object_id AND ic.index_id = i.index_id
            JOIN sys.columns c ON c.object_id = ic.object_id AND c.column_id = ic.column_id
            JOIN sys.objects o ON o.object_id = i.object_id
            JOIN sys.schemas s ON s.schema_id = o.schema_id
            WHERE (i.is_primary_key = 1 OR i.is_unique_constraint = 1) AND ic.is_included_column = 0
              AND s.name IN (%s)
            ORDER BY i.object_id, i.name, ic.key_ordinal""";

    private static final String FOREIGN_KEYS = """
            SELECT fk.parent_object_id, fk.name, pc.name AS column_name, rs.name AS ref_schema, ro.name AS ref_table,
                   rc.name AS ref_column
            FROM sys.foreign_keys fk
            JOIN sys.foreign_key_columns fkc ON fkc.constraint_object_id = fk.object_id
            JOIN sys.columns pc ON pc.object_id = fkc.parent_object_id AND pc.column_id = fkc.parent_column_id
            JOIN sys.objects ro ON ro.object_id = fkc.referenced_object_id
            JOIN sys.schemas rs ON rs.schema_id = ro.schema_id
            JOIN sys.columns rc ON rc.object_id = fkc.referenced_object_id AND rc.column_id = fkc.referenced_column_id
            JOIN sys.objects po ON po.object_id = fk.parent_object_id
            JOIN sys.schemas ps ON ps.schema_id = po.schema_id
            WHERE ps.name IN (%s)
            ORDER BY fk.parent_object_id, fk.name, fkc.constraint_column_id""";

    @Override
    public List<String> defaultSchemas(JdbcTemplate jdbc) {
        String schema = jdbc.queryForObject("SELECT SCHEMA_NAME()", String.class);
        return List.of(schema == null ? "dbo" : schema);
    }

    @Override
    public List<Table> introspect(JdbcTemplate jdbc, List<String> schemas) {
        String in = TableBuilder.placeholders(schemas.size());
        Object[] args = schemas.toArray();
        Map<Long, TableBuilder> tables = new LinkedHashMap<>();
        jdbc.query(TABLES.formatted(in), rs -> {
            boolean view = "V".equals(rs.getString("type").trim());
            tables.put(rs.getLong("object_id"), new TableBuilder(rs.getString("schema_name"),
                    rs.getString("table_name"), view, !view, !view, !view, rs.getString("comment")));
        }, args);
        jdbc.query(COLUMNS.formatted(in), rs -> {
            TableBuilder table = tables.get(rs.getLong("object_id"));
            if (table != null) {
                table.columns.add(column(rs));
            }
        }, args);
        jdbc.query(UNIQUE_KEYS.formatted(in), rs -> {
            TableBuilder table = tables.get(rs.getLong("object_id"));
            if (table == null) {
                return;
            }
            if (rs.getBoolean("is_primary_key")) {
                table.primaryKey.add(rs.getString("column_name"));
            }
            else {
                table.addUniqueColumn(rs.getString("name"), rs.getString("column_name"));
            }
        }, args);
        jdbc.query(FOREIGN_KEYS.formatted(in), rs -> {
            TableBuilder table = tables.get(rs.getLong("parent_object_id"));
            if (table != null) {
                table.addForeignKeyColumn(rs.getString("name"), rs.getString("column_name"), rs.getString("ref_schema"),
                        rs.getString("ref_table"), rs.getString("ref_column"));
            }
        }, args);
        return tables.values().stream().map(TableBuilder::build).toList();
    }

    private static Column column(ResultSet rs) throws SQLException {
        boolean computed = rs.getBoolean("is_computed");
        String baseType = rs.getString("base_type").toLowerCase(Locale.ROOT);
        String typeName = rs.getString("type_name");
        // rowversion ("timestamp") is filled by the server on every write, like an identity.
        boolean serverFilled = rs.getBoolean("is_identity") || "timestamp".equals(baseType);
        return new Column(rs.getString("name"), type(rs, typeName, baseType), rs.getBoolean("is_nullable"),
                computed ? null : rs.getString("default_definition"), serverFilled, computed, true,
                rs.getString("comment"));
    }

    static ColumnType type(ResultSet rs, String typeName, String baseType) throws SQLException {
        String display = displayName(rs, typeName, baseType);
        return switch (baseType) {
            case "tinyint", "smallint" -> ColumnType.of(display, TypeKind.SMALLINT);
            case "int" -> ColumnType.of(display, TypeKind.INTEGER);
            case "bigint" -> ColumnType.of(display, TypeKind.BIGINT);
            case "decimal", "numeric", "money", "smallmoney" -> ColumnType.of(display, TypeKind.DECIMAL);
            case "real" -> ColumnType.of(display, TypeKind.REAL);
            case "float" -> ColumnType.of(display, TypeKind.DOUBLE);
            case "bit" -> ColumnType.of(display, TypeKind.BOOLEAN);
            case "char", "varchar", "nchar", "nvarchar" -> ColumnType.text(display, characterLength(rs, baseType));
            case "text", "ntext" -> ColumnType.text(display, null);
            case "date" -> ColumnType.of(display, TypeKind.DATE);
            case "time" -> ColumnType.of(display, TypeKind.TIME);
            case "datetime", "datetime2", "smalldatetime" -> ColumnType.of(display, TypeKind.TIMESTAMP);
            case "datetimeoffset" -> ColumnType.of(display, TypeKind.TIMESTAMP_TZ);
            case "uniqueidentifier" -> ColumnType.of(display, TypeKind.UUID);
            case "json" -> ColumnType.of(display, TypeKind.JSON);
            case "binary", "varbinary", "image" -> ColumnType.of(display, TypeKind.BINARY);
            default -> ColumnType.of(display, TypeKind.OTHER);
        };
    }

    private static Integer characterLength(ResultSet rs, String baseType) throws SQLException {
        int bytes = rs.getInt("max_length");
        if (bytes < 0) {
            return null;
        }
        return baseType.startsWith("n") ? bytes / 2 : bytes;
    }

    private static String displayName(ResultSet rs, String typeName, String baseType) throws SQLException {
        return switch (baseType) {
            case "char", "varchar", "nchar", "nvarchar", "binary", "varbinary" -> {
                Integer length = baseType.contains("binary") ? (Integer) rs.getInt("max_length")
                        : characterLength(rs, baseType);
                yield typeName + "(" + (length == null || length < 0 ? "max" : length) + ")";
            }
            case "decimal", "numeric" -> typeName + "(" + rs.getInt("precision") + "," + rs.getInt("scale") + ")";
            default -> typeName;
        };
    }
}
