package cn.shapotou.litigation.robots;

/**
 * The daily digest each unit's robot gets (《办法》第三条), queued at the start of every delivery round once it is due.
 * What it lists is the supervision's (escalation.DailyDigest); robots/ sits below escalation/, which sends its
 * reminders and 督办 through RobotNotices (architecture.md「包结构规则」).
 */
public interface RobotDigest {

    /** Queues the digests due now and not yet queued by any node; returns how many. */
    int queueIfDue();
}
