package discord

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/briefbot/briefbot/adapters/internal/chatkit"
	"github.com/briefbot/briefbot/bot"
)

var _ bot.DigestPoster = (*Adapter)(nil)

// ErrNoBotToken is returned by PostDigest and FindDigest of an adapter
// without a bot token: HTTP interactions alone can only answer, not post to
// or read a channel.
var ErrNoBotToken = errors.New("discord: posting or finding a digest in a channel needs a bot token (DISCORD_BOT_TOKEN)")

// Digest limits.
const (
	// MaxDigestIDLen is the longest digest ID: the ID, "-" and a part
	// number of up to two digits (MaxMessages) make each message's nonce,
	// which Discord allows 25 characters.
	MaxDigestIDLen = 25 - len("-10")
	// findPages is how many pages of 100 messages FindDigest reads at
	// most, newest first.
	findPages = 5
	pageSize  = 100
)

// digestMessage is the body of a message create with the fields
// discordgo.MessageSend (v0.29.0) lacks: nonce and enforce_nonce, with
// which Discord returns the message it created already for the same nonce
// (of the same author, within a few minutes) instead of creating another.
type digestMessage struct {
	Content         string                            `json:"content,omitempty"`
	Embeds          []*discordgo.MessageEmbed         `json:"embeds,omitempty"`
	AllowedMentions *discordgo.MessageAllowedMentions `json:"allowed_mentions"`
	Nonce           string                            `json:"nonce,omitempty"`
	EnforceNonce    bool                              `json:"enforce_nonce,omitempty"`
}

// PostDigest posts r to channel (a channel ID) as Render renders answers,
// each message marked with digestID and its part number: in the footer of
// its last embed ("digest ID · part k/n"), or, when it has no embed, on a
// last line of small text. Each message is sent with a nonce made of the ID
// and the part number, which Discord enforces, so a part sent twice within
// a few minutes shows once. Parts listed in have are not posted again;
// the same reply renders as the same parts, so have is what FindDigest
// found of an earlier attempt to post r.
//
// It returns the ID of the first message it posted ("" when have held
// every part). When a part fails it stops, and returns the ID of the first
// message posted before it, if any, with the error; FindDigest then tells
// which parts are in the channel. digestID is 1 to MaxDigestIDLen letters,
// digits, '.', '_' or '-'. Without a bot token it returns ErrNoBotToken.
// PostDigest is safe to call from any goroutine, before, during or without
// Run.
func (a *Adapter) PostDigest(ctx context.Context, channel string, r bot.Reply, digestID string, have []int) (string, error) {
	if err := a.digestCheck(channel, digestID); err != nil {
		return "", err
	}
	footer, content := markerRoom(digestID)
	msgs := render(r, footer, content)
	first := ""
	for i, m := range msgs {
		part := i + 1
		if slices.Contains(have, part) {
			continue
		}
		mark(&m, digestID, part, len(msgs))
		body := &digestMessage{Content: m.Content, Embeds: m.Embeds, AllowedMentions: noMentions(),
			Nonce: digestID + "-" + strconv.Itoa(part), EnforceNonce: true}
		sent, err := a.createMessage(ctx, "create message", channel, body)
		if err != nil {
			return first, fmt.Errorf("discord: post digest %s part %d/%d to channel %s: %w", digestID, part, len(msgs), channel, err)
		}
		if first == "" {
			first = sent.ID
		}
	}
	if !slices.Contains(have, 1) { // a digest posted in part before had its chart then, or lost it
		a.postDigestChart(ctx, channel, digestID, r)
	}
	return first, nil
}

// FindDigest looks for the messages of digestID that the bot posted in
// channel since since (the zero time: as far back as it reads). It reads
// the channel's messages newest first, 100 at a time, up to 500, stopping
// at messages older than since. A part found more than once counts once,
// and Ref is the ID of the oldest message of the lowest part found; Total
// is the highest part count the markers declare. The bot reads its own
// messages whole without the MESSAGE_CONTENT intent. Discord's refusals (403
// Missing Access, 404 Unknown Channel) come back wrapped, as
// *discordgo.RESTError; without a bot token it returns ErrNoBotToken.
// FindDigest is safe to call from any goroutine, before, during or without
// Run.
func (a *Adapter) FindDigest(ctx context.Context, channel, digestID string, since time.Time) (bot.DigestFound, error) {
	var found bot.DigestFound
	if err := a.digestCheck(channel, digestID); err != nil {
		return found, err
	}
	self, err := a.self(ctx)
	if err != nil {
		return found, fmt.Errorf("discord: find digest %s in channel %s: %w", digestID, channel, err)
	}
	refs := map[int]string{} // part: oldest message ID
	before := ""
	for page := 0; page < findPages; page++ {
		var msgs []*discordgo.Message
		err := a.call(ctx, "list messages", func(o ...discordgo.RequestOption) error {
			var err error
			msgs, err = a.dg.ChannelMessages(channel, pageSize, before, "", "", o...)
			return err
		})
		if err != nil {
			return found, fmt.Errorf("discord: find digest %s in channel %s: %w", digestID, channel, err)
		}
		older := false // reached messages from before since
		for _, m := range msgs {
			if m == nil || m.ID == "" {
				continue
			}
			if before == "" || idLess(m.ID, before) {
				before = m.ID
			}
			if t, err := discordgo.SnowflakeTimestamp(m.ID); err == nil && t.Before(since) {
				older = true
				continue
			}
			if m.Author == nil || m.Author.ID != self {
				continue
			}
			part, total, ok := findMarker(m, digestID)
			if !ok {
				continue
			}
			if ref, seen := refs[part]; !seen || idLess(m.ID, ref) {
				refs[part] = m.ID
			}
			found.Total = max(found.Total, total)
		}
		if older || len(msgs) < pageSize {
			break
		}
	}
	for part := range refs {
		found.Parts = append(found.Parts, part)
	}
	slices.Sort(found.Parts)
	if len(found.Parts) > 0 {
		found.Ref = refs[found.Parts[0]]
	}
	return found, nil
}

