package io.sentro.spring.pipeline;

import java.util.List;

import io.sentro.spring.customize.Action;
import io.sentro.spring.customize.ActionResult;
import io.sentro.spring.customize.ModelCustomizer;
import io.sentro.spring.customize.Operation;
import io.sentro.spring.pipeline.CustomizerRegistry.NamedCustomizer;
import io.sentro.spring.schema.Column;
import io.sentro.spring.schema.ColumnType;
import io.sentro.spring.schema.SchemaModel;
import io.sentro.spring.schema.Table;
import io.sentro.spring.schema.TypeKind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Bad customizers fail at start-up with a message naming the bean; good ones merge in order. */
class CustomizerRegistryTests {

    private static final Column ID = new Column("id", ColumnType.of("bigint", TypeKind.BIGINT), false, null, true, false,
            true, null);
    private static final Column TITLE = new Column("title", ColumnType.text("text", null), false, null, false, false,
            true, null);
    private static final SchemaModel MODEL = SchemaModel.of(List.of(
            new Table("posts", "public", "posts", false, List.of(ID, TITLE), List.of("id"), List.of(), List.of(), true,
                    true, true, null),
            new Table("log", "public", "log", false, List.of(TITLE), List.of(), List.of(), List.of(), false, false,
                    false, null)));

    private static void assertRefused(ModelCustomizer customizer, String... messageParts) {
        assertThatThrownBy(() -> new CustomizerRegistry(MODEL, List.of(new NamedCustomizer("myBean", customizer))))
                .isInstanceOf(InvalidCustomizerException.class).hasMessageContaining("myBean")
                .hasMessageContainingAll(messageParts);
    }

    @Test
    void refusesAnUnknownTable() {
        assertRefused(new ModelCustomizer("pots"), "unknown table 'pots'", "posts");
    }

    @Test
    void refusesUnknownColumns() {
        assertRefused(new ModelCustomizer("posts").renameColumn("titel", "Title"), "renameColumn('titel')");
        assertRefused(new ModelCustomizer("posts").replaceFieldWriting("body", value -> java.util.Map.of()),
                "replaceFieldWriting('body')");
        assertRefused(new ModelCustomizer("posts").replaceFieldWriting("id", value -> java.util.Map.of()),
                "not writable");
    }

    @Test
    void refusesADisplayFieldNamedLikeAColumn() {
        assertRefused(new ModelCustomizer("posts").addDisplayField("title", row -> "x"), "display field 'title'",
                "collides");
    }

    @Test
    void refusesDuplicateAndMalformedActionIds() {
        Action export = Action.table("export", "Export", (request, records, db) -> ActionResult.success("ok"));
        assertRefused(new ModelCustomizer("posts").addAction(export).addAction(export), "duplicate action id 'export'");
        assertRefused(new ModelCustomizer("posts").addAction(Action.table("a b", "Bad", (r, rs, db) -> null)),
                "action id 'a b'");
        assertRefused(new ModelCustomizer("log").addAction(Action.detail("x", "X", (r, row, db) -> null)),
                "needs a primary key");
    }

    @Test
    void refusesTheSameActionIdAcrossTwoCustomizersOfATable() {
        Action export = Action.table("export", "Export", (request, records, db) -> ActionResult.success("ok"));
        assertThatThrownBy(() -> new CustomizerRegistry(MODEL, List.of(
                new NamedCustomizer("first", new ModelCustomizer("posts").addAction(export)),
                new NamedCustomizer("second", new ModelCustomizer("posts").addAction(export)))))
                .hasMessageContaining("second").hasMessageContaining("duplicate action id");
    }

    @Test
    void mergesCustomizersOfATableInOrder() {
        ModelCustomizer first = new ModelCustomizer("posts").rename("Posts")
                .onBefore(Operation.CREATE, (payload, ctx) -> payload);
        ModelCustomizer second = new ModelCustomizer("posts").rename("Blog Posts").renameColumn("title", "Title")
                .onBefore(Operation.CREATE, (payload, ctx) -> payload);
        CustomizerRegistry registry = new CustomizerRegistry(MODEL, List.of(new NamedCustomizer("a", first),
                new NamedCustomizer("b", second)));
        TablePipeline posts = registry.pipeline(MODEL.table("posts").orElseThrow());
        assertThat(posts.displayName()).isEqualTo("Blog Posts");
        assertThat(posts.columnDisplayName("title")).isEqualTo("Title");
        assertThat(posts.before(Operation.CREATE)).containsExactly(
                (io.sentro.spring.customize.BeforeHook) first.hooks().get(0).hook(),
                (io.sentro.spring.customize.BeforeHook) second.hooks().get(0).hook());
        assertThat(registry.pipeline(MODEL.table("log").orElseThrow()).displayName()).isEqualTo("log");
    }
}
