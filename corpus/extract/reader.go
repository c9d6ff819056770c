package extract

import (
	"bufio"
	"bytes"
	"compress/gzip"
	_ "embed"
	"fmt"
	"math"
	"strconv"
	"strings"
	"sync"

	"github.com/briefbot/briefbot/bot"
)

// The learned reader: a multinomial logistic model that reads, for an
// ordered pair of countries named in one sentence, whether the sentence
// states a transfer from the first to the second and at which stage. It
// sees what the rules' analysis found (mentions, their prepositions and
// kinds, triggers, weapons, negation and hedging) and the words around
// the pair, and it was trained on labelled sentences (see reader_test.go:
// TestTrainReader), not written by hand. It is an experiment behind the
// rules: Extractor.reader is off by default (see docs/accuracy.md,
// "Learned reader").

// readerClasses are the model's outputs; 0 is "no transfer".
var readerClasses = []bot.Status{"", bot.StatusDelivered, bot.StatusOrdered, bot.StatusPlanned, bot.StatusCancelled}

const nReaderClasses = 5

// Bounds of the reader's work on one sentence.
const (
	maxReaderActors = 12 // country mentions paired
	maxBetween      = 12 // words read between the two mentions
	maxBag          = 80 // words of the sentence read as a bag
)

type readerModel struct {
	bias [nReaderClasses]float32
	w    map[string]*[nReaderClasses]float32
}

//go:embed reader.model.gz
var readerModelGz []byte

var (
	defaultReaderOnce sync.Once
	defaultReader     *readerModel
	defaultReaderErr  error
)

// loadDefaultReader parses the embedded model once.
func loadDefaultReader() (*readerModel, error) {
	defaultReaderOnce.Do(func() {
		defaultReader, defaultReaderErr = parseReaderModel(readerModelGz)
	})
	return defaultReader, defaultReaderErr
}

// parseReaderModel reads the gzipped text form written by writeTo: one
// line per feature, the feature then its weights, tab separated; the
// feature "<bias>" holds the biases.
func parseReaderModel(gz []byte) (*readerModel, error) {
	zr, err := gzip.NewReader(bytes.NewReader(gz))
	if err != nil {
		return nil, fmt.Errorf("reader model: %w", err)
	}
	m := &readerModel{w: map[string]*[nReaderClasses]float32{}}
	sc := bufio.NewScanner(zr)
	sc.Buffer(make([]byte, 0, 64<<10), 1<<20)
	for n := 1; sc.Scan(); n++ {
		f := strings.Split(sc.Text(), "\t")
		if len(f) != nReaderClasses+1 {
			return nil, fmt.Errorf("reader model line %d: %d fields, want %d", n, len(f), nReaderClasses+1)
		}
		var ws [nReaderClasses]float32
		for k := range ws {
			v, err := strconv.ParseFloat(f[k+1], 32)
			if err != nil {
				return nil, fmt.Errorf("reader model line %d: %w", n, err)
			}
			ws[k] = float32(v)
		}
		if f[0] == "<bias>" {
			m.bias = ws
			continue
		}
		m.w[f[0]] = &ws
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("reader model: %w", err)
	}
	return m, nil
}

// probs returns the class probabilities of one feature set.
func (m *readerModel) probs(feats []string) [nReaderClasses]float64 {
	var z [nReaderClasses]float64
	for k := range z {
		z[k] = float64(m.bias[k])
	}
	for _, f := range feats {
		if ws := m.w[f]; ws != nil {
			for k := range z {
				z[k] += float64(ws[k])
			}
		}
	}
	return softmax(z)
}

func softmax(z [nReaderClasses]float64) [nReaderClasses]float64 {
	mx := z[0]
	for _, v := range z[1:] {
		mx = math.Max(mx, v)
	}
	var sum float64
	for k := range z {
		z[k] = math.Exp(z[k] - mx)
		sum += z[k]
	}
	for k := range z {
		z[k] /= sum
	}
	return z
}

// readerPair is one ordered pair of single-country mentions.
type readerPair struct{ s, r int } // actor indices

