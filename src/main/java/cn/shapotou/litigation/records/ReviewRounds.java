package cn.shapotou.litigation.records;

import cn.shapotou.litigation.deadlines.LegalClock;
import cn.shapotou.litigation.engine.EngineCommand;
import cn.shapotou.litigation.identity.PersonNames;
import cn.shapotou.litigation.web.FormValues;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/**
 * Every round of a draft-and-review loop, shown to both sides. Where the regulation has a draft checked before it goes
 * out — the answer materials reviewed by the Justice Bureau (Art. 10 ¶2) and read by the leaders in an upheld case
 * (Art. 4 ¶4), a document for the court (Art. 9 ¶3), the handling proposal (Art. 10 ¶1), the reply to a judicial
 * recommendation (Art. 17), the reason why the head cannot appear (Art. 7, 8) — a return says why, and the unit
 * corrects its draft. A correction is only as good as the memory of what was wrong: the reviewer of round N sees what
 * was said in rounds 1 … N−1 and about which draft, and the drafting unit sees why it was returned and what it had
 * written (README「审核轮次（退回与重办）」).
 *
 * <p>Each review appends one entry to the stage's variable {@code <loop>Rounds} (JSON): the round, who reviewed in
 * which capacity, the decision, the remarks, and the draft as it was when reviewed — later rounds overwrite the draft
 * variables, so the draft is kept here. The create listener {@link #show} of every task of the loop writes the earlier
 * rounds as Markdown into the task's local variable {@link #HISTORY}, which the forms show read-only.
 */
@Component("reviewRounds")
public class ReviewRounds {

    /** Task-local variable: the earlier rounds as Markdown, absent before the first review. */
    public static final String HISTORY = "roundHistory";

    /** The stage variable holding the loop's rounds. */
    public static String variable(String loop) {
        return loop + "Rounds";
    }

    /**
     * Records one review of the loop {@code loop} in {@code scope}'s stage.
     *
     * @param round    the round reviewed; null for the number of reviews so far plus one
     * @param role     who reviewed, in which capacity, e.g. 「区司法局审核」
     * @param decision the decision as the form words it, e.g. 「退回修改」
     * @param returned whether the draft went back to the drafting unit
     * @param draft    the reviewed draft as Markdown (user text in it is shown as text by form-js)
     */
    public static void record(VariableScope scope, String loop, Object round, String role, String decision,
                              boolean returned, String remarks, String draft) {
        List<Object> rounds = new ArrayList<>(FormValues.list(scope.getVariable(variable(loop))));
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("round", round instanceof Number n ? n.intValue() : rounds.size() + 1);
        entry.put("role", role);
        entry.put("decision", decision);
        entry.put("returned", returned);
        entry.put("remarks", remarks);
        String userId = EngineCommand.authenticatedUserId();
        entry.put("reviewer", userId);
        entry.put("reviewerName", nameOf(userId));
        entry.put("reviewedOn", new LegalClock().today().toString());
        entry.put("draft", draft);
        rounds.add(entry);
        scope.setVariable(variable(loop), FormValues.toJson(rounds));
    }

    /** Create listener of every task of the loop: the earlier rounds, for the form. */
    public void show(DelegateTask task, String loop) {
        task.setVariableLocal(HISTORY, markdown(FormValues.list(task.getVariable(variable(loop)))));
    }

    /** The rounds as Markdown, the latest first (the reason of the last return matters most); null when none. */
    @SuppressWarnings("unchecked")
    static String markdown(List<?> rounds) {
        if (rounds.isEmpty()) {
            return null;
        }
        StringBuilder md = new StringBuilder("### 往轮审核记录（共 ").append(rounds.size()).append(" 次审核）\n\n");
        for (int i = rounds.size() - 1; i >= 0; i--) {
            if (!(rounds.get(i) instanceof Map<?, ?> raw)) {
                continue;
            }
            Map<String, Object> r = (Map<String, Object>) raw;
            md.append("#### 第 ").append(r.get("round")).append(" 轮　").append(r.get("role")).append("：")
                    .append(r.get("decision")).append("\n\n");
            md.append("**审核人：** ").append(r.get("reviewerName") == null ? "（系统）" : r.get("reviewerName"))
                    .append("　**日期：** ").append(r.get("reviewedOn")).append("\n\n");
            md.append("**意见：**\n\n").append(quote(r.get("remarks") == null ? "（未填写）" : String.valueOf(r.get("remarks"))))
                    .append('\n');
            md.append("**当轮审核的稿件：**\n\n").append(quote(r.get("draft") == null ? "（无）" : String.valueOf(r.get("draft"))))
                    .append('\n');
        }
        return md.toString();
    }

    /** A text as a Markdown block quote, line by line, so the draft's own headings and lists stay inside it. */
    static String quote(String text) {
        StringBuilder md = new StringBuilder();
        for (String line : text.strip().split("\\R", -1)) {
            md.append(line.isBlank() ? ">" : "> " + line).append('\n');
        }
        return md.toString();
    }

    private static String nameOf(String userId) {
        if (!EngineCommand.running() || userId == null) {
            return userId;
        }
        // The reviewer need not be allowed to read the user directory (a district leader is not).
        User user = EngineCommand.withoutAuthorization(() -> EngineCommand.identityService()
                .createUserQuery().userId(userId).singleResult());
        return user == null ? userId : PersonNames.of(user);
    }
}
