package io.sentro.spring.autoconfigure;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration of Sentro's generated REST API.
 */
@ConfigurationProperties("sentro")
public class SentroProperties {

    /**
     * Whether to serve the DataSource's tables as a REST API.
     */
    private boolean enabled = true;

    /**
     * Path under which tables are served, e.g. /api/posts.
     */
    private String basePath = "/api";

    /**
     * Schemas to serve (databases on MySQL and MariaDB). When empty, the connection's current schema.
     */
    private List<String> schemas = new ArrayList<>();

    /**
     * Glob patterns ('*' and '?') of tables to serve, matched against 'table' and 'schema.table'. When empty, every
     * table is served.
     */
    private List<String> includeTables = new ArrayList<>();

    /**
     * Glob patterns of tables not to serve, matched against 'table' and 'schema.table'.
     */
    private List<String> excludeTables = new ArrayList<>();

    /**
     * Whether every table is served read-only.
     */
    private boolean readOnly;

    /**
     * Glob patterns of tables served read-only.
     */
    private List<String> readOnlyTables = new ArrayList<>();

    /**
     * Whether to ask the MySQL and MariaDB drivers of a HikariCP pool to cache server-side prepared statements,
     * unless the application configured those driver properties itself.
     */
    private boolean tuneConnectionPool = true;

    private final Page page = new Page();

    private final Types types = new Types();

    public Types getTypes() {
        return types;
    }

    public boolean isTuneConnectionPool() {
        return tuneConnectionPool;
    }

    public void setTuneConnectionPool(boolean tuneConnectionPool) {
        this.tuneConnectionPool = tuneConnectionPool;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public String getBasePath() {
        return basePath;
    }

    public void setBasePath(String basePath) {
        this.basePath = basePath;
    }

    public List<String> getSchemas() {
        return schemas;
    }

    public void setSchemas(List<String> schemas) {
        this.schemas = schemas;
    }

    public List<String> getIncludeTables() {
        return includeTables;
    }

    public void setIncludeTables(List<String> includeTables) {
        this.includeTables = includeTables;
    }

    public List<String> getExcludeTables() {
        return excludeTables;
    }

    public void setExcludeTables(List<String> excludeTables) {
        this.excludeTables = excludeTables;
    }

    public boolean isReadOnly() {
        return readOnly;
    }

    public void setReadOnly(boolean readOnly) {
        this.readOnly = readOnly;
    }

    public List<String> getReadOnlyTables() {
        return readOnlyTables;
    }

    public void setReadOnlyTables(List<String> readOnlyTables) {
        this.readOnlyTables = readOnlyTables;
    }

    public Page getPage() {
        return page;
    }

    /**
     * Paging of list responses.
     */
    public static class Page {

        /**
         * Rows per page when a request gives no 'limit'.
         */
        private int defaultSize = 20;

        /**
         * Largest 'limit' a request may ask for; larger ones are refused with 400.
         */
        private int maxSize = 1000;

        public int getDefaultSize() {
            return defaultSize;
        }

        public void setDefaultSize(int defaultSize) {
            this.defaultSize = defaultSize;
        }

        public int getMaxSize() {
            return maxSize;
        }

        public void setMaxSize(int maxSize) {
            this.maxSize = maxSize;
        }
    }

    /**
     * TypeScript declarations of the served tables (also served at {base-path}/_types.ts).
     */
    public static class Types {

        /**
         * File to write the TypeScript declarations to at start-up, e.g. frontend/src/api-types.ts. Not written
         * when empty.
         */
        private @org.jspecify.annotations.Nullable String output;

        public @org.jspecify.annotations.Nullable String getOutput() {
            return output;
        }

        public void setOutput(@org.jspecify.annotations.Nullable String output) {
            this.output = output;
        }
    }
}
