package cn.shapotou.litigation.robots;

import cn.shapotou.litigation.engine.EngineClock;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers {@code lit_robot_outbox} on a thread of its own, every {@code litigation.robot-delivery.interval} (default
 * 10 s), apart from the supervision sweep, which only queues: a robot that is slow or down never delays or fails it.
 *
 * <ul>
 * <li>At most 20 messages a minute per robot (the limit DingTalk and WeCom document for a group robot): messages beyond
 * it are held and, once the minute allows, sent as one digest (汇总) instead of one by one.</li>
 * <li>A failed delivery (no connection, HTTP error, errcode not 0) is tried again after 30 s, 1, 2 and 4 minutes; after
 * the fifth failure it is given up and logged.</li>
 * <li>Across a cluster a node claims a row (conditional update of {@code claimed_until}) before sending it, so each
 * message is sent once; a node dying between sending and recording would send it once more after the claim runs out
 * (5 minutes) — at least once, nearly exactly once. The minute's count is read from the table, so it holds across
 * nodes up to two nodes counting at the same instant.</li>
 * </ul>
 * Rows done with are kept 30 days (last_error tells why one failed), then deleted.
 * Logs name a robot by unit and channel and its webhook masked, never the key, token or secret.
 */
@Component
public class RobotDelivery implements SmartLifecycle {

    static final int PER_MINUTE = 20;
    static final int MAX_ATTEMPTS = 5;
    static final Duration FIRST_RETRY = Duration.ofSeconds(30);
    static final Duration CLAIM = Duration.ofMinutes(5);
    static final Duration KEPT = Duration.ofDays(30);

    private static final Logger log = LoggerFactory.getLogger(RobotDelivery.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final RobotSettings settings;
    private final RobotClient client;
    private final RobotOutbox outbox;
    private final RobotDigest digest;
    private final boolean enabled;
    private final Duration interval;
    private volatile ScheduledExecutorService executor;
    private volatile long cleanedAt;

    public RobotDelivery(JdbcTemplate jdbc, TransactionTemplate transaction, RobotSettings settings,
                         RobotClient client, RobotOutbox outbox, RobotDigest digest,
                         @Value("${litigation.robot-delivery.enabled:true}") boolean enabled,
                         @Value("${litigation.robot-delivery.interval:PT10S}") Duration interval) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.settings = settings;
        this.client = client;
        this.outbox = outbox;
        this.digest = digest;
        this.enabled = enabled;
        this.interval = interval;
    }

    private record Row(long id, String robot, String title, String body, String state, int attempts) {}

    /** One round: the daily digests when due, then every robot's due messages. Never throws. */
    public void deliverDue() {
        try {
            digest.queueIfDue();
        } catch (RuntimeException e) {
            log.warn("Robot daily digest not queued this round: {}", Robot.mask(e.getMessage()));
        }
        cleanUp();
        List<String> robots = jdbc.queryForList("SELECT DISTINCT robot FROM lit_robot_outbox WHERE state IN "
                + "('PENDING', 'HELD')", String.class);
        for (String key : robots) {
            try {
                deliver(key);
            } catch (RuntimeException e) {
                log.warn("Robot {}: delivery round failed: {}", key, Robot.mask(e.getMessage()));
            }
        }
    }

    /** Hourly: messages done with and digest rows older than 30 days go; the table stays small. */
    private void cleanUp() {
        long now = EngineClock.now().getTime();
        if (Math.abs(now - cleanedAt) < Duration.ofHours(1).toMillis()) {
            return;
        }
        cleanedAt = now;
        Timestamp before = new Timestamp(now - KEPT.toMillis());
        jdbc.update("DELETE FROM lit_robot_outbox WHERE state IN ('SENT', 'DIGESTED', 'FAILED') AND created_at < ?",
                before);
        jdbc.update("DELETE FROM lit_robot_digest WHERE sent_at < ?", before);
    }

