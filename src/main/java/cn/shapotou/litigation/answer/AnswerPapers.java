package cn.shapotou.litigation.answer;

import cn.shapotou.litigation.casefile.CaseFile;
import cn.shapotou.litigation.casefile.CaseFiles;
import cn.shapotou.litigation.casefile.FileCategory;
import cn.shapotou.litigation.engine.EngineCommand;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/**
 * The papers of Art. 6 ¶2 (1) and (2) a unit has put in the case file: its 答辩状 and the evidence on which the act was
 * based (ALL Art. 34: what is not submitted counts as no evidence). Each unit that prepares a part answers for its own
 * papers, so only files uploaded by its members count.
 */
@Component
public class AnswerPapers {

    private final CaseFiles files;

    public AnswerPapers(CaseFiles files) {
        this.files = files;
    }

    public record Papers(List<CaseFile> defence, List<CaseFile> evidence) {

        static List<Map<String, Object>> refs(List<CaseFile> files) {
            return files.stream().map(f -> {
                Map<String, Object> ref = new LinkedHashMap<>();
                ref.put("id", f.id());
                ref.put("title", f.title());
                ref.put("fileName", f.fileName());
                ref.put("version", f.version());
                return ref;
            }).toList();
        }
    }

    /**
     * The newest version of each DEFENCE and EVIDENCE paper the unit's members put in the case: a paper is theirs when
     * they uploaded any version of it, so a reviewer's corrected version does not take it away from them.
     */
    private static String paper(CaseFile file) {
        return file.category() + "\u0000" + file.title();
    }

    public Papers of(String caseNumber, String unit, IdentityService identity) {
        Set<String> members = EngineCommand.withoutAuthorization(() ->
                identity.createUserQuery().memberOfGroup(unit).list().stream().map(User::getId)
                        .collect(Collectors.toSet()));
        List<CaseFile> all = files.allVersionsOf(caseNumber);
        Set<String> ownPapers = all.stream().filter(f -> members.contains(f.uploadedBy())).map(AnswerPapers::paper)
                .collect(Collectors.toSet());
        List<CaseFile> own = files.newestOf(caseNumber).stream().filter(f -> ownPapers.contains(paper(f))).toList();
        return new Papers(own.stream().filter(f -> f.category() == FileCategory.DEFENCE).toList(),
                own.stream().filter(f -> f.category() == FileCategory.EVIDENCE).toList());
    }
}
