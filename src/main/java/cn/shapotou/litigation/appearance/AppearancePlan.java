package cn.shapotou.litigation.appearance;

import cn.shapotou.litigation.answer.Agent;
import java.util.List;

/**
 * Who will appear for the agency at the hearing: the head (正职 or 副职 of the defendant agency itself, {@code headUnit})
 * or, where the head cannot appear, the reason (法释〔2020〕3号第八条) and the written explanation to the court (第八条第一款);
 * and the litigation agents.
 */
public record AppearancePlan(boolean headAppears, String headName, HeadPost headPost, String headUnit,
                             AbsenceReason absenceReason, String absenceExplanation, List<Agent> agents) {

    public AppearancePlan {
        agents = agents == null ? List.of() : List.copyOf(agents);
    }

    public enum HeadPost {
        PRINCIPAL("正职负责人"),
        DEPUTY("副职负责人");

        private final String label;

        HeadPost(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        /** The post a form or client named, or null for none or an unknown one. */
        public static HeadPost parse(Object value) {
            if (!(value instanceof String s) || s.isBlank()) {
                return null;
            }
            for (HeadPost post : values()) {
                if (post.name().equals(s.strip())) {
                    return post;
                }
            }
            return null;
        }
    }
}
