package extract

import (
	"bytes"
	"compress/gzip"
	"flag"
	"fmt"
	"math"
	"math/rand"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/briefbot/briefbot/bot"
	"github.com/briefbot/briefbot/corpus/extract/docgold"
)

var (
	trainReader = flag.Bool("train-reader", false, "train the learned reader and write reader.model.gz")
	// readerData names extra folders in the layout of ../shared/data/real-reports
	// to train on, comma separated.
	readerData = flag.String("reader-data", "", "extra real-report folders to train the reader on, comma separated")
	readerEval = flag.String("reader-eval", "", "score rules alone and rules with the reader on real-report folders, comma separated")
)

// readerExample is one labelled pair.
type readerExample struct {
	feats []string
	class int
}

func classOf(st string) int {
	for k, c := range readerClasses {
		if string(c) == st && k > 0 {
			return k
		}
	}
	return -1
}

// goldExamples labels the pairs of the gold sentences.
func goldExamples(tb testing.TB, e *Extractor) []readerExample {
	var out []readerExample
	for _, g := range MustLoadGold(tb, "testdata/gold/*.jsonl") {
		c := g.context(tb)
		a := newAnalysis(e, g.Text, &c)
		label := map[[2]string]int{}
		for _, r := range g.Relations {
			if r.Inferred {
				continue
			}
			if _, ok := label[[2]string{r.Supplier, r.Recipient}]; !ok {
				label[[2]string{r.Supplier, r.Recipient}] = classOf(r.Status)
			}
		}
		for _, p := range a.readerPairs() {
			k := label[[2]string{a.actors[p.s].countries[0], a.actors[p.r].countries[0]}]
			if k < 0 {
				continue
			}
			out = append(out, readerExample{a.readerFeatures(p), k})
		}
	}
	return out
}

// realSet is a folder of real reports and their document-level gold.
type realSet struct {
	docs    []docgold.Doc
	reports map[string]bot.Report
}

func loadRealDir(tb testing.TB, dir string) realSet {
	tb.Helper()
	docs, err := docgold.ReadFile(filepath.Join(dir, "relations.jsonl"))
	if err != nil {
		tb.Fatal(err)
	}
	rs := realSet{docs: docs, reports: map[string]bot.Report{}}
	for _, d := range docs {
		raw, err := os.ReadFile(filepath.Join(dir, "reports", d.Report+".md"))
		if err != nil {
			tb.Fatal(err)
		}
		rs.reports[d.Report] = parseFrontMatter(d.Report, string(raw))
	}
	return rs
}

// parseFrontMatter reads the few front-matter fields the reader needs.
func parseFrontMatter(id, raw string) bot.Report {
	r := bot.Report{ID: id, Body: raw}
	if rest, ok := strings.CutPrefix(raw, "---\n"); ok {
		if i := strings.Index(rest, "\n---\n"); i >= 0 {
			for _, line := range strings.Split(rest[:i], "\n") {
				k, v, _ := strings.Cut(line, ":")
				v = strings.Trim(strings.TrimSpace(v), `"`)
				switch strings.TrimSpace(k) {
				case "title":
					r.Title = v
				case "published":
					r.Published, _ = time.Parse(bot.DateLayout, v)
				}
			}
			r.Body = rest[i+5:]
		}
	}
	return r
}

