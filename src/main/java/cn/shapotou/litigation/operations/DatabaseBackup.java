package cn.shapotou.litigation.operations;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.store.fs.FileUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.stereotype.Component;

/**
 * Backups of the embedded H2 database of the default configuration (README「备份与恢复」). The case files are stored in
 * the database (casefile/FileStore), so one backup holds the cases and their papers together.
 *
 * <p>H2's own {@code BACKUP TO}: it copies the database file while the application keeps working and the copy is
 * transactionally consistent (H2's documentation of the command), so nobody has to stop. The zip holds
 * {@code engine.mv.db}: unzipped into {@code ./data/} of a stopped application it is the database again. A backup is
 * written under a temporary name and renamed when complete, so a file with a backup's name is always a whole backup;
 * the oldest beyond {@code litigation.backup.keep} are deleted.
 *
 * <p>On a schedule ({@code litigation.backup.cron}, Asia/Shanghai like every date of the system; on by default when the
 * database is an H2 file database) and on an administrator's {@code POST /api/admin/backup}. PostgreSQL is backed up by
 * its own tools (pg_dump, README), not by this. Logs give the file's name, size and duration only: no personal data.
 */
@Component
public class DatabaseBackup implements SmartLifecycle {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT);
    private static final String PART = ".part";
    private static final Duration STOP_WAIT = Duration.ofSeconds(20);
    private static final Logger log = LoggerFactory.getLogger(DatabaseBackup.class);

    /** One backup made: its file name, size in bytes, when it was started (Asia/Shanghai) and how long it took. */
    public record Made(String fileName, long size, LocalDateTime createdAt, Duration took) {}

    /** One backup in the directory. */
    public record Kept(String fileName, long size, LocalDateTime createdAt) {}

    /** Why no backup could be made, in Chinese for the administrator. */
    public static class BackupException extends RuntimeException {
        private final boolean busy;

        BackupException(String message, boolean busy, Throwable cause) {
            super(message, cause);
            this.busy = busy;
        }

        public boolean busy() {
            return busy;
        }
    }

    private final DataSource dataSource;
    private final Boolean enabled;
    private final String cron;
    private final Path dir;
    private final int keep;
    private final ReentrantLock running = new ReentrantLock();
    private final CronExpression schedule;
    private volatile ScheduledThreadPoolExecutor scheduler;

    public DatabaseBackup(DataSource dataSource,
                          @Value("${litigation.backup.enabled:#{null}}") Boolean enabled,
                          @Value("${litigation.backup.cron:0 30 2 * * *}") String cron,
                          @Value("${litigation.backup.dir:./data/backups}") String dir,
                          @Value("${litigation.backup.keep:7}") int keep) {
        if (keep < 1) {
            throw new IllegalStateException("litigation.backup.keep must be at least 1");
        }
        // A mistyped schedule stops the start-up instead of silently never backing up.
        this.schedule = CronExpression.parse(cron);
        this.dataSource = dataSource;
        this.enabled = enabled;
        this.cron = cron;
        this.dir = Path.of(dir).toAbsolutePath().normalize();
        this.keep = keep;
    }

    public Path dir() {
        return dir;
    }

    public int keep() {
        return keep;
    }

    public String cron() {
        return cron;
    }

    /** Whether backups are being made on the schedule (as configured; when unset, whenever the database is an H2 file). */
    public boolean scheduled() {
        return scheduler != null;
    }

    /** Whether this database is one this class can back up: H2 with its files on this machine. */
    public boolean supported() {
        return databaseName() != null;
    }

    /** The database's file name without its suffix ({@code engine}), or null if it is not a local H2 file database. */
    private String databaseName() {
        try (Connection connection = dataSource.getConnection()) {
            if (connection.isWrapperFor(JdbcConnection.class)
                    && connection.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal session
                    && session.getDatabase().isPersistent()) {
                return FileUtils.getName(session.getDatabase().getName());
            }
        } catch (SQLException e) {
            log.warn("Database backup: database not reachable: {}", e.getMessage());
        }
        return null;
    }

    /**
     * Makes one backup now. Refused (busy) while another one is being made: the administrator asks again later rather
     * than have two copies of a large database written at once.
     */
    public Made backupNow() {
        if (!running.tryLock()) {
            throw new BackupException("另一次备份正在进行，请稍后再试", true, null);
        }
        try {
            return backup();
        } finally {
            running.unlock();
        }
    }

    /** The scheduled backup: waits for one an administrator started, and never throws (the schedule goes on). */
    void scheduledBackup() {
        running.lock();
        try {
            backup();
        } catch (RuntimeException e) {
            log.error("Scheduled database backup failed: {}", e.getMessage(), e.getCause());
        } finally {
            running.unlock();
        }
    }

    private Made backup() {
        String name = databaseName();
        if (name == null) {
            throw new BackupException("当前数据库不是内置 H2 文件数据库，本功能不适用；PostgreSQL 请按 README「备份与恢复」"
                    + "用 pg_dump 备份", false, null);
        }
        long started = System.nanoTime();
        LocalDateTime now = LocalDateTime.now(ZONE).withNano(0);
        Path target;
        Path part;
        try {
            Files.createDirectories(dir);
            removeLeftovers(name);
            target = freeName(name, now);
            part = dir.resolve(target.getFileName() + PART);
        } catch (IOException e) {
            throw new BackupException("无法使用备份目录 " + dir + "：" + e.getMessage(), false, e);
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement backup = connection.prepareStatement("BACKUP TO ?")) {
            backup.setString(1, part.toString());
            backup.executeUpdate();
            // On disk before it gets its name: after a power cut a file with a backup's name is still a whole backup.
            try (FileChannel written = FileChannel.open(part, StandardOpenOption.WRITE)) {
                written.force(true);
            }
            try {
                Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(part, target);
            }
        } catch (SQLException | IOException e) {
            deleteQuietly(part);
            throw new BackupException("备份失败，未留下不完整的备份文件：" + e.getMessage(), false, e);
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        long size;
        try {
            size = Files.size(target);
        } catch (IOException e) {
            throw new BackupException("备份已写入，但无法读取其大小：" + e.getMessage(), false, e);
        }
        int deleted = prune(name);
        log.info("Database backup {} written: {} bytes ({} MiB) in {} ms; {} older backup(s) deleted, keeping {}",
                target.getFileName(), size, size / (1024 * 1024), took.toMillis(), deleted, keep);
        return new Made(target.getFileName().toString(), size, now, took);
    }

    /**
     * {@code engine-20261207-023000.zip}, or {@code -2}, {@code -3} … after the highest of that second: a backup must
     * sort after every older one, even when the first of its second has already been deleted as beyond the number kept.
     */
    private Path freeName(String name, LocalDateTime now) {
        String base = name + "-" + STAMP.format(now);
        int seq = 0;
        for (Named existing : backups(name)) {
            if (existing.stamp.equals(now)) {
                seq = Math.max(seq, existing.seq);
            }
        }
        return dir.resolve(seq == 0 ? base + ".zip" : base + "-" + (seq + 1) + ".zip");
    }

    /** The backups in the directory, newest first. Other files there are not ours and are left alone. */
    public List<Kept> list() {
        String name = databaseName();
        if (name == null || !Files.isDirectory(dir)) {
            return List.of();
        }
        List<Kept> kept = new ArrayList<>();
        for (Named backup : backups(name)) {
            try {
                kept.add(new Kept(backup.path.getFileName().toString(), Files.size(backup.path), backup.stamp));
            } catch (IOException goneMeanwhile) {
                // deleted by the retention of a backup made at the same moment
            }
        }
        return kept;
    }

    private record Named(Path path, LocalDateTime stamp, int seq) {}

    private List<Named> backups(String name) {
        Pattern pattern = Pattern.compile(Pattern.quote(name) + "-(\\d{8}-\\d{6})(?:-(\\d+))?\\.zip");
        List<Named> found = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path file : files) {
                Matcher m = pattern.matcher(file.getFileName().toString());
                if (m.matches() && Files.isRegularFile(file)) {
                    found.add(new Named(file, LocalDateTime.parse(m.group(1), STAMP),
                            m.group(2) == null ? 1 : Integer.parseInt(m.group(2))));
                }
            }
        } catch (IOException e) {
            log.warn("Database backup directory not readable: {}", e.getMessage());
        }
        found.sort(Comparator.comparing(Named::stamp).thenComparingInt(Named::seq).reversed());
        return found;
    }

    private int prune(String name) {
        List<Named> all = backups(name);
        int deleted = 0;
        for (Named old : all.subList(Math.min(keep, all.size()), all.size())) {
            try {
                Files.deleteIfExists(old.path);
                deleted++;
            } catch (IOException e) {
                log.warn("Old database backup {} not deleted: {}", old.path.getFileName(), e.getMessage());
            }
        }
        return deleted;
    }

    /** A backup interrupted by a crash or a full disk leaves its temporary file: never a backup, so removed. */
    private void removeLeftovers(String name) throws IOException {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, name + "-*.zip" + PART)) {
            for (Path file : files) {
                log.info("Removing incomplete database backup {}", file.getFileName());
                deleteQuietly(file);
            }
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("Incomplete database backup {} not deleted: {}", file.getFileName(), e.getMessage());
        }
    }

    @Override
    public void start() {
        if (scheduler != null) {
            return;
        }
        boolean supported = supported();
        if (Boolean.TRUE.equals(enabled) && !supported) {
            log.warn("litigation.backup.enabled is true, but the database is not an embedded H2 file database: "
                    + "back it up with its own tools (README「备份与恢复」)");
        }
        if (!(enabled == null ? supported : enabled && supported)) {
            return;
        }
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, r -> {
            Thread thread = new Thread(r, "database-backup");
            thread.setDaemon(true);
            return thread;
        });
        // On shutdown the next backup is dropped, but one being written is not interrupted: an interrupt can close
        // H2's file channel under the running database. One that does not finish in time fails when the database
        // closes and leaves only its temporary file, which the next backup removes.
        timer.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        scheduler = timer;
        scheduleNext(timer);
        log.info("Database backups scheduled at '{}' (Asia/Shanghai) into {}, keeping {}", cron, dir, keep);
    }

    private void scheduleNext(ScheduledThreadPoolExecutor timer) {
        ZonedDateTime now = ZonedDateTime.now(ZONE);
        ZonedDateTime next = schedule.next(now);
        if (next == null || timer.isShutdown()) {
            return;
        }
        try {
            timer.schedule(() -> {
                scheduledBackup();
                scheduleNext(timer);
            }, Duration.between(now, next).toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopping) {
            // the application is shutting down
        }
    }

    @Override
    public void stop() {
        ScheduledThreadPoolExecutor timer = scheduler;
        scheduler = null;
        if (timer != null) {
            timer.shutdown();
            try {
                // A backup being written may finish before the database closes; a long one is abandoned.
                timer.awaitTermination(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return scheduler != null;
    }
}
