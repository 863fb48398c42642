package match

// keyIndex looks up a title's keys, and its runs of two or three adjacent
// keys written as one ("coffee maker" as "coffeemaker"), by 64-bit FNV-1a
// hash in slices: a title has a few dozen keys, and a scan of their hashes
// is cheaper to build and to ask than two maps (the runs are hashed as
// they stream, never concatenated). A hash match is confirmed on the
// strings, so a collision costs a comparison, never a wrong answer.
type keyIndex struct {
	keys []string
	hash []uint64 // hash of keys[i]
	join []uint64 // hashes of the runs
	runs []span   // the runs, as join
}

// FNV-1a, 64 bits.
const (
	fnvOffset uint64 = 14695981039346656037
	fnvPrime  uint64 = 1099511628211
)

// fnvAdd continues the hash h over s.
func fnvAdd(h uint64, s string) uint64 {
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= fnvPrime
	}
	return h
}

// keyHash is a key's hash in a keyIndex.
func keyHash(s string) uint64 { return fnvAdd(fnvOffset, s) }

// newKeyIndex indexes keys (not copied).
func newKeyIndex(keys []string) keyIndex {
	x := keyIndex{keys: keys, hash: make([]uint64, len(keys))}
	if len(keys) > 1 {
		x.join = make([]uint64, 0, 2*len(keys)-3)
		x.runs = make([]span, 0, 2*len(keys)-3)
	}
	for i, k := range keys {
		x.hash[i] = keyHash(k)
		if i+1 < len(keys) {
			h := fnvAdd(x.hash[i], keys[i+1])
			x.join, x.runs = append(x.join, h), append(x.runs, span{i, 2})
			if i+2 < len(keys) {
				x.join, x.runs = append(x.join, fnvAdd(h, keys[i+2])), append(x.runs, span{i, 3})
			}
		}
	}
	return x
}

// has reports whether k is one of the keys.
func (x *keyIndex) has(k string) bool { return x.hasHash(k, keyHash(k)) }

// hasHash is has for a key whose hash is h.
func (x *keyIndex) hasHash(k string, h uint64) bool { return x.indexHash(k, h) >= 0 }

// indexHash returns the index of k, whose hash is h, among the keys, or -1.
func (x *keyIndex) indexHash(k string, h uint64) int {
	for i, g := range x.hash {
		if g == h && x.keys[i] == k {
			return i
		}
	}
	return -1
}

// joined returns the run of adjacent keys that spells k, if one does.
func (x *keyIndex) joined(k string) (span, bool) { return x.joinedHash(k, keyHash(k)) }

// joinedHash is joined for a key whose hash is h.
func (x *keyIndex) joinedHash(k string, h uint64) (span, bool) {
	for i, g := range x.join {
		if g == h && x.spells(x.runs[i], k) {
			return x.runs[i], true
		}
	}
	return span{}, false
}

// hasRun reports whether parts, written as one and hashing to h, is one of
// the keys.
func (x *keyIndex) hasRun(parts []string, h uint64) bool {
	for i, g := range x.hash {
		if g == h && spelledBy(x.keys[i], parts) {
			return true
		}
	}
	return false
}

// spells reports whether the keys of run r, written as one, are k.
func (x *keyIndex) spells(r span, k string) bool {
	return spelledBy(k, x.keys[r.from:r.from+r.n])
}

// spelledBy reports whether parts written as one are k.
func spelledBy(k string, parts []string) bool {
	for _, key := range parts {
		if len(k) < len(key) || k[:len(key)] != key {
			return false
		}
		k = k[len(key):]
	}
	return k == ""
}
