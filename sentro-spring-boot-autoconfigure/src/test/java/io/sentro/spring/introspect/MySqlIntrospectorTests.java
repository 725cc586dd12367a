package io.sentro.spring.introspect;

import java.util.List;

import io.sentro.spring.schema.Table;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MySqlIntrospectorTests {

    @Test
    void readsEnumLabelsWithQuotesAndCommas() {
        assertThat(MySqlIntrospector.enumValues("enum('happy','sad','neutral')")).containsExactly("happy", "sad", "neutral");
        assertThat(MySqlIntrospector.enumValues("enum('it''s','a,b')")).containsExactly("it's", "a,b");
    }

    @Test
    void matchesGlobsAgainstNameAndSchemaQualifiedName() {
        Table table = new Table("audit_2024", "app", "audit_2024", false, List.of(), List.of(), List.of(), List.of(), true,
                true, true, null);
        assertThat(SchemaLoader.matchesAny(table, List.of("audit_*"))).isTrue();
        assertThat(SchemaLoader.matchesAny(table, List.of("app.audit_202?"))).isTrue();
        assertThat(SchemaLoader.matchesAny(table, List.of("AUDIT_*"))).isTrue();
        assertThat(SchemaLoader.matchesAny(table, List.of("other.*", "audit"))).isFalse();
        assertThat(SchemaLoader.matchesAny(table, List.of("audit.2024"))).isFalse();
    }
}
