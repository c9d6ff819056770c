// Package pgstore keeps briefbot's shared state in PostgreSQL, so that
// several replicas of serve can run against one database: the state of
// package state (subscriptions, watermarks, deliveries, feeds added in
// chat, feed polling state) behind the same state.Backend interface; the
// reports table with a sequence number per change, which every replica's
// index follows (PublishReports, Follower); the leader election for
// scheduled work (Leader); and claims on work to be done once among the
// replicas (Claim).
//
// Open connects, and applies the embedded SQL migrations the schema lacks
// (migrations/NNN_name.sql, recorded in schema_migrations; replicas that
// start together apply each once). Tables go into the first schema of the
// connection's search_path (public by default; a URL parameter
// search_path=NAME picks another), and the advisory locks are keyed by
// that schema, so several deployments, or tests, can share one database.
package pgstore
