-- The application's own table beside the engine's: one row a case, so that a case number is unique over all cases,
-- open or closed, even under concurrent registrations (CONTRACT §4). Written in the same transaction as the process start.
CREATE TABLE IF NOT EXISTS lit_case (
    case_number         VARCHAR(200) NOT NULL PRIMARY KEY,
    process_instance_id VARCHAR(64)  NOT NULL,
    registered_at       TIMESTAMP    NOT NULL,
    registered_by       VARCHAR(255)
);

-- Court documents that reached the district office (CONTRACT §5): every one is kept, whether or not the case was
-- waiting for it; the process decides what it means.
CREATE TABLE IF NOT EXISTS lit_case_document (
    id            VARCHAR(64)   NOT NULL PRIMARY KEY,
    case_number   VARCHAR(200)  NOT NULL,
    kind          VARCHAR(40)   NOT NULL,
    received_on   DATE          NOT NULL,
    payload       VARCHAR(8000) NOT NULL,
    correlated    BOOLEAN       NOT NULL,
    registered_at TIMESTAMP     NOT NULL,
    registered_by VARCHAR(255)
);
CREATE INDEX IF NOT EXISTS lit_case_document_case ON lit_case_document (case_number);

-- The statutory answer deadline of a case while its answer is not yet delivered (ALL Art. 67; CONTRACT §7): the
-- supervision sweep and GET /api/supervision/overdue find the overdue ones by this index, not by reading every case.
ALTER TABLE lit_case ADD COLUMN IF NOT EXISTS answer_due DATE;
CREATE INDEX IF NOT EXISTS lit_case_answer_due ON lit_case (answer_due);

-- The 督办 task of each escalated item (Art. 3), so that finishing the item closes it without searching.
CREATE TABLE IF NOT EXISTS lit_supervision (
    item_key    VARCHAR(100) NOT NULL PRIMARY KEY,
    task_id     VARCHAR(64)  NOT NULL,
    case_number VARCHAR(200),
    raised_at   TIMESTAMP    NOT NULL
);

-- Reminders of case deadlines already sent (Art. 3; the district leaders' before a statutory court deadline, the
-- case-level statutory answer's), one row each, so that none is sent twice, across restarts and cluster nodes.
CREATE TABLE IF NOT EXISTS lit_reminder (
    reminder_key VARCHAR(400) NOT NULL PRIMARY KEY,
    case_number  VARCHAR(200),
    due          DATE         NOT NULL,
    sent_at      TIMESTAMP    NOT NULL
);
CREATE INDEX IF NOT EXISTS lit_reminder_due ON lit_reminder (due);

-- The statutory windows that stay open after a decision took effect (retrial: 法释〔2018〕1号 Art. 110; enforcement:
-- Art. 153), one row a case and window while it can still be used, whether the case is open or archived: their
-- reminders come from here, and a changed holiday calendar recounts them from their start.
CREATE TABLE IF NOT EXISTS lit_case_window (
    case_number  VARCHAR(200) NOT NULL,
    deadline_key VARCHAR(40)  NOT NULL,
    start_on     DATE         NOT NULL,
    due          DATE         NOT NULL,
    unit         VARCHAR(100),
    PRIMARY KEY (case_number, deadline_key)
);
CREATE INDEX IF NOT EXISTS lit_case_window_due ON lit_case_window (due);
