package cn.shapotou.litigation.casefile;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 保存卷宗归档副本 in {@code case-archive-copy}: keeps the archive copy of the dossier (Art. 18) that
 * {@link CaseArchiveRequest} asked for. A damaged paper fails the job (the copy would not be the case's file); the
 * engine retries it and then shows an incident, and the administrators restore the paper from backup.
 */
@Component("caseArchiveCopy")
public class CaseArchiveCopy implements JavaDelegate {

    private final CaseArchives archives;

    public CaseArchiveCopy(CaseArchives archives) {
        this.archives = archives;
    }

    @Override
    public void execute(DelegateExecution execution) throws Exception {
        CaseArchives.Copy copy = archives.storeCopy(CaseArchiveRequest.request(execution));
        execution.setVariable("archiveSeq", copy.seq());
        execution.setVariable("archiveSha256", copy.sha256());
    }
}
