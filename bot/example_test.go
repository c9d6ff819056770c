package bot_test

import (
	"fmt"
	"time"

	"github.com/briefbot/briefbot/bot"
)

func ExampleUnderstand() {
	u := bot.Understand("What has Turkey sold to Uzbekistan since 2020?", time.Now())
	fmt.Println(u.Intent, u.Suppliers, u.Recipients, u.YearFrom)
	// Output: between [Turkey] [Uzbekistan] 2020
}

func ExampleWords() {
	fmt.Println(bot.Words(`Who supplies "Kazakhstan" with +drones?`))
	// Output: [supplies kazakhstan drones]
}

func ExampleSplitSentences() {
	text := "The U.S. delivered 12 vehicles. Kazakhstan paid $1.84 billion! Was it enough?"
	for _, s := range bot.SplitSentences(text) {
		fmt.Println(text[s.Start:s.End])
	}
	// Output:
	// The U.S. delivered 12 vehicles.
	// Kazakhstan paid $1.84 billion!
	// Was it enough?
}
