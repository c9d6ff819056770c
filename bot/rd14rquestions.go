package bot

import "strings"

// ammunitionWords after a named system make the question one about rounds
// for it: "the Leopard tank shells", "Gepard ammunition".
var ammunitionWords = map[string]bool{"ammunition": true, "ammo": true, "shells": true, "shell": true,
	"rounds": true, "munitions": true, "projectiles": true, "cartridges": true}

// ammunitionAfter reports whether the word after byte end of text (past
// "tank" and spaces) is an ammunition word.
func ammunitionAfter(text string, end int) bool {
	if end < 0 || end > len(text) {
		return false
	}
	rest := strings.Fields(strings.ToLower(text[end:]))
	if len(rest) > 0 && (rest[0] == "tank" || rest[0] == "gun" || rest[0] == "cannon") {
		rest = rest[1:]
	}
	if len(rest) == 0 {
		return false
	}
	return ammunitionWords[strings.Trim(rest[0], ".,;:?!\"'")]
}
