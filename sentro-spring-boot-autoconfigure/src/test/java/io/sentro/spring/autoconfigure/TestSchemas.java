package io.sentro.spring.autoconfigure;

import java.util.List;

import io.sentro.spring.schema.Column;
import io.sentro.spring.schema.ColumnType;
import io.sentro.spring.schema.SchemaModel;
import io.sentro.spring.schema.Table;
import io.sentro.spring.schema.TypeKind;

/** A hand-built model, for tests that must not need a database to start. */
final class TestSchemas {

    private TestSchemas() {
    }

    static SchemaModel posts() {
        Column id = new Column("id", ColumnType.of("bigint", TypeKind.BIGINT), false, null, true, false, true, null);
        Column title = new Column("title", ColumnType.text("text", null), false, null, false, false, true, null);
        return SchemaModel.of(List.of(new Table("posts", "public", "posts", false, List.of(id, title), List.of("id"),
                List.of(), List.of(), true, true, true, null)));
    }
}
