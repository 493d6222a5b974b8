package cn.shapotou.litigation.answer;

/**
 * A litigation agent (诉讼代理人) as the power of attorney names them (Art. 6 ¶3): who, from which unit, in which post,
 * whether a staff member of the agency or a lawyer, whether they handled the contested act or know the business, and
 * the scope of authority.
 */
public record Agent(String name, String unit, String post, AgentKind kind, boolean handlerOfAct, Authority authority) {

    public enum AgentKind {
        /** 行政机关工作人员. */
        STAFF("行政机关工作人员"),
        /** 律师（含政府法律顾问）. */
        LAWYER("律师");

        private final String label;

        AgentKind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public enum Authority {
        GENERAL("一般授权"),
        SPECIAL("特别授权：代为承认、放弃、变更诉讼请求，进行和解，提起上诉");

        private final String label;

        Authority(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
