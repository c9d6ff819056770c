package bot

import (
	"slices"
	"strings"
	"testing"
	_ "time/tzdata" // tests must not depend on the system zoneinfo
)

func TestParseSubscribe(t *testing.T) {
	centralAsia := []string{"Kazakhstan", "Kyrgyzstan", "Tajikistan", "Turkmenistan", "Uzbekistan"}
	tests := []struct {
		name, words    string
		spec, tz       string
		countries      []string
		categories     []string
		skipEmpty      bool
		chart          bool
		wantDescribeIn string // a substring of Describe
	}{
		{name: "defaults", words: "", spec: DefaultDigestSpec, tz: "Europe/Berlin",
			wantDescribeIn: "weekly on Monday at 09:00 Europe/Berlin"},
		{name: "weekly", words: "weekly", spec: "0 9 * * 1", tz: "Europe/Berlin"},
		{name: "weekly on Friday at", words: "weekly on friday at 17:30", spec: "30 17 * * 5", tz: "Europe/Berlin",
			wantDescribeIn: "weekly on Friday at 17:30"},
		{name: "on alone means weekly", words: "on Sun", spec: "0 9 * * 0", tz: "Europe/Berlin"},
		{name: "daily at one digit hour", words: "daily at 7:05", spec: "5 7 * * *", tz: "Europe/Berlin",
			wantDescribeIn: "daily at 07:05 Europe/Berlin"},
		{name: "at before daily", words: "at 18:00 DAILY", spec: "0 18 * * *", tz: "Europe/Berlin"},
		{name: "quoted cron", words: `"0 6 * * 1-5"`, spec: "0 6 * * 1-5", tz: "Europe/Berlin",
			wantDescribeIn: `on cron schedule "0 6 * * 1-5"`},
		{name: "curly quoted cron", words: "“30 8 1 * *” tz UTC", spec: "30 8 1 * *", tz: "UTC"},
		{name: "cron words", words: "cron 0 9 * * MON tz Asia/Almaty", spec: "0 9 * * MON", tz: "Asia/Almaty"},
		{name: "cron quoted", words: `cron "15 9 * * 2"`, spec: "15 9 * * 2", tz: "Europe/Berlin"},
		{name: "tz", words: "daily tz America/New_York", spec: "0 9 * * *", tz: "America/New_York"},
		{name: "example from the brief", words: "weekly countries Kazakhstan, Uzbekistan",
			spec: "0 9 * * 1", tz: "Europe/Berlin", countries: []string{"Kazakhstan", "Uzbekistan"},
			wantDescribeIn: "weekly on Monday at 09:00 Europe/Berlin, countries Kazakhstan, Uzbekistan"},
		{name: "demonyms codes and multi-word names", words: "countries kazakh, KG and South Korea Trinidad and Tobago",
			spec: "0 9 * * 1", tz: "Europe/Berlin", countries: []string{"Kazakhstan", "Kyrgyzstan", "South Korea", "Trinidad and Tobago"}},
		{name: "quoted country", words: `countries "Bosnia and Herzegovina"`, spec: "0 9 * * 1", tz: "Europe/Berlin",
			countries: []string{"Bosnia and Herzegovina"}},
		{name: "group expands, duplicates dropped", words: "countries Uzbekistan, Central Asia",
			spec: "0 9 * * 1", tz: "Europe/Berlin", countries: append([]string{"Uzbekistan"}, slices.DeleteFunc(slices.Clone(centralAsia), func(s string) bool { return s == "Uzbekistan" })...)},
		{name: "categories", words: "categories air defence systems, drones and Ships",
			spec: "0 9 * * 1", tz: "Europe/Berlin", categories: []string{"Air-defence systems", "Aircraft", "Ships"},
			wantDescribeIn: "categories Air-defence systems, Aircraft, Ships"},
		{name: "everything in any order", words: "quiet categories missiles countries Central Asia tz Asia/Tashkent daily at 08:00",
			spec: "0 8 * * *", tz: "Asia/Tashkent", countries: centralAsia, categories: []string{"Missiles"}, skipEmpty: true,
			wantDescribeIn: "quiet when there is nothing new"},
		{name: "list then quoted cron", words: `countries Kazakhstan "0 7 * * 1"`, spec: "0 7 * * 1", tz: "Europe/Berlin",
			countries: []string{"Kazakhstan"}},
		{name: "commas between options, chart", words: "weekly, chart, at 10:00", spec: "0 10 * * 1", tz: "Europe/Berlin",
			chart: true, wantDescribeIn: "with a chart of new deliveries"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseSubscribe(tt.words, "Europe/Berlin")
			if err != nil {
				t.Fatalf("ParseSubscribe(%q): %v", tt.words, err)
			}
			if got.Spec != tt.spec || got.TZ != tt.tz || got.SkipEmpty != tt.skipEmpty || got.Chart != tt.chart {
				t.Errorf("got spec %q tz %q quiet %v chart %v, want %q %q %v %v", got.Spec, got.TZ, got.SkipEmpty, got.Chart,
					tt.spec, tt.tz, tt.skipEmpty, tt.chart)
			}
			if !slices.Equal(got.Countries, tt.countries) {
				t.Errorf("got countries %q, want %q", got.Countries, tt.countries)
			}
			if !slices.Equal(got.Categories, tt.categories) {
				t.Errorf("got categories %q, want %q", got.Categories, tt.categories)
			}
			if d := got.Describe(); !strings.Contains(d, tt.wantDescribeIn) {
				t.Errorf("Describe = %q, want it to contain %q", d, tt.wantDescribeIn)
			}
		})
	}
}