// realExamples labels the pairs of every sentence of a real set: a pair
// whose relation's evidence lies in the sentence gets its status, a pair
// the report never relates is "no transfer", and a related pair whose
// evidence is elsewhere is left out (the sentence may or may not restate it).
func realExamples(e *Extractor, rs realSet) []readerExample {
	var out []readerExample
	for _, d := range rs.docs {
		r := rs.reports[d.Report]
		related := map[[2]string]bool{}
		for _, rel := range d.Relations {
			related[[2]string{rel.Supplier, rel.Recipient}] = true
		}
		for _, sp := range bot.SplitSentences(r.Body) {
			text := r.Body[sp.Start:sp.End]
			c := Context{Title: r.Title, Published: r.Published}
			a := newAnalysis(e, text, &c)
			for _, p := range a.readerPairs() {
				key := [2]string{a.actors[p.s].countries[0], a.actors[p.r].countries[0]}
				k := 0
				for _, rel := range d.Relations {
					if [2]string{rel.Supplier, rel.Recipient} == key && rel.Evidence != "" && overlaps(r.Body, rel.Evidence, sp) {
						k = classOf(rel.Status)
						break
					}
				}
				if k == 0 && related[key] {
					continue
				}
				if k > 0 {
					out = append(out, readerExample{a.readerFeatures(p), k})
				} else {
					out = append(out, readerExample{a.readerFeatures(p), 0})
				}
			}
		}
	}
	return out
}

// overlaps reports whether an occurrence of ev in body overlaps sp.
func overlaps(body, ev string, sp bot.Span) bool {
	for off := 0; ; {
		i := strings.Index(body[off:], ev)
		if i < 0 {
			return false
		}
		s := off + i
		if s < sp.End && s+len(ev) > sp.Start {
			return true
		}
		off = s + 1
	}
}

// trainModel fits a multinomial logistic model with AdaGrad and an L2
// penalty; deterministic for a given seed.
func trainModel(ex []readerExample, epochs int, lr, l2 float64, seed int64) *readerModel {
	index := map[string]int{}
	var names []string
	ids := make([][]int, len(ex))
	for i, x := range ex {
		for _, f := range x.feats {
			j, ok := index[f]
			if !ok {
				j = len(names)
				index[f] = j
				names = append(names, f)
			}
			ids[i] = append(ids[i], j)
		}
	}
	W := make([][nReaderClasses]float64, len(names))
	G := make([][nReaderClasses]float64, len(names))
	var b, gb [nReaderClasses]float64
	order := make([]int, len(ex))
	for i := range order {
		order[i] = i
	}
	rng := rand.New(rand.NewSource(seed))
	for ep := 0; ep < epochs; ep++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for _, i := range order {
			z := b
			for _, j := range ids[i] {
				for k := range z {
					z[k] += W[j][k]
				}
			}
			p := softmax(z)
			for k := range p {
				g := p[k]
				if k == ex[i].class {
					g -= 1
				}
				gb[k] += g * g
				b[k] -= lr * g / (math.Sqrt(gb[k]) + 1e-8)
				for _, j := range ids[i] {
					gj := g + l2*W[j][k]
					G[j][k] += gj * gj
					W[j][k] -= lr * gj / (math.Sqrt(G[j][k]) + 1e-8)
				}
			}
		}
	}
	m := &readerModel{w: map[string]*[nReaderClasses]float32{}}
	for k := range b {
		m.bias[k] = float32(b[k])
	}
	for j, n := range names {
		var ws [nReaderClasses]float32
		big := false
		for k := range ws {
			ws[k] = float32(W[j][k])
			if math.Abs(W[j][k]) >= 1e-3 {
				big = true
			}
		}
		if big {
			m.w[n] = &ws
		}
	}
	return m
}

// writeReaderModel writes m in the form parseReaderModel reads.
func writeReaderModel(m *readerModel, path string) error {
	var buf bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	line := func(name string, ws [nReaderClasses]float32) {
		fmt.Fprint(zw, name)
		for _, v := range ws {
			fmt.Fprint(zw, "\t", strconv.FormatFloat(float64(v), 'g', 4, 32))
		}
		fmt.Fprintln(zw)
	}
	line("<bias>", m.bias)
	names := make([]string, 0, len(m.w))
	for n := range m.w {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		line(n, *m.w[n])
	}
	if err := zw.Close(); err != nil {
		return err
	}
	return os.WriteFile(path, buf.Bytes(), 0o644)
}

// sharedRealDir is ../shared/data/real-reports seen from this package.
const sharedRealDir = "../../../shared/data/real-reports"

