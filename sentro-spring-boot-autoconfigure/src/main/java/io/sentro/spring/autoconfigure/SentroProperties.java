package io.sentro.spring.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.sentro.spring.query.CountMode;

import org.jspecify.annotations.Nullable;

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

    private final Embed embed = new Embed();

    private final Writes writes = new Writes();

    private final Export export = new Export();

    private final Outage outage = new Outage();

    private final Health health = new Health();

    private final Schema schema = new Schema();

    private final Console console = new Console();

    private final Events events = new Events();

    /**
     * JDBC URLs of read replicas of the database (same credentials and pool settings as the primary's Hikari pool):
     * GET lists, gets, embeds, aggregates and exports read from them in turn; writes, their hooks and every read in
     * a write's transaction go to the primary.
     */
    private List<String> readReplicas = new ArrayList<>();

    /** How long a read replica that refused a connection is left out; its reads go to the others or the primary. */
    private java.time.Duration readReplicaRetryAfter = java.time.Duration.ofSeconds(5);

    /**
     * How long one statement may run before the driver cancels it in the database and the request answers 504
     * (whole seconds, at least one); none by default. Exports, which stream for as long as they take, are not held
     * to it.
     */
    private java.time.@Nullable Duration queryTimeout;

    private final Concurrency concurrency = new Concurrency();

    private final Types types = new Types();

    private final Security security = new Security();

    private final OpenApi openapi = new OpenApi();

    public OpenApi getOpenapi() {
        return openapi;
    }

    public Security getSecurity() {
        return security;
    }

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

    public Embed getEmbed() {
        return embed;
    }

    public List<String> getReadReplicas() {
        return readReplicas;
    }

    public void setReadReplicas(List<String> readReplicas) {
        this.readReplicas = readReplicas;
    }

    public java.time.Duration getReadReplicaRetryAfter() {
        return readReplicaRetryAfter;
    }

    public void setReadReplicaRetryAfter(java.time.Duration readReplicaRetryAfter) {
        this.readReplicaRetryAfter = readReplicaRetryAfter;
    }

    public Health getHealth() {
        return health;
    }

    public Schema getSchema() {
        return schema;
    }

    public Console getConsole() {
        return console;
    }

    public Events getEvents() {
        return events;
    }

    public Outage getOutage() {
        return outage;
    }

    public java.time.@Nullable Duration getQueryTimeout() {
        return queryTimeout;
    }

    public void setQueryTimeout(java.time.@Nullable Duration queryTimeout) {
        this.queryTimeout = queryTimeout;
    }

    public Export getExport() {
        return export;
    }

    public Writes getWrites() {
        return writes;
    }

    public Concurrency getConcurrency() {
        return concurrency;
    }

    /**
     * Change events and the work that follows committed writes.
     */
    public static class Events {

        /**
         * Whether writes make change events (Spring application events published after commit).
         */
        private boolean enabled;

        /**
         * Tables whose writes make change events (glob patterns); empty for every served table.
         */
        private List<String> tables = new ArrayList<>();

        /**
         * Tables whose writes make no change events (glob patterns); wins over tables.
         */
        private List<String> excludeTables = new ArrayList<>();

        private final Committed committed = new Committed();

        private final Outbox outbox = new Outbox();

        private final Rabbit rabbit = new Rabbit();

        private final Sse sse = new Sse();

        public Sse getSse() {
            return sse;
        }

        /**
         * Webhooks the outbox relay posts change events to, signed with their secret.
         */
        private List<Webhook> webhooks = new ArrayList<>();

        public List<Webhook> getWebhooks() {
            return webhooks;
        }

        public void setWebhooks(List<Webhook> webhooks) {
            this.webhooks = webhooks;
        }

        public Outbox getOutbox() {
            return outbox;
        }

        public Rabbit getRabbit() {
            return rabbit;
        }

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public List<String> getTables() {
            return tables;
        }

        public void setTables(List<String> tables) {
            this.tables = tables;
        }

        public List<String> getExcludeTables() {
            return excludeTables;
        }

        public void setExcludeTables(List<String> excludeTables) {
            this.excludeTables = excludeTables;
        }

        public Committed getCommitted() {
            return committed;
        }
    }

    /**
     * Live change events over Server-Sent Events: GET {base}/T/_changes.
     */
    public static class Sse {

        /**
         * How many change streams may be open at once in this instance.
         */
        private int maxSubscribers = 100;

        /**
         * How often an idle stream gets a comment, so that it (and proxies) stay open.
         */
        private java.time.Duration heartbeat = java.time.Duration.ofSeconds(15);

        public int getMaxSubscribers() {
            return maxSubscribers;
        }

        public void setMaxSubscribers(int maxSubscribers) {
            this.maxSubscribers = maxSubscribers;
        }

        public java.time.Duration getHeartbeat() {
            return heartbeat;
        }

        public void setHeartbeat(java.time.Duration heartbeat) {
            this.heartbeat = heartbeat;
        }
    }

    /**
     * One webhook: where change events are posted, which ones, and the secret that signs them.
     */
    public static class Webhook {

        /**
         * The URL events are posted to.
         */
        private @Nullable String url;

        /**
         * Tables whose events it takes (glob patterns on their names in URLs); empty for all.
         */
        private List<String> tables = new ArrayList<>();

        /**
         * Operations whose events it takes: create, update, delete; empty for all.
         */
        private List<String> operations = new ArrayList<>();

        /**
         * The secret of the HMAC-SHA256 signature (Sentro-Signature); unset sends events unsigned.
         */
        private @Nullable String secret;

        /**
         * How long a post may take, connecting and answering, before it counts as failed.
         */
        private java.time.Duration timeout = java.time.Duration.ofSeconds(5);

        public @Nullable String getUrl() {
            return url;
        }

        public void setUrl(@Nullable String url) {
            this.url = url;
        }

        public List<String> getTables() {
            return tables;
        }

        public void setTables(List<String> tables) {
            this.tables = tables;
        }

        public List<String> getOperations() {
            return operations;
        }

        public void setOperations(List<String> operations) {
            this.operations = operations;
        }

        public @Nullable String getSecret() {
            return secret;
        }

        public void setSecret(@Nullable String secret) {
            this.secret = secret;
        }

        public java.time.Duration getTimeout() {
            return timeout;
        }

        public void setTimeout(java.time.Duration timeout) {
            this.timeout = timeout;
        }
    }

    /**
     * Delivery of the outbox's change events to RabbitMQ.
     */
    public static class Rabbit {

        /**
         * Whether the outbox relay publishes change events to RabbitMQ (needs spring-boot-starter-amqp).
         */
        private boolean enabled;

        /**
         * The topic exchange events go to, declared durable; routing keys are table.operation (posts.create).
         */
        private String exchange = "sentro.changes";

        /**
         * How long a publish waits for the broker's confirm, with spring.rabbitmq.publisher-confirm-type=simple.
         */
        private java.time.Duration confirmTimeout = java.time.Duration.ofSeconds(5);

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public String getExchange() {
            return exchange;
        }

        public void setExchange(String exchange) {
            this.exchange = exchange;
        }

        public java.time.Duration getConfirmTimeout() {
            return confirmTimeout;
        }

        public void setConfirmTimeout(java.time.Duration confirmTimeout) {
            this.confirmTimeout = confirmTimeout;
        }
    }

    /**
     * The transactional outbox: change events written in their write's transaction and relayed at least once.
     */
    public static class Outbox {

        /**
         * Whether change events are also written to the outbox table and relayed to ChangeEventTarget beans.
         */
        private boolean enabled;

        /**
         * The outbox table, created at start-up when missing; never served.
         */
        private String table = "sentro_outbox";

        /**
         * Whether this instance runs a relay (several instances may; they never deliver an event twice at once).
         */
        private boolean relay = true;

        /**
         * How long the relay waits when it found nothing to deliver.
         */
        private java.time.Duration pollInterval = java.time.Duration.ofMillis(500);

        /**
         * How many events the relay claims at a time.
         */
        private int batchSize = 100;

        /**
         * Failed deliveries after which an event is dead (kept, counted in health, not delivered).
         */
        private int maxAttempts = 10;

        /**
         * The wait after a first failed delivery, doubled after each next one (at most five minutes).
         */
        private java.time.Duration backoff = java.time.Duration.ofSeconds(1);

        /**
         * How long delivered events are kept before they are purged.
         */
        private java.time.Duration retention = java.time.Duration.ofDays(7);

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public String getTable() {
            return table;
        }

        public void setTable(String table) {
            this.table = table;
        }

        public boolean isRelay() {
            return relay;
        }

        public void setRelay(boolean relay) {
            this.relay = relay;
        }

        public java.time.Duration getPollInterval() {
            return pollInterval;
        }

        public void setPollInterval(java.time.Duration pollInterval) {
            this.pollInterval = pollInterval;
        }

        public int getBatchSize() {
            return batchSize;
        }

        public void setBatchSize(int batchSize) {
            this.batchSize = batchSize;
        }

        public int getMaxAttempts() {
            return maxAttempts;
        }

        public void setMaxAttempts(int maxAttempts) {
            this.maxAttempts = maxAttempts;
        }

        public java.time.Duration getBackoff() {
            return backoff;
        }

        public void setBackoff(java.time.Duration backoff) {
            this.backoff = backoff;
        }

        public java.time.Duration getRetention() {
            return retention;
        }

        public void setRetention(java.time.Duration retention) {
            this.retention = retention;
        }
    }

    /**
     * Committed hooks (ModelCustomizer.onCommitted): how often a failing one runs, and how long it waits between runs.
     */
    public static class Committed {

        /**
         * How many times a failing committed hook runs in all before it is logged at ERROR and given up.
         */
        private int maxAttempts = 3;

        /**
         * The wait before a failed committed hook's second run, doubled before each next one.
         */
        private java.time.Duration delay = java.time.Duration.ofSeconds(1);

        public int getMaxAttempts() {
            return maxAttempts;
        }

        public void setMaxAttempts(int maxAttempts) {
            this.maxAttempts = maxAttempts;
        }

        public java.time.Duration getDelay() {
            return delay;
        }

        public void setDelay(java.time.Duration delay) {
            this.delay = delay;
        }
    }

    /**
     * The data console: a browser UI over the API for the people who manage the data.
     */
    public static class Console {

        /**
         * Whether to serve the data console.
         */
        private boolean enabled;

        /**
         * Where the console is served; it must not be under the base path.
         */
        private String path = "/sentro";

        /**
         * Text the console's sign-in page shows, saying where a credential comes from (unset: where Sentro's
         * generated key is when it generated one, else how keys are configured). Shown as plain text.
         */
        private @Nullable String signInHint;

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public String getPath() {
            return path;
        }

        public void setPath(String path) {
            this.path = path;
        }

        public @Nullable String getSignInHint() {
            return signInHint;
        }

        public void setSignInHint(@Nullable String signInHint) {
            this.signInHint = signInHint;
        }
    }

    /**
     * Schema reloads without a restart: on a PostgreSQL NOTIFY, on a schedule, or by the sentro actuator endpoint.
     */
    public static class Schema {

        /**
         * Whether to reload the schema when the database notifies the channel (PostgreSQL: NOTIFY sentro, 'reload').
         */
        private boolean reloadOnNotify;

        /**
         * The channel to listen on, a lower-case identifier.
         */
        private String notifyChannel = "sentro";

        /**
         * How long the channel must be quiet before a reload, so that a burst of notifications makes one reload.
         */
        private java.time.Duration reloadDebounce = java.time.Duration.ofMillis(500);

        /**
         * Reload every this often (unset: never on a schedule). A schema found unchanged swaps nothing.
         */
        private java.time.@Nullable Duration reloadInterval;

        public boolean isReloadOnNotify() {
            return reloadOnNotify;
        }

        public void setReloadOnNotify(boolean reloadOnNotify) {
            this.reloadOnNotify = reloadOnNotify;
        }

        public String getNotifyChannel() {
            return notifyChannel;
        }

        public void setNotifyChannel(String notifyChannel) {
            this.notifyChannel = notifyChannel;
        }

        public java.time.Duration getReloadDebounce() {
            return reloadDebounce;
        }

        public void setReloadDebounce(java.time.Duration reloadDebounce) {
            this.reloadDebounce = reloadDebounce;
        }

        public java.time.@Nullable Duration getReloadInterval() {
            return reloadInterval;
        }

        public void setReloadInterval(java.time.@Nullable Duration reloadInterval) {
            this.reloadInterval = reloadInterval;
        }
    }

    /**
     * Optimistic concurrency: ETag, If-Match and If-None-Match on the rows of tables with a primary key.
     */
    public static class Concurrency {

        /**
         * The name of an integer column that versions rows: in every table that has it, Sentro increments it on every
         * update, clients may not write it, and a row's ETag is its value. Tables without it are tagged by a hash of
         * their stored values.
         */
        private @Nullable String versionColumn;

        /**
         * Whether PATCH, PUT and DELETE of one row must carry If-Match; without it they are refused with 428.
         */
        private boolean requireIfMatch;

        public @Nullable String getVersionColumn() {
            return versionColumn;
        }

        public void setVersionColumn(@Nullable String versionColumn) {
            this.versionColumn = versionColumn;
        }

        public boolean isRequireIfMatch() {
            return requireIfMatch;
        }

        public void setRequireIfMatch(boolean requireIfMatch) {
            this.requireIfMatch = requireIfMatch;
        }
    }

    /**
     * Writes: bulk PATCH and DELETE by filter, and their limits.
     */
    /** The sentro health contributor (with Spring Boot's health support). */
    public static class Health {

        /** How long the health check waits for a connection from the pool and its validation before it says DOWN. */
        private java.time.Duration timeout = java.time.Duration.ofSeconds(2);

        public java.time.Duration getTimeout() {
            return timeout;
        }

        public void setTimeout(java.time.Duration timeout) {
            this.timeout = timeout;
        }
    }

    /** Database outages: the database unreachable, or the pool exhausted past its connection timeout. */
    public static class Outage {

        /** What 503 answers during an outage tell clients to wait, in the Retry-After header (whole seconds). */
        private java.time.Duration retryAfter = java.time.Duration.ofSeconds(5);

        /**
         * How often a lasting outage is logged again at WARN; the first failure is logged once at WARN, the others at
         * DEBUG, and the recovery at INFO.
         */
        private java.time.Duration logInterval = java.time.Duration.ofMinutes(1);

        public java.time.Duration getRetryAfter() {
            return retryAfter;
        }

        public void setRetryAfter(java.time.Duration retryAfter) {
            this.retryAfter = retryAfter;
        }

        public java.time.Duration getLogInterval() {
            return logInterval;
        }

        public void setLogInterval(java.time.Duration logInterval) {
            this.logInterval = logInterval;
        }
    }

    /** Exports: a list read with Accept: application/x-ndjson or text/csv (or format=ndjson|csv), streamed. */
    public static class Export {

        /**
         * The most rows one export may stream; 0 for no limit. An export that selects more is refused with 400 when
         * that shows in its first batch of 500 rows, before anything is sent, and cut off otherwise (the connection
         * is closed without the body's last chunk, so that the client sees an incomplete answer).
         */
        private long maxRows;

        public long getMaxRows() {
            return maxRows;
        }

        public void setMaxRows(long maxRows) {
            this.maxRows = maxRows;
        }
    }

    public static class Writes {

        /**
         * The most rows one bulk PATCH or DELETE may change; a request that would change more is refused with 400
         * and changes nothing. A request may ask for a lower limit with 'Prefer: max-affected=N', not a higher one.
         */
        private long maxAffected = 1000;

        /**
         * The largest request body a write may send; a larger one is refused with 413 before it is read.
         */
        private org.springframework.util.unit.DataSize maxBodySize = org.springframework.util.unit.DataSize
                .ofMegabytes(10);

        /**
         * The most rows one write request may carry in an array body (POST, upsert, PATCH by key), counting every
         * related row of a nested insert; more are refused with 413 and nothing is written.
         */
        private int maxRows = 1000;

        /**
         * Whether a decimal with more places than its column keeps (1.234 for numeric(10,2)) is rounded (half up) to
         * them; by default it is refused with 400 naming the field, since the databases would round it silently.
         */
        private boolean roundDecimals;

        public boolean isRoundDecimals() {
            return roundDecimals;
        }

        public void setRoundDecimals(boolean roundDecimals) {
            this.roundDecimals = roundDecimals;
        }

        public org.springframework.util.unit.DataSize getMaxBodySize() {
            return maxBodySize;
        }

        public void setMaxBodySize(org.springframework.util.unit.DataSize maxBodySize) {
            this.maxBodySize = maxBodySize;
        }

        public int getMaxRows() {
            return maxRows;
        }

        public void setMaxRows(int maxRows) {
            this.maxRows = maxRows;
        }

        public long getMaxAffected() {
            return maxAffected;
        }

        public void setMaxAffected(long maxAffected) {
            this.maxAffected = maxAffected;
        }
    }

    /**
     * Related rows embedded in responses (embed=...).
     */
    public static class Embed {

        /**
         * How many relations deep 'embed' may nest (embed=comments.author.posts is 3), and filters on related
         * rows may reach (where.posts.labels.name.eq is 2), and how deep a nested insert may carry related rows.
         * Deeper requests are refused with 400.
         */
        private int maxDepth = 3;

        public int getMaxDepth() {
            return maxDepth;
        }

        public void setMaxDepth(int maxDepth) {
            this.maxDepth = maxDepth;
        }
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

        /**
         * How lists count their total when a request gives no 'count': 'estimated' (exact for small results, the
         * database's estimate for large ones, flagged with totalIsEstimate), 'exact' (SELECT COUNT(*) on every
         * page) or 'none'.
         */
        private CountMode count = CountMode.ESTIMATED;

        /**
         * With count=estimated: below this many rows, as the database estimates them, the total is counted
         * exactly; at or above it, the estimate is the total.
         */
        private long exactCountThreshold = 10_000;

        /**
         * With count=estimated: how long the database's estimate for a condition is reused before it is asked
         * again. 0 asks on every page.
         */
        private Duration estimateMaxAge = Duration.ofSeconds(10);

        /**
         * The secret that seals page cursors ('next', 'after'). Instances behind one load balancer need the same
         * one, and it keeps cursors valid across restarts; without it each start makes a random one.
         */
        private @Nullable String cursorSecret;

        public @Nullable String getCursorSecret() {
            return cursorSecret;
        }

        public void setCursorSecret(@Nullable String cursorSecret) {
            this.cursorSecret = cursorSecret;
        }

        public Duration getEstimateMaxAge() {
            return estimateMaxAge;
        }

        public void setEstimateMaxAge(Duration estimateMaxAge) {
            this.estimateMaxAge = estimateMaxAge;
        }

        public CountMode getCount() {
            return count;
        }

        public void setCount(CountMode count) {
            this.count = count;
        }

        public long getExactCountThreshold() {
            return exactCountThreshold;
        }

        public void setExactCountThreshold(long exactCountThreshold) {
            this.exactCountThreshold = exactCountThreshold;
        }

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
        private @Nullable String output;

        public @Nullable String getOutput() {
            return output;
        }

        public void setOutput(@Nullable String output) {
            this.output = output;
        }
    }

    /**
     * Access control of the API: credentials and rules.
     */
    public static class Security {

        private final Access access = new Access();

        /**
         * API keys accepted in the X-API-Key header. When none is set, no JWT decoder is configured and the default
         * rule is 'authenticated', a random key is generated at start-up and logged.
         */
        private List<ApiKey> apiKeys = new ArrayList<>();

        private final Jwt jwt = new Jwt();

        public Access getAccess() {
            return access;
        }

        public List<ApiKey> getApiKeys() {
            return apiKeys;
        }

        public void setApiKeys(List<ApiKey> apiKeys) {
            this.apiKeys = apiKeys;
        }

        public Jwt getJwt() {
            return jwt;
        }
    }

    /**
     * Who may do what: a default rule, and rules per table. A rule is 'permit-all', 'authenticated', 'deny-all', or a
     * comma-separated list of roles (EDITOR,ADMIN: authorities ROLE_EDITOR, ROLE_ADMIN).
     */
    public static class Access {

        private String defaultRule = "authenticated";

        private final OperationDefaults defaults = new OperationDefaults();

        /**
         * Who may read the sentro actuator endpoint and reload the schema through it: a comma-separated list of roles
         * (held by an API key or a JWT's roles claim), authenticated, permit-all or deny-all.
         */
        private String admin = "ADMIN";

        /**
         * Rules per table, by the table's name in URLs.
         */
        private Map<String, TableAccess> tables = new LinkedHashMap<>();

        public String getAdmin() {
            return admin;
        }

        public void setAdmin(String admin) {
            this.admin = admin;
        }

        /**
         * Rule for every table and operation without a rule of its own, nor one in 'defaults': permit-all,
         * authenticated or deny-all.
         */
        public String getDefault() {
            return defaultRule;
        }

        public void setDefault(String defaultRule) {
            this.defaultRule = defaultRule;
        }

        /** Rules per operation for every table without a rule of its own; each falls back to 'default'. */
        public OperationDefaults getDefaults() {
            return defaults;
        }

        public Map<String, TableAccess> getTables() {
            return tables;
        }

        public void setTables(Map<String, TableAccess> tables) {
            this.tables = tables;
        }
    }

    /**
     * Rules per operation: in 'sentro.security.access.defaults', for every table without a rule of its own ("everyone
     * signed in reads, only editors write"); in 'sentro.security.access.tables.<table>', for that table. Each is
     * 'permit-all', 'authenticated', 'deny-all' or a comma-separated list of roles; unset, the next rule in line
     * applies: the table's customizer, then the operation's default, then 'sentro.security.access.default'.
     */
    public static class OperationDefaults {

        /**
         * Rule for reading rows (list, get, count, search).
         */
        private @Nullable String read;

        /**
         * Rule for creating rows.
         */
        private @Nullable String create;

        /**
         * Rule for updating rows (PATCH and PUT); actions without a rule of their own follow it.
         */
        private @Nullable String update;

        /**
         * Rule for deleting rows.
         */
        private @Nullable String delete;

        public @Nullable String getRead() {
            return read;
        }

        public void setRead(@Nullable String read) {
            this.read = read;
        }

        public @Nullable String getCreate() {
            return create;
        }

        public void setCreate(@Nullable String create) {
            this.create = create;
        }

        public @Nullable String getUpdate() {
            return update;
        }

        public void setUpdate(@Nullable String update) {
            this.update = update;
        }

        public @Nullable String getDelete() {
            return delete;
        }

        public void setDelete(@Nullable String delete) {
            this.delete = delete;
        }
    }

    /**
     * Access rules of one table.
     */
    public static class TableAccess extends OperationDefaults {

        /**
         * Rules per action id. An action without one follows the table's 'update' rule.
         */
        private Map<String, String> actions = new LinkedHashMap<>();

        /**
         * Columns never returned, filtered, sorted, searched or written by callers.
         */
        private List<String> hiddenColumns = new ArrayList<>();

        /**
         * Row scope: column name to the caller's attribute (an API key attribute or a JWT claim) it must equal. A
         * caller sees and touches only those rows; one without the attribute sees none.
         */
        private Map<String, String> rowScope = new LinkedHashMap<>();

        public Map<String, String> getRowScope() {
            return rowScope;
        }

        public void setRowScope(Map<String, String> rowScope) {
            this.rowScope = rowScope;
        }

        public Map<String, String> getActions() {
            return actions;
        }

        public void setActions(Map<String, String> actions) {
            this.actions = actions;
        }

        public List<String> getHiddenColumns() {
            return hiddenColumns;
        }

        public void setHiddenColumns(List<String> hiddenColumns) {
            this.hiddenColumns = hiddenColumns;
        }
    }

    /**
     * One API key.
     */
    public static class ApiKey {

        /**
         * Name of the key's holder, the principal name hooks and logs see.
         */
        private String name = "api-key";

        /**
         * The key: plain text, or hashed in Spring Security's '{id}' form such as '{bcrypt}$2a$10$...'.
         */
        private @Nullable String key;

        /**
         * Roles of the key's holder, e.g. EDITOR (the authority ROLE_EDITOR).
         */
        private List<String> roles = new ArrayList<>();

        /**
         * Attributes of the key's holder, e.g. organization=acme.
         */
        private Map<String, String> attributes = new LinkedHashMap<>();

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public @Nullable String getKey() {
            return key;
        }

        public void setKey(@Nullable String key) {
            this.key = key;
        }

        public List<String> getRoles() {
            return roles;
        }

        public void setRoles(List<String> roles) {
            this.roles = roles;
        }

        public Map<String, String> getAttributes() {
            return attributes;
        }

        public void setAttributes(Map<String, String> attributes) {
            this.attributes = attributes;
        }
    }

    /**
     * Bearer JWTs, accepted when Spring Boot's OAuth2 resource server is configured
     * (spring.security.oauth2.resourceserver.jwt.*).
     */
    public static class Jwt {

        /**
         * Claim holding the caller's roles, a list or a space-separated string; each becomes ROLE_<name>.
         */
        private String rolesClaim = "roles";

        public String getRolesClaim() {
            return rolesClaim;
        }

        public void setRolesClaim(String rolesClaim) {
            this.rolesClaim = rolesClaim;
        }
    }

    /**
     * The OpenAPI document's info.
     */
    public static class OpenApi {

        /**
         * Title of the OpenAPI document. Defaults to spring.application.name.
         */
        private @Nullable String title;

        /**
         * Version of the OpenAPI document. Defaults to the build version (META-INF/build-info.properties).
         */
        private @Nullable String version;

        /**
         * Description of the OpenAPI document.
         */
        private @Nullable String description;

        public @Nullable String getTitle() {
            return title;
        }

        public void setTitle(@Nullable String title) {
            this.title = title;
        }

        public @Nullable String getVersion() {
            return version;
        }

        public void setVersion(@Nullable String version) {
            this.version = version;
        }

        public @Nullable String getDescription() {
            return description;
        }

        public void setDescription(@Nullable String description) {
            this.description = description;
        }
    }
}
