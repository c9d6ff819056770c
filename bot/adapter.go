package bot

import (
	"context"
	"time"
)

// Handler answers messages. *Router is the Handler every adapter is given.
type Handler interface {
	Handle(ctx context.Context, m Message) Reply
}

// Adapter connects the bot to one chat platform: it receives messages,
// passes them to the Handler, and renders the replies for its platform. Run
// blocks until ctx is done or the connection ends for good.
type Adapter interface {
	Run(ctx context.Context, h Handler) error
}

var _ Handler = (*Router)(nil)

// DigestPoster is implemented by adapters that can post a digest to a
// channel unprompted, and find it there again after a restart.
//
// A digest may become several messages on a platform (its limits split
// it). Every message carries a marker with the digest ID, its part number
// (1-based) and the number of parts, so that FindDigest can tell a digest
// posted whole from one cut short by a crash.
type DigestPoster interface {
	// PostDigest posts r to channel, marking each message with digestID.
	// Parts listed in have are already in the channel and are not posted
	// again. It returns the platform's reference to the first message it
	// posted (a Slack message timestamp, a Discord message ID).
	PostDigest(ctx context.Context, channel string, r Reply, digestID string, have []int) (ref string, err error)
	// FindDigest looks for messages marked with digestID among the
	// channel's messages since since. It returns the part numbers found,
	// the number of parts their markers declare (0 when none was found),
	// and a reference to the first part found.
	FindDigest(ctx context.Context, channel, digestID string, since time.Time) (found DigestFound, err error)
}

// DigestFound is what DigestPoster.FindDigest saw in a channel.
type DigestFound struct {
	Parts []int  // part numbers found, ascending
	Total int    // parts the digest has, from the markers; 0 when nothing was found
	Ref   string // reference to the first part found
}

// Complete reports whether every part of the digest is in the channel.
func (f DigestFound) Complete() bool { return f.Total > 0 && len(f.Parts) >= f.Total }
