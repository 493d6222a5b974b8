package cn.shapotou.litigation.deadlines;

/**
 * 即将到期: how far ahead a due task is shown as coming due — by Tasklist's filter of that name, by the task cards of the
 * list and by each unit's daily digest, so that all three speak of the same tasks (README「Tasklist 的任务列表」).
 */
public final class DueSoon {

    /** Days ahead of today. */
    public static final int DAYS = 2;

    private DueSoon() {
    }
}