// readerTrainingSet is what the shipped model is trained on: the gold
// sentences and the dev split of the shared real-text set (never its
// blind split), plus any -reader-data folders.
func readerTrainingSet(tb testing.TB, e *Extractor) []readerExample {
	ex := goldExamples(tb, e)
	if _, err := os.Stat(sharedRealDir); err == nil && os.Getenv("READER_NO_SHARED") == "" {
		rs := loadRealDir(tb, sharedRealDir)
		blind := readNames(tb, "testdata/realtext/blind.txt")
		var dev []docgold.Doc
		for _, d := range rs.docs {
			if !blind[d.Report] {
				dev = append(dev, d)
			}
		}
		rs.docs = dev
		ex = append(ex, realExamples(e, rs)...)
	}
	for _, dir := range strings.Split(*readerData, ",") {
		if dir = strings.TrimSpace(dir); dir != "" {
			ex = append(ex, realExamples(e, loadRealDir(tb, dir))...)
		}
	}
	return ex
}

func readNames(tb testing.TB, path string) map[string]bool {
	raw, err := os.ReadFile(path)
	if err != nil {
		tb.Fatal(err)
	}
	out := map[string]bool{}
	for _, l := range strings.Split(string(raw), "\n") {
		if l = strings.TrimSpace(l); l != "" && !strings.HasPrefix(l, "#") {
			out[l] = true
		}
	}
	return out
}

// TestTrainReader trains the reader and writes reader.model.gz; it runs
// only with -train-reader.
func TestTrainReader(t *testing.T) {
	if !*trainReader {
		t.Skip("training runs only on purpose: go test ./corpus/extract -run TestTrainReader -args -train-reader [-reader-data DIRS]")
	}
	e := New()
	ex := readerTrainingSet(t, e)
	counts := make([]int, nReaderClasses)
	for _, x := range ex {
		counts[x.class]++
	}
	t.Logf("%d examples, per class %v", len(ex), counts)
	m := trainModel(ex, readerEpochs, readerLR, readerL2, 1)
	t.Logf("%d features kept", len(m.w))
	if err := writeReaderModel(m, "reader.model.gz"); err != nil {
		t.Fatal(err)
	}
}

// Training settings of the shipped model.
const (
	readerEpochs = 12
	readerLR     = 0.1
	readerL2     = 1e-4
)

// TestReaderEval scores rules alone and rules with the reader at several
// thresholds on -reader-eval folders (document level).
func TestReaderEval(t *testing.T) {
	if *readerEval == "" {
		t.Skip("run with -reader-eval DIRS")
	}
	m, err := loadDefaultReader()
	if err != nil {
		t.Fatal(err)
	}
	for _, dir := range strings.Split(*readerEval, ",") {
		var rs realSet
		if dir != "dev" {
			rs = loadRealDir(t, dir)
		} else {
			rs = loadRealDir(t, sharedRealDir)
			blind := readNames(t, "testdata/realtext/blind.txt")
			var dev []docgold.Doc
			for _, d := range rs.docs {
				if !blind[d.Report] {
					dev = append(dev, d)
				}
			}
			rs.docs = dev
		}
		for _, min := range []float64{0, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95} {
			e := New()
			if min > 0 && os.Getenv("READER_VETO") != "" {
				e.reader, e.readerKeep = m, 1-min
			} else if min > 0 {
				e.reader, e.readerMin = m, min
			}
			pred := map[string][]bot.Relation{}
			for _, d := range rs.docs {
				pred[d.Report] = e.Report(rs.reports[d.Report])
			}
			s := docgold.Compare(rs.docs, pred)
			t.Logf("%s min %.2f: P %.3f (%d/%d) R %.3f (%d/%d)", filepath.Base(dir), min, s.Pair.Precision(), s.Pair.TP, s.Pair.TP+s.Pair.FP,
				s.Pair.Recall(), s.Pair.TP, s.Pair.TP+s.Pair.FN)
			if os.Getenv("READER_FP") != "" && min == 0.7 {
				for _, m := range s.FalsePositives {
					t.Logf("  FP %s", m)
				}
			}
		}
	}
}
