package discord

import (
	"crypto/ed25519"
	"encoding/hex"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// Errors of Verifier.Verify.
var (
	ErrMissingSignature = errors.New("discord: request has no signature or timestamp header")
	ErrStaleRequest     = errors.New("discord: request timestamp is outside the allowed window")
	ErrBadSignature     = errors.New("discord: request signature does not match")
	ErrNoPublicKey      = errors.New("discord: no public key configured")
)

// Header names of Discord's request signing.
const (
	HeaderSignature = "X-Signature-Ed25519"
	HeaderTimestamp = "X-Signature-Timestamp"
)

// Verifier checks that an HTTP request comes from Discord:
// X-Signature-Ed25519 must be the hex Ed25519 signature, by the
// application's key, of X-Signature-Timestamp followed by the raw body, and
// the timestamp (Unix seconds) must be within MaxAge of Now. discordgo's
// VerifyInteraction checks the signature only; a replayed request would
// pass it.
type Verifier struct {
	Key    ed25519.PublicKey
	Now    func() time.Time // nil means time.Now
	MaxAge time.Duration    // 0 means 5 minutes
}

// Verify returns nil when body and header carry a valid, fresh signature,
// and otherwise ErrNoPublicKey, ErrMissingSignature, ErrStaleRequest or
// ErrBadSignature (possibly wrapped with a detail).
func (v Verifier) Verify(header http.Header, body []byte) error {
	if len(v.Key) != ed25519.PublicKeySize {
		return ErrNoPublicKey
	}
	sig, ts := header.Get(HeaderSignature), header.Get(HeaderTimestamp)
	if sig == "" || ts == "" {
		return ErrMissingSignature
	}
	sec, err := strconv.ParseInt(ts, 10, 64)
	if err != nil {
		return fmt.Errorf("%w: timestamp %.20q is not a number", ErrStaleRequest, ts)
	}
	now, maxAge := time.Now, v.MaxAge
	if v.Now != nil {
		now = v.Now
	}
	if maxAge <= 0 {
		maxAge = 5 * time.Minute
	}
	if age := now().Sub(time.Unix(sec, 0)); age > maxAge || age < -maxAge {
		return fmt.Errorf("%w: %s off", ErrStaleRequest, age.Round(time.Second))
	}
	got, err := hex.DecodeString(sig)
	if err != nil || len(got) != ed25519.SignatureSize {
		return fmt.Errorf("%w: not a hex Ed25519 signature", ErrBadSignature)
	}
	msg := make([]byte, 0, len(ts)+len(body))
	msg = append(append(msg, ts...), body...)
	if !ed25519.Verify(v.Key, msg, got) {
		return ErrBadSignature
	}
	return nil
}

// ParsePublicKey reads an application's public key as the Developer Portal
// shows it: 64 hex digits.
func ParsePublicKey(s string) (ed25519.PublicKey, error) {
	b, err := hex.DecodeString(strings.TrimSpace(s))
	if err != nil || len(b) != ed25519.PublicKeySize {
		return nil, errors.New("discord: the public key must be 64 hex digits (General Information → Public Key)")
	}
	return ed25519.PublicKey(b), nil
}

// Sign returns the X-Signature-Ed25519 value for body sent with the given
// X-Signature-Timestamp value. Tests use it to sign requests as Discord
// does.
func Sign(key ed25519.PrivateKey, timestamp string, body []byte) string {
	msg := append([]byte(timestamp), body...)
	return hex.EncodeToString(ed25519.Sign(key, msg))
}
