//go:build debug

package extract

import (
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"
)

// TestPlistDump prints gold lines for $GOLDSRC ("id|style|text" lines) as
// the extractor reads them, to be checked by hand before they are kept.
func TestPlistDump(t *testing.T) {
	data, err := os.ReadFile(os.Getenv("GOLDSRC"))
	if err != nil {
		t.Skip("GOLDSRC names no readable file")
	}
	pub, _ := time.Parse("2006-01-02", "2024-06-15")
	e := New()
	for _, line := range strings.Split(string(data), "\n") {
		parts := strings.SplitN(strings.TrimSpace(line), "|", 3)
		if len(parts) != 3 {
			continue
		}
		rels := []map[string]any{}
		for _, r := range e.Sentence(parts[2], Context{Published: pub}) {
			ys := r.Years
			if ys == nil {
				ys = []int{}
			}
			rels = append(rels, map[string]any{"supplier": r.Supplier, "recipient": r.Recipient, "system": r.System,
				"category": r.Category, "status": r.Status, "kind": r.Kind, "years": ys, "inferred": r.Inferred})
		}
		b, _ := json.Marshal(map[string]any{"id": parts[0], "style": parts[1], "text": parts[2],
			"context": map[string]string{"published": "2024-06-15"}, "relations": rels})
		fmt.Println(string(b))
	}
}
