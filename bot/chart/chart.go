// Package chart draws the table behind a chart (bot.ChartTable) as a PNG
// of stacked bars with gonum.org/v1/plot, which renders in pure Go with its
// fonts embedded, so the binary stays static. It is the only package that
// imports a plotting library.
package chart

import (
	"bytes"
	"errors"
	"fmt"
	"image/color"
	"math"
	"regexp"
	"strconv"
	"strings"

	xfont "golang.org/x/image/font"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"

	"github.com/briefbot/briefbot/bot"
	"github.com/briefbot/briefbot/corpus/sipri"
)

// Options size a chart. The zero value draws 1200×700 pixels.
type Options struct {
	Width, Height int // pixels; 0 means 1200 and 700, each at most 4000
}

// Size limits, so that no request costs unbounded memory (4000×4000 RGBA
// is 64 MB).
const (
	defaultWidth  = 1200
	defaultHeight = 700
	minSide       = 300
	maxSide       = 4000
	dpi           = 96
)

// palette colours the series in order (Okabe–Ito's colour-blind-safe
// colours, then two more); Others is always grey.
var palette = []color.RGBA{
	{0, 114, 178, 255},   // blue
	{230, 159, 0, 255},   // orange
	{0, 158, 115, 255},   // bluish green
	{204, 121, 167, 255}, // reddish purple
	{86, 180, 233, 255},  // sky blue
	{213, 94, 0, 255},    // vermillion
	{240, 228, 66, 255},  // yellow
	{0, 0, 0, 255},       // black
	{153, 102, 51, 255},  // brown
	{102, 51, 153, 255},  // purple
}

var othersColour = color.RGBA{170, 170, 170, 255}

// ErrEmpty is returned for a table with nothing to draw; bot.Bot.Chart
// never returns one.
var ErrEmpty = errors.New("chart: the table has no values")

// Draw renders t as a PNG of stacked bars: title, the measure as subtitle,
// axis labels, a legend, and a footer with the sources' credit (SIPRI's
// credit line when its data is charted) and the date of the newest
// evidence. The attachment carries the chart's alt text. A table without
// years, series or any value gives ErrEmpty.
func Draw(t *bot.ChartTable, opts Options) (bot.Attachment, error) {
	w, h, err := opts.size()
	if err != nil {
		return bot.Attachment{}, err
	}
	if len(t.Bars()) == 0 || len(t.Series) == 0 || t.Total() <= 0 {
		return bot.Attachment{}, ErrEmpty
	}
	img := vgimg.NewWith(vgimg.UseWH(pixels(w), pixels(h)), vgimg.UseDPI(dpi), vgimg.UseBackgroundColor(color.White))
	c := draw.New(img)
	pad := vg.Points(12)
	c = draw.Crop(c, pad, -pad, pad, -pad)
	header := vg.Points(46)
	footer := vg.Points(30)
	legendWidth := vg.Points(150)
	drawHeader(draw.Crop(c, 0, 0, c.Max.Y-c.Min.Y-header, 0), t)
	drawFooter(draw.Crop(c, 0, 0, 0, -(c.Max.Y-c.Min.Y-footer)), t)
	body := draw.Crop(c, 0, -legendWidth, footer, -header)
	p, bars, err := newPlot(t, body.Max.X-body.Min.X)
	if err != nil {
		return bot.Attachment{}, err
	}
	p.Draw(body)
	drawLegend(draw.Crop(c, c.Max.X-c.Min.X-legendWidth+pad, 0, footer, -header), t, bars)
	var buf bytes.Buffer
	if _, err := (vgimg.PngCanvas{Canvas: img}).WriteTo(&buf); err != nil {
		return bot.Attachment{}, fmt.Errorf("chart: encode png: %w", err)
	}
	return bot.Attachment{Name: FileName(t), Type: "image/png", Data: buf.Bytes(), Title: t.Title(),
		AltText: t.AltText(), Width: w, Height: h}, nil
}

// size checks and defaults the pixel size.
func (o Options) size() (int, int, error) {
	w, h := o.Width, o.Height
	if w == 0 {
		w = defaultWidth
	}
	if h == 0 {
		h = defaultHeight
	}
	if w < minSide || h < minSide || w > maxSide || h > maxSide {
		return 0, 0, fmt.Errorf("chart: size %d×%d is outside %d–%d pixels a side", w, h, minSide, maxSide)
	}
	return w, h, nil
}

