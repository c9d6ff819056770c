package state

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/briefbot/briefbot/bot"
)

func init() { lockTimeout = 100 * time.Millisecond }

// MustOpen opens a Store in dir and closes it when the test ends.
func MustOpen(tb testing.TB, dir string) *Store {
	tb.Helper()
	s, err := Open(dir)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { s.Close() })
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

func TestSubscriptions(t *testing.T) {
	dir := t.TempDir()
	s := MustOpen(t, dir)

	if got, err := s.Subscriptions(); err != nil || len(got) != 0 {
		t.Fatalf("Subscriptions of a new store = %v, %v; want none", got, err)
	}
	a, b := sub("slack", "C2"), sub("discord", "9")
	for _, x := range []bot.Subscription{a, b} {
		if err := s.PutSubscription(x); err != nil {
			t.Fatal(err)
		}
	}
	// Replace a.
	a.Spec, a.Countries, a.SkipEmpty = "0 7 * * *", nil, false
	if err := s.PutSubscription(a); err != nil {
		t.Fatal(err)
	}
	want := []bot.Subscription{b, a} // "discord:9" < "slack:C2"
	got, err := s.Subscriptions()
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Subscriptions = %+v\nwant %+v", got, want)
	}

	// Survives reopening.
	s.Close()
	s = MustOpen(t, dir)
	if got, _ := s.Subscriptions(); !reflect.DeepEqual(got, want) {
		t.Errorf("after reopen, Subscriptions = %+v\nwant %+v", got, want)
	}

	// Delete.
	for _, tt := range []struct {
		id    string
		found bool
	}{{a.ID, true}, {a.ID, false}, {"slack:nope", false}} {
		found, err := s.DeleteSubscription(tt.id)
		if err != nil || found != tt.found {
			t.Errorf("DeleteSubscription(%s) = %v, %v; want %v", tt.id, found, err, tt.found)
		}
	}
	if got, _ := s.Subscriptions(); !reflect.DeepEqual(got, []bot.Subscription{b}) {
		t.Errorf("after delete, Subscriptions = %+v, want only %s", got, b.ID)
	}
	if err := s.PutSubscription(bot.Subscription{}); err == nil {
		t.Error("PutSubscription with an empty ID gave no error")
	}
}

func TestDeliveryProtocol(t *testing.T) {
	s := MustOpen(t, t.TempDir())
	id := "slack:C1"
	if w, err := s.Watermark(id); err != nil || !w.IsZero() {
		t.Fatalf("Watermark of a new subscription = %v, %v; want zero", w, err)
	}

	d, err := s.BeginDelivery(id, t0, t1, t1)
	if err != nil {
		t.Fatal(err)
	}
	if d.ID == "" || d.State != Pending || d.SubscriptionID != id || !d.From.Equal(t0) || !d.To.Equal(t1) || d.Attempts != 0 {
		t.Errorf("BeginDelivery = %+v", d)
	}
	if len(d.ID) > 25 {
		t.Errorf("delivery ID %q is longer than a Discord nonce (25)", d.ID)
	}
	// A second Begin while pending returns the same delivery, window and all.
	again, err := s.BeginDelivery(id, t1, t2, t2)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(again, d) {
		t.Errorf("second BeginDelivery = %+v, want the pending %+v", again, d)
	}
	// Another subscription gets its own.
	other, err := s.BeginDelivery("discord:7", t0, t1, t1)
	if err != nil {
		t.Fatal(err)
	}
	if other.ID == d.ID {
		t.Error("two subscriptions share a delivery ID")
	}

	if err := s.RecordAttempt(d.ID, t1.Add(time.Minute)); err != nil {
		t.Fatal(err)
	}
	if err := s.RecordAttempt(d.ID, t1.Add(2*time.Minute)); err != nil {
		t.Fatal(err)
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
	if got.State != Posted || got.PostedRef != "1700000000.000100" || got.Attempts != 2 || !got.Updated.Equal(t1.Add(3*time.Minute)) {
		t.Errorf("confirmed delivery = %+v", got)
	}
	// Confirming twice is harmless; the next Begin starts a new delivery.
	if err := s.ConfirmDelivery(d.ID, "other", t2); err != nil {
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

	// The watermark never moves back.
	old, err := s.BeginDelivery("discord:7", t0, t1, t2)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.ConfirmDelivery(old.ID, "m1", t2); err != nil {
		t.Fatal(err)
	}
	late, _ := s.BeginDelivery("discord:7", t1, t2, t2)
	s.ConfirmDelivery(late.ID, "m2", t2)
	if w, _ := s.Watermark("discord:7"); !w.Equal(t2) {
		t.Errorf("watermark = %s, want %s", w, t2)
	}

	// Unknown IDs.
	for name, err := range map[string]error{
		"ConfirmDelivery": s.ConfirmDelivery("dgnope", "x", t2),
		"RecordAttempt":   s.RecordAttempt("dgnope", t2),
	} {
		if !errors.Is(err, ErrNotFound) {
			t.Errorf("%s of an unknown ID = %v, want ErrNotFound", name, err)
		}
	}
	if _, err := s.Delivery("dgnope"); !errors.Is(err, ErrNotFound) {
		t.Errorf("Delivery of an unknown ID = %v, want ErrNotFound", err)
	}
}

func TestCrashBetweenBeginAndConfirm(t *testing.T) {
	dir := t.TempDir()
	id := "slack:C1"

	s, err := Open(dir)
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

	s = MustOpen(t, dir)
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

func TestDeleteSubscriptionDropsState(t *testing.T) {
	s := MustOpen(t, t.TempDir())
	a := sub("slack", "C1")
	s.PutSubscription(a)
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
	if _, err := s.Delivery(p.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("pending delivery still there after delete: %v", err)
	}
	if got, err := s.Delivery(d.ID); err != nil || got.State != Posted {
		t.Errorf("posted delivery after delete = %+v, %v; want kept", got, err)
	}
}

func TestOpenInUse(t *testing.T) {
	dir := t.TempDir()
	s := MustOpen(t, dir)
	_, err := Open(dir)
	if !errors.Is(err, ErrInUse) {
		t.Fatalf("second Open = %v, want ErrInUse", err)
	}
	if !strings.Contains(err.Error(), filepath.Join(dir, FileName)) {
		t.Errorf("error %q does not name the file", err)
	}
	s.Close()
	s2, err := Open(dir)
	if err != nil {
		t.Fatalf("Open after Close: %v", err)
	}
	s2.Close()
}

func TestOpenCorrupt(t *testing.T) {
	for name, data := range map[string][]byte{
		"text":        []byte(strings.Repeat("not a database\n", 1000)),
		"short":       []byte("garbage"),
		"zero filled": make([]byte, 16384),
	} {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			if err := os.WriteFile(filepath.Join(dir, FileName), data, 0o600); err != nil {
				t.Fatal(err)
			}
			s, err := Open(dir)
			if err == nil {
				s.Close()
				t.Fatal("Open of a corrupt file gave no error")
			}
			if !errors.Is(err, ErrCorrupt) {
				t.Errorf("Open = %v, want ErrCorrupt", err)
			}
			if !strings.Contains(err.Error(), filepath.Join(dir, FileName)) {
				t.Errorf("error %q does not name the file", err)
			}
		})
	}
}

func TestOpenCreatesDir(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "a", "b")
	s := MustOpen(t, dir)
	if _, err := os.Stat(filepath.Join(dir, FileName)); err != nil {
		t.Error(err)
	}
	s.Close()
}
