package discord

import (
	"context"
	"encoding/json"
	"github.com/briefbot/briefbot/adapters/internal/chatkit"
	"net/http"
	"strconv"
	"strings"

	"github.com/bwmarrin/discordgo"
)

// PathInteractions is where Register serves HTTP interactions: the
// Interactions Endpoint URL of the application is https://HOST + this.
const PathInteractions = "/discord/interactions"

// Register adds ServeInteractions to mux, for POST at PathInteractions.
func (a *Adapter) Register(mux *http.ServeMux) {
	mux.HandleFunc("POST "+PathInteractions, a.ServeInteractions)
}

// ServeInteractions receives interactions over HTTP. It answers 401 to a
// request without a valid, fresh signature (Discord sends some on purpose,
// and stops using an endpoint that accepts them), 413 to one over
// MaxBodyBytes, {"type":1} to a PING, the choices to an autocomplete, and a
// deferred response to /brief at once, which it then edits into the answer
// in the background. While the adapter is not running it tells the user
// to try again.
func (a *Adapter) ServeInteractions(w http.ResponseWriter, r *http.Request) {
	body, ok := a.readVerified(w, r)
	if !ok {
		return
	}
	var i discordgo.Interaction
	if err := json.Unmarshal(body, &i); err != nil {
		http.Error(w, "request body is not an interaction", http.StatusBadRequest)
		return
	}
	if a.opts.ApplicationID != "" && i.AppID != "" && i.AppID != a.opts.ApplicationID {
		a.log.Warn("discord: interaction for another application", "application", i.AppID)
		http.Error(w, "interaction for another application", http.StatusBadRequest)
		return
	}
	switch i.Type {
	case discordgo.InteractionPing:
		writeJSON(w, struct {
			Type discordgo.InteractionResponseType `json:"type"`
		}{discordgo.InteractionResponsePong})
	case discordgo.InteractionApplicationCommandAutocomplete:
		type data struct {
			Choices []*discordgo.ApplicationCommandOptionChoice `json:"choices"`
		}
		writeJSON(w, struct {
			Type discordgo.InteractionResponseType `json:"type"`
			Data data                              `json:"data"`
		}{discordgo.InteractionApplicationCommandAutocompleteResult, data{a.choices(&i)}})
	case discordgo.InteractionApplicationCommand:
		a.serveCommand(w, &i)
	default:
		writeJSON(w, unknownCommand())
	}
}

// serveCommand defers a command in the HTTP response and answers it in a
// goroutine that edits the response once the deferral has been written.
func (a *Adapter) serveCommand(w http.ResponseWriter, i *discordgo.Interaction) {
	d, ok := i.Data.(discordgo.ApplicationCommandInteractionData)
	inv, known := parseCommand(d)
	if !ok || !known {
		writeJSON(w, unknownCommand())
		return
	}
	if !a.interactions.Add(i.ID) {
		writeJSON(w, deferred(inv.private)) // sent again: answered already
		return
	}
	acked := make(chan struct{})
	started := a.start(func(ctx context.Context, s *session) {
		select {
		case <-acked:
		case <-ctx.Done():
			return
		}
		a.answerInteraction(ctx, s, i, inv)
	})
	if !started {
		writeJSON(w, ephemeral("briefbot is starting or stopping; please try again in a moment."))
		return
	}
	writeJSON(w, deferred(inv.private))
	if f, ok := w.(http.Flusher); ok {
		f.Flush()
	}
	close(acked)
}

// writeJSON writes v as the complete response, with its length, so that
// it can be flushed before the handler returns.
func writeJSON(w http.ResponseWriter, v any) {
	b, err := json.Marshal(v)
	if err != nil {
		http.Error(w, "cannot encode the response", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Content-Length", strconv.Itoa(len(b)))
	_, _ = w.Write(b)
}

// readVerified reads a request body of at most MaxBodyBytes and checks its
// signature before anything parses it. On failure it has answered the
// request and returns false.
func (a *Adapter) readVerified(w http.ResponseWriter, r *http.Request) ([]byte, bool) {
	if a.opts.PublicKey == "" {
		http.Error(w, "Discord interactions over HTTP are not enabled (no public key)", http.StatusNotFound)
		return nil, false
	}
	body, ok := chatkit.ReadBody(w, r, a.lim.MaxBodyBytes)
	if !ok {
		return nil, false
	}
	if err := a.verifier.Verify(r.Header, body); err != nil {
		// Info, not Warn: Discord sends badly signed requests on purpose.
		a.log.Info("discord: request rejected", "path", r.URL.Path, "remote", r.RemoteAddr, "err", err)
		http.Error(w, "invalid or stale signature", http.StatusUnauthorized)
		return nil, false
	}
	if !a.replays.First(strings.ToLower(r.Header.Get(HeaderSignature))) { // hex is read in either case
		a.log.Warn("discord: replayed request rejected", "path", r.URL.Path, "remote", r.RemoteAddr)
		http.Error(w, "replayed request", http.StatusUnauthorized)
		return nil, false
	}
	return body, true
}
