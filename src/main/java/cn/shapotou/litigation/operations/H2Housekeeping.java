package cn.shapotou.litigation.operations;

import java.sql.Connection;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The H2 file database of the default configuration commits every transaction to disk at once ({@code WRITE_DELAY=0} in
 * application.yaml, so that a killed process loses nothing acknowledged; CrashIT). H2 then never runs its own
 * background housekeeping, which is what rewrites half-empty chunks: the file only grows (24 GB after 30,000 cases in
 * the benchmark of README「性能基准」). This does that housekeeping every ten seconds, as H2's background writer would.
 * Nothing happens on PostgreSQL.
 */
@Component
public class H2Housekeeping implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(H2Housekeeping.class);
    /** Chunks less full than this are rewritten (H2's own default target). */
    private static final int TARGET_FILL_RATE = 90;
    private static final int WRITE_PER_ROUND = 16 * 1024 * 1024;

    private final DataSource dataSource;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "h2-housekeeping");
        thread.setDaemon(true);
        return thread;
    });

    public H2Housekeeping(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void start() {
        // One store for the life of the database: found once, not on every round.
        MVStore store = store();
        if (store != null) {
            timer.scheduleWithFixedDelay(() -> compact(store), 10, 10, TimeUnit.SECONDS);
        }
    }

    private MVStore store() {
        try (Connection connection = dataSource.getConnection()) {
            if (connection.isWrapperFor(JdbcConnection.class)
                    && connection.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal session
                    && session.getDatabase().getStore() != null && session.getDatabase().isPersistent()) {
                return session.getDatabase().getStore().getMvStore();
            }
        } catch (Exception e) {
            log.warn("H2 housekeeping not started: {}", e.getMessage());
        }
        return null;
    }

    private static void compact(MVStore store) {
        try {
            if (!store.isClosed()) {
                store.compact(TARGET_FILL_RATE, WRITE_PER_ROUND);
            }
        } catch (RuntimeException e) {
            log.warn("H2 housekeeping round failed: {}", e.getMessage());
        }
    }

    @Override
    public void destroy() {
        timer.shutdownNow();
    }
}