// digestCheck returns why the adapter cannot post or find digestID in
// channel, or nil.
func (a *Adapter) digestCheck(channel, digestID string) error {
	switch {
	case a.opts.BotToken == "":
		return ErrNoBotToken
	case channel == "" || !snowflake(channel):
		return fmt.Errorf("discord: channel %q is not a channel ID (a number; Copy Channel ID in Discord)", channel)
	case !validDigestID(digestID):
		return fmt.Errorf("discord: digest ID %q: want 1 to %d letters, digits, '.', '_' or '-'", digestID, MaxDigestIDLen)
	}
	return nil
}

func validDigestID(id string) bool {
	if id == "" || len(id) > MaxDigestIDLen {
		return false
	}
	for _, r := range id {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9', r == '.', r == '_', r == '-':
		default:
			return false
		}
	}
	return true
}

// self returns the bot's user ID: from READY when the gateway is up, else
// from GET /users/@me.
func (a *Adapter) self(ctx context.Context) (string, error) {
	if id, _ := a.identity(); id != "" {
		return id, nil
	}
	var u *discordgo.User
	err := a.call(ctx, "get bot user", func(o ...discordgo.RequestOption) error {
		var err error
		u, err = a.dg.User("@me", o...)
		return err
	})
	switch {
	case err != nil:
		return "", err
	case u == nil || u.ID == "":
		return "", errors.New("get bot user: no user ID in the response")
	}
	return u.ID, nil
}

// The marker of a digest part: "digest ID · part k/n", in the footer of
// the message's last embed, or as a last line of small text ("-# ") in a
// message without embeds.
const (
	markerPrefix  = "digest "
	markerPart    = " · part "
	subtextPrefix = "-# "
)

func marker(id string, part, total int) string {
	return fmt.Sprintf("%s%s%s%d/%d", markerPrefix, id, markerPart, part, total)
}

// contentMarker is the marker as a last line of content, escaped.
func contentMarker(id string, part, total int) string {
	return "\n" + subtextPrefix + escape(markerPrefix+id) + fmt.Sprintf("%s%d/%d", markerPart, part, total)
}

// markerRoom returns the room the longest marker of id takes in embeds (a
// footer) and in content.
func markerRoom(id string) (footer, content int) {
	return chatkit.TextLen(marker(id, MaxMessages, MaxMessages)), chatkit.TextLen(contentMarker(id, MaxMessages, MaxMessages))
}

// mark adds the marker of part of total to m, a message of render's
// (whose embeds are its own).
func mark(m *Message, id string, part, total int) {
	if k := len(m.Embeds); k > 0 {
		m.Embeds[k-1].Footer = &discordgo.MessageEmbedFooter{Text: marker(id, part, total)}
		return
	}
	m.Content += contentMarker(id, part, total)
}

// findMarker returns the part and the part count that m's marker for id
// declares: the footer of an embed, or the last line of its content.
func findMarker(m *discordgo.Message, id string) (part, total int, ok bool) {
	for i := len(m.Embeds) - 1; i >= 0; i-- {
		if e := m.Embeds[i]; e != nil && e.Footer != nil {
			if part, total, ok := parseMarker(e.Footer.Text, id); ok {
				return part, total, true
			}
		}
	}
	content := strings.TrimRight(m.Content, "\n ")
	last := content[strings.LastIndexByte(content, '\n')+1:]
	if rest, ok := strings.CutPrefix(last, subtextPrefix); ok {
		// escape only added backslashes, and IDs have none.
		return parseMarker(strings.ReplaceAll(rest, `\`, ""), id)
	}
	return 0, 0, false
}

// parseMarker parses "digest ID · part k/n" for id, with 1 <= k <= n.
func parseMarker(s, id string) (part, total int, ok bool) {
	rest, ok := strings.CutPrefix(strings.TrimSpace(s), markerPrefix+id+markerPart)
	if !ok {
		return 0, 0, false
	}
	k, n, ok := strings.Cut(rest, "/")
	if !ok {
		return 0, 0, false
	}
	part, err1 := strconv.Atoi(k)
	total, err2 := strconv.Atoi(n)
	if err1 != nil || err2 != nil || part < 1 || part > total {
		return 0, 0, false
	}
	return part, total, true
}

// idLess reports whether snowflake a is older than snowflake b.
func idLess(a, b string) bool {
	x, errA := strconv.ParseUint(a, 10, 64)
	y, errB := strconv.ParseUint(b, 10, 64)
	if errA != nil || errB != nil {
		return len(a) < len(b) || (len(a) == len(b) && a < b)
	}
	return x < y
}
