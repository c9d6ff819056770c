-- Settings shared by the replicas, such as the version of the default
-- corpus published to the reports table.

CREATE TABLE settings (
    key   text PRIMARY KEY,
    value text NOT NULL
);
