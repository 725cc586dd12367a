package io.sentro.spring.introspect;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import io.sentro.spring.schema.SchemaModel;
import io.sentro.spring.schema.Table;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Builds the served {@link SchemaModel}: introspects the configured schemas, keeps the included tables, and applies
 * Sentro's write rules on top of what the database allows.
 * <ul>
 * <li>a table without a primary key is read-only: its rows cannot be addressed;</li>
 * <li>a view keeps the database's say on INSERT, but without a key it cannot be updated or deleted through;</li>
 * <li>{@code read-only} and {@code read-only-tables} refuse every write.</li>
 * </ul>
 */
public final class SchemaLoader {

    private static final org.apache.commons.logging.Log log = org.apache.commons.logging.LogFactory
            .getLog(SchemaLoader.class);

    private final SchemaIntrospector introspector;

    public SchemaLoader(SchemaIntrospector introspector) {
        this.introspector = introspector;
    }

    /**
     * What to serve.
     *
     * @param schemas schemas to introspect; empty for the connection's default
     * @param includeTables glob patterns ({@code *}, {@code ?}) of tables to serve; empty for all
     * @param excludeTables glob patterns of tables not to serve
     * @param readOnly whether every table is read-only
     * @param readOnlyTables glob patterns of read-only tables
     */
    public record Options(List<String> schemas, List<String> includeTables, List<String> excludeTables,
            boolean readOnly, List<String> readOnlyTables) {
    }

    public SchemaModel load(JdbcTemplate jdbc, Options options) {
        List<String> schemas = options.schemas().isEmpty() ? introspector.defaultSchemas(jdbc) : options.schemas();
        List<Table> served = new ArrayList<>();
        for (Table table : introspector.introspect(jdbc, schemas)) {
            if (!options.includeTables().isEmpty() && !matchesAny(table, options.includeTables())) {
                continue;
            }
            if (matchesAny(table, options.excludeTables())) {
                continue;
            }
            if (!addressable(table.tableName())) {
                log.warn("Sentro does not serve table '" + table.schema() + "." + table.tableName()
                        + "': its name cannot be a URL path segment");
                continue;
            }
            served.add(applyWriteRules(table, options));
        }
        return SchemaModel.of(served);
    }

    /** Whether a name can be a literal URL path segment; {@code _schema} and {@code _types.ts} are Sentro's own. */
    public static boolean addressable(String name) {
        return !name.isEmpty() && !name.equals("_schema") && !name.equals("_types.ts") && name.chars().noneMatch(c -> "{}*/\\?#;%".indexOf(c) >= 0);
    }

    private static Table applyWriteRules(Table table, Options options) {
        if (options.readOnly() || matchesAny(table, options.readOnlyTables())) {
            return table.asReadOnly();
        }
        if (!table.hasPrimaryKey()) {
            boolean insertable = table.view() && table.insertable();
            return new Table(table.name(), table.schema(), table.tableName(), table.view(), table.columns(),
                    table.primaryKey(), table.uniqueConstraints(), table.foreignKeys(), insertable, false, false,
                    table.comment());
        }
        return table;
    }

    /**
     * Whether a glob pattern ({@code *}, {@code ?}, case-insensitive) matches the table's name or its
     * {@code schema.table} form: how every {@code sentro.*} list of tables is read.
     */
    public static boolean matchesAny(Table table, List<String> globs) {
        for (String glob : globs) {
            Pattern pattern = glob(glob);
            if (pattern.matcher(table.tableName()).matches()
                    || pattern.matcher(table.schema() + "." + table.tableName()).matches()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a name in URLs ({@code posts}, {@code sales.orders}) matches one of the glob patterns: the patterns
     * compiled once, for a test made per event.
     */
    public static java.util.function.Predicate<String> nameMatcher(List<String> globs) {
        List<Pattern> patterns = globs.stream().map(SchemaLoader::glob).toList();
        return name -> patterns.stream().anyMatch(pattern -> pattern.matcher(name).matches());
    }

    static Pattern glob(String glob) {
        StringBuilder regex = new StringBuilder();
        for (char c : glob.trim().toCharArray()) {
            switch (c) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE);
    }
}
