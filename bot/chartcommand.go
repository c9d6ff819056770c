package bot

import (
	"context"
	"regexp"
	"strconv"
	"strings"
)

// reChartYears reads the years at the end of a chart request: "since
// 2010", "from 2010 to 2020", "2010-2020", "until 2015", a bare "2010"
// (since).
var reChartYears = regexp.MustCompile(`(?i)\s*(?:(?:since|from|after)\s+)?\b((?:19|20)\d\d)\b(?:\s*(?:-|–|to|until)\s*((?:19|20)\d\d)\b)?\s*$|\s*(?:until|till|to|before)\s+((?:19|20)\d\d)\s*$`)

// ParseChartRequest reads the words after "chart suppliers" or "chart
// recipients": a country or region, then optionally its years ("Kazakhstan
// since 2010", "Central Asia 2015-2020", "Turkey until 2015"). by is
// ChartSuppliers or ChartRecipients. It checks only the form; Bot.Chart
// checks the country and the years.
func ParseChartRequest(by, args string) (ChartRequest, error) {
	req := ChartRequest{By: by}
	args = strings.TrimSpace(args)
	if m := reChartYears.FindStringSubmatchIndex(args); m != nil {
		sub := func(i int) int {
			if m[2*i] < 0 {
				return 0
			}
			n, _ := strconv.Atoi(args[m[2*i]:m[2*i+1]])
			return n
		}
		req.Since, req.Until = sub(1), sub(2)
		if u := sub(3); u != 0 {
			req.Until = u
		}
		args = strings.TrimSpace(args[:m[0]])
	}
	req.Country = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(args), ","))
	if req.Country == "" {
		return req, Errorf(EInvalid, "Name a country or region, for example: chart %s Kazakhstan since 2010", by)
	}
	return req, nil
}

// chartBy returns the handler of "chart suppliers …" (by ChartSuppliers)
// or "chart recipients …".
func chartBy(by string) handler {
	return func(r *Router, ctx context.Context, c call) (*Answer, string, error) { return r.chart(ctx, c, by) }
}

// chart runs a chart command.
func (r *Router) chart(ctx context.Context, c call, by string) (*Answer, string, error) {
	req, err := ParseChartRequest(by, c.args)
	if err != nil {
		return nil, "", err
	}
	a, err := r.bot.Chart(ctx, req, c.m.Filter)
	return a, "", err
}

// Notes the answer text ends with when its chart is not attached.
const (
	// ChartNotDrawnNote: the Router has no way to draw charts.
	ChartNotDrawnNote = "(The chart's picture is not drawn here; its figures are above.)"
	// ChartFailedNote: drawing failed (logged with the request ID).
	ChartFailedNote = "(I could not draw the chart; its figures are above.)"
	// ChartUploadFailedNote is what an adapter posts when the picture
	// could not be uploaded beside an answer that was.
	ChartUploadFailedNote = "I could not post the chart's picture here; its figures are in my answer."
)

// attachChart draws the chart of an answer that has one and attaches the
// picture; when it cannot, the answer says so and keeps its text.
func (r *Router) attachChart(ctx context.Context, ans *Answer, id string) {
	if ans == nil || ans.Chart == nil || len(ans.Attachments) > 0 {
		return
	}
	if r.opts.DrawChart == nil {
		ans.Text += "\n" + ChartNotDrawnNote
		return
	}
	att, err := r.opts.DrawChart(ans.Chart)
	if err != nil {
		r.opts.Logger.ErrorContext(ctx, "draw chart failed", "request_id", id, "err", err)
		ans.Text += "\n" + ChartFailedNote
		return
	}
	ans.Attachments = append(ans.Attachments, att)
}

// chartWords ask for a picture rather than a list.
var chartWords = wordSet("chart charts graph graphs plot diagram visualise visualize visualisation visualization")

// reOverTime: a question asking how something went year by year.
var reOverTime = regexp.MustCompile(`\b(?:over time|over the years|per year|by year|year by year|each year|every year)\b`)

// asksChart reports whether a question asks for a chart: "chart
// Kazakhstan's suppliers", "show me Kazakhstan's suppliers over time".
func asksChart(lower string, words []wordSpan) bool {
	if hasAny(words, chartWords) {
		return true
	}
	return (containsWord(words, "show") || containsWord(words, "draw")) && reOverTime.MatchString(lower)
}

// chartRequest is the chart a question asks for, when it names one
// country or region on one side; ok is false otherwise (the question is
// then answered as a list).
func (u Understanding) chartRequest() (req ChartRequest, ok bool) {
	names := u.Recipients
	req.By = ChartSuppliers
	if u.Intent == IntentRecipients {
		names, req.By = u.Suppliers, ChartRecipients
	} else if u.Intent != IntentSuppliers {
		return req, false
	}
	switch {
	case u.Group != "":
		req.Country = u.Group
	case len(names) == 1:
		req.Country = names[0]
	default:
		return req, false
	}
	req.Since, req.Until = u.YearFrom, u.YearTo
	req.Categories, req.Kinds = u.Categories, u.Kinds
	return req, true
}

// chartQuestion answers a question that asks for a chart; nil when the
// question names no one country or region to chart.
func (b *Bot) chartQuestion(ctx context.Context, q string, u Understanding, f Filter) (*Answer, error) {
	req, ok := u.chartRequest()
	if !ok {
		return nil, nil
	}
	ans, err := b.chart(ctx, req, f)
	if ans != nil {
		ans.Question = q
	}
	return ans, err
}
