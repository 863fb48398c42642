package match

import (
	"strings"
	"testing"
)

// TestKeyIndex: keys and runs of two or three adjacent keys are found,
// nothing else is, and a hash that collides is settled on the strings.
func TestKeyIndex(t *testing.T) {
	x := newKeyIndex([]string{"coffee", "maker", "12", "cup", "black"})
	tests := []struct {
		k      string
		has    bool
		joined span
		ok     bool
		why    string
	}{
		{"coffee", true, span{}, false, "a key"},
		{"coffeemaker", false, span{0, 2}, true, "two adjacent keys as one"},
		{"maker12cup", false, span{1, 3}, true, "three adjacent keys as one"},
		{"coffeemaker12cup", false, span{}, false, "four keys are no run"},
		{"makercoffee", false, span{}, false, "keys out of order"},
		{"coffeecup", false, span{}, false, "keys not adjacent"},
		{"coffe", false, span{}, false, "a prefix of a key"},
		{"", false, span{}, false, "nothing"},
	}
	for _, tt := range tests {
		if got := x.has(tt.k); got != tt.has {
			t.Errorf("has(%q) = %v, want %v: %s", tt.k, got, tt.has, tt.why)
		}
		if got, ok := x.joined(tt.k); ok != tt.ok || got != tt.joined {
			t.Errorf("joined(%q) = %v %v, want %v %v: %s", tt.k, got, ok, tt.joined, tt.ok, tt.why)
		}
	}
	// A collision: "black" made to hash as "white" does, and a run as "cupblack"
	// does: the strings say no.
	x.hash[4] = keyHash("white")
	if x.hasHash("white", keyHash("white")) {
		t.Error("a key whose hash collides was taken for another")
	}
	x.join[len(x.join)-1] = keyHash("cupwhite")
	if _, ok := x.joinedHash("cupwhite", keyHash("cupwhite")); ok {
		t.Error("a run whose hash collides was taken for another")
	}
	if x.hasRun([]string{"wh", "ite"}, fnvAdd(fnvAdd(fnvOffset, "wh"), "ite")) {
		t.Error("hasRun found a key whose hash collides")
	}
}

// FuzzKeyIndex: the index answers as sets of the keys and of their
// adjacent runs would.
func FuzzKeyIndex(f *testing.F) {
	f.Add("coffee maker 12 cup", "coffeemaker")
	f.Add("a b c d", "bcd")
	f.Add("a a", "aa")
	f.Fuzz(func(t *testing.T, title, k string) {
		keys := strings.Fields(title)
		x := newKeyIndex(keys)
		set, runs := map[string]bool{}, map[string]bool{}
		for i := range keys {
			set[keys[i]] = true
			if i+1 < len(keys) {
				runs[keys[i]+keys[i+1]] = true
			}
			if i+2 < len(keys) {
				runs[keys[i]+keys[i+1]+keys[i+2]] = true
			}
		}
		if x.has(k) != set[k] {
			t.Errorf("has(%q) = %v on %q", k, !set[k], keys)
		}
		r, ok := x.joined(k)
		if ok != runs[k] {
			t.Errorf("joined(%q) = %v on %q", k, ok, keys)
		}
		if ok && strings.Join(keys[r.from:r.from+r.n], "") != k {
			t.Errorf("joined(%q) = %v on %q: not its run", k, r, keys)
		}
		if parts := strings.Fields(k); len(parts) > 0 {
			h := fnvOffset
			for _, p := range parts {
				h = fnvAdd(h, p)
			}
			if x.hasRun(parts, h) != set[strings.Join(parts, "")] {
				t.Errorf("hasRun(%q) wrong on %q", parts, keys)
			}
		}
	})
}
