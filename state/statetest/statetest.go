// Package statetest is the conformance suite of state.Backend: the same
// checks run against the bbolt store (package state) and the PostgreSQL
// store (package pgstore), so that serve behaves the same on either.
package statetest

import (
	"errors"
	"reflect"
	"sync"
	"testing"
	"time"

	"github.com/briefbot/briefbot/bot"
	"github.com/briefbot/briefbot/state"
)

// Opener opens one store's storage; calling it again after Close opens the
// same storage again, as a restart would.
type Opener func() (state.Backend, error)

// NewStore returns the Opener of fresh, empty storage for one test (a new
// data folder, a new database schema), cleaned up when t ends.
type NewStore func(t *testing.T) Opener

// Run runs every check of the suite as a subtest of t.
func Run(t *testing.T, newStore NewStore) {
	for _, c := range []struct {
		name string
		fn   func(*testing.T, Opener)
	}{
		{"Subscriptions", testSubscriptions},
		{"DeliveryProtocol", testDeliveryProtocol},
		{"CrashBetweenBeginAndConfirm", testCrashBetweenBeginAndConfirm},
		{"DeleteSubscriptionDropsState", testDeleteSubscriptionDropsState},
		{"Feeds", testFeeds},
		{"TimesExact", testTimesExact},
		{"ConcurrentBegin", testConcurrentBegin},
	} {
		t.Run(c.name, func(t *testing.T) { c.fn(t, newStore(t)) })
	}
}

// mustOpen opens a store and closes it when the test ends.
func mustOpen(t *testing.T, open Opener) state.Backend {
	t.Helper()
	s, err := open()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

var (
	t0 = time.Date(2026, 3, 2, 8, 0, 0, 0, time.UTC)
	t1 = t0.Add(7 * 24 * time.Hour)
	t2 = t1.Add(7 * 24 * time.Hour)
)

func sub(platform bot.Platform, channel string) bot.Subscription {
	return bot.Subscription{
		ID: bot.SubscriptionID(platform, channel), Platform: platform, Channel: channel,
		Spec: "0 9 * * 1", TZ: "Europe/Berlin",
		Countries: []string{"Kazakhstan", "Uzbekistan"}, Categories: []string{"Aircraft"},
		SkipEmpty: true, CreatedBy: "U1", Created: t0,
	}
}

func testSubscriptions(t *testing.T, open Opener) {
	s := mustOpen(t, open)
	if got, err := s.Subscriptions(); err != nil || len(got) != 0 {
		t.Fatalf("Subscriptions of a new store = %v, %v; want none", got, err)
	}
	a, b, c := sub("slack", "C2"), sub("discord", "9"), sub("slack", "C10")
	for _, x := range []bot.Subscription{a, b, c} {
		if err := s.PutSubscription(x); err != nil {
			t.Fatal(err)
		}
	}
	a.Spec, a.Countries, a.SkipEmpty = "0 7 * * *", nil, false // replace a
	if err := s.PutSubscription(a); err != nil {
		t.Fatal(err)
	}
	want := []bot.Subscription{b, c, a} // bytewise: "discord:9" < "slack:C10" < "slack:C2"
	got, err := s.Subscriptions()
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Subscriptions = %+v\nwant %+v", got, want)
	}
	s.Close()
	s = mustOpen(t, open)
	if got, _ := s.Subscriptions(); !reflect.DeepEqual(got, want) {
		t.Errorf("after reopen, Subscriptions = %+v\nwant %+v", got, want)
	}
	for _, tt := range []struct {
		id    string
		found bool
	}{{a.ID, true}, {a.ID, false}, {"slack:nope", false}} {
		found, err := s.DeleteSubscription(tt.id)
		if err != nil || found != tt.found {
			t.Errorf("DeleteSubscription(%s) = %v, %v; want %v", tt.id, found, err, tt.found)
		}
	}
	if got, _ := s.Subscriptions(); !reflect.DeepEqual(got, []bot.Subscription{b, c}) {
		t.Errorf("after delete, Subscriptions = %+v, want %s and %s", got, b.ID, c.ID)
	}
	if err := s.PutSubscription(bot.Subscription{}); err == nil {
		t.Error("PutSubscription with an empty ID gave no error")
	}
}

