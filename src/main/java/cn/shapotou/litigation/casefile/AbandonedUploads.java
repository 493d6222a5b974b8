package cn.shapotou.litigation.casefile;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/** At start-up, removes the chunks of uploads a stopped node never finished: they were never acknowledged. */
@Component
public class AbandonedUploads implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AbandonedUploads.class);

    private final FileStore store;

    public AbandonedUploads(FileStore store) {
        this.store = store;
    }

    @Override
    public void run(ApplicationArguments args) {
        int removed = store.removeAbandonedChunks();
        if (removed > 0) {
            log.info("Removed {} chunks of unfinished uploads", removed);
        }
    }
}
