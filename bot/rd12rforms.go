package bot

// asksCancel reports whether a yes/no question speaks of a cancellation
// ("did Russia cancel the Su-35 sale?", "has the US blocked the sale?").
// "Block" before a number is a production block of a designation ("Has
// Morocco received F-16 Block 72s?", "Super Hornet Block III"), not a
// verb of blocking.
func asksCancel(words []wordSpan) bool {
	for i, w := range words {
		if !cancelWords[w.w] {
			continue
		}
		if (w.w == "block" || w.w == "blocks") && i+1 < len(words) && blockNumber(words[i+1].w) {
			continue
		}
		return true
	}
	return false
}

// blockRoman are the roman numbers of production blocks ("Block III").
var blockRoman = wordSet("i ii iii iv v vi")

// blockNumber reports whether w numbers a production block: "72s", "52+",
// "iii".
func blockNumber(w string) bool {
	return w != "" && (w[0] >= '0' && w[0] <= '9' || blockRoman[w])
}
