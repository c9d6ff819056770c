package dedupe

import (
	"slices"
	"sync"
)

// Set is an in-memory index of signatures for finding the earlier copy of
// a story: Add each text's signature under its id, and Match a new one
// against all added so far. Candidates are found through the signature's
// LSH bands, as an on-disk index would through Bands, then verified with
// Similarity. The zero Set is empty and ready to use; a Set is safe for
// concurrent use and must not be copied after first use.
//
// Memory is 1.1 to 1.5 KB per MinHash entry (the 512-byte signature and 64
// band slots of 8 bytes in a table kept 53-80% full) plus the id; Add costs
// 64 random memory writes and an occasional resize of the table. A story
// added k times makes every Match that finds it visit k entries.
type Set struct {
	mu     sync.RWMutex
	ids    []string             // MinHash entries, in the order added
	chunks [][]uint32           // minima of entry e at chunks[e/chunkLen][e%chunkLen*numHashes:]
	slots  []uint64             // band table: 0 empty, else key<<32 | entry+1
	used   int                  // non-empty slots
	exact  map[[8]uint32]string // content hash of a short text -> first id
	n      int                  // signatures added
}

// chunkLen is the number of entries whose minima share one allocation.
const chunkLen = 256

// Add records sig under id. The zero Signature is ignored. Adding a story
// again under another id keeps both entries; Match prefers the first.
func (s *Set) Add(id string, sig Signature) {
	if sig.kind == kindEmpty {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.n++
	if sig.kind == kindExact {
		key := [8]uint32(sig.mins[:8])
		if s.exact == nil {
			s.exact = make(map[[8]uint32]string)
		}
		if _, ok := s.exact[key]; !ok {
			s.exact[key] = id
		}
		return
	}
	if (s.used+numBands)*5 > len(s.slots)*4 {
		s.grow()
	}
	e := len(s.ids)
	s.ids = append(s.ids, id)
	if e%chunkLen == 0 {
		s.chunks = append(s.chunks, make([]uint32, 0, chunkLen*numHashes))
	}
	c := &s.chunks[e/chunkLen]
	*c = append(*c, sig.mins[:]...)
	for b := range numBands {
		s.put(bandKey(&sig.mins, b), e)
	}
}

// Match returns the id of the added signature most similar to sig among
// those with Similarity at least Threshold, and that similarity; ok is
// false, with "" and 0, when there is none. Ties go to the signature added
// first. A short (content-hash) signature matches only an equal one, with
// similarity 1.
func (s *Set) Match(sig Signature) (id string, sim float64, ok bool) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	switch sig.kind {
	case kindEmpty:
		return "", 0, false
	case kindExact:
		id, ok := s.exact[[8]uint32(sig.mins[:8])]
		if !ok {
			return "", 0, false
		}
		return id, 1, true
	}
	if len(s.slots) == 0 {
		return "", 0, false
	}
	var buf [256]int32
	cands := buf[:0]
	for b := range numBands {
		key := bandKey(&sig.mins, b)
		for pos := s.home(key); s.slots[pos] != 0; {
			if v := s.slots[pos]; uint32(v>>32) == key {
				cands = append(cands, int32(uint32(v))-1)
			}
			if pos++; pos == len(s.slots) {
				pos = 0
			}
		}
	}
	slices.Sort(cands)
	cands = slices.Compact(cands)
	best, bestAgree := -1, 0
	for _, c := range cands {
		if a := agree(&sig.mins, s.minsOf(int(c))); a > bestAgree {
			best, bestAgree = int(c), a
		}
	}
	sim = float64(bestAgree) / numHashes
	if best < 0 || sim < Threshold {
		return "", 0, false
	}
	return s.ids[best], sim, true
}

// Len returns the number of signatures added, the zero Signature excepted.
func (s *Set) Len() int {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.n
}

// bandKey is the 32-bit key of band b in the table. Two different bands
// share a key with probability 2^-32; Match verifies every candidate.
func bandKey(mins *[numHashes]uint32, b int) uint32 {
	return uint32(bandHash(mins, b) >> 32)
}

// minsOf returns the minima of entry e.
func (s *Set) minsOf(e int) *[numHashes]uint32 {
	return (*[numHashes]uint32)(s.chunks[e/chunkLen][e%chunkLen*numHashes:])
}

// home is the first slot to probe for key (multiply-shift range reduction).
func (s *Set) home(key uint32) int {
	return int(uint64(key) * uint64(len(s.slots)) >> 32)
}

// put stores key for entry e at the first free slot from its home, by
// linear probing; the table has room.
func (s *Set) put(key uint32, e int) {
	s.putSlot(uint64(key)<<32 | uint64(e+1))
}

func (s *Set) putSlot(v uint64) {
	pos := s.home(uint32(v >> 32))
	for s.slots[pos] != 0 {
		if pos++; pos == len(s.slots) {
			pos = 0
		}
	}
	s.slots[pos] = v
	s.used++
}

// grow enlarges the band table by half (to at least 1024 slots) and
// moves every slot to its place in the new table.
func (s *Set) grow() {
	n := max(1024, len(s.slots)*3/2)
	for (s.used+numBands)*5 > n*4 {
		n = n * 3 / 2
	}
	old := s.slots
	s.slots, s.used = make([]uint64, n), 0
	for _, v := range old {
		if v != 0 {
			s.putSlot(v)
		}
	}
}
