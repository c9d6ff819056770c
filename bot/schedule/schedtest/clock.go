// Package schedtest has a clock for tests of code that runs on a schedule.
package schedtest

import (
	"sync"
	"time"
)

// Clock is a schedule.Clock whose time moves only when the test sets it.
// Every call of After is reported on Waits with its deadline, so a test
// knows when the code under test is asleep and until when.
type Clock struct {
	mu     sync.Mutex
	now    time.Time
	timers []timer
	waits  chan time.Time
}

type timer struct {
	at time.Time
	ch chan time.Time
}

// NewClock returns a Clock at now.
func NewClock(now time.Time) *Clock {
	return &Clock{now: now, waits: make(chan time.Time, 1000)}
}

// Now returns the clock's time.
func (c *Clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

// After returns a channel that receives the clock's time once Set has moved
// it d or more ahead (at once when d <= 0).
func (c *Clock) After(d time.Duration) <-chan time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	ch := make(chan time.Time, 1)
	at := c.now.Add(d)
	if d <= 0 {
		ch <- c.now
	} else {
		c.timers = append(c.timers, timer{at: at, ch: ch})
	}
	select {
	case c.waits <- at:
	default: // nobody is watching
	}
	return ch
}

// Set moves the clock to t and fires every timer due by then.
func (c *Clock) Set(t time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = t
	kept := c.timers[:0]
	for _, tm := range c.timers {
		if tm.at.After(t) {
			kept = append(kept, tm)
			continue
		}
		tm.ch <- t
	}
	c.timers = kept
}

// Add moves the clock d ahead, firing the timers due by then.
func (c *Clock) Add(d time.Duration) { c.Set(c.Now().Add(d)) }

// Waits receives the deadline of every call of After.
func (c *Clock) Waits() <-chan time.Time { return c.waits }

// NextWait returns the deadline of the next call of After, or false when
// none came within limit (a bound for a test that would otherwise hang,
// not a timing assertion).
func (c *Clock) NextWait(limit time.Duration) (time.Time, bool) {
	select {
	case at := <-c.waits:
		return at, true
	case <-time.After(limit):
		return time.Time{}, false
	}
}