// readerPairs returns the ordered pairs of mentions of two different
// countries, for a sentence that has a trigger or a weapon at all.
func (a *analysis) readerPairs() []readerPair {
	if len(a.trigs) == 0 && len(a.items) == 0 {
		return nil
	}
	var idx []int
	for i := range a.actors {
		ac := &a.actors[i]
		if ac.drop || len(ac.countries) != 1 || ac.group != "" {
			continue
		}
		idx = append(idx, i)
		if len(idx) == maxReaderActors {
			break
		}
	}
	var out []readerPair
	for _, i := range idx {
		for _, j := range idx {
			if a.actors[i].countries[0] != a.actors[j].countries[0] {
				out = append(out, readerPair{i, j})
			}
		}
	}
	return out
}

// readerFeatures describes a pair for the model.
func (a *analysis) readerFeatures(p readerPair) []string {
	s, r := &a.actors[p.s], &a.actors[p.r]
	f := make([]string, 0, 64+maxBag)
	f = append(f, a.mentionFeatures("S", s)...)
	f = append(f, a.mentionFeatures("R", r)...)
	lo, hi := s.tj, r.ti
	order := "S<R"
	if r.ti < s.ti {
		lo, hi, order = r.tj, s.ti, "R<S"
	}
	f = append(f, "order="+order)
	t := a.nearestTrigger(s, r)
	if t >= 0 {
		tr := &a.trigs[t]
		tw := a.tokWords(tr.ti, tr.tj)
		pos := "T"
		if tr.ti < min(s.ti, r.ti) {
			pos = "T<" + order
		} else if tr.ti > max(s.ti, r.ti) {
			pos = order + "<T"
		} else {
			pos = order[:1] + "<T<" + order[2:]
		}
		dir := strconv.Itoa(int(tr.spec.dir))
		f = append(f, "trig="+tw, "tdir="+dir, "tstat="+string(tr.spec.status), "tpos="+pos,
			"tdirpos="+dir+pos, "tpass="+strconv.FormatBool(tr.passive), "tnoun="+strconv.FormatBool(tr.noun),
			"trigpos="+tw+"|"+pos, "tdirprep="+dir+pos+"|"+a.prepOf(s)+"|"+a.prepOf(r))
		if tr.passive {
			f = append(f, "tpassdir="+dir+pos)
		}
	} else {
		f = append(f, "notrig")
	}
	n := 0
	for i := lo; i < hi && n < maxBetween; i++ {
		if tk := a.toks[i]; tk.word {
			f = append(f, "b:"+tk.w)
			n++
		}
	}
	if hi-lo > 20 {
		f = append(f, "far")
	}
	if a.itemBetween(lo, hi) {
		f = append(f, "itembtw")
	}
	if len(a.items) == 0 {
		f = append(f, "noitem")
	}
	if negates(a.text) {
		f = append(f, "neg")
	}
	if a.hedged() {
		f = append(f, "hedge")
	}
	if a.hasLic {
		f = append(f, "lic")
	}
	n = 0
	for _, tk := range a.toks {
		if tk.word && !tk.digit && n < maxBag {
			f = append(f, "w:"+tk.w)
			n++
		}
	}
	return f
}

// mentionFeatures describes one side: its kind, flags, governing
// preposition and neighbouring words.
func (a *analysis) mentionFeatures(side string, ac *actor) []string {
	f := []string{
		side + "kind=" + strconv.Itoa(int(ac.kind)),
		side + "prep=" + a.prepOf(ac),
		side + "prev=" + a.wordAt(ac.ti-1),
		side + "next=" + a.wordAt(ac.tj),
	}
	if ac.poss {
		f = append(f, side+"poss")
	}
	if ac.made {
		f = append(f, side+"made")
	}
	if ac.org {
		f = append(f, side+"org")
	}
	if ac.origin >= 0 {
		f = append(f, side+"origin")
	}
	if ac.owner >= 0 {
		f = append(f, side+"owner")
	}
	if ac.agentOf >= 0 {
		f = append(f, side+"agent")
	}
	if ac.list >= 0 && ac.list < len(a.lists) && a.lists[ac.list].place {
		f = append(f, side+"place")
	}
	return f
}

func (a *analysis) prepOf(ac *actor) string {
	if ac.list >= 0 && ac.list < len(a.lists) {
		return a.lists[ac.list].prep
	}
	return "?"
}

// wordAt returns the word token at i, skipping nothing; "^" or "$" past
// the sentence's ends and "," for punctuation.
func (a *analysis) wordAt(i int) string {
	if i < 0 {
		return "^"
	}
	if i >= len(a.toks) {
		return "$"
	}
	if !a.toks[i].word {
		return a.toks[i].w
	}
	return a.toks[i].w
}

