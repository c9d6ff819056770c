//go:build loadtest

package slack

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/briefbot/briefbot/bot"
	"github.com/briefbot/briefbot/corpus"
	"github.com/briefbot/briefbot/index"
)

// TestLoadSlashCommands sends 1,000 signed slash commands from 50
// concurrent clients to the adapter's HTTP handlers, as `briefbot serve`
// mounts them, over the default corpus, and reports how fast they were
// acknowledged and how many answers reached their response_url. Loopback
// only; bounded to 1,000 requests and 2 minutes.
//
//	go test -tags loadtest -run TestLoadSlashCommands -v ./adapters/slack/
func TestLoadSlashCommands(t *testing.T) {
	const (
		commands = 1000
		clients  = 50
	)
	res, err := corpus.Default()
	if err != nil {
		t.Fatal(err)
	}
	x, err := index.Create(t.TempDir(), index.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	if _, err := x.Ingest(context.Background(), res.Reports, nil); err != nil {
		t.Fatal(err)
	}

	f := newFakeSlack(t)
	var delivered atomic.Int64
	var mu sync.Mutex
	answered := map[string]time.Time{}
	allDelivered := make(chan struct{})
	hooks := http.NewServeMux()
	hooks.HandleFunc("POST /hook/{id}", func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		if _, dup := answered[r.PathValue("id")]; !dup {
			answered[r.PathValue("id")] = time.Now()
		}
		mu.Unlock()
		if delivered.Add(1) == commands {
			close(allDelivered)
		}
	})
	hookSrv := httptest.NewServer(hooks)
	defer hookSrv.Close()
	sources := func(context.Context) (string, error) {
		c, err := x.Counts()
		return fmt.Sprintf("%d reports", c.Reports), err
	}
	router := bot.NewRouter(bot.New(x, bot.Options{}), bot.RouterOptions{Logger: slog.New(slog.DiscardHandler), Sources: sources})
	_, srv := startAdapter(t, f, Options{SigningSecret: secret}, router, nil)

	questions := []string{
		"who supplies Kazakhstan with drones?", "suppliers Uzbekistan", "recipients Turkey", "between China Turkmenistan",
		"what has Turkey sold to Uzbekistan?", "air defence Kyrgyzstan", "who arms Tajikistan", "sources", "help",
		"Russian helicopters for Kazakhstan public",
	}
	acks := make([]time.Duration, commands)
	sent := make([]time.Time, commands)
	var failures atomic.Int64
	var next atomic.Int64
	start := time.Now()
	var wg sync.WaitGroup
	for range clients {
		wg.Go(func() {
			client := &http.Client{Timeout: 10 * time.Second, Transport: &http.Transport{MaxIdleConnsPerHost: 1}}
			for {
				i := int(next.Add(1)) - 1
				if i >= commands {
					return
				}
				body := commandBody(questions[i%len(questions)], fmt.Sprintf("%s/hook/%d", hookSrv.URL, i))
				req := signedRequest(t, srv.URL+PathCommands, "application/x-www-form-urlencoded", body)
				sent[i] = time.Now()
				resp, err := client.Do(req)
				acks[i] = time.Since(sent[i])
				if err != nil || resp.StatusCode != http.StatusOK {
					failures.Add(1)
					t.Errorf("command %d: %v %v", i, resp, err)
					continue
				}
				resp.Body.Close()
			}
		})
	}
	wg.Wait()
	sentAll := time.Since(start)
	select {
	case <-allDelivered:
	case <-time.After(2 * time.Minute):
		t.Errorf("only %d of %d answers delivered within 2 minutes", delivered.Load(), commands)
	}
	total := time.Since(start)

	slices.Sort(acks)
	mu.Lock()
	var answerLat []time.Duration
	for id, at := range answered {
		var i int
		fmt.Sscan(id, &i)
		answerLat = append(answerLat, at.Sub(sent[i]))
	}
	mu.Unlock()
	slices.Sort(answerLat)
	pct := func(d []time.Duration, p float64) time.Duration {
		if len(d) == 0 {
			return 0
		}
		return d[min(len(d)-1, int(float64(len(d))*p))]
	}
	t.Logf("%d slash commands from %d clients in %s (%.0f/s); failures %d", commands, clients, sentAll.Round(time.Millisecond),
		float64(commands)/sentAll.Seconds(), failures.Load())
	t.Logf("ack latency: p50 %s, p90 %s, p99 %s, max %s", pct(acks, .5), pct(acks, .9), pct(acks, .99), acks[len(acks)-1])
	t.Logf("answers delivered: %d of %d (distinct commands %d) in %s; command-to-answer p50 %s, p99 %s, max %s",
		delivered.Load(), commands, len(answerLat), total.Round(time.Millisecond), pct(answerLat, .5), pct(answerLat, .99), pct(answerLat, 1))
	if p99 := pct(acks, .99); p99 >= 100*time.Millisecond {
		t.Errorf("ack p99 %s, target under 100 ms", p99)
	}
	if acks[len(acks)-1] >= 3*time.Second {
		t.Errorf("slowest ack %s; Slack gives up after 3 s", acks[len(acks)-1])
	}
	if len(answerLat) != commands {
		t.Errorf("%d distinct commands answered, want %d", len(answerLat), commands)
	}
}
