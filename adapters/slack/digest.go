package slack

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	slackgo "github.com/slack-go/slack"

	"github.com/briefbot/briefbot/bot"
)

// DigestEventType is the event_type of the message metadata that marks
// every message of a digest. Its payload holds the digest's "id", the
// message's "part" (1-based) and the digest's number of "parts".
const DigestEventType = "briefbot_digest"

// How far FindDigest looks back: conversations.history pages of
// historyPageSize messages, newest first, at most historyPages of them.
const (
	historyPageSize = 200
	historyPages    = 5
)

var _ bot.DigestPoster = (*Adapter)(nil)

// PostDigest posts r to channel as Render splits it, one chat.postMessage
// per message, not in a thread, each carrying message metadata of type
// DigestEventType with digestID, its part number and the number of parts.
// Parts listed in have are skipped. It returns the ts of the first message
// it posted; "" when have already held every part.
//
// It needs no running session: it may be called before Run, after it, and
// from other goroutines while Run answers messages. Rate-limited posts are
// retried as answers are. When a post fails, PostDigest stops and returns
// the ts of the first message it did post ("" if none) with an error that
// wraps Slack's; call FindDigest before trying again, and pass the parts it
// found as have. The bot needs chat:write and to be a member of channel.
func (a *Adapter) PostDigest(ctx context.Context, channel string, r bot.Reply, digestID string, have []int) (string, error) {
	if digestID == "" {
		return "", errors.New("slack: post digest: a digest ID is required")
	}
	msgs := Render(r)
	n := len(msgs)
	first := ""
	for k := 1; k <= n; k++ {
		if slices.Contains(have, k) {
			continue
		}
		meta := slackgo.MsgOptionMetadata(slackgo.SlackMetadata{EventType: DigestEventType,
			EventPayload: map[string]any{"id": digestID, "part": k, "parts": n}})
		ts, err := a.postMessageTS(ctx, channel, "", msgs[k-1], meta)
		if err != nil {
			return first, fmt.Errorf("slack: post digest %s part %d of %d to %s: %w", digestID, k, n, channel, err)
		}
		if first == "" {
			first = ts
		}
	}
	if !slices.Contains(have, 1) { // a digest posted in part before had its chart then, or lost it
		a.postAttachments(ctx, channel, "", r)
	}
	return first, nil
}

// FindDigest looks for the messages PostDigest marked with digestID among
// channel's messages posted after since (all of them when since is zero),
// with conversations.history and include_all_metadata: at most
// historyPages pages of historyPageSize messages, newest first, so a
// digest followed by more than 1,000 messages is not found. Ref is the ts
// of the lowest part found (its earliest copy, should a part be there
// twice); Total is the largest number of parts a marker declares.
//
// Rate-limited calls are retried. Slack's errors come back wrapped:
// channel_not_found, not_in_channel (the bot must be a member) and
// missing_scope (it needs channels:history, groups:history, im:history or
// mpim:history, by the kind of channel) among them.
func (a *Adapter) FindDigest(ctx context.Context, channel, digestID string, since time.Time) (bot.DigestFound, error) {
	if digestID == "" {
		return bot.DigestFound{}, errors.New("slack: find digest: a digest ID is required")
	}
	params := slackgo.GetConversationHistoryParameters{ChannelID: channel, Oldest: slackTS(since),
		Limit: historyPageSize, IncludeAllMetadata: true}
	parts := map[int]string{} // part -> earliest ts
	total := 0
	for page := 1; ; page++ {
		var resp *slackgo.GetConversationHistoryResponse
		err := a.retry(ctx, "conversations.history", func(ctx context.Context) error {
			var err error
			resp, err = a.api.GetConversationHistoryContext(ctx, &params)
			return err
		})
		if err != nil {
			return bot.DigestFound{}, fmt.Errorf("slack: find digest %s in %s: %w", digestID, channel, err)
		}
		for _, m := range resp.Messages {
			part, of, ok := digestMarker(m.Metadata, digestID)
			if !ok {
				continue
			}
			total = max(total, of)
			if ts, seen := parts[part]; !seen || tsBefore(m.Timestamp, ts) {
				parts[part] = m.Timestamp
			}
		}
		next := resp.ResponseMetaData.NextCursor
		if !resp.HasMore || next == "" {
			break
		}
		if page == historyPages {
			a.log.WarnContext(ctx, "slack: stopped looking for a digest in a busy channel", "digest", digestID,
				"channel", channel, "messages_read", page*historyPageSize)
			break
		}
		params.Cursor = next
	}
	var found bot.DigestFound
	for k := range parts {
		found.Parts = append(found.Parts, k)
	}
	if len(found.Parts) == 0 {
		return found, nil
	}
	slices.Sort(found.Parts)
	found.Total = total
	found.Ref = parts[found.Parts[0]]
	return found, nil
}

// digestMarker returns the part and number of parts of md when it marks a
// message of digest id.
func digestMarker(md slackgo.SlackMetadata, id string) (part, parts int, ok bool) {
	if md.EventType != DigestEventType {
		return 0, 0, false
	}
	if got, _ := md.EventPayload["id"].(string); got != id {
		return 0, 0, false
	}
	part, ok1 := payloadInt(md.EventPayload["part"])
	parts, ok2 := payloadInt(md.EventPayload["parts"])
	if !ok1 || !ok2 || part < 1 || part > parts {
		return 0, 0, false
	}
	return part, parts, true
}

// payloadInt reads a whole number of a metadata payload: JSON numbers
// arrive as float64; strings of digits are accepted too.
func payloadInt(v any) (int, bool) {
	switch v := v.(type) {
	case float64:
		if v != math.Trunc(v) || v < math.MinInt32 || v > math.MaxInt32 {
			return 0, false
		}
		return int(v), true
	case int:
		return v, true
	case int64:
		return int(v), v >= math.MinInt32 && v <= math.MaxInt32
	case json.Number:
		n, err := strconv.Atoi(v.String())
		return n, err == nil
	case string:
		n, err := strconv.Atoi(v)
		return n, err == nil
	}
	return 0, false
}

// slackTS is t as a Slack message timestamp ("seconds.micros"), or "" for
// the zero time and times before 1970.
func slackTS(t time.Time) string {
	if t.IsZero() || t.Unix() < 0 {
		return ""
	}
	return fmt.Sprintf("%d.%06d", t.Unix(), t.Nanosecond()/1000)
}

// tsBefore reports whether Slack timestamp a is earlier than b.
func tsBefore(a, b string) bool {
	as, af, _ := strings.Cut(a, ".")
	bs, bf, _ := strings.Cut(b, ".")
	if len(as) != len(bs) {
		return len(as) < len(bs)
	}
	if as != bs {
		return as < bs
	}
	return af < bf
}
