package cn.shapotou.litigation.escalation;

import cn.shapotou.litigation.deadlines.CaseDeadline;
import cn.shapotou.litigation.deadlines.DeadlineKind;
import cn.shapotou.litigation.deadlines.Deadlines;
import cn.shapotou.litigation.deadlines.RecountFollower;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The statutory windows of a case that outlive its stages: applying for a retrial within six months of the decision
 * taking effect (法释〔2018〕1号 Art. 110; regulation Art. 15) and for compulsory enforcement within two years of the
 * last day of performance (Art. 153; regulation Art. 16). They are watched from the day they open until used, also
 * after the case is archived, so that their reminders reach the handling unit and the leaders before they close.
 */
@Repository
public class CaseWindows implements RecountFollower {

    public record Window(String caseNumber, String key, LocalDate startOn, LocalDate due, String unit) {}

    private final JdbcTemplate jdbc;

    public CaseWindows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Opens (or moves) the window; the unit is the one to remind, the case's handling unit. */
    public void open(String caseNumber, CaseDeadline window, String unit) {
        String key = window.kind().key();
        if (jdbc.update("UPDATE lit_case_window SET start_on = ?, due = ?, unit = ? WHERE case_number = ? AND "
                + "deadline_key = ?", window.computed().start(), window.due(), unit, caseNumber, key) == 0) {
            jdbc.update("INSERT INTO lit_case_window (case_number, deadline_key, start_on, due, unit) VALUES "
                    + "(?, ?, ?, ?, ?)", caseNumber, key, window.computed().start(), window.due(), unit);
        }
    }

    /** The window was used (a retrial applied for, enforcement applied for): nothing left to remind of. */
    public void close(String caseNumber, String key) {
        jdbc.update("DELETE FROM lit_case_window WHERE case_number = ? AND deadline_key = ?", caseNumber, key);
    }

    public List<Window> dueBetween(LocalDate from, LocalDate to) {
        return jdbc.query("SELECT case_number, deadline_key, start_on, due, unit FROM lit_case_window WHERE due "
                + "BETWEEN ? AND ? ORDER BY due", (rs, i) -> new Window(rs.getString(1), rs.getString(2),
                rs.getObject(3, LocalDate.class), rs.getObject(4, LocalDate.class), rs.getString(5)), from, to);
    }

    public List<Window> of(String caseNumber) {
        return jdbc.query("SELECT case_number, deadline_key, start_on, due, unit FROM lit_case_window WHERE "
                + "case_number = ? ORDER BY due", (rs, i) -> new Window(rs.getString(1), rs.getString(2),
                rs.getObject(3, LocalDate.class), rs.getObject(4, LocalDate.class), rs.getString(5)), caseNumber);
    }

    /** A changed holiday calendar: every open window counted again from its own start; returns how many moved. */
    @Override
    public int recount(Deadlines deadlines) {
        int moved = 0;
        for (Window w : jdbc.query("SELECT case_number, deadline_key, start_on, due, unit FROM lit_case_window",
                (rs, i) -> new Window(rs.getString(1), rs.getString(2), rs.getObject(3, LocalDate.class),
                        rs.getObject(4, LocalDate.class), rs.getString(5)))) {
            LocalDate due = deadlines.compute(DeadlineKind.ofKey(w.key()), w.startOn()).due();
            if (!due.equals(w.due())) {
                jdbc.update("UPDATE lit_case_window SET due = ? WHERE case_number = ? AND deadline_key = ?", due,
                        w.caseNumber(), w.key());
                moved++;
            }
        }
        return moved;
    }
}
