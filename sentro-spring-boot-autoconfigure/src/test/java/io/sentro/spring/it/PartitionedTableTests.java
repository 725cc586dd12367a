package io.sentro.spring.it;

import java.util.ArrayList;
import java.util.List;

import io.sentro.spring.it.FixtureDatabases.Dialect;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import org.springframework.jdbc.core.JdbcTemplate;

import static io.sentro.spring.it.ApiScenarios.assertProblem;
import static io.sentro.spring.it.ApiScenarios.names;
import static io.sentro.spring.it.ApiScenarios.ok;
import static io.sentro.spring.it.ApiScenarios.table;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Partitioned tables on PostgreSQL, in a schema of their own (so the shared fixture, and the fingerprints of the
 * other suites, are untouched): a foreign key that every partition holds is the partitioned table's relation (pagila's
 * {@code payment}), one that only some partitions hold is none, one declared on the parent is listed once, and a
 * table referencing a partitioned table has one foreign key, not one per partition. Partitions are not served.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(OnDatabase.Condition.class)
@OnDatabase(Dialect.POSTGRES)
class PartitionedTableTests {

    private static final String SCHEMA = "sentro_partitioned";

    private JdbcTemplate jdbc;
    private RunningApp app;
    private HttpApi api;

    @BeforeAll
    void start() {
        FixtureDatabase database = FixtureDatabases.of(Dialect.POSTGRES);
        jdbc = new JdbcTemplate(database.dataSource());
        jdbc.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
        jdbc.execute("CREATE SCHEMA " + SCHEMA);
        for (String statement : List.of(
                "CREATE TABLE customers (id INT PRIMARY KEY, name TEXT NOT NULL)",
                // pagila's payment: the key to customers is declared on each partition, never on the parent.
                "CREATE TABLE payments (id INT NOT NULL, customer_id INT NOT NULL, paid_on DATE NOT NULL, "
                        + "amount NUMERIC(6, 2) NOT NULL, PRIMARY KEY (id, paid_on)) PARTITION BY RANGE (paid_on)",
                "CREATE TABLE payments_2024 PARTITION OF payments (FOREIGN KEY (customer_id) REFERENCES customers (id)) "
                        + "FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')",
                // Made apart and attached: a dropped column gives it other attribute numbers than its parent's.
                "CREATE TABLE payments_2025 (gone INT, id INT NOT NULL, customer_id INT NOT NULL, "
                        + "paid_on DATE NOT NULL, amount NUMERIC(6, 2) NOT NULL)",
                "ALTER TABLE payments_2025 DROP COLUMN gone",
                "ALTER TABLE payments ATTACH PARTITION payments_2025 FOR VALUES FROM ('2025-01-01') TO ('2026-01-01')",
                "ALTER TABLE payments_2025 ADD CONSTRAINT payments_2025_customer FOREIGN KEY (customer_id) "
                        + "REFERENCES customers (id)",
                // Sub-partitioned: the key declared on the partition reaches its one leaf as a clone.
                "CREATE TABLE payments_2026 PARTITION OF payments (FOREIGN KEY (customer_id) REFERENCES customers (id)) "
                        + "FOR VALUES FROM ('2026-01-01') TO ('2027-01-01') PARTITION BY RANGE (paid_on)",
                "CREATE TABLE payments_2026_h1 PARTITION OF payments_2026 "
                        + "FOR VALUES FROM ('2026-01-01') TO ('2026-07-01')",
                // Only one of two partitions holds the key: rows of the other may name no customer.
                "CREATE TABLE refunds (id INT NOT NULL, customer_id INT NOT NULL, refunded_on DATE NOT NULL) "
                        + "PARTITION BY RANGE (refunded_on)",
                "CREATE TABLE refunds_2024 PARTITION OF refunds (FOREIGN KEY (customer_id) REFERENCES customers (id)) "
                        + "FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')",
                "CREATE TABLE refunds_2025 PARTITION OF refunds FOR VALUES FROM ('2025-01-01') TO ('2026-01-01')",
                // Declared on the parent (PostgreSQL 12+): cloned onto each partition, listed once.
                "CREATE TABLE orders (id INT NOT NULL, customer_id INT NOT NULL REFERENCES customers (id), "
                        + "ordered_on DATE NOT NULL) PARTITION BY RANGE (ordered_on)",
                "CREATE TABLE orders_2024 PARTITION OF orders FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')",
                "CREATE TABLE orders_2025 PARTITION OF orders FOR VALUES FROM ('2025-01-01') TO ('2026-01-01')",
                // A plain table referencing the partitioned one: PostgreSQL keeps a clone per referenced partition.
                "CREATE TABLE payment_notes (id INT PRIMARY KEY, payment_id INT NOT NULL, paid_on DATE NOT NULL, "
                        + "note TEXT NOT NULL, FOREIGN KEY (payment_id, paid_on) REFERENCES payments (id, paid_on))",
                "INSERT INTO customers VALUES (1, 'Ada'), (2, 'Grace')",
                "INSERT INTO payments VALUES (1, 1, '2024-03-01', 5.00), (2, 2, '2025-03-01', 7.50), "
                        + "(3, 1, '2026-03-01', 9.99)",
                "INSERT INTO refunds VALUES (1, 1, '2024-04-01'), (2, 99, '2025-04-01')",
                "INSERT INTO orders VALUES (1, 2, '2024-05-01'), (2, 1, '2025-05-01')",
                "INSERT INTO payment_notes VALUES (1, 2, '2025-03-01', 'late')")) {
            jdbc.execute("SET search_path TO " + SCHEMA + "; " + statement);
        }
        app = RunningApp.start(PlainApplication.class, database, "sentro.security.access.default=permit-all",
                "sentro.schemas=" + SCHEMA);
        api = app.api();
    }

