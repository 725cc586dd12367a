package io.sentro.spring.dialect;

import java.sql.SQLException;

import io.sentro.spring.error.ErrorCode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SqlDialectsTests {

    @Test
    void detectsEachSupportedDatabase() {
        assertThat(SqlDialects.forProduct("PostgreSQL", "16.2", "PostgreSQL JDBC Driver")).isInstanceOf(PostgresDialect.class);
        assertThat(SqlDialects.forProduct("MySQL", "8.4.0", "MySQL Connector/J")).isExactlyInstanceOf(MySqlDialect.class);
        SqlDialect mariaDb = SqlDialects.forProduct("MariaDB", "10.11.6-MariaDB", "MariaDB Connector/J");
        assertThat(mariaDb).isInstanceOf(MariaDbDialect.class);
        assertThat(mariaDb.insertReturning()).isEqualTo(ReturningStyle.RETURNING_CLAUSE);
        SqlDialect mariaDbThroughMySqlDriver = SqlDialects.forProduct("MySQL", "5.5.5-10.11.6-MariaDB",
                "MySQL Connector/J");
        assertThat(mariaDbThroughMySqlDriver).isInstanceOf(MariaDbDialect.class);
        assertThat(mariaDbThroughMySqlDriver.insertReturning()).isEqualTo(ReturningStyle.RESELECT);
        assertThat(SqlDialects.forProduct("Microsoft SQL Server", "16.00.4135", "Microsoft JDBC Driver 13.4 for SQL Server"))
                .isInstanceOf(SqlServerDialect.class);
        assertThatThrownBy(() -> SqlDialects.forProduct("H2", "2.2", "H2 JDBC Driver")).hasMessageContaining("H2");
    }

    @Test
    void classifiesConstraintErrorsPerDatabase() {
        assertThat(new PostgresDialect().classify(new SQLException("dup", "23505"))).hasValue(ErrorCode.UNIQUE_VIOLATION);
        assertThat(new PostgresDialect().classify(new SQLException("fk", "23503")))
                .hasValue(ErrorCode.FOREIGN_KEY_VIOLATION);
        assertThat(new PostgresDialect().classify(new SQLException("check", "23514"))).hasValue(ErrorCode.CHECK_VIOLATION);
        // "index row requires 343432 bytes": the client's value is too large for its index, not an outage.
        assertThat(new PostgresDialect().classify(new SQLException("index row", "54000")))
                .hasValue(ErrorCode.INVALID_VALUE);
        assertThat(new PostgresDialect().classify(new SQLException("down", "08006")))
                .hasValue(ErrorCode.DATABASE_UNAVAILABLE);
        assertThat(new PostgresDialect().classify(new SQLException("bug", "42601"))).isEmpty();
        assertThat(new MySqlDialect().classify(new SQLException("dup", "23000", 1062))).hasValue(ErrorCode.UNIQUE_VIOLATION);
        assertThat(new MySqlDialect().classify(new SQLException("fk", "23000", 1452)))
                .hasValue(ErrorCode.FOREIGN_KEY_VIOLATION);
        assertThat(new SqlServerDialect().classify(new SQLException("The INSERT statement conflicted with the FOREIGN KEY "
                + "constraint", "23000", 547))).hasValue(ErrorCode.FOREIGN_KEY_VIOLATION);
        assertThat(new SqlServerDialect().classify(new SQLException("The DELETE statement conflicted with the REFERENCE "
                + "constraint \"FK__posts__author\"", "23000", 547))).hasValue(ErrorCode.FOREIGN_KEY_VIOLATION);
        assertThat(new SqlServerDialect().classify(new SQLException("conflicted with the CHECK constraint", "23000", 547)))
                .hasValue(ErrorCode.CHECK_VIOLATION);
        assertThat(new SqlServerDialect().classify(new SQLException("dup", "23000", 2627)))
                .hasValue(ErrorCode.UNIQUE_VIOLATION);
        SQLException wrapped = new SQLException("batch", "HY000", new SQLException("dup", "23505"));
        assertThat(new PostgresDialect().classify(wrapped)).hasValue(ErrorCode.UNIQUE_VIOLATION);
    }

    @Test
    void bindsUuidsAsTextOnMySqlAndAsUuidsOnPostgres() {
        java.util.UUID uuid = java.util.UUID.fromString("0b6f3c8e-8d2a-4f43-9a3e-2d7f7d0a8c11");
        io.sentro.spring.schema.ColumnType type = io.sentro.spring.schema.ColumnType.of("uuid",
                io.sentro.spring.schema.TypeKind.UUID);
        assertThat(new MariaDbDialect().bindValue(type, uuid)).isEqualTo(uuid.toString());
        assertThat(new PostgresDialect().bindValue(type, uuid)).isSameAs(uuid);
    }

    @Test
    void escapesLikeWildcardsForLiteralSearch() {
        assertThat(new PostgresDialect().escapeLike("50%_!")).isEqualTo("50!%!_!!");
        assertThat(new SqlServerDialect().escapeLike("[a]")).isEqualTo("![a]");
    }

    @Test
    void readsTheViolatedConstraintFromEachDatabasesError() {
        assertThat(new MySqlDialect().violatedConstraint(new SQLException(
                "Duplicate entry 'ada@example.com' for key 'authors.email'", "23000", 1062))).hasValue("email");
        assertThat(new MariaDbDialect().violatedConstraint(new SQLException(
                "Duplicate entry 'ada@example.com' for key 'email'", "23000", 1062))).hasValue("email");
        assertThat(new MySqlDialect().violatedConstraint(new SQLException("Cannot delete or update a parent row: a "
                + "foreign key constraint fails (`db`.`posts`, CONSTRAINT `posts_author_fk` FOREIGN KEY (`author_id`) "
                + "REFERENCES `authors` (`id`))", "23000", 1451))).hasValue("posts_author_fk");
        assertThat(new SqlServerDialect().violatedConstraint(new SQLException("The DELETE statement conflicted with "
                + "the REFERENCE constraint \"posts_author_fk\". The conflict occurred in database \"t\", table "
                + "\"dbo.posts\", column 'author_id'.", "23000", 547))).hasValue("posts_author_fk");
        assertThat(new SqlServerDialect().violatedConstraint(new SQLException("Violation of UNIQUE KEY constraint "
                + "'UQ_authors_email'. Cannot insert duplicate key in object 'dbo.authors'.", "23000", 2627)))
                .hasValue("UQ_authors_email");
        // PostgreSQL's constraint is a field of PgJDBC's exception; a plain SQLException has none.
        assertThat(new PostgresDialect().violatedConstraint(new SQLException("dup", "23505"))).isEmpty();
    }
}
