package cn.shapotou.litigation.escalation;

import cn.shapotou.litigation.units.UnitDirectory;
import java.time.LocalDate;
import java.util.List;

/**
 * A case whose statutory answer is still to be delivered, with the open user tasks of every process instance that
 * carries its case number: who holds its work now.
 *
 * <p>Who is charged with the answer (《办法》第十条 lists who does what; 行政诉讼法第六十七条 fixes the day):
 * <ol>
 * <li>The units whose open tasks serve the answer, i.e. whose due is the statutory answer day or the 7-day answer
 * materials limit capped by it: the Justice Bureau while it drafts the handling proposal (第十条第一款), the district
 * leaders while they approve it (同款), the handling unit and any co-handling unit while they prepare the answer
 * materials (第十条第二款、第六条; jointly where 第四条第三款、第四款 make them joint handlers), the Justice Bureau while it reviews them or holds the
 * pre-trial review (第十条第二款、第三款), the district office while it seals and delivers (第十条第二款、第十一条).
 * The answer waits for whoever holds one of these steps.</li>
 * <li>The Legal Counsel Office's assignment of a counsel carries the same 7-day limit, but a counsel only assists the
 * handling unit (第五条) and delivery does not wait for it. While the materials, review or delivery are open, the
 * answer is late with them, not with the counsel office; it is charged only when nothing else of the answer is open.</li>
 * <li>No task of the answer open (the case waits for a court document, say): the handling unit, which answers to the
 * court and bears the burden of proof (第四条第一款、第六条); where none is determined yet, the Justice Bureau, which
 * proposes one (第四条第六款).</li>
 * </ol>
 * A claimed task is charged to its unit (its candidate group), not to the person who claimed it.
 */
record CaseWork(String caseNumber, String instanceId, LocalDate answerDue, String answerKey, String leadUnit,
                List<OpenTask> tasks) {

    /** The statutory answer being watched: the first instance's, or a second instance's own (法释〔2018〕1号第一百零八条). */
    String answerItem() {
        return CourtDeadlines.label(answerKey);
    }

    /** The deadlines of the tasks that serve the answer (rule 1 above). */
    static final List<String> ANSWER_DEADLINES = List.of(CourtDeadlines.STATUTORY_ANSWER,
            CourtDeadlines.SECOND_INSTANCE_ANSWER, CourtDeadlines.ANSWER_MATERIALS);

    /** One open user task of the case: its unit is its candidate group. */
    record OpenTask(String id, String name, String group, String assignee, LocalDate due, String deadlineKey) {

        boolean servesAnswer() {
            return group != null && ANSWER_DEADLINES.contains(deadlineKey);
        }

        boolean assists() {
            return UnitDirectory.LEGAL_COUNSEL_OFFICE.equals(group);
        }
    }

    /** The open tasks that hold the answer now (rules 1 and 2 above); empty under rule 3. */
    List<OpenTask> holding() {
        List<OpenTask> serving = tasks.stream().filter(OpenTask::servesAnswer).toList();
        List<OpenTask> doing = serving.stream().filter(t -> !t.assists()).toList();
        return doing.isEmpty() ? serving : doing;
    }

    /** Every unit holding the answer, the handling unit first where it is one of them. */
    List<String> holders() {
        List<String> groups = holding().stream().map(OpenTask::group).distinct().sorted().toList();
        if (groups.isEmpty()) {
            return List.of(leadUnit != null ? leadUnit : UnitDirectory.JUSTICE_BUREAU);
        }
        if (leadUnit != null && groups.contains(leadUnit)) {
            return java.util.stream.Stream.concat(java.util.stream.Stream.of(leadUnit),
                    groups.stream().filter(g -> !g.equals(leadUnit))).toList();
        }
        return groups;
    }

    /** The unit the answer item is charged to: the first holder. */
    String unit() {
        return holders().get(0);
    }
}
