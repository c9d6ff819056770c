package extract_test

import (
	"fmt"
	"time"

	"github.com/briefbot/briefbot/corpus/extract"
)

func ExampleExtractor_Sentence() {
	e := extract.New()
	c := extract.Context{Published: time.Date(2023, 10, 10, 0, 0, 0, 0, time.UTC)}
	for _, r := range e.Sentence("Ankara has supplied Bayraktar TB2 drones to Kyrgyzstan and Uzbekistan since 2021.", c) {
		fmt.Println(r.Supplier, "->", r.Recipient, r.System, r.Category, r.Status, r.Years)
	}
	for _, r := range e.Sentence("Uzbekistan denied that it had bought Iranian drones.", c) {
		fmt.Println(r.Supplier, "->", r.Recipient, r.Status, "denied:", r.Denied)
	}
	// Output:
	// Turkey -> Kyrgyzstan Bayraktar TB2 Aircraft delivered [2021]
	// Turkey -> Uzbekistan Bayraktar TB2 Aircraft delivered [2021]
	// Iran -> Uzbekistan cancelled denied: true
}