func testDeliveryProtocol(t *testing.T, open Opener) {
	s := mustOpen(t, open)
	id := "slack:C1"
	if w, err := s.Watermark(id); err != nil || !w.IsZero() {
		t.Fatalf("Watermark of a new subscription = %v, %v; want zero", w, err)
	}
	d, err := s.BeginDelivery(id, t0, t1, t1)
	if err != nil {
		t.Fatal(err)
	}
	if d.ID == "" || d.State != state.Pending || d.SubscriptionID != id || !d.From.Equal(t0) || !d.To.Equal(t1) || d.Attempts != 0 {
		t.Errorf("BeginDelivery = %+v", d)
	}
	if len(d.ID) > 25 {
		t.Errorf("delivery ID %q is longer than a Discord nonce (25)", d.ID)
	}
	again, err := s.BeginDelivery(id, t1, t2, t2) // while pending: the same delivery, window and all
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(again, d) {
		t.Errorf("second BeginDelivery = %+v, want the pending %+v", again, d)
	}
	other, err := s.BeginDelivery("discord:7", t0, t1, t1)
	if err != nil {
		t.Fatal(err)
	}
	if other.ID == d.ID {
		t.Error("two subscriptions share a delivery ID")
	}
	for _, at := range []time.Time{t1.Add(time.Minute), t1.Add(2 * time.Minute)} {
		if err := s.RecordAttempt(d.ID, at); err != nil {
			t.Fatal(err)
		}
	}
	pending, err := s.PendingDeliveries()
	if err != nil {
		t.Fatal(err)
	}
	if len(pending) != 2 || pending[0].ID != other.ID || pending[1].ID != d.ID || pending[1].Attempts != 2 {
		t.Errorf("PendingDeliveries = %+v, want %s then %s with 2 attempts", pending, other.ID, d.ID)
	}
	if w, _ := s.Watermark(id); !w.IsZero() {
		t.Errorf("watermark moved to %s before confirmation", w)
	}
	if err := s.ConfirmDelivery(d.ID, "1700000000.000100", t1.Add(3*time.Minute)); err != nil {
		t.Fatal(err)
	}
	if w, _ := s.Watermark(id); !w.Equal(t1) {
		t.Errorf("watermark after confirm = %s, want %s", w, t1)
	}
	got, err := s.Delivery(d.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.State != state.Posted || got.PostedRef != "1700000000.000100" || got.Attempts != 2 || !got.Updated.Equal(t1.Add(3*time.Minute)) {
		t.Errorf("confirmed delivery = %+v", got)
	}
	if err := s.ConfirmDelivery(d.ID, "other", t2); err != nil { // twice is harmless
		t.Errorf("second confirm: %v", err)
	}
	if got, _ := s.Delivery(d.ID); got.PostedRef != "1700000000.000100" {
		t.Errorf("second confirm changed PostedRef to %q", got.PostedRef)
	}
	next, err := s.BeginDelivery(id, t1, t2, t2)
	if err != nil {
		t.Fatal(err)
	}
	if next.ID == d.ID || !next.From.Equal(t1) {
		t.Errorf("BeginDelivery after confirm = %+v, want a new delivery from %s", next, t1)
	}
	checkWatermarkNeverMovesBack(t, s)
	for name, err := range map[string]error{
		"ConfirmDelivery": s.ConfirmDelivery("dgnope", "x", t2),
		"RecordAttempt":   s.RecordAttempt("dgnope", t2),
	} {
		if !errors.Is(err, state.ErrNotFound) {
			t.Errorf("%s of an unknown ID = %v, want ErrNotFound", name, err)
		}
	}
	if _, err := s.Delivery("dgnope"); !errors.Is(err, state.ErrNotFound) {
		t.Errorf("Delivery of an unknown ID = %v, want ErrNotFound", err)
	}
}

// checkWatermarkNeverMovesBack confirms a later window, then an earlier
// one; the watermark stays at the later.
func checkWatermarkNeverMovesBack(t *testing.T, s state.Backend) {
	t.Helper()
	old, err := s.BeginDelivery("discord:7", t0, t1, t2)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.ConfirmDelivery(old.ID, "m1", t2); err != nil {
		t.Fatal(err)
	}
	late, _ := s.BeginDelivery("discord:7", t1, t2, t2)
	if err := s.ConfirmDelivery(late.ID, "m2", t2); err != nil {
		t.Fatal(err)
	}
	earlier, _ := s.BeginDelivery("discord:7", t0, t1, t2)
	if err := s.ConfirmDelivery(earlier.ID, "m3", t2); err != nil {
		t.Fatal(err)
	}
	if w, _ := s.Watermark("discord:7"); !w.Equal(t2) {
		t.Errorf("watermark = %s, want %s", w, t2)
	}
}

func testCrashBetweenBeginAndConfirm(t *testing.T, open Opener) {
	id := "slack:C1"
	s, err := open()
	if err != nil {
		t.Fatal(err)
	}
	first, _ := s.BeginDelivery(id, t0, t1, t1)
	s.ConfirmDelivery(first.ID, "ts1", t1)
	d, err := s.BeginDelivery(id, t1, t2, t2)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.RecordAttempt(d.ID, t2); err != nil {
		t.Fatal(err)
	}
	s.Close() // the process dies after posting, before confirming

	s = mustOpen(t, open)
	pending, err := s.PendingDeliveries()
	if err != nil {
		t.Fatal(err)
	}
	if len(pending) != 1 || pending[0].ID != d.ID || !pending[0].From.Equal(t1) || !pending[0].To.Equal(t2) || pending[0].Attempts != 1 {
		t.Fatalf("after restart, PendingDeliveries = %+v, want %s", pending, d.ID)
	}
	if w, _ := s.Watermark(id); !w.Equal(t1) {
		t.Errorf("after restart, watermark = %s, want %s (unchanged)", w, t1)
	}
	again, err := s.BeginDelivery(id, t1, t2.Add(time.Hour), t2.Add(time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	if again.ID != d.ID || !again.To.Equal(t2) {
		t.Errorf("BeginDelivery after restart = %+v, want the pending %s for the same window", again, d.ID)
	}
	if err := s.ConfirmDelivery(again.ID, "ts2", t2.Add(time.Hour)); err != nil {
		t.Fatal(err)
	}
	if w, _ := s.Watermark(id); !w.Equal(t2) {
		t.Errorf("watermark = %s, want %s", w, t2)
	}
	if p, _ := s.PendingDeliveries(); len(p) != 0 {
		t.Errorf("PendingDeliveries = %+v, want none", p)
	}
}

func testDeleteSubscriptionDropsState(t *testing.T, open Opener) {
	s := mustOpen(t, open)
	a := sub("slack", "C1")
	if err := s.PutSubscription(a); err != nil {
		t.Fatal(err)
	}
	d, _ := s.BeginDelivery(a.ID, t0, t1, t1)
	s.ConfirmDelivery(d.ID, "ts", t1)
	p, _ := s.BeginDelivery(a.ID, t1, t2, t2)
	if _, err := s.DeleteSubscription(a.ID); err != nil {
		t.Fatal(err)
	}
	if w, _ := s.Watermark(a.ID); !w.IsZero() {
		t.Errorf("watermark after delete = %s, want zero", w)
	}
	if pending, _ := s.PendingDeliveries(); len(pending) != 0 {
		t.Errorf("pending after delete = %+v, want none", pending)
	}
	if _, err := s.Delivery(p.ID); !errors.Is(err, state.ErrNotFound) {
		t.Errorf("pending delivery still there after delete: %v", err)
	}
	if got, err := s.Delivery(d.ID); err != nil || got.State != state.Posted {
		t.Errorf("posted delivery after delete = %+v, %v; want kept", got, err)
	}
}

func testFeeds(t *testing.T, open Opener) {
	s, err := open()
	if err != nil {
		t.Fatal(err)
	}
	added := time.Date(2026, 11, 27, 10, 0, 0, 0, time.UTC)
	for _, u := range []string{"https://b.example/feed", "https://a.example/rss", "https://B.example/x"} {
		if err := s.PutFeed(state.FeedRecord{URL: u, AddedBy: "slack:U1", Added: added, Tags: []string{"news"}}); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.PutFeed(state.FeedRecord{}); err == nil {
		t.Error("a feed without URL was stored")
	}
	type st struct{ ETag string }
	if err := s.PutFeedState("https://a.example/rss", st{ETag: `"x"`}); err != nil {
		t.Fatal(err)
	}
	s.Close()
	s = mustOpen(t, open) // survives a restart
	feeds, err := s.Feeds()
	if err != nil || len(feeds) != 3 || feeds[0].URL != "https://B.example/x" || feeds[1].URL != "https://a.example/rss" ||
		feeds[2].AddedBy != "slack:U1" || !feeds[2].Added.Equal(added) || !reflect.DeepEqual(feeds[2].Tags, []string{"news"}) {
		t.Fatalf("feeds = %+v, %v", feeds, err)
	}
	var got st
	if ok, err := s.FeedState("https://a.example/rss", &got); !ok || err != nil || got.ETag != `"x"` {
		t.Errorf("feed state = %+v %v %v", got, ok, err)
	}
	if ok, err := s.FeedState("https://none.example/", &got); ok || err != nil {
		t.Errorf("feed state of an unknown feed = %v %v, want none", ok, err)
	}
	if ok, err := s.DeleteFeed("https://a.example/rss"); !ok || err != nil {
		t.Errorf("delete = %v %v", ok, err)
	}
	if ok, _ := s.FeedState("https://a.example/rss", &got); ok {
		t.Error("state kept after the feed was deleted")
	}
	if ok, _ := s.DeleteFeed("https://a.example/rss"); ok {
		t.Error("deleted twice")
	}
}

// testTimesExact: times come back exactly, to the nanosecond. The delivery
// service compares a delivery's end with the time it was asked for; a
// store that rounded would make it post a second, empty window.
func testTimesExact(t *testing.T, open Opener) {
	s := mustOpen(t, open)
	from := time.Date(2026, 12, 1, 9, 0, 0, 123456789, time.UTC)
	to := from.Add(7*24*time.Hour + 987654321)
	d, err := s.BeginDelivery("slack:C9", from, to, to)
	if err != nil {
		t.Fatal(err)
	}
	if !d.From.Equal(from) || !d.To.Equal(to) || !d.Updated.Equal(to) {
		t.Errorf("delivery window = [%s, %s) updated %s; want [%s, %s)", d.From, d.To, d.Updated, from, to)
	}
	if err := s.ConfirmDelivery(d.ID, "ts", to); err != nil {
		t.Fatal(err)
	}
	if w, _ := s.Watermark("slack:C9"); !w.Equal(to) {
		t.Errorf("watermark = %s, want %s", w, to)
	}
	a := sub("slack", "C9")
	a.Created = from
	if err := s.PutSubscription(a); err != nil {
		t.Fatal(err)
	}
	if subs, _ := s.Subscriptions(); len(subs) != 1 || !subs[0].Created.Equal(from) {
		t.Errorf("subscription created = %v, want %s", subs, from)
	}
}

// testConcurrentBegin: many callers beginning a delivery of one
// subscription at once get one pending delivery between them.
func testConcurrentBegin(t *testing.T, open Opener) {
	s := mustOpen(t, open)
	const n = 8
	ids := make([]string, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			d, err := s.BeginDelivery("slack:C3", t0, t1, t1)
			if err != nil {
				t.Error(err)
			}
			ids[i] = d.ID
		}()
	}
	wg.Wait()
	for _, id := range ids {
		if id != ids[0] {
			t.Fatalf("concurrent BeginDelivery gave IDs %v, want one", ids)
		}
	}
	if p, _ := s.PendingDeliveries(); len(p) != 1 {
		t.Errorf("pending deliveries = %d, want 1", len(p))
	}
}
