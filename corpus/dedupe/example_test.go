package dedupe_test

import (
	"fmt"
	"os"
	"strings"

	"github.com/briefbot/briefbot/corpus/dedupe"
)

// A feed poller keeps a Set of the stories it has seen and skips a wire
// story another outlet re-published with a new headline and a credit line.
func Example() {
	wire, err := os.ReadFile("testdata/stories/mi8-tajikistan.0.txt")
	if err != nil {
		panic(err)
	}
	text := string(wire)
	republished := "Tajikistan gets four Russian helicopters\n" +
		text[strings.Index(text, "\n"):] + "\nReporting by staff; editing by the desk."

	var seen dedupe.Set
	seen.Add("wire/123", dedupe.Sign(text))
	if id, sim, ok := seen.Match(dedupe.Sign(republished)); ok {
		fmt.Printf("duplicate of %s (similarity %.2f)\n", id, sim)
	}
	fmt.Println(dedupe.ContentHash("Russia  DELIVERS helicopters!") == dedupe.ContentHash("russia delivers helicopters"))
	// Output:
	// duplicate of wire/123 (similarity 0.95)
	// true
}
