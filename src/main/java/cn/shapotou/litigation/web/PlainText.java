package cn.shapotou.litigation.web;

/**
 * What a text field may hold. Everything typed into this system is shown again in Tasklist, Cockpit, PDFs and reports,
 * so invisible characters (controls, zero-width and direction overrides that make one case number look like another)
 * and markup are refused at the door; the short register fields of a case (案号, 法院, 原告, 案由) also refuse ASCII
 * quotes, semicolons and backslashes, which official Chinese text writes with full-width punctuation.
 */
public final class PlainText {

    private static final String MARKUP = "<>";
    private static final String REGISTER_ONLY = "'\";\\`";

    private PlainText() {}

    /** Why {@code text} cannot stand in a free-text field, or null. */
    public static String problem(String text) {
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            if (c != '\n' && c != '\r' && c != '\t' && Character.isISOControl(c)) {
                return "含有不可见的控制字符";
            }
            int type = Character.getType(c);
            if (type == Character.FORMAT || type == Character.PRIVATE_USE || type == Character.SURROGATE
                    || type == Character.UNASSIGNED || c == 0xFFFD) {
                return "含有不可见或无法识别的字符（如零宽字符、方向控制符）";
            }
            if (MARKUP.indexOf(c) >= 0) {
                return "不能含有尖括号 < >";
            }
        }
        return null;
    }

    /** Why {@code text} cannot stand in a register field of a case (one line, no ASCII quotes or semicolons), or null. */
    public static String registerProblem(String text) {
        if (text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0 || text.indexOf('\t') >= 0) {
            return "须为一行文字";
        }
        String problem = problem(text);
        if (problem != null) {
            return problem;
        }
        for (char c : REGISTER_ONLY.toCharArray()) {
            if (text.indexOf(c) >= 0) {
                return "不能含有英文引号、分号或反斜杠，请使用中文标点";
            }
        }
        return text.contains("--") ? "不能含有“--”" : null;
    }
}
