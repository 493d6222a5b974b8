package cn.shapotou.litigation.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** H2's online backup as README「备份与恢复」 describes it: made while in use, restored by unzipping into data/. */
class DatabaseBackupTest {

    private static JdbcDataSource h2(Path data) {
        JdbcDataSource source = new JdbcDataSource();
        source.setURL("jdbc:h2:file:" + data.resolve("engine").toAbsolutePath() + ";WRITE_DELAY=0");
        source.setUser("sa");
        source.setPassword("");
        return source;
    }

    private static DatabaseBackup backup(JdbcDataSource source, Path dir, int keep) {
        return new DatabaseBackup(source, null, "0 30 2 * * *", dir.toString(), keep);
    }

    @Test
    void aBackupMadeWhileInUseHoldsWhatWasCommittedAndOpensAsTheDatabaseAgain(@TempDir Path dir) throws Exception {
        JdbcDataSource source = h2(dir.resolve("data"));
        byte[] scan = new byte[2 * 1024 * 1024];
        new Random(7).nextBytes(scan);
        try (Connection open = source.getConnection(); Connection busy = source.getConnection()) {
            open.createStatement().execute("CREATE TABLE paper (id INT PRIMARY KEY, data VARBINARY)");
            try (PreparedStatement insert = open.prepareStatement("INSERT INTO paper VALUES (1, ?)")) {
                insert.setBytes(1, scan);
                insert.executeUpdate();
            }
            // Work in progress at the moment of the backup is not in it; what was committed is.
            busy.setAutoCommit(false);
            busy.createStatement().execute("INSERT INTO paper VALUES (2, X'00')");

            DatabaseBackup backup = backup(source, dir.resolve("data/backups"), 7);
            assertThat(backup.supported()).isTrue();
            DatabaseBackup.Made made = backup.backupNow();
            busy.rollback();

            assertThat(made.fileName()).matches("engine-\\d{8}-\\d{6}\\.zip");
            Path zip = dir.resolve("data/backups").resolve(made.fileName());
            assertThat(made.size()).isEqualTo(Files.size(zip)).isGreaterThan(scan.length / 2);
            try (var files = Files.list(dir.resolve("data/backups"))) {
                assertThat(files.map(f -> f.getFileName().toString())).containsExactly(made.fileName());
            }
            assertThat(backup.list()).extracting(DatabaseBackup.Kept::fileName).containsExactly(made.fileName());

            Path restored = dir.resolve("fresh/data");
            assertThat(unzip(zip, restored)).containsExactly("engine.mv.db");
            try (Connection again = h2(restored).getConnection();
                 ResultSet rows = again.createStatement().executeQuery("SELECT id, data FROM paper ORDER BY id")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getInt(1)).isEqualTo(1);
                assertThat(rows.getBytes(2)).isEqualTo(scan);
                assertThat(rows.next()).as("the uncommitted row").isFalse();
            }
        }
    }

    @Test
    void keepsTheNewestAndRemovesIncompleteOnesButNoOtherFiles(@TempDir Path dir) throws Exception {
        JdbcDataSource source = h2(dir.resolve("data"));
        Path backups = dir.resolve("data/backups");
        Files.createDirectories(backups);
        Files.writeString(backups.resolve("engine-20200101-000000.zip.part"), "interrupted");
        Files.writeString(backups.resolve("notes.txt"), "the operator's own");
        try (Connection open = source.getConnection()) {
            open.createStatement().execute("CREATE TABLE t (id INT)");
            DatabaseBackup backup = backup(source, backups, 2);
            List<String> made = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                made.add(backup.backupNow().fileName());
            }
            assertThat(made).doesNotHaveDuplicates();
            assertThat(backup.list()).extracting(DatabaseBackup.Kept::fileName)
                    .containsExactly(made.get(3), made.get(2));
            try (var files = Files.list(backups)) {
                assertThat(files.map(f -> f.getFileName().toString()))
                        .containsExactlyInAnyOrder(made.get(3), made.get(2), "notes.txt");
            }
        }
    }

    @Test
    void anInMemoryDatabaseIsNotBackedUpAndSaysSoInChinese(@TempDir Path dir) throws Exception {
        JdbcDataSource source = new JdbcDataSource();
        source.setURL("jdbc:h2:mem:backup-test;DB_CLOSE_DELAY=-1");
        source.setUser("sa");
        DatabaseBackup backup = new DatabaseBackup(source, null, "0 30 2 * * *", dir.toString(), 7);
        assertThat(backup.supported()).isFalse();
        backup.start();
        assertThat(backup.scheduled()).isFalse();
        assertThatThrownBy(backup::backupNow).isInstanceOf(DatabaseBackup.BackupException.class)
                .hasMessageContaining("pg_dump");
        assertThat(backup.list()).isEmpty();
    }

    @Test
    void aFileDatabaseIsBackedUpOnScheduleUnlessSwitchedOff(@TempDir Path dir) throws Exception {
        JdbcDataSource source = h2(dir.resolve("data"));
        try (Connection open = source.getConnection()) {
            // Every second, so that the schedule is seen to run; its backups are kept like any other.
            DatabaseBackup on = new DatabaseBackup(source, null, "* * * * * *", dir.resolve("b").toString(), 2);
            on.start();
            assertThat(on.scheduled()).isTrue();
            long end = System.nanoTime() + 20_000_000_000L;
            while (on.list().size() < 2 && System.nanoTime() < end) {
                Thread.sleep(100);
            }
            on.stop();
            assertThat(on.scheduled()).isFalse();
            assertThat(on.list()).hasSize(2);
            DatabaseBackup off = new DatabaseBackup(source, false, "0 30 2 * * *", dir.resolve("b").toString(), 7);
            off.start();
            assertThat(off.scheduled()).isFalse();
            assertThat(off.supported()).isTrue();
        }
    }

    @Test
    void aMistypedScheduleOrKeepStopsTheStart(@TempDir Path dir) {
        JdbcDataSource source = h2(dir.resolve("data"));
        assertThatThrownBy(() -> new DatabaseBackup(source, null, "30 2 * * *", dir.toString(), 7))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> backup(source, dir, 0)).isInstanceOf(IllegalStateException.class);
    }

    private static List<String> unzip(Path zip, Path into) throws Exception {
        Files.createDirectories(into);
        List<String> names = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                names.add(entry.getName());
                Files.copy((InputStream) in, into.resolve(entry.getName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return names;
    }
}
