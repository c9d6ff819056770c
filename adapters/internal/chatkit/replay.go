package chatkit

import "time"

// ReplayMemory is how many signatures a Replays holds at most.
const ReplayMemory = 100_000

// Replays refuses exact replays of signed requests. A platform signs a
// timestamp with the body and the receiver accepts timestamps within a
// window of its clock, so a captured request stays valid for that long;
// Replays remembers each signature accepted for twice the window (a
// timestamp may be ahead of the clock or behind it), so the same signed
// request passes once. It holds at most ReplayMemory signatures, forgetting
// the oldest first; only requests whose signature verified are recorded,
// so only the platform can fill it. It is safe for concurrent use.
type Replays struct{ seen *Recent }

// NewReplays returns a Replays for signatures fresh within window of now.
func NewReplays(window time.Duration, now func() time.Time) *Replays {
	return &Replays{seen: NewRecent(ReplayMemory, 2*window, now)}
}

// First records the signature of a verified request and reports whether
// it is the first request with it: false for a replay.
func (p *Replays) First(signature string) bool {
	return p.seen.Add(signature)
}
