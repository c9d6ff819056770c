package dedupe

import (
	"crypto/sha256"
	"encoding/base64"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"math/bits"
	"strconv"
	"strings"
)

// Parameters of the signature, chosen on the fixtures under testdata/ (see
// the package documentation and docs/dedupe.md). Changing any of them changes
// every signature and band key: stored signatures must then be recomputed.
const (
	// Threshold is the estimated Jaccard similarity of word shingles at or
	// above which two texts are reported as the same story.
	Threshold = 0.25

	// MinWords is the number of words below which a text is signed by its
	// content hash only: shorter texts match only when they are equal after
	// Normalize.
	MinWords = 30

	shingleWords = 5   // words per shingle
	numHashes    = 128 // MinHash permutations
	numBands     = 64  // LSH bands ...
	bandRows     = 2   // ... of this many rows each; numBands*bandRows <= numHashes
)

// kind says how a Signature was made.
type kind uint8

const (
	kindEmpty   kind = iota // no words: matches nothing
	kindExact               // fewer than MinWords words: content hash only
	kindMinHash             // MinHash over word shingles
)

// Signature is a fingerprint of a text for near-duplicate detection: a
// MinHash of 128 permutations over the set of 5-word shingles of the
// normalized text, or, for texts of fewer than MinWords words, the text's
// content hash. The zero Signature is the signature of a text without words
// and matches nothing. Signatures are comparable with ==, and safe to copy.
type Signature struct {
	kind kind
	// mins holds the minimum hash of each permutation (kindMinHash), or the
	// SHA-256 of the normalized text in its first 8 words (kindExact).
	mins [numHashes]uint32
}

// Sign returns the signature of text. See Signature for what it contains.
func Sign(text string) Signature {
	var s Signature
	words := make([]uint64, 0, len(text)/6+1)
	eachWord(text, func(w string) { words = append(words, hashWord(w)) })
	switch {
	case len(words) == 0:
		return s
	case len(words) < MinWords:
		s.kind = kindExact
		sum := sha256.Sum256([]byte(Normalize(text)))
		for i := range 8 {
			s.mins[i] = binary.BigEndian.Uint32(sum[4*i:])
		}
		return s
	}
	s.kind = kindMinHash
	for i := range s.mins {
		s.mins[i] = ^uint32(0)
	}
	for i := 0; i+shingleWords <= len(words); i++ {
		x := hashShingle(words[i : i+shingleWords])
		for j := range s.mins {
			if v := uint32((x*permA[j] + permB[j]) >> 32); v < s.mins[j] {
				s.mins[j] = v
			}
		}
	}
	return s
}

// IsZero reports whether s is the zero Signature, the signature of a text
// without words.
func (s Signature) IsZero() bool { return s.kind == kindEmpty }

// Similarity estimates how much of their wording s and o share, from 0 to 1:
// for two MinHash signatures, the fraction of permutations whose minima agree,
// an estimate of the Jaccard similarity of the texts' 5-word shingle sets
// (standard error about 0.044 at 0.5). Short (content-hash) signatures have
// similarity 1 with an equal signature and 0 with anything else. The zero
// Signature has similarity 0 with everything, itself included.
func (s Signature) Similarity(o Signature) float64 {
	if s.kind != o.kind || s.kind == kindEmpty {
		return 0
	}
	if s.kind == kindExact {
		if s.mins == o.mins {
			return 1
		}
		return 0
	}
	return float64(agree(&s.mins, &o.mins)) / numHashes
}

// agree counts the permutations on which a and b agree.
func agree(a, b *[numHashes]uint32) int {
	n := 0
	for i := range a {
		if a[i] == b[i] {
			n++
		}
	}
	return n
}

// Same reports whether a and b are signatures of the same story:
// a.Similarity(b) >= Threshold.
func Same(a, b Signature) bool { return a.Similarity(b) >= Threshold }

// Bands returns the signature's locality-sensitive hashing keys, to be
// stored as keyword terms so that candidate duplicates can be found by term
// lookup. A MinHash signature has 64 keys, one per band of 2 permutations,
// each the band number and a 48-bit hash of the band, e.g. "b07:3fa29c01d2e4".
// Two texts of Jaccard similarity s share at least one key with probability
// 1-(1-s²)⁶⁴: 0.984 at Threshold (0.25), 0.9976 at 0.3, 0.99999 at 0.4,
// 0.47 at 0.1 and 0.025 at 0.02. A short signature has the one key "h:" followed by the first 16 hex
// digits of its content hash; the zero Signature has none.
func (s Signature) Bands() []string {
	switch s.kind {
	case kindEmpty:
		return nil
	case kindExact:
		return []string{fmt.Sprintf("h:%08x%08x", s.mins[0], s.mins[1])}
	}
	keys := make([]string, numBands)
	buf := make([]byte, 0, 16)
	for b := range numBands {
		buf = append(buf[:0], 'b', byte('0'+b/10), byte('0'+b%10), ':')
		h := bandHash(&s.mins, b) >> 16
		for sh := 44; sh >= 0; sh -= 4 {
			buf = append(buf, hexDigits[h>>uint(sh)&0xf])
		}
		keys[b] = string(buf)
	}
	return keys
}

