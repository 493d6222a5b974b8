package cn.shapotou.litigation.casecore;

import cn.shapotou.litigation.engine.FormFieldRefusal;

/**
 * A case number that exists already. A form validation error, so that Tasklist's start form shows the message and
 * the engine REST API answers 400; {@code POST /api/cases} answers 409.
 */
public class CaseNumberTakenException extends FormFieldRefusal {
    public CaseNumberTakenException(String caseNumber) {
        super("caseNumber", "案号 " + caseNumber + " 已登记，不能重复登记");
    }
}
