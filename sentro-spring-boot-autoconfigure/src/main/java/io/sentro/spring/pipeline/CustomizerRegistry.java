package io.sentro.spring.pipeline;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.sentro.spring.customize.Action;
import io.sentro.spring.customize.ModelCustomizer;
import io.sentro.spring.schema.Column;
import io.sentro.spring.schema.SchemaModel;
import io.sentro.spring.schema.Table;

/**
 * The customizer beans, merged into one {@link TablePipeline} per table in pipeline order ({@code @Order}, then
 * declaration order), and checked against the schema model: a customizer that names an unknown table or column,
 * declares an action id twice, or a display field that collides with a column fails the start, naming its bean.
 */
public final class CustomizerRegistry {

    /** A customizer bean and its name, for error messages. */
    public record NamedCustomizer(String beanName, ModelCustomizer customizer) {
    }

    private final Map<String, TablePipeline> pipelines = new HashMap<>();

    /** A customizer's rename of a relation, with the bean that declared it. */
    public record RelationRename(String beanName, Table table, String from, String to) {
    }

    private final List<RelationRename> relationRenames = new java.util.ArrayList<>();

    public CustomizerRegistry(SchemaModel model, List<NamedCustomizer> orderedCustomizers) {
        for (Table table : model.tables()) {
            pipelines.put(table.name(), new TablePipeline(table));
        }
        Map<String, Set<String>> actionIds = new HashMap<>();
        for (NamedCustomizer named : orderedCustomizers) {
            ModelCustomizer customizer = named.customizer();
            String bean = named.beanName();
            Table table = model.table(customizer.table()).orElseThrow(() -> new InvalidCustomizerException(bean,
                    "unknown table '" + customizer.table() + "'. Served tables: "
                            + String.join(", ", model.tables().stream().map(Table::name).toList())));
            for (String column : customizer.columnDisplayNames().keySet()) {
                requireColumn(bean, table, column, "renameColumn");
            }
            for (String field : customizer.fieldWriters().keySet()) {
                Column column = requireColumn(bean, table, field, "replaceFieldWriting");
                if (!column.writable()) {
                    throw new InvalidCustomizerException(bean, "replaceFieldWriting('" + field + "'): column '" + field
                            + "' of '" + table.name() + "' is not writable");
                }
            }
            for (String displayField : customizer.displayFields().keySet()) {
                if (table.column(displayField).isPresent()) {
                    throw new InvalidCustomizerException(bean, "display field '" + displayField + "' collides with a "
                            + "column of '" + table.name() + "'; choose another name");
                }
            }
            Set<String> ids = actionIds.computeIfAbsent(table.name(), name -> new HashSet<>());
            for (Action action : customizer.actions()) {
                if (!action.id().matches("[A-Za-z0-9][A-Za-z0-9_.-]*")) {
                    throw new InvalidCustomizerException(bean, "action id '" + action.id() + "' must be letters, digits, "
                            + "'-', '_' or '.', to be a URL path segment");
                }
                if (!ids.add(action.id())) {
                    throw new InvalidCustomizerException(bean, "duplicate action id '" + action.id() + "' on '"
                            + table.name() + "'");
                }
                if (action.type() == Action.Type.DETAIL && !table.hasPrimaryKey()) {
                    throw new InvalidCustomizerException(bean, "detail action '" + action.id() + "' needs a primary "
                            + "key, and '" + table.name() + "' has none");
                }
            }
            for (String column : customizer.rowScopes().keySet()) {
                requireColumn(bean, table, column, "scopeRows");
            }
            for (ModelCustomizer.HiddenColumns hidden : customizer.hiddenColumns()) {
                for (String column : hidden.columns()) {
                    requireColumn(bean, table, column, "hideColumns");
                }
            }
            customizer.relationNames().forEach((from, to) -> relationRenames.add(new RelationRename(bean, table, from,
                    to)));
            pipelines.get(table.name()).merge(customizer);
        }
        checkActionAccess(orderedCustomizers);
    }

    /** Checks, once every customizer is merged, that access rules name actions that exist. */
    private void checkActionAccess(List<NamedCustomizer> orderedCustomizers) {
        for (NamedCustomizer named : orderedCustomizers) {
            TablePipeline pipeline = pipelines.get(named.customizer().table());
            for (String id : named.customizer().actionAccess().keySet()) {
                if (pipeline.action(id).isEmpty()) {
                    throw new InvalidCustomizerException(named.beanName(), "access rule for unknown action '" + id
                            + "' of '" + pipeline.table().name() + "'. Actions: " + pipeline.actions().stream()
                                    .map(Action::id).toList());
                }
            }
        }
    }

    private static Column requireColumn(String bean, Table table, String column, String method) {
        return table.column(column).orElseThrow(() -> new InvalidCustomizerException(bean, method + "('" + column
                + "'): table '" + table.name() + "' has no such column. Columns: "
                + String.join(", ", table.columns().stream().map(Column::name).toList())));
    }

    /** The relation renames of every customizer, in pipeline order. */
    public List<RelationRename> relationRenames() {
        return java.util.Collections.unmodifiableList(relationRenames);
    }

    /** The pipeline of a served table. */
    public TablePipeline pipeline(Table table) {
        TablePipeline pipeline = pipelines.get(table.name());
        if (pipeline == null) {
            throw new IllegalArgumentException("Not a served table: " + table.name());
        }
        return pipeline;
    }
}
