package cn.shapotou.litigation.casefile;

import java.util.Map;

/**
 * The case as {@code GET /api/cases/{caseNumber}} shows it, which the archive copy keeps as {@code case.json}
 * (Art. 18, architecture.md「电子卷宗与归档」). cases/ renders it; casefile/ sits below the case pages
 * (architecture.md「包结构规则」), so it asks for it through this interface.
 */
public interface CaseInformation {

    /** The case with these variables (as CaseView reads them), rendered as the case's API shows it. */
    Map<String, Object> render(String caseNumber, Map<String, Object> variables);
}
