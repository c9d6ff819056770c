-- Claims on work that must be done once among the replicas, such as
-- answering one chat message that reached several of them.

CREATE TABLE claims (
    key     text PRIMARY KEY,
    claimed timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX claims_claimed ON claims (claimed);