// pixels is n pixels as a length at the chart's DPI.
func pixels(n int) vg.Length { return vg.Length(float64(n) * 72 / dpi) }

var unsafeName = regexp.MustCompile(`[^a-z0-9]+`)

// FileName is the chart's file name: "kazakhstan-suppliers.png".
func FileName(t *bot.ChartTable) string {
	slug := strings.Trim(unsafeName.ReplaceAllString(strings.ToLower(t.Subject), "-"), "-")
	if slug == "" {
		slug = "chart"
	}
	return slug + "-" + t.By + ".png"
}

// sans is the embedded Liberation Sans at size points, bold or not: plain
// letters read better at chat sizes than the default serif.
func sans(size float64, bold bool) font.Font {
	f := font.Font{Typeface: "Liberation", Variant: "Sans"}
	if bold {
		f.Weight = xfont.WeightBold
	}
	return font.From(f, vg.Points(size))
}

// style is a text style in sans at size points.
func style(size float64, bold bool) text.Style {
	return text.Style{Color: color.Black, Font: sans(size, bold), Handler: plot.DefaultTextHandler}
}

// drawHeader writes the title and, under it, what the values measure.
func drawHeader(c draw.Canvas, t *bot.ChartTable) {
	title := style(17, true)
	c.FillText(title, vg.Point{X: c.Min.X, Y: c.Max.Y - title.Height("M")}, t.Title())
	sub := style(11, false)
	sub.Color = color.Gray{Y: 70}
	c.FillText(sub, vg.Point{X: c.Min.X, Y: c.Max.Y - title.Height("M") - vg.Points(8) - sub.Height("M")}, t.Subtitle())
}

// drawFooter writes the sources' credit and the date of the newest
// evidence along the bottom.
func drawFooter(c draw.Canvas, t *bot.ChartTable) {
	s := style(9, false)
	s.Color = color.Gray{Y: 80}
	c.FillText(s, vg.Point{X: c.Min.X, Y: c.Min.Y + vg.Points(2)}, Footer(t))
}

// Footer is the chart's credit line: SIPRI's credit line when register
// rows are charted or a cited report draws on SIPRI's data, else the
// reports cited; then the date of the newest evidence and what was left
// out for want of a year.
func Footer(t *bot.ChartTable) string {
	parts := []string{fmt.Sprintf("Sources: %d reports in the briefbot index, each bar cited in the answer", reportCount(t))}
	if t.SIPRI {
		parts = []string{"Source: " + sipri.CreditLine}
	} else if citesSIPRI(t) {
		parts = append(parts, sipri.CreditLine)
	}
	if t.Newest != "" {
		parts = append(parts, "Newest evidence: "+t.Newest)
	}
	if t.Undated > 0 {
		what := "deals"
		if t.Measure == bot.MeasureTIV {
			what = "register rows"
		}
		parts = append(parts, fmt.Sprintf("%d undated %s not shown", t.Undated, what))
	}
	return strings.Join(parts, ". ") + "."
}

// citesSIPRI reports whether a cited report draws on SIPRI's data.
func citesSIPRI(t *bot.ChartTable) bool {
	for _, c := range t.Citations {
		if strings.Contains(c.Source, "SIPRI") {
			return true
		}
	}
	return false
}

// reportCount is the number of distinct reports cited by the table.
func reportCount(t *bot.ChartTable) int {
	seen := map[string]bool{}
	for _, c := range t.Citations {
		seen[c.ReportID] = true
	}
	return len(seen)
}