func (a *analysis) tokWords(ti, tj int) string {
	var b strings.Builder
	for i := ti; i < tj && i < len(a.toks); i++ {
		if a.toks[i].word {
			if b.Len() > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(a.toks[i].w)
		}
	}
	return b.String()
}

// nearestTrigger returns the trigger closest to the pair's span, -1 if none.
func (a *analysis) nearestTrigger(s, r *actor) int {
	lo, hi := min(s.ti, r.ti), max(s.tj, r.tj)
	best, bestD := -1, 1<<30
	for t := range a.trigs {
		tr := &a.trigs[t]
		if tr.drop {
			continue
		}
		d := 0
		if tr.tj <= lo {
			d = lo - tr.tj
		} else if tr.ti >= hi {
			d = tr.ti - hi
		}
		if d < bestD {
			best, bestD = t, d
		}
	}
	return best
}

func (a *analysis) itemBetween(lo, hi int) bool {
	for i := range a.items {
		if it := &a.items[i]; !it.org && it.ti >= lo && it.tj <= hi {
			return true
		}
	}
	return false
}

// readerRelations returns what the model reads with probability at least
// min for pairs of countries the rules' relations (found) do not already
// hold in either direction.
func (a *analysis) readerRelations(m *readerModel, minProb float64, found []relation) []relation {
	have := map[[2]string]bool{}
	for _, r := range found {
		have[[2]string{r.Supplier, r.Recipient}] = true
		have[[2]string{r.Recipient, r.Supplier}] = true
	}
	type best struct {
		p   float64
		k   int
		rel readerPair
	}
	top := map[[2]string]best{}
	for _, p := range a.readerPairs() {
		sc, rc := a.actors[p.s].countries[0], a.actors[p.r].countries[0]
		if sc == "" || rc == "" || have[[2]string{sc, rc}] {
			continue
		}
		pr := m.probs(a.readerFeatures(p))
		for k := 1; k < nReaderClasses; k++ {
			if pr[k] < minProb {
				continue
			}
			key := [2]string{sc, rc}
			if b, ok := top[key]; !ok || pr[k] > b.p {
				top[key] = best{pr[k], k, p}
			}
		}
	}
	var out []relation
	for key, b := range top {
		// one direction per pair of countries: the likelier one
		if o, ok := top[[2]string{key[1], key[0]}]; ok && (o.p > b.p || o.p == b.p && key[1] < key[0]) {
			continue
		}
		rel := relation{pos: a.actors[b.rel.r].ti}
		rel.Supplier, rel.Recipient, rel.Status, rel.Kind = key[0], key[1], readerClasses[b.k], bot.KindSale
		if it := a.readerItem(b.rel); it >= 0 {
			rel.System, rel.Category = a.items[it].system, a.items[it].category
			if a.items[it].canon != "" {
				rel.System = a.items[it].canon
			}
		}
		out = append(out, rel)
	}
	sortRelationsByPos(out)
	return out
}

// readerVeto drops the relations of found whose two sides are both named
// in the sentence but for which the model gives every stage of transfer,
// over every pair of their mentions, less than keep.
func (a *analysis) readerVeto(m *readerModel, keep float64, found []relation) []relation {
	best := map[[2]string]float64{}
	for _, p := range a.readerPairs() {
		key := [2]string{a.actors[p.s].countries[0], a.actors[p.r].countries[0]}
		pr := m.probs(a.readerFeatures(p))
		best[key] = max(best[key], 1-pr[0])
	}
	out := found[:0]
	for _, r := range found {
		if p, ok := best[[2]string{r.Supplier, r.Recipient}]; ok && p < keep {
			continue
		}
		out = append(out, r)
	}
	return out
}

// readerItem picks the weapon of a pair read by the model: the first one
// after the nearer of the two mentions, else the last before it; -1 if
// the sentence names none.
func (a *analysis) readerItem(p readerPair) int {
	from := min(a.actors[p.s].ti, a.actors[p.r].ti)
	last := -1
	for i := range a.items {
		it := &a.items[i]
		if it.org || it.arms && it.category == "" {
			continue
		}
		if it.ti >= from {
			return i
		}
		last = i
	}
	return last
}

func sortRelationsByPos(rs []relation) {
	for i := 1; i < len(rs); i++ {
		for j := i; j > 0 && rs[j].pos < rs[j-1].pos; j-- {
			rs[j], rs[j-1] = rs[j-1], rs[j]
		}
	}
}
