-- Reports shared by the replicas. Every change (a report added, replaced
-- or deleted) takes the next number of reports_seq; each replica's index
-- follows the table in seq order and remembers the last seq it applied.
-- Writers take an advisory lock first, so seq order is commit order.

CREATE SEQUENCE reports_seq;

CREATE TABLE reports (
    id        text PRIMARY KEY,
    seq       bigint NOT NULL UNIQUE,
    hash      text NOT NULL DEFAULT '',    -- SHA-256 of data; '' when deleted
    deleted   boolean NOT NULL DEFAULT false,
    data      bytea,                       -- the bot.Report as JSON; NULL when deleted
    published timestamptz NOT NULL DEFAULT now()  -- when this version entered the table
);
