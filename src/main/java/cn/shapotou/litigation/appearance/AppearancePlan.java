package cn.shapotou.litigation.appearance;

import java.util.List;

/**
 * Who will appear for the agency at the hearing: the head (正职 or 副职) or a written explanation of why not, and the
 * litigation agents.
 */
public record AppearancePlan(boolean headAppears, String headName, HeadPost headPost, String absenceExplanation,
                             List<Agent> agents) {

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
    }
}
