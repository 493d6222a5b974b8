-- The application's own table beside the engine's: one row a case, so that a case number is unique over all cases,
-- open or closed, even under concurrent registrations (CONTRACT §4). Written in the same transaction as the process start.
CREATE TABLE IF NOT EXISTS lit_case (
    case_number         VARCHAR(200) NOT NULL PRIMARY KEY,
    process_instance_id VARCHAR(64)  NOT NULL,
    registered_at       TIMESTAMP    NOT NULL,
    registered_by       VARCHAR(255)
);
