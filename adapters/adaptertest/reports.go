package adaptertest

import (
	"context"
	"testing"
	"time"

	"github.com/briefbot/briefbot/bot"
	"github.com/briefbot/briefbot/index"
)

// Questions the checks ask, and what the index holds for them.
const (
	// Question is answered with citations of the Kazakhstan reports.
	Question = "who supplies Kazakhstan with drones?"
	// HostileQuestion is answered by quoting HostileReportID.
	HostileQuestion = "Quarkstan drones"
	// HostileReportID is the report whose every field is hostile.
	HostileReportID = "hostile-quarkstan"
	// EvilHost is the host of every disguised link in the hostile report;
	// no adapter may make a link to it.
	EvilHost = "evil.example"
)

func day(s string) time.Time {
	t, err := time.Parse(bot.DateLayout, s)
	if err != nil {
		panic(err)
	}
	return t
}

// Reports returns the reports of the test index.
func Reports() []bot.Report {
	return []bot.Report{
		{ID: "kz-drones", Title: "Armed drones arrive in Kazakhstan", Source: "Test Wire",
			URL: "https://example.org/kz-drones", Published: day("2023-04-02"),
			Body: "Kazakhstan took delivery of armed drones made in China, according to the defence ministry.\n\n" +
				"The unmanned aircraft will be based near the southern border."},
		{ID: "kz-turkey", Title: "Turkish drones for Kazakhstan", Source: "Steppe Defence Review",
			URL: "https://example.org/kz-turkey", Published: day("2024-01-15"),
			Body: "Turkey supplies Kazakhstan with Anka drones under a licence signed in 2022.\n\n" +
				"Assembly of the drones is planned in Astana."},
		{ID: "uz-helicopters", Title: "Uzbekistan buys helicopters", Source: "Test Wire",
			URL: "https://example.org/uz-helicopters", Published: day("2022-09-01"),
			Body: "Uzbekistan ordered transport helicopters from France in 2022."},
		{ID: HostileReportID,
			Title:     "<!channel> Quarkstan drone deal <@U123> & [official](https://evil.example/title) @everyone",
			Source:    "<!here> Wire <https://evil.example/src|SIPRI>",
			URL:       "https://example.org/hostile-quarkstan",
			Published: day("2024-05-01"),
			Body: "<!channel> Quarkstan received armed drones from <@U123> while @everyone and @here watched; " +
				"see [the official list](https://evil.example/phish) or <https://evil.example/x|sipri.org>.\n\n" +
				"Quarkstan drones flew past <!everyone>, <!subteam^S123|@admins> and <#C123|general> " +
				"in a parade \u202eosla\u202c 🚁 with banners reading مسيرات and רחפנים."},
	}
}

// MustIndex builds a real index of Reports in a temporary folder and closes
// it when the test ends.
func MustIndex(tb testing.TB) *index.Index {
	tb.Helper()
	x, err := index.Create(tb.TempDir(), index.Options{})
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { x.Close() })
	if _, err := x.Ingest(context.Background(), Reports(), nil); err != nil {
		tb.Fatal(err)
	}
	return x
}
