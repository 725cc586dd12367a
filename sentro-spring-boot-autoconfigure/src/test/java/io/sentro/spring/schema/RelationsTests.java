package io.sentro.spring.schema;

import java.util.ArrayList;
import java.util.List;

import io.sentro.spring.schema.Relation.Kind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RelationsTests {

    private static Column column(String name) {
        return new Column(name, ColumnType.of("bigint", TypeKind.BIGINT), false, null, false, false, true, null);
    }

    private static Table table(String name, List<String> columns, List<String> primaryKey, ForeignKey... keys) {
        List<Column> list = new ArrayList<>();
        columns.forEach(column -> list.add(column(column)));
        return new Table(name, "app", name, false, list, primaryKey, List.of(), List.of(keys), true, true, true, null);
    }

    private static ForeignKey key(String column, String target) {
        return new ForeignKey("fk_" + column, List.of(column), "app", target, List.of("id"));
    }

    private static List<String> names(Relations relations, String table) {
        return relations.forTable(table).stream().map(Relation::name).toList();
    }

    private final Relations relations = Relations.of(SchemaModel.of(List.of(
            table("authors", List.of("id", "name"), List.of("id")),
            table("posts", List.of("id", "author_id", "editor_id", "title"), List.of("id"), key("author_id", "authors"),
                    key("editor_id", "authors")),
            table("labels", List.of("id", "name"), List.of("id")),
            table("post_labels", List.of("post_id", "label_id", "note"), List.of("post_id", "label_id"),
                    key("post_id", "posts"), key("label_id", "labels")),
            table("comments", List.of("id", "post_id", "post", "parent"), List.of("id"), key("post_id", "posts"),
                    key("parent", "comments")),
            table("audit", List.of("id", "writer"), List.of(), key("writer", "authors")))));

    @Test
    void namesAManyToOneAfterItsColumnWithoutId() {
        Relation author = relations.relation("posts", "author").orElseThrow();
        assertThat(author.kind()).isEqualTo(Kind.MANY_TO_ONE);
        assertThat(author.table()).isEqualTo("authors");
        assertThat(author.columns()).containsExactly("author_id");
        assertThat(author.targetColumns()).containsExactly("id");
        assertThat(relations.relation("posts", "editor")).isPresent();
    }

    @Test
    void namesAManyToOneAfterTheReferencedTableWhenItsColumnHasNoIdSuffix() {
        Relation writer = relations.relation("audit", "authors").orElseThrow();
        assertThat(writer.kind()).isEqualTo(Kind.MANY_TO_ONE);
        assertThat(writer.columns()).containsExactly("writer");
    }

    @Test
    void makesANameThatClashesWithAColumnSpecific() {
        // comments.post_id would be "post", but comments has a column "post".
        assertThat(names(relations, "comments")).contains("post_by_post_id").doesNotContain("post");
    }

    @Test
    void makesNamesThatTwoRelationsShareSpecific() {
        // Two foreign keys from posts to authors: two one-to-many relations on authors.
        assertThat(names(relations, "authors")).containsExactly("posts_by_author_id", "posts_by_editor_id", "audit");
        Relation edited = relations.relation("authors", "posts_by_editor_id").orElseThrow();
        assertThat(edited.kind()).isEqualTo(Kind.ONE_TO_MANY);
        assertThat(edited.columns()).containsExactly("id");
        assertThat(edited.targetColumns()).containsExactly("editor_id");
    }

    @Test
    void relatesTheTwoSidesOfAJoinTableManyToMany() {
        Relation labels = relations.relation("posts", "labels").orElseThrow();
        assertThat(labels.kind()).isEqualTo(Kind.MANY_TO_MANY);
        assertThat(labels.through().table()).isEqualTo("post_labels");
        assertThat(labels.through().sourceColumns()).containsExactly("post_id");
        assertThat(labels.through().targetColumns()).containsExactly("label_id");
        assertThat(relations.relation("labels", "posts").orElseThrow().kind()).isEqualTo(Kind.MANY_TO_MANY);
        // The join table's own relations are there too: one-to-many from each side, many-to-one from it.
        assertThat(names(relations, "posts")).containsExactly("author", "editor", "post_labels", "comments", "labels");
        assertThat(names(relations, "post_labels")).containsExactly("post", "label");
    }

    @Test
    void aSelfReferenceRelatesATableToItselfBothWays() {
        // Both sides of comments.parent → comments would be "comments": the parent, then the replies.
        assertThat(names(relations, "comments")).containsExactly("post_by_post_id", "comments_by_parent",
                "comments_by_parent_2");
        assertThat(relations.forTable("comments").get(1).kind()).isEqualTo(Kind.MANY_TO_ONE);
        assertThat(relations.forTable("comments").get(2).kind()).isEqualTo(Kind.ONE_TO_MANY);
    }
}