const hexDigits = "0123456789abcdef"

// bandHash hashes band b of mins together with b, so equal rows in
// different bands give different keys.
func bandHash(mins *[numHashes]uint32, b int) uint64 {
	h := uint64(b+1) * 0x9e3779b97f4a7c15
	for _, v := range mins[b*bandRows : (b+1)*bandRows] {
		h = mix64(h ^ uint64(v))
	}
	return h
}

// Text forms of a Signature.
const (
	prefixMinHash = "mh1:"    // then base64url (no padding) of 128 big-endian uint32
	prefixExact   = "sha256:" // then the 64 hex digits of the content hash
)

// MarshalText encodes s for storage in a string field: "mh1:" and the base64
// (URL alphabet, no padding) of its 128 minima, 687 characters, for a MinHash
// signature; "sha256:" and the content hash for a short text; "" for the
// zero Signature. It never fails.
func (s Signature) MarshalText() ([]byte, error) {
	switch s.kind {
	case kindEmpty:
		return []byte{}, nil
	case kindExact:
		var sum [32]byte
		for i := range 8 {
			binary.BigEndian.PutUint32(sum[4*i:], s.mins[i])
		}
		return append([]byte(prefixExact), hex.EncodeToString(sum[:])...), nil
	}
	var raw [4 * numHashes]byte
	for i, v := range s.mins {
		binary.BigEndian.PutUint32(raw[4*i:], v)
	}
	out := make([]byte, len(prefixMinHash)+base64.RawURLEncoding.EncodedLen(len(raw)))
	copy(out, prefixMinHash)
	base64.RawURLEncoding.Encode(out[len(prefixMinHash):], raw[:])
	return out, nil
}

// String returns the text form of s, as MarshalText.
func (s Signature) String() string {
	b, _ := s.MarshalText()
	return string(b)
}

// ErrSignature is wrapped by the error UnmarshalText returns for text that
// is not a signature's text form.
var ErrSignature = errors.New("malformed dedupe signature")

// UnmarshalText decodes a signature written by MarshalText. On error s is
// left unchanged and the error wraps ErrSignature.
func (s *Signature) UnmarshalText(text []byte) error {
	t := string(text)
	var out Signature
	switch {
	case t == "":
	case strings.HasPrefix(t, prefixExact):
		sum, err := hex.DecodeString(t[len(prefixExact):])
		if err != nil || len(sum) != sha256.Size {
			return fmt.Errorf("%w: bad content hash %s", ErrSignature, strconv.Quote(short(t)))
		}
		out.kind = kindExact
		for i := range 8 {
			out.mins[i] = binary.BigEndian.Uint32(sum[4*i:])
		}
	case strings.HasPrefix(t, prefixMinHash):
		raw, err := base64.RawURLEncoding.DecodeString(t[len(prefixMinHash):])
		if err != nil || len(raw) != 4*numHashes {
			return fmt.Errorf("%w: bad MinHash %s", ErrSignature, strconv.Quote(short(t)))
		}
		out.kind = kindMinHash
		for i := range out.mins {
			out.mins[i] = binary.BigEndian.Uint32(raw[4*i:])
		}
	default:
		return fmt.Errorf("%w: unknown form %s", ErrSignature, strconv.Quote(short(t)))
	}
	*s = out
	return nil
}

// short cuts t for an error message.
func short(t string) string {
	if len(t) > 24 {
		return t[:24] + "..."
	}
	return t
}

// hashWord is FNV-1a (64 bit) of a folded word.
func hashWord(w string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(w); i++ {
		h ^= uint64(w[i])
		h *= 1099511628211
	}
	return h
}

// hashShingle combines the hashes of consecutive words, in order.
func hashShingle(ws []uint64) uint64 {
	h := uint64(0x243f6a8885a308d3)
	for _, w := range ws {
		h = bits.RotateLeft64(h, 23) ^ w
		h *= 0xff51afd7ed558ccd
	}
	return mix64(h)
}

// mix64 is the SplitMix64 finalizer, a bijection that mixes all bits.
func mix64(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	x ^= x >> 31
	return x
}

// permA and permB define the permutations: permutation j maps a shingle hash
// x to the high 32 bits of x*permA[j]+permB[j] (mod 2^64), a
// multiply-add-shift hash. permA values are odd. They are fixed: stored
// signatures depend on them.
var permA, permB = func() (a, b [numHashes]uint64) {
	seed := uint64(0x5eed_dede_0000_0001)
	for j := range numHashes {
		seed += 0x9e3779b97f4a7c15
		a[j] = mix64(seed) | 1
		seed += 0x9e3779b97f4a7c15
		b[j] = mix64(seed)
	}
	return a, b
}()
