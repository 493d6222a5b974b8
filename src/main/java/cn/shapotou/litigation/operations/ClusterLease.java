package cn.shapotou.litigation.operations;

import java.net.InetAddress;
import java.time.Duration;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A row of {@code lit_lease} claimed by a conditional update, so that on the two-node cluster exactly one run does a
 * piece of work at a time (the same rule as the robot outbox's claimed rows; README「生产环境」: several nodes on one
 * database): the claim names this run and lasts a while; the run renews it as it goes and gives it up when done. A
 * node that dies holding it only delays the next run until the claim has lapsed. Each statement commits on its own,
 * outside any engine transaction.
 */
@Component
public class ClusterLease {

    private final JdbcTemplate jdbc;

    public ClusterLease(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A claim held by one run; {@link #renew()} before it lapses, {@link #close()} when done. */
    public final class Claim implements AutoCloseable {
        private final String name;
        private final String holder;
        private final Duration ttl;

        private Claim(String name, String holder, Duration ttl) {
            this.name = name;
            this.holder = holder;
            this.ttl = ttl;
        }

        /** Extends the claim; false if it had lapsed and another run took the row meanwhile. */
        public boolean renew() {
            return jdbc.update("UPDATE lit_lease SET until_millis = ? WHERE name = ? AND holder = ?",
                    System.currentTimeMillis() + ttl.toMillis(), name, holder) == 1;
        }

        @Override
        public void close() {
            jdbc.update("UPDATE lit_lease SET holder = NULL, until_millis = 0 WHERE name = ? AND holder = ?", name,
                    holder);
        }
    }

    /** The claim of the named row for this run, or null while another run (on this node or another) holds it. */
    public Claim tryClaim(String name, Duration ttl) {
        String holder = node() + "/" + UUID.randomUUID();
        long now = System.currentTimeMillis();
        int taken = jdbc.update("UPDATE lit_lease SET holder = ?, until_millis = ? WHERE name = ? AND until_millis < ?",
                holder, now + ttl.toMillis(), name, now);
        if (taken == 1) {
            return new Claim(name, holder, ttl);
        }
        Integer rows = jdbc.queryForObject("SELECT COUNT(*) FROM lit_lease WHERE name = ?", Integer.class, name);
        if (rows != null && rows > 0) {
            return null;
        }
        try {
            jdbc.update("INSERT INTO lit_lease (name, holder, until_millis) VALUES (?, ?, ?)", name, holder,
                    now + ttl.toMillis());
            return new Claim(name, holder, ttl);
        } catch (DuplicateKeyException raced) {
            // The other node inserted the row at the same moment and holds it.
            return null;
        }
    }

    private static String node() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            return "node";
        }
    }
}
