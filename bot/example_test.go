package bot_test

import (
	"context"
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

func ExampleNewRouter() {
	r := bot.NewRouter(bot.New(nil, bot.Options{}), bot.RouterOptions{Admins: bot.IDs{bot.Slack: {"U0ADMIN"}}})
	reply := r.Handle(context.Background(), bot.Message{Text: "reindex", Platform: bot.Slack, Channel: "C1", User: "U0OTHER"})
	fmt.Println(reply.Command, reply.IsError)
	fmt.Println(r.RoleOf(bot.Message{Platform: bot.Slack, User: "U0ADMIN"}), r.RoleOf(bot.Message{Platform: bot.Console}))
	// Output:
	// reindex true
	// admin admin
}

func ExampleCommands() {
	for _, c := range bot.Commands()[:5] {
		fmt.Println(c.Usage())
	}
	// Output:
	// ask QUESTION
	// help
	// suppliers COUNTRY
	// recipients COUNTRY
	// between SUPPLIER RECIPIENT
}
