-- State of serve, as state.db holds it with bbolt: digest subscriptions,
-- watermarks, deliveries, feeds added in chat and feed polling state.
-- Times that the delivery protocol compares are kept as nanoseconds since
-- the Unix epoch (bigint): timestamptz keeps only microseconds.

CREATE TABLE subscriptions (
    id       text PRIMARY KEY,
    platform text NOT NULL,
    channel  text NOT NULL,
    data     jsonb NOT NULL           -- the whole bot.Subscription
);

CREATE TABLE watermarks (
    subscription_id text PRIMARY KEY,
    mark_ns         bigint NOT NULL   -- end of the window of the last digest confirmed
);

CREATE TABLE deliveries (
    id              text PRIMARY KEY,
    subscription_id text NOT NULL,
    from_ns         bigint NOT NULL,
    to_ns           bigint NOT NULL,
    state           text NOT NULL CHECK (state IN ('pending', 'posted')),
    posted_ref      text NOT NULL DEFAULT '',
    attempts        integer NOT NULL DEFAULT 0,
    updated_ns      bigint NOT NULL
);

-- At most one pending delivery per subscription, whichever replica begins it.
CREATE UNIQUE INDEX deliveries_one_pending ON deliveries (subscription_id) WHERE state = 'pending';

CREATE TABLE feeds (
    url  text PRIMARY KEY,
    data jsonb NOT NULL               -- the whole state.FeedRecord
);

CREATE TABLE feed_state (
    url  text PRIMARY KEY,
    data jsonb NOT NULL               -- the poller's feed.State
);
