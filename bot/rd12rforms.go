package bot

// asksCancel reports whether a yes/no question speaks of a cancellation
// ("did Russia cancel the Su-35 sale?", "has the US blocked the sale?").
// "Block" before a number is a production block of a designation ("Has
// Morocco received F-16 Block 72s?"), not a verb of blocking.
func asksCancel(words []wordSpan) bool {
	for i, w := range words {
		if !cancelWords[w.w] {
			continue
		}
		if (w.w == "block" || w.w == "blocks") && i+1 < len(words) && words[i+1].w != "" &&
			words[i+1].w[0] >= '0' && words[i+1].w[0] <= '9' {
			continue
		}
		return true
	}
	return false
}