    private void deliver(String key) {
        Robot robot = settings.byKey(key);
        long now = EngineClock.now().getTime();
        if (robot == null) {
            // Its configuration was removed: nobody to send these to.
            jdbc.update("UPDATE lit_robot_outbox SET state = 'FAILED', last_error = ? WHERE robot = ? AND state IN "
                    + "('PENDING', 'HELD')", "机器人已不在配置中", key);
            return;
        }
        int capacity = PER_MINUTE - used(key, now);
        if (capacity > 0) {
            foldHeld(key);
        }
        List<Row> due = jdbc.query("SELECT id, robot, title, body, state, attempts FROM lit_robot_outbox WHERE robot = ? "
                        + "AND state = 'PENDING' AND next_attempt_at <= ? AND (claimed_until IS NULL OR claimed_until < ?) "
                        + "ORDER BY id", (rs, i) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getInt(6)), key, new Timestamp(now), new Timestamp(now));
        for (Row row : due) {
            if (capacity <= 0) {
                // Over the minute's limit: fresh messages wait for the next digest; retries keep their turn.
                if (row.attempts() == 0) {
                    jdbc.update("UPDATE lit_robot_outbox SET state = 'HELD' WHERE id = ? AND state = 'PENDING' AND "
                            + "(claimed_until IS NULL OR claimed_until < ?)", row.id(), new Timestamp(now));
                }
                continue;
            }
            if (!claim(row, now)) {
                continue;
            }
            capacity--;
            send(robot, row);
        }
    }

    /** How many messages the robot was sent (or tried) in the last minute, by any node. */
    private int used(String key, long now) {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM lit_robot_outbox WHERE robot = ? AND last_attempt_at > ?",
                Integer.class, key, new Timestamp(now - 60_000));
        return n == null ? 0 : n;
    }

    /** Held messages become one digest message, in one transaction (another node may be folding them too). */
    private void foldHeld(String key) {
        transaction.executeWithoutResult(status -> {
            List<Row> held = jdbc.query("SELECT id, robot, title, body, state, attempts FROM lit_robot_outbox WHERE "
                    + "robot = ? AND state = 'HELD' ORDER BY id", (rs, i) -> new Row(rs.getLong(1), rs.getString(2),
                    rs.getString(3), rs.getString(4), rs.getString(5), rs.getInt(6)), key);
            if (held.isEmpty()) {
                return;
            }
            int folded = 0;
            for (Row row : held) {
                folded += jdbc.update("UPDATE lit_robot_outbox SET state = 'DIGESTED' WHERE id = ? AND state = 'HELD'",
                        row.id());
            }
            if (folded != held.size()) {
                status.setRollbackOnly();
                return;
            }
            outbox.enqueue(key, "【行政应诉】消息汇总（" + held.size() + "条）", digestOf(held), "PENDING");
        });
    }

    static String digestOf(List<Row> held) {
        StringBuilder text = new StringBuilder("#### 【行政应诉】消息汇总\n\n因群机器人每分钟最多发送" + PER_MINUTE
                + "条消息，以下" + held.size() + "条提醒合并发送：\n\n");
        int n = 1;
        for (Row row : held) {
            text.append(n++).append(". ").append(row.title().replace("【行政应诉】", "")).append('\n');
            // Each message's own list of facts (案号, 事项, 期限…), indented under its title.
            for (String line : row.body().split("\n")) {
                if (line.startsWith("- ")) {
                    text.append("    ").append(line).append('\n');
                }
            }
        }
        return text.toString();
    }

    private boolean claim(Row row, long now) {
        return jdbc.update("UPDATE lit_robot_outbox SET claimed_until = ?, last_attempt_at = ? WHERE id = ? AND "
                + "state = 'PENDING' AND (claimed_until IS NULL OR claimed_until < ?)", new Timestamp(now
                + CLAIM.toMillis()), new Timestamp(now), row.id(), new Timestamp(now)) == 1;
    }

    private void send(Robot robot, Row row) {
        try {
            client.send(robot, row.title(), row.body());
            jdbc.update("UPDATE lit_robot_outbox SET state = 'SENT', sent_at = ?, attempts = ?, claimed_until = NULL, "
                    + "last_error = NULL WHERE id = ?", new Timestamp(EngineClock.now().getTime()),
                    row.attempts() + 1, row.id());
        } catch (RobotClient.DeliveryException e) {
            int attempts = row.attempts() + 1;
            String error = Robot.mask(e.getMessage());
            if (attempts >= MAX_ATTEMPTS) {
                jdbc.update("UPDATE lit_robot_outbox SET state = 'FAILED', attempts = ?, claimed_until = NULL, "
                        + "last_error = ? WHERE id = ?", attempts, cut(error), row.id());
                log.warn("Robot {} ({}): message {} given up after {} attempts: {}", robot.key(), robot.masked(),
                        row.id(), attempts, error);
            } else {
                long wait = FIRST_RETRY.toMillis() << (attempts - 1);
                jdbc.update("UPDATE lit_robot_outbox SET attempts = ?, next_attempt_at = ?, claimed_until = NULL, "
                        + "last_error = ? WHERE id = ?", attempts,
                        new Timestamp(EngineClock.now().getTime() + wait), cut(error), row.id());
                log.info("Robot {} ({}): message {} not delivered (attempt {}), retry in {} s: {}", robot.key(),
                        robot.masked(), row.id(), attempts, wait / 1000, error);
            }
        }
    }

    private static String cut(String s) {
        return s == null ? null : s.length() > 400 ? s.substring(0, 400) : s;
    }

    @Override
    public void start() {
        if (!enabled || executor != null) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "robot-delivery");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(() -> {
            try {
                deliverDue();
            } catch (RuntimeException e) {
                // A failed round (the database away) must not end the schedule.
                log.warn("Robot delivery round failed: {}", Robot.mask(e.getMessage()));
            }
        }, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        ScheduledExecutorService running = executor;
        executor = null;
        if (running != null) {
            running.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return executor != null;
    }
}
