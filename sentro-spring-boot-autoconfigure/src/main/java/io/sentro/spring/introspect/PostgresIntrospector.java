package io.sentro.spring.introspect;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.sentro.spring.schema.Column;
import io.sentro.spring.schema.ColumnType;
import io.sentro.spring.schema.Table;
import io.sentro.spring.schema.TypeKind;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Reads PostgreSQL's {@code pg_catalog}: tables, partitioned tables, views, materialized views and foreign tables;
 * enum labels; identity, serial and generated columns; and what {@code pg_relation_is_updatable} says of views.
 * Partitions are not served themselves: their rows are read and written through their partitioned table, which
 * PostgreSQL routes to the right partition.
 */
public class PostgresIntrospector implements SchemaIntrospector {

    // Bits of pg_relation_is_updatable: 1 << CMD_UPDATE, 1 << CMD_INSERT, 1 << CMD_DELETE.
    private static final int UPDATE = 4;
    private static final int INSERT = 8;
    private static final int DELETE = 16;

    private static final String TABLES = """
            SELECT c.oid, n.nspname, c.relname, c.relkind, obj_description(c.oid, 'pg_class') AS comment,
                   pg_relation_is_updatable(c.oid, false) AS updatable
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f') AND NOT c.relispartition AND n.nspname IN (%s)
            ORDER BY n.nspname, c.relname""";

    private static final String COLUMNS = """
            SELECT a.attrelid, a.attname, format_type(a.atttypid, a.atttypmod) AS formatted,
                   COALESCE(b.oid, t.oid) AS type_oid, COALESCE(b.typname, t.typname) AS typname,
                   COALESCE(b.typtype, t.typtype) AS typtype, COALESCE(b.typcategory, t.typcategory) AS typcategory,
                   e.oid AS elem_oid, e.typname AS elem_name, e.typtype AS elem_typtype,
                   CASE WHEN COALESCE(b.typname, t.typname) IN ('varchar', 'bpchar') AND a.atttypmod > 4
                        THEN a.atttypmod - 4 END AS max_length,
                   a.attnotnull, pg_get_expr(d.adbin, d.adrelid) AS default_expr, a.attidentity, a.attgenerated,
                   col_description(a.attrelid, a.attnum) AS comment,
                   pg_column_is_updatable(a.attrelid, a.attnum, false) AS col_updatable
            FROM pg_attribute a
            JOIN pg_class c ON c.oid = a.attrelid
            JOIN pg_namespace n ON n.oid = c.relnamespace
            JOIN pg_type t ON t.oid = a.atttypid
            LEFT JOIN pg_type b ON t.typtype = 'd' AND b.oid = t.typbasetype
            LEFT JOIN pg_type e ON e.oid = COALESCE(b.typelem, t.typelem) AND COALESCE(b.typcategory, t.typcategory) = 'A'
            LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
            WHERE a.attnum > 0 AND NOT a.attisdropped
              AND c.relkind IN ('r', 'p', 'v', 'm', 'f') AND NOT c.relispartition AND n.nspname IN (%s)
            ORDER BY a.attrelid, a.attnum""";

    private static final String ENUMS = """
            SELECT enumtypid, enumlabel FROM pg_enum ORDER BY enumtypid, enumsortorder""";

