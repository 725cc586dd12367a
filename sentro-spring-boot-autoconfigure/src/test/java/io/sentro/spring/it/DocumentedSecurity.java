package io.sentro.spring.it;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.sentro.spring.it.HttpApi.Response;
import tools.jackson.databind.JsonNode;

/**
 * Checks that the OpenAPI document's {@code security} of every route under the base path is what the running app
 * enforces: a route whose requirements include the empty one ({@code {}}) answers a caller without credentials with
 * something other than 401; any other route answers 401 and names the credentials. With a valid key, no route
 * answers 401. Path variables are filled with {@code 1} (access is decided before the row is looked up).
 */
final class DocumentedSecurity {

    private DocumentedSecurity() {
    }

    /** The routes whose documented security differs from what they do; empty when all agree. */
    static List<String> mismatches(HttpApi api, JsonNode document, String basePath, String key) {
        List<String> mismatches = new ArrayList<>();
        int routes = 0;
        for (Map.Entry<String, JsonNode> path : document.get("paths").properties()) {
            if (!path.getKey().equals(basePath) && !path.getKey().startsWith(basePath + "/")) {
                continue;
            }
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                String method = operation.getKey().toUpperCase(Locale.ROOT);
                if (!List.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(method)) {
                    continue;
                }
                routes++;
                boolean open = false;
                for (JsonNode requirement : operation.getValue().path("security")) {
                    open |= requirement.isObject() && requirement.isEmpty();
                }
                String url = path.getKey().replaceAll("\\{[^}]+}", "1");
                String body = method.equals("GET") || method.equals("DELETE") ? null : "{}";
                Response anonymous = api.send(method, url, body, "application/json");
                if (open == (anonymous.status() == 401)) {
                    mismatches.add(method + " " + url + ": documented " + (open ? "open" : "with credentials")
                            + ", answers " + anonymous.status() + " without a key");
                }
                if (!open && anonymous.status() == 401 && anonymous.header("WWW-Authenticate").isEmpty()) {
                    mismatches.add(method + " " + url + ": 401 without WWW-Authenticate");
                }
                Response signedIn = api.send(method, url, body, "application/json", "X-API-Key", key);
                if (signedIn.status() == 401) {
                    mismatches.add(method + " " + url + ": 401 with a valid key");
                }
            }
        }
        if (routes < 10) {
            mismatches.add("only " + routes + " routes under " + basePath + " in the document");
        }
        return mismatches;
    }
}
