package io.sentro.spring.pipeline;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import io.sentro.spring.customize.CallSite;
import io.sentro.spring.customize.Action;
import io.sentro.spring.customize.ActionRequest;
import io.sentro.spring.customize.HookContext;
import io.sentro.spring.customize.Operation;
import io.sentro.spring.customize.SentroDb;
import io.sentro.spring.error.ErrorCode;
import io.sentro.spring.error.SentroException;
import io.sentro.spring.plan.Grant;
import io.sentro.spring.plan.Grants;
import io.sentro.spring.plan.Planner;
import io.sentro.spring.query.ListQuery;
import io.sentro.spring.query.RowQuery;
import io.sentro.spring.schema.Table;

import org.jspecify.annotations.Nullable;

/**
 * Runs table and detail actions: reads their records as the caller may see them (through the table's READ hooks,
 * within the caller's grant), runs the handler in one transaction with what it writes, and turns a result with
 * {@code success: false} into a problem that rolls the transaction back.
 */
public final class ActionRunner {

    private final OperationRunner runner;
    private final Planner planner;
    private final SentroDb db;

    public ActionRunner(OperationRunner runner, Planner planner, SentroDb db) {
        this.runner = runner;
        this.planner = planner;
        this.db = db;
    }

    /**
     * Runs a table action on the records named by {@code ids} in the body, or, without ids, on the records the list
     * query selects.
     */
    public Map<String, @Nullable Object> tableAction(Table table, Action action, Map<String, @Nullable Object> body,
            ListQuery selection, Grant grant, Grants grants, CallSite call) {
        if (selection.aggregate() != null) {
            // An action acts on records; groups are not records.
            throw new SentroException(ErrorCode.INVALID_PARAMETER, "A table action selects records with the list's "
                    + "filters; group, agg and having do not apply", selection.aggregate().group().isEmpty() ? "agg"
                            : "group");
        }
        return runner.inTransaction(table, action.onlyReads(), () -> {
            List<Map<String, @Nullable Object>> records;
            Object ids = body.get("ids");
            if (ids != null) {
                if (!(ids instanceof Collection<?> idList)) {
                    throw new SentroException(ErrorCode.INVALID_BODY, "'ids' must be an array of primary keys", "ids");
                }
                records = new ArrayList<>();
                for (Object id : idList) {
                    List<String> rawKey = rawKey(table, id);
                    Map<String, @Nullable Object> record = runner.get(table, rawKey, RowQuery.ALL, grant, Grants.NONE,
                    call);
                    if (record == null) {
                        throw new SentroException(ErrorCode.ROW_NOT_FOUND, "No row of '" + table.name() + "' has the key "
                                + String.join(",", rawKey), "ids");
                    }
                    records.add(record);
                }
            }
            else {
                records = runner.list(table, selection, grant, grants, call).result().rows();
            }
            HookContext context = runner.context(Operation.READ, table, call);
            Action.TableHandler handler = action.tableHandler();
            return refuseFailure(action, OperationRunner.call(() -> handler.run(new ActionRequest(body, context), records, db)));
        });
    }

    /** Runs a detail action on the record with the key; 404 when there is none. */
    public Map<String, @Nullable Object> detailAction(Table table, Action action, List<String> rawKey,
            Map<String, @Nullable Object> body, Grant grant, CallSite call) {
        planner.key(table, rawKey); // a malformed key is a 400 before the transaction starts
        return runner.inTransaction(table, action.onlyReads(), () -> {
            Map<String, @Nullable Object> record = runner.get(table, rawKey, RowQuery.ALL, grant, Grants.NONE,
                    call);
            if (record == null) {
                throw SentroException.rowNotFound(table.name());
            }
            HookContext context = runner.context(Operation.READ, table, call);
            Action.DetailHandler handler = action.detailHandler();
            return refuseFailure(action, OperationRunner.call(() -> handler.run(new ActionRequest(body, context), record, db)));
        });
    }

    /**
     * An action result with {@code success: false} becomes a 400 problem carrying its {@code error}, thrown inside
     * the action's transaction so that whatever the action wrote is rolled back.
     */
    private static @Nullable Map<String, @Nullable Object> refuseFailure(Action action,
            @Nullable Map<String, @Nullable Object> result) {
        if (result != null && Boolean.FALSE.equals(result.get("success"))) {
            Object error = result.get("error") != null ? result.get("error") : result.get("message");
            throw new SentroException(ErrorCode.ACTION_FAILED, error != null ? String.valueOf(error)
                    : "Action '" + action.id() + "' failed", "action");
        }
        return result;
    }

    private static List<String> rawKey(Table table, @Nullable Object id) {
        if (id instanceof Map<?, ?> map) {
            List<String> parts = new ArrayList<>();
            for (String keyColumn : table.primaryKey()) {
                Object part = map.get(keyColumn);
                if (part == null) {
                    throw new SentroException(ErrorCode.INVALID_KEY, "An id object lacks key column '" + keyColumn + "'",
                            "ids");
                }
                parts.add(String.valueOf(part));
            }
            return parts;
        }
        if (id == null) {
            throw new SentroException(ErrorCode.INVALID_KEY, "'ids' holds a null", "ids");
        }
        String text = String.valueOf(id);
        if (table.primaryKey().size() == 1) {
            return List.of(text);
        }
        List<String> parts = List.of(text.split(",", -1));
        if (parts.size() != table.primaryKey().size()) {
            throw new SentroException(ErrorCode.INVALID_KEY, "The id '" + text + "' has " + parts.size()
                    + " part(s); the key of '" + table.name() + "' has " + table.primaryKey().size(), "ids");
        }
        return parts;
    }
}