    /**
     * Primary keys, unique constraints and foreign keys of the relations in the served schemas, except partitions,
     * one row each; the schema list is bound in each of the three places it is named.
     * <p>
     * A foreign key whose table references a partitioned table has, since PostgreSQL 12, one more {@code pg_constraint}
     * row per partition of the referenced table, on the same referencing table: a clone whose parent constraint has
     * the same {@code conrelid}. Those clones are left out ({@code fk}), or a table referencing a partitioned table
     * would get one foreign key per partition, to relations Sentro does not serve.
     * <p>
     * A partitioned table also gets the foreign keys that its partitions hold and it does not: those that EVERY leaf
     * partition (every partition, through sub-partitions, that holds rows) has, matched by column and referenced
     * column names (a partition's attribute numbers may differ from its parent's) and referenced table. Such a key
     * holds for every row of the partitioned table, so a read through it can join and embed as through a key declared
     * on the parent (pagila's {@code payment}, whose keys were declared on each partition). A key that only some
     * partitions have is not one: rows of the other partitions may name no row at all, so no relation is derived
     * from it. A key declared on the parent itself (PostgreSQL 12+) is cloned onto every partition; the derived row
     * is dropped when the parent has the same key, so it is not listed twice. The derived key takes the smallest of
     * its partitions' constraint names: a real name, though a violation on another partition names its own.
     */
    private static final String CONSTRAINTS = """
            WITH fk AS (
                SELECT con.conrelid, con.conname, con.confrelid, c.relispartition AS on_partition,
                       fn.nspname AS ref_schema, fc.relname AS ref_table,
                       ARRAY(SELECT a.attname FROM unnest(con.conkey) WITH ORDINALITY k(attnum, ord)
                             JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum
                             ORDER BY k.ord) AS cols,
                       ARRAY(SELECT a.attname FROM unnest(con.confkey) WITH ORDINALITY k(attnum, ord)
                             JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.attnum
                             ORDER BY k.ord) AS ref_cols
                FROM pg_constraint con
                JOIN pg_class c ON c.oid = con.conrelid
                JOIN pg_namespace n ON n.oid = c.relnamespace
                JOIN pg_class fc ON fc.oid = con.confrelid
                JOIN pg_namespace fn ON fn.oid = fc.relnamespace
                WHERE con.contype = 'f' AND (c.relispartition OR n.nspname IN (%1$s))
                  AND NOT EXISTS (SELECT 1 FROM pg_constraint pc
                                  WHERE pc.oid = con.conparentid AND pc.conrelid = con.conrelid)
            )
            SELECT con.conrelid, con.conname, con.contype,
                   ARRAY(SELECT a.attname FROM unnest(con.conkey) WITH ORDINALITY k(attnum, ord)
                         JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum ORDER BY k.ord) AS cols,
                   NULL AS ref_schema, NULL AS ref_table, NULL::name[] AS ref_cols
            FROM pg_constraint con
            JOIN pg_class c ON c.oid = con.conrelid
            JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE con.contype IN ('p', 'u') AND NOT c.relispartition AND n.nspname IN (%1$s)
            UNION ALL
            SELECT fk.conrelid, fk.conname, 'f', fk.cols, fk.ref_schema, fk.ref_table, fk.ref_cols
            FROM fk
            WHERE NOT fk.on_partition
            UNION ALL
            SELECT p.oid, min(fk.conname), 'f', fk.cols, fk.ref_schema, fk.ref_table, fk.ref_cols
            FROM pg_class p
            JOIN pg_namespace n ON n.oid = p.relnamespace
            CROSS JOIN LATERAL pg_partition_tree(p.oid) leaf
            JOIN fk ON fk.conrelid = leaf.relid
            WHERE p.relkind = 'p' AND NOT p.relispartition AND n.nspname IN (%1$s) AND leaf.isleaf
            GROUP BY p.oid, fk.confrelid, fk.ref_schema, fk.ref_table, fk.cols, fk.ref_cols
            HAVING count(DISTINCT leaf.relid) = (SELECT count(*) FROM pg_partition_tree(p.oid) l WHERE l.isleaf)
               AND NOT EXISTS (SELECT 1 FROM fk own
                               WHERE own.conrelid = p.oid AND own.confrelid = fk.confrelid
                                 AND own.cols = fk.cols AND own.ref_cols = fk.ref_cols)
            ORDER BY 1, 3, 2""";

    @Override
    public List<String> defaultSchemas(JdbcTemplate jdbc) {
        String schema = jdbc.queryForObject("SELECT current_schema()", String.class);
        return List.of(schema == null ? "public" : schema);
    }

