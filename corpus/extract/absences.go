package extract

// Negations over a stretch of time: no report denied, nothing cancelled.

// periodWords after a negation make it a statement that nothing came in a
// stretch of time: "has not received any major Russian weapon since 2022",
// "no new Chinese arms in years".
var periodWords = words("since years decade decades")

// dropAbsences drops the negated (denied) relations of a sentence that
// says no transfer happened for a while: no report was denied, so it is
// neither a denial nor a cancellation. A sentence with a word of denial
// or a speaker ("denied that it had received any drones since 2020",
// "Uzbekistan said it had not received ...") keeps them: a denial.
func (a *analysis) dropAbsences(rels []relation) []relation {
	toks := a.toks
	neg := -1
	for j, t := range toks {
		if cv, _ := cues.match(toks, j); cv == cueDeny || speechVerbs[t.w] {
			return rels // "denied that ...", "Uzbekistan said it had not received ...": a denial
		}
		if neg < 0 && (t.w == "not" || t.w == "no" || t.w == "never") {
			neg = j
		}
	}
	if neg < 0 {
		return rels
	}
	period := a.noDenial // "bought no Russian arms", "should not buy": no report denied, whatever the stretch of time

	for j := neg + 1; j < len(toks); j++ {
		period = period || periodWords[toks[j].w]
	}
	if !period {
		return rels
	}
	out := rels[:0]
	for _, r := range rels {
		if !r.Denied {
			out = append(out, r)
		}
	}
	return out
}

// speechVerbs make a negation someone's statement, a denial.
var speechVerbs = words("said says told stated insisted insists claimed claims announced")
