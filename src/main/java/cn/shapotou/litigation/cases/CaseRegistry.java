package cn.shapotou.litigation.cases;

import java.sql.Timestamp;
import java.util.Optional;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Case numbers taken, open or closed; the primary key makes a second registration of a number fail. */
@Repository
public class CaseRegistry {

    private final JdbcTemplate jdbc;

    public CaseRegistry(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** @throws CaseNumberTakenException when the number exists, also when another transaction just took it */
    public void register(String caseNumber, String processInstanceId, String userId) {
        try {
            jdbc.update("INSERT INTO lit_case (case_number, process_instance_id, registered_at, registered_by) "
                    + "VALUES (?, ?, ?, ?)", caseNumber, processInstanceId,
                    new Timestamp(ClockUtil.getCurrentTime().getTime()), userId);
        } catch (DuplicateKeyException e) {
            throw new CaseNumberTakenException(caseNumber);
        }
    }

    /** An archived case goes before the court again (a retrial): its number now names the reopened instance. */
    public void reopen(String caseNumber, String processInstanceId) {
        jdbc.update("UPDATE lit_case SET process_instance_id = ?, answer_due = NULL WHERE case_number = ?",
                processInstanceId, caseNumber);
    }

    /** The statutory answer deadline the supervision watches for this case; null once the answer is delivered. */
    public void watchAnswer(String processInstanceId, java.time.LocalDate due) {
        jdbc.update("UPDATE lit_case SET answer_due = ? WHERE process_instance_id = ?",
                due, processInstanceId);
    }

    public boolean exists(String caseNumber) {
        return processInstanceId(caseNumber).isPresent();
    }

    public Optional<String> processInstanceId(String caseNumber) {
        return jdbc.query("SELECT process_instance_id FROM lit_case WHERE case_number = ?",
                (rs, i) -> rs.getString(1), caseNumber).stream().findFirst();
    }
}