    @Override
    public List<Table> introspect(JdbcTemplate jdbc, List<String> schemas) {
        String in = TableBuilder.placeholders(schemas.size());
        Object[] args = schemas.toArray();
        Map<Long, TableBuilder> tables = new LinkedHashMap<>();
        jdbc.query(TABLES.formatted(in), rs -> {
            char kind = rs.getString("relkind").charAt(0);
            int mask = rs.getInt("updatable");
            boolean view = kind == 'v' || kind == 'm';
            tables.put(rs.getLong("oid"), new TableBuilder(rs.getString("nspname"), rs.getString("relname"), view,
                    (mask & INSERT) != 0, (mask & UPDATE) != 0, (mask & DELETE) != 0, rs.getString("comment")));
        }, args);

        Map<Long, List<String>> enumLabels = new HashMap<>();
        jdbc.query(ENUMS, rs -> {
            enumLabels.computeIfAbsent(rs.getLong("enumtypid"), key -> new ArrayList<>()).add(rs.getString("enumlabel"));
        });

        jdbc.query(COLUMNS.formatted(in), rs -> {
            TableBuilder table = tables.get(rs.getLong("attrelid"));
            if (table != null) {
                table.columns.add(column(rs, enumLabels, table));
            }
        }, args);

        Object[] thrice = new Object[args.length * 3]; // CONSTRAINTS names the schema list three times
        for (int i = 0; i < 3; i++) {
            System.arraycopy(args, 0, thrice, i * args.length, args.length);
        }
        jdbc.query(CONSTRAINTS.formatted(in), rs -> {
            TableBuilder table = tables.get(rs.getLong("conrelid"));
            if (table == null) {
                return;
            }
            String name = rs.getString("conname");
            List<String> columns = strings(rs.getArray("cols"));
            switch (rs.getString("contype")) {
                case "p" -> table.primaryKey.addAll(columns);
                case "u" -> columns.forEach(column -> table.addUniqueColumn(name, column));
                case "f" -> {
                    List<String> targets = strings(rs.getArray("ref_cols"));
                    for (int i = 0; i < columns.size(); i++) {
                        table.addForeignKeyColumn(name, columns.get(i), rs.getString("ref_schema"),
                                rs.getString("ref_table"), targets.get(i));
                    }
                }
                default -> {
                }
            }
        }, thrice);

        return tables.values().stream().map(TableBuilder::build).toList();
    }

    private static Column column(ResultSet rs, Map<Long, List<String>> enumLabels, TableBuilder table)
            throws SQLException {
        String defaultExpr = rs.getString("default_expr");
        String identity = rs.getString("attidentity");
        String generated = rs.getString("attgenerated");
        boolean isGenerated = generated != null && !generated.isEmpty();
        boolean autoIncrement = (identity != null && !identity.isEmpty())
                || (defaultExpr != null && defaultExpr.startsWith("nextval("));
        ColumnType type = type(rs, enumLabels);
        boolean updatable = !table.view || rs.getBoolean("col_updatable");
        return new Column(rs.getString("attname"), type, !rs.getBoolean("attnotnull"), isGenerated ? null : defaultExpr,
                autoIncrement, isGenerated, updatable, rs.getString("comment"));
    }

    private static ColumnType type(ResultSet rs, Map<Long, List<String>> enumLabels) throws SQLException {
        String formatted = rs.getString("formatted");
        String typname = rs.getString("typname");
        if ("e".equals(rs.getString("typtype"))) {
            return ColumnType.enumOf(formatted, enumLabels.getOrDefault(rs.getLong("type_oid"), List.of()));
        }
        if ("A".equals(rs.getString("typcategory")) && rs.getString("elem_name") != null) {
            String elementName = rs.getString("elem_name");
            ColumnType element = "e".equals(rs.getString("elem_typtype"))
                    ? ColumnType.enumOf(elementName, enumLabels.getOrDefault(rs.getLong("elem_oid"), List.of()))
                    : new ColumnType(elementName, kind(elementName), null, List.of(), null);
            return ColumnType.arrayOf(formatted, element);
        }
        TypeKind kind = kind(typname);
        if (kind == TypeKind.TEXT) {
            int maxLength = rs.getInt("max_length");
            return ColumnType.text(formatted, rs.wasNull() ? null : maxLength);
        }
        return ColumnType.of(formatted, kind);
    }

    static TypeKind kind(String typname) {
        return switch (typname) {
            case "int2" -> TypeKind.SMALLINT;
            case "int4" -> TypeKind.INTEGER;
            case "int8" -> TypeKind.BIGINT;
            case "numeric" -> TypeKind.DECIMAL;
            case "float4" -> TypeKind.REAL;
            case "float8" -> TypeKind.DOUBLE;
            case "bool" -> TypeKind.BOOLEAN;
            case "text", "varchar", "bpchar", "name", "citext", "char" -> TypeKind.TEXT;
            case "date" -> TypeKind.DATE;
            case "time" -> TypeKind.TIME;
            case "timestamp" -> TypeKind.TIMESTAMP;
            case "timestamptz" -> TypeKind.TIMESTAMP_TZ;
            case "uuid" -> TypeKind.UUID;
            case "json", "jsonb" -> TypeKind.JSON;
            case "bytea" -> TypeKind.BINARY;
            default -> TypeKind.OTHER;
        };
    }

    private static List<String> strings(@Nullable Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        List<String> values = new ArrayList<>();
        for (Object value : (Object[]) array.getArray()) {
            values.add(String.valueOf(value));
        }
        return values;
    }
}
