package io.sentro.spring.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

import io.sentro.spring.customize.Action;
import io.sentro.spring.pipeline.CustomizerRegistry;
import io.sentro.spring.pipeline.TablePipeline;
import io.sentro.spring.schema.Column;
import io.sentro.spring.schema.ColumnType;
import io.sentro.spring.schema.ForeignKey;
import io.sentro.spring.schema.Relation;
import io.sentro.spring.schema.Relations;
import io.sentro.spring.schema.SchemaModel;
import io.sentro.spring.schema.Table;
import io.sentro.spring.schema.UniqueConstraint;

/**
 * The {@code _schema} document: the served model as JSON, built once since the model never changes.
 */
public final class SchemaDocument {

    private final String databaseName;
    private final String basePath;
    private final Map<Table, Map<String, Object>> tables = new LinkedHashMap<>();

    private final CustomizerRegistry registry;

    /** @param hidden the columns of a table that no caller sees, left out of the document */
    public SchemaDocument(SchemaModel model, Relations relations, CustomizerRegistry registry, String databaseName,
            String basePath, Function<Table, Set<String>> hidden) {
        this.registry = registry;
        this.databaseName = databaseName;
        this.basePath = basePath;
        for (Table table : model.tables()) {
            Map<String, Object> json = table(model, registry.pipeline(table), basePath, hidden.apply(table));
            json.put("relations", relations(relations.forTable(table.name()), hidden.apply(table)));
            tables.put(table, json);
        }
    }

    /** The document, listing the tables {@code included} accepts (those the caller may read). */
    Map<String, Object> document(Predicate<Table> included) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("database", databaseName);
        root.put("basePath", basePath);
        List<Object> listed = new ArrayList<>();
        tables.forEach((table, json) -> {
            if (included.test(table)) {
                listed.add(json);
            }
        });
        root.put("tables", listed);
        return root;
    }

    /** A table's relations, except those joined through columns no caller sees. */
    private static List<Object> relations(List<Relation> relations, Set<String> hidden) {
        List<Object> listed = new ArrayList<>();
        for (Relation relation : relations) {
            if (relation.columns().stream().anyMatch(hidden::contains)) {
                continue;
            }
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("name", relation.name());
            json.put("kind", relation.kind().name().toLowerCase(Locale.ROOT).replace('_', '-'));
            json.put("table", relation.table());
            json.put("columns", relation.columns());
            json.put("targetColumns", relation.targetColumns());
            Relation.Through through = relation.through();
            if (through != null) {
                json.put("through", Map.of("table", through.table(), "sourceColumns", through.sourceColumns(),
                        "targetColumns", through.targetColumns()));
            }
            listed.add(json);
        }
        return listed;
    }

    /** The ids of a table's actions, for error messages. */
    List<Action> actions(Table table) {
        return registry.pipeline(table).actions();
    }

    String actionIds(Table table) {
        List<String> ids = registry.pipeline(table).actions().stream().map(Action::id).toList();
        return ids.isEmpty() ? "no actions" : String.join(", ", ids);
    }

    private static Map<String, Object> table(SchemaModel model, TablePipeline pipeline, String basePath,
            Set<String> hidden) {
        Table table = pipeline.table();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", table.name());
        json.put("displayName", pipeline.displayName());
        json.put("schema", table.schema());
        json.put("tableName", table.tableName());
        json.put("kind", table.view() ? "view" : "table");
        json.put("comment", table.comment());
        json.put("primaryKey", table.primaryKey());
        json.put("insertable", table.insertable());
        json.put("updatable", table.updatable());
        json.put("deletable", table.deletable());
        List<Object> columns = new ArrayList<>();
        for (Column column : table.columns()) {
            if (hidden.contains(column.name())) {
                continue;
            }
            Map<String, Object> columnJson = column(column);
            columnJson.put("displayName", pipeline.columnDisplayName(column.name()));
            columns.add(columnJson);
        }
        json.put("columns", columns);
        json.put("displayFields", new ArrayList<>(pipeline.displayFields().keySet()));
        List<Object> actions = new ArrayList<>();
        for (Action action : pipeline.actions()) {
            Map<String, Object> actionJson = new LinkedHashMap<>();
            actionJson.put("id", action.id());
            actionJson.put("label", action.label());
            actionJson.put("type", action.type().name().toLowerCase(java.util.Locale.ROOT));
            actionJson.put("path", basePath + "/" + table.name() + (action.type() == Action.Type.DETAIL ? "/{key}" : "")
                    + "/_actions/" + action.id());
            if (!action.inputs().isEmpty()) {
                actionJson.put("input", action.inputs().stream().map(input -> {
                    Map<String, Object> field = new LinkedHashMap<>();
                    field.put("name", input.name());
                    field.put("label", input.label());
                    field.put("kind", input.kind().schemaName());
                    field.put("required", input.required());
                    return field;
                }).toList());
            }
            actions.add(actionJson);
        }
        json.put("actions", actions);
        List<Object> uniques = new ArrayList<>();
        for (UniqueConstraint unique : table.uniqueConstraints()) {
            if (unique.columns().stream().anyMatch(hidden::contains)) {
                continue;
            }
            uniques.add(Map.of("name", unique.name(), "columns", unique.columns()));
        }
        json.put("uniqueConstraints", uniques);
        List<Object> foreignKeys = new ArrayList<>();
        for (ForeignKey key : table.foreignKeys()) {
            if (key.columns().stream().anyMatch(hidden::contains)) {
                continue;
            }
            Map<String, Object> fk = new LinkedHashMap<>();
            fk.put("name", key.name());
            fk.put("columns", key.columns());
            fk.put("references", model.target(key).map(Table::name).orElse(null));
            fk.put("referencedSchema", key.targetSchema());
            fk.put("referencedTable", key.targetTable());
            fk.put("referencedColumns", key.targetColumns());
            foreignKeys.add(fk);
        }
        json.put("foreignKeys", foreignKeys);
        return json;
    }

    private static Map<String, Object> column(Column column) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", column.name());
        type(json, column.type());
        json.put("nullable", column.nullable());
        json.put("default", column.defaultValue());
        json.put("autoIncrement", column.autoIncrement());
        json.put("generated", column.generated());
        json.put("writable", column.writable());
        json.put("requiredOnCreate", column.requiredOnCreate());
        json.put("comment", column.comment());
        return json;
    }

    private static void type(Map<String, Object> json, ColumnType type) {
        json.put("type", type.databaseType());
        json.put("kind", type.kind().name().toLowerCase(java.util.Locale.ROOT));
        if (type.maxLength() != null) {
            json.put("maxLength", type.maxLength());
        }
        // A decimal's declared precision and scale: clients that parse JSON numbers as doubles (149.00 becomes 149)
        // format the value with its scale again.
        if (type.precision() != null && type.scale() != null) {
            json.put("precision", type.precision());
            json.put("scale", type.scale());
        }
        if (!type.enumValues().isEmpty()) {
            json.put("enumValues", type.enumValues());
        }
        if (type.elementType() != null) {
            Map<String, Object> element = new LinkedHashMap<>();
            type(element, type.elementType());
            json.put("elementType", element);
        }
    }
}