func TestParseSubscribeErrors(t *testing.T) {
	tests := []struct {
		name, words string
		wantMsg     string // a substring of the user-facing message
	}{
		{"cron spec four fields", `"0 9 * *"`, `bad cron spec "0 9 * *"`},
		{"cron spec six fields", "cron 0 0 9 * * 1", "bad cron spec"},
		{"cron minute out of range", `"61 9 * * *"`, "bad cron spec"},
		{"cron bad weekday", "cron 0 9 * * funday", "bad cron spec"},
		{"cron descriptor", `"@weekly"`, "bad cron spec"},
		{"cron never fires", `"0 9 30 2 *"`, "bad cron spec"},
		{"cron without spec", "cron", `"cron" needs a spec`},
		{"unclosed quote", `"0 9 * * 1`, "quote is not closed"},
		{"time out of range", "daily at 25:00", `bad time "25:00"`},
		{"time without minutes", "daily at 9", `bad time "9"`},
		{"time am", "daily at 9am", `bad time "9am"`},
		{"at without time", "daily at", `"at" needs a time`},
		{"unknown zone", "tz Mars/Olympus", `unknown time zone "Mars/Olympus"`},
		{"zone abbreviation", "tz Berlin", `unknown time zone "Berlin"`},
		{"local zone", "tz Local", `unknown time zone "Local"`},
		{"tz without zone", "tz", `"tz" needs a time zone`},
		{"unknown country", "countries Kazakhstan, Atlantis", `unknown country "Atlantis"`},
		{"unknown country words", "countries Kazakhstan Middle Earth", `unknown country "Middle Earth"`},
		{"empty countries", "countries quiet", `"countries" needs at least one name`},
		{"unknown category", "categories aircraft, lasers", `unknown category "lasers"`},
		{"two schedules", "weekly daily", "give one schedule"},
		{"quoted spec after weekly", `weekly "0 9 * * 1"`, "give one schedule: weekly or cron"},
		{"cron after daily", "daily cron 0 9 * * 1", "give one schedule: daily or cron"},
		{"on without day", "weekly on", `"on" needs a day`},
		{"on before a comma", "weekly on , at 09:00", `"on" needs a day`},
		{"unknown quoted country", `countries "Middle Earth"`, `unknown country "Middle Earth"`},
		{"at with cron", `"0 9 * * 1" at 10:00`, `"at" and "on" go with weekly or daily`},
		{"on with daily", "daily on Monday", `"on" goes with weekly`},
		{"bad day", "weekly on Funday", `bad day "Funday"`},
		{"stray word", "fortnightly", `I don't understand "fortnightly"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseSubscribe(tt.words, "Europe/Berlin")
			if err == nil {
				t.Fatalf("ParseSubscribe(%q) gave no error", tt.words)
			}
			if code := ErrorCode(err); code != EInvalid {
				t.Errorf("code %q, want %q (err %v)", code, EInvalid, err)
			}
			if msg := ErrorMessage(err); !strings.Contains(msg, tt.wantMsg) {
				t.Errorf("message %q, want it to contain %q", msg, tt.wantMsg)
			}
		})
	}
}

func TestSubscriptionDescribe(t *testing.T) {
	tests := []struct {
		sub  Subscription
		want string
	}{
		{Subscription{Spec: "0 9 * * 1", TZ: "Europe/Berlin", Countries: []string{"Kazakhstan", "Uzbekistan"}},
			"weekly on Monday at 09:00 Europe/Berlin, countries Kazakhstan, Uzbekistan"},
		{Subscription{Spec: "0 9 * * 7"}, "weekly on Sunday at 09:00 (default time zone)"},
		{Subscription{Spec: "45 23 * * *", TZ: "UTC", Categories: []string{"Ships"}, SkipEmpty: true},
			"daily at 23:45 UTC, categories Ships, quiet when there is nothing new"},
		{Subscription{Spec: "0 9 1 * *", TZ: "UTC"}, `on cron schedule "0 9 1 * *" UTC`},
		{Subscription{Spec: "0 9 * * MON", TZ: "UTC"}, `on cron schedule "0 9 * * MON" UTC`},
	}
	for _, tt := range tests {
		if got := tt.sub.Describe(); got != tt.want {
			t.Errorf("Describe(%+v) = %q, want %q", tt.sub, got, tt.want)
		}
	}
}

func TestSubscriptionID(t *testing.T) {
	if got, want := SubscriptionID("slack", "C123"), "slack:C123"; got != want {
		t.Errorf("SubscriptionID = %q, want %q", got, want)
	}
}
