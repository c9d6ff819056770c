package bot

import (
	"maps"
	"slices"
)

// Platform names where a message came from. Its value is what
// subscriptions store and logs show.
type Platform string

const (
	// Console is the terminal of whoever started briefbot (briefbot chat,
	// ask, and serve without a chat platform): its user is an admin and
	// every channel of it is allowed.
	Console Platform = "console"
	Slack   Platform = "slack"
	Discord Platform = "discord"
)

// ChatPlatforms are the platforms with many users, where admins and
// channel allowlists apply.
var ChatPlatforms = []Platform{Slack, Discord}

// ParsePlatform returns the platform named s ("slack"), and false for a
// name that is none.
func ParsePlatform(s string) (Platform, bool) {
	p := Platform(s)
	return p, p == Console || slices.Contains(ChatPlatforms, p)
}

// IDs lists platform IDs (of users, or of channels) per chat platform.
type IDs map[Platform][]string

// Has reports whether id is listed for p.
func (l IDs) Has(p Platform, id string) bool {
	return id != "" && slices.Contains(l[p], id)
}

// clone copies l, so that a caller's later changes do not reach a Router.
func (l IDs) clone() IDs {
	out := maps.Clone(l)
	for p, ids := range out {
		out[p] = slices.Clone(ids)
	}
	return out
}

// Role is what a user may do with the bot.
type Role int

const (
	Member Role = iota // anyone in an allowed channel: ask, preview, list
	Admin              // also change what the bot posts and reads: subscribe, feeds, reindex
)

// String names the role: "member", "admin".
func (r Role) String() string {
	if r == Admin {
		return "admin"
	}
	return "member"
}

// RoleOf returns the role of m's user: Admin for the console's user and
// for the user IDs RouterOptions.Admins lists for m's platform, Member for
// everyone else.
func (r *Router) RoleOf(m Message) Role {
	if m.Platform == Console || r.opts.Admins.Has(m.Platform, m.User) {
		return Admin
	}
	return Member
}

// Allowed reports whether the bot answers in channel on platform: always
// on the console and on a platform without an allowlist, else when the
// channel is on it.
func (r *Router) Allowed(platform Platform, channel string) bool {
	list := r.opts.Channels[platform]
	return platform == Console || len(list) == 0 || slices.Contains(list, channel)
}

// mustBeAdmin returns an *Error when m's user is not an admin.
func (r *Router) mustBeAdmin(m Message, what string) error {
	if r.RoleOf(m) == Admin {
		return nil
	}
	if len(r.opts.Admins[m.Platform]) == 0 {
		return Errorf(EForbidden, "Only admins may %s, and none are configured for %s: list their user IDs under `admins` in the config file.", what, m.Platform)
	}
	return Errorf(EForbidden, "Only admins may %s. Ask one of them; anyone may preview with `digest now`.", what)
}
