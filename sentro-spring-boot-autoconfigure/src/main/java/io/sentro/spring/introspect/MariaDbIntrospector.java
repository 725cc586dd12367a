package io.sentro.spring.introspect;

import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * MariaDB: as MySQL, except that its {@code JSON} is an alias of {@code longtext} guarded by a
 * {@code json_valid(column)} check constraint, which is how JSON columns are recognised here.
 */
public class MariaDbIntrospector extends MySqlIntrospector {

    private static final Pattern JSON_VALID = Pattern.compile("json_valid\\(`((?:[^`]|``)+)`\\)",
            Pattern.CASE_INSENSITIVE);

    private static final String CHECKS = """
            SELECT CONSTRAINT_SCHEMA, TABLE_NAME, CHECK_CLAUSE
            FROM information_schema.CHECK_CONSTRAINTS WHERE CONSTRAINT_SCHEMA IN (%s)""";

    @Override
    protected Set<String> jsonColumns(JdbcTemplate jdbc, String in, Object[] schemas) {
        Set<String> columns = new HashSet<>();
        jdbc.query(CHECKS.formatted(in), rs -> {
            Matcher matcher = JSON_VALID.matcher(rs.getString("CHECK_CLAUSE"));
            while (matcher.find()) {
                columns.add(TableBuilder.key(rs.getString("CONSTRAINT_SCHEMA"), rs.getString("TABLE_NAME")) + "\u0000"
                        + matcher.group(1).replace("``", "`"));
            }
        }, schemas);
        return columns;
    }
}
