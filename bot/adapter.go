package bot

import "context"

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
