package cn.shapotou.litigation.escalation;

import java.sql.Timestamp;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import cn.shapotou.litigation.engine.EngineClock;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Which 督办 supervises which overdue item (Art. 3), written in the engine's transaction beside it: column
 * {@code task_id} holds the process instance id of its {@code supervision} instance (the task id of a standalone 督办
 * task before supervision was a process). Keyed by item, so each item is supervised exactly once, across nodes;
 * finishing an item finds its 督办 by the item's key instead of searching variables.
 */
@Repository
public class SupervisionRegister {

    private final JdbcTemplate jdbc;

    public SupervisionRegister(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void add(String itemKey, String taskId, String caseNumber) {
        jdbc.update("INSERT INTO lit_supervision (item_key, task_id, case_number, raised_at) VALUES (?, ?, ?, ?)",
                itemKey, taskId, caseNumber, new Timestamp(EngineClock.now().getTime()));
    }

    public Optional<String> taskOf(String itemKey) {
        return jdbc.query("SELECT task_id FROM lit_supervision WHERE item_key = ?", (rs, i) -> rs.getString(1),
                itemKey).stream().findFirst();
    }

    /** Points the item's row to {@code newId} if it still names {@code oldId}; whether it did. */
    public boolean replace(String itemKey, String oldId, String newId) {
        return jdbc.update("UPDATE lit_supervision SET task_id = ? WHERE item_key = ? AND task_id = ?", newId, itemKey,
                oldId) == 1;
    }

    public void remove(String itemKey) {
        jdbc.update("DELETE FROM lit_supervision WHERE item_key = ?", itemKey);
    }

    public Set<String> keys() {
        return new HashSet<>(jdbc.query("SELECT item_key FROM lit_supervision", (rs, i) -> rs.getString(1)));
    }
}
