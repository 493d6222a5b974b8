package cn.shapotou.litigation.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shapotou.litigation.IntegrationTest;
import java.sql.Date;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * How the default H2 database reads the case-level overdue items: each watched case's process instances by their
 * business key and by nothing else. With a further condition on the instance rows ({@code PARENT_ID_ IS NULL}) H2 read
 * them through the parent-execution index at 50,000 cases, all 105,000 instances for every overdue case, and the
 * Justice Bureau's overdue list did not answer (README「性能基准」). The test database is too small for H2 to choose
 * that plan, so the test holds the cause: the instances are looked up by the business-key index with no other
 * condition on them.
 */
@IntegrationTest
class OverdueItemsPlanTest {

    @Autowired
    OverdueItems overdue;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theCasesInstancesAreFoundByTheirBusinessKey() {
        String plan = jdbc.queryForObject("EXPLAIN " + overdue.answerWorkQuery("c.answer_due < ?"), String.class,
                Date.valueOf(LocalDate.of(2026, 12, 7)));

        int from = plan.indexOf("\"S\"\n");
        String instances = plan.substring(from, plan.indexOf("JOIN", from));
        assertThat(instances).as(plan).contains("ACT_IDX_EXEC_BUSKEY: BUSINESS_KEY_ = C.CASE_NUMBER")
                .doesNotContain("PARENT_ID_").doesNotContain("PROC_INST_ID_");
    }
}
