package cn.shapotou.litigation.robots;

import cn.shapotou.litigation.engine.EngineClock;
import java.sql.Timestamp;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Queues a message for every robot of a unit, in the caller's transaction (the supervision sweep's): the message
 * exists exactly when the reminder or 督办 it reports was recorded. Delivery is {@link RobotDelivery}'s.
 */
@Repository
public class RobotOutbox {

    private final JdbcTemplate jdbc;
    private final RobotSettings settings;

    public RobotOutbox(JdbcTemplate jdbc, RobotSettings settings) {
        this.jdbc = jdbc;
        this.settings = settings;
    }

    /** Returns how many robots the message was queued for (0: the unit has none). */
    public int enqueue(String unit, String title, String markdown) {
        int queued = 0;
        for (Robot robot : settings.of(unit)) {
            enqueue(robot.key(), title, markdown, "PENDING");
            queued++;
        }
        return queued;
    }

    void enqueue(String robotKey, String title, String markdown, String state) {
        Timestamp now = new Timestamp(EngineClock.now().getTime());
        jdbc.update("INSERT INTO lit_robot_outbox (robot, title, body, state, attempts, created_at, next_attempt_at) "
                + "VALUES (?, ?, ?, ?, 0, ?, ?)", robotKey, title.length() > 200 ? title.substring(0, 200) : title,
                markdown.length() > 20000 ? markdown.substring(0, 20000) : markdown, state, now, now);
    }
}