// newPlot builds the stacked bars of t for a plot area width wide, and
// returns the bars, in series order, for the legend.
func newPlot(t *bot.ChartTable, width vg.Length) (*plot.Plot, []*plotter.BarChart, error) {
	p := plot.New()
	p.BackgroundColor = color.Transparent
	p.X.Label.Text = t.XLabel()
	p.Y.Label.Text = capitalise(t.Unit)
	for _, a := range []*plot.Axis{&p.X, &p.Y} {
		a.Label.TextStyle.Font = sans(12, false)
		a.Tick.Label.Font = sans(10, false)
	}
	p.Y.Min = 0
	bars := t.Bars()
	barWidth := max(vg.Points(2), width*0.8/vg.Length(len(bars)+1))
	var stack []*plotter.BarChart
	for i, s := range t.Series {
		b, err := plotter.NewBarChart(plotter.Values(s.Values), barWidth)
		if err != nil {
			return nil, nil, fmt.Errorf("chart: series %s: %w", s.Name, err)
		}
		b.Color = seriesColour(i, s.Name)
		b.LineStyle.Width = vg.Points(0.5)
		b.LineStyle.Color = color.White
		if i > 0 {
			b.StackOn(stack[i-1])
		}
		stack = append(stack, b)
		p.Add(b)
	}
	p.X.Tick.Marker = barTicks(t)
	if len(t.Labels) > 0 {
		// names are longer than years: slant them so they do not overlap
		p.X.Tick.Label.Rotation = math.Pi / 6
		p.X.Tick.Label.XAlign, p.X.Tick.Label.YAlign = draw.XRight, draw.YCenter
	}
	p.X.Min, p.X.Max = -0.6, float64(len(bars))-0.4
	top := maxStack(t)
	p.Y.Max = top * 1.08
	if t.Measure == bot.MeasureDeals {
		p.Y.Tick.Marker = integerTicks{}
	}
	grid := plotter.NewGrid()
	grid.Vertical.Color = nil // horizontal lines only
	p.Add(grid)
	return p, stack, nil
}

// seriesColour is the colour of series i: grey for Others.
func seriesColour(i int, name string) color.Color {
	if name == bot.OthersSeries {
		return othersColour
	}
	return palette[i%len(palette)]
}

// maxStack is the height of the tallest bar.
func maxStack(t *bot.ChartTable) float64 {
	top := 0.0
	for i := range t.Bars() {
		sum := 0.0
		for _, s := range t.Series {
			sum += s.Values[i]
		}
		top = math.Max(top, sum)
	}
	return top
}

// barTicks labels the bars: every label of a chart by Labels; for years,
// every year up to 16 of them, else every second or fifth year, the others
// as minor ticks.
func barTicks(t *bot.ChartTable) plot.ConstantTicks {
	var ticks plot.ConstantTicks
	if len(t.Labels) > 0 {
		for i, l := range t.Labels {
			ticks = append(ticks, plot.Tick{Value: float64(i), Label: l})
		}
		return ticks
	}
	step := 1
	switch n := len(t.Years); {
	case n > 40:
		step = 5
	case n > 16:
		step = 2
	}
	for i, y := range t.Years {
		label := ""
		if y%step == 0 || step == 1 {
			label = strconv.Itoa(y)
		}
		ticks = append(ticks, plot.Tick{Value: float64(i), Label: label})
	}
	return ticks
}

// integerTicks marks whole numbers only: deals are not counted in halves.
type integerTicks struct{}

func (integerTicks) Ticks(min, max float64) []plot.Tick {
	step := 1.0
	for max/step > 8 {
		switch {
		case step < 2:
			step = 2
		case step < 5:
			step = 5
		default:
			step *= 2
		}
	}
	var ticks []plot.Tick
	for v := 0.0; v <= max; v += step {
		ticks = append(ticks, plot.Tick{Value: v, Label: strconv.Itoa(int(v))})
	}
	return ticks
}

// drawLegend lists the series, top of the stack first, with their totals.
func drawLegend(c draw.Canvas, t *bot.ChartTable, bars []*plotter.BarChart) {
	l := plot.NewLegend()
	l.Top, l.Left = true, true
	l.TextStyle = style(11, false)
	l.Padding = vg.Points(4)
	l.ThumbnailWidth = vg.Points(14)
	for i := len(t.Series) - 1; i >= 0; i-- {
		s := t.Series[i]
		name := s.Name
		if s.Name == bot.OthersSeries {
			name = fmt.Sprintf("Others (%d)", len(s.Members))
		}
		l.Add(fmt.Sprintf("%s: %s", name, t.Figure(s.Total)), bars[i])
	}
	l.Draw(c)
}

func capitalise(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
