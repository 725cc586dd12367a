package io.sentro.spring.customize;

import java.util.LinkedHashMap;

import org.jspecify.annotations.Nullable;

/**
 * What an action returns, sent to the client as JSON. Two shapes are special: {@code data} with {@code filename} is
 * sent as a file download, and {@code success: false} (with an {@code error} message) becomes a 400 problem.
 * Any {@code Map} works as a result; this class only adds the factories.
 */
public final class ActionResult extends LinkedHashMap<String, @Nullable Object> {

    public static ActionResult success(String message) {
        return new ActionResult().with("success", true).with("message", message);
    }

    /** A file download: the client receives {@code data} with {@code Content-Disposition: attachment}. */
    public static ActionResult file(String filename, Object data) {
        return new ActionResult().with("success", true).with("data", data).with("filename", filename);
    }

    public static ActionResult failure(String error) {
        return new ActionResult().with("success", false).with("error", error);
    }

    public ActionResult with(String key, @Nullable Object value) {
        put(key, value);
        return this;
    }
}