    @AfterAll
    void stop() {
        if (app != null) {
            app.close();
        }
        if (jdbc != null) {
            jdbc.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
        }
    }

    @Test
    void aKeyOnEveryPartitionIsThePartitionedTablesRelation() {
        JsonNode payments = table(ok(api.get("/api/_schema")), "payments");
        JsonNode keys = payments.get("foreignKeys");
        assertThat(keys.size()).as(keys.toString()).isEqualTo(1);
        assertThat(names(keys.get(0).get("columns"), null)).containsExactly("customer_id");
        assertThat(keys.get(0).get("references").asString()).isEqualTo("customers");
        assertThat(names(keys.get(0).get("referencedColumns"), null)).containsExactly("id");
        // The smallest of the partitions' constraint names.
        assertThat(keys.get(0).get("name").asString()).isEqualTo("payments_2024_customer_id_fkey");
        // Its own many-to-one, and the one-to-many of payment_notes' key to it.
        assertThat(names(payments.get("relations"), "name")).containsExactly("customer", "payment_notes");
        JsonNode relation = payments.get("relations").get(0);
        assertThat(relation.get("kind").asString()).isEqualTo("many-to-one");
        assertThat(relation.get("table").asString()).isEqualTo("customers");

        JsonNode rows = ok(api.get("/api/payments?embed=customer&sort=id")).get("rows");
        assertThat(names(rows, "id")).containsExactly("1", "2", "3");
        assertThat(embedded(rows, "customer", "name")).containsExactly("Ada", "Grace", "Ada");

        // And the other way: one-to-many from the referenced table.
        JsonNode customers = ok(api.get("/api/customers?embed=payments&sort=id&payments.sort=id")).get("rows");
        assertThat(names(customers.get(0).get("payments"), "id")).containsExactly("1", "3");
        assertThat(names(customers.get(1).get("payments"), "id")).containsExactly("2");
    }

    @Test
    void aKeyOnSomePartitionsOnlyIsNoRelation() {
        JsonNode refunds = table(ok(api.get("/api/_schema")), "refunds");
        assertThat(refunds.get("foreignKeys").size()).as(refunds.toString()).isZero();
        assertThat(refunds.get("relations").size()).as(refunds.toString()).isZero();
        assertProblem(api.get("/api/refunds?embed=customer"), 400, "customer");
        assertThat(api.get("/api/refunds?embed=customer").json().get("parameter").asString()).isEqualTo("embed");
        assertThat(names(ok(api.get("/api/refunds?sort=id")).get("rows"), "customer_id")).containsExactly("1", "99");
    }

    @Test
    void aKeyDeclaredOnTheParentIsListedOnce() {
        JsonNode orders = table(ok(api.get("/api/_schema")), "orders");
        JsonNode keys = orders.get("foreignKeys");
        assertThat(keys.size()).as(keys.toString()).isEqualTo(1);
        assertThat(keys.get(0).get("name").asString()).isEqualTo("orders_customer_id_fkey");
        assertThat(names(orders.get("relations"), "name")).containsExactly("customer");
        JsonNode rows = ok(api.get("/api/orders?embed=customer&sort=id")).get("rows");
        assertThat(embedded(rows, "customer", "name")).containsExactly("Grace", "Ada");
    }

    @Test
    void aTableReferencingAPartitionedTableHasOneKey() {
        JsonNode notes = table(ok(api.get("/api/_schema")), "payment_notes");
        JsonNode keys = notes.get("foreignKeys");
        assertThat(keys.size()).as(keys.toString()).isEqualTo(1);
        assertThat(keys.get(0).get("references").asString()).isEqualTo("payments");
        // Named after the referenced table: the key has two columns.
        JsonNode rows = ok(api.get("/api/payment_notes?embed=payments")).get("rows");
        assertThat(embedded(rows, "payments", "id")).containsExactly("2");
    }

    @Test
    void partitionsAreNotServed() {
        JsonNode schema = ok(api.get("/api/_schema"));
        assertThat(names(schema.get("tables"), "name")).containsExactlyInAnyOrder("customers", "payments", "refunds",
                "orders", "payment_notes");
        assertThat(api.get("/api/payments_2024").status()).isEqualTo(404);
    }

    /** The {@code field} of each row's embedded {@code relation}, as text. */
    private static List<String> embedded(JsonNode rows, String relation, String field) {
        List<String> values = new ArrayList<>();
        rows.values().forEach(row -> values.add(row.get(relation).get(field).asString()));
        return values;
    }
}
