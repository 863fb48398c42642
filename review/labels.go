package review

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"sync"

	"github.com/followmatch/followmatch/eval"
)

// pair names an offer and a listing.
type pair struct{ offer, listing string }

// Labels is a person's labels file (CSV offer_id,listing_id,label, as tune
// --labels reads it), appended to and synced at every answer, so that a
// crash loses nothing.
type Labels struct {
	path string
	mu   sync.Mutex
	f    *os.File
	// had holds the labels in the file, the last one per pair.
	had map[pair]bool
}

// OpenLabels opens the labels file at path, creating it with its header
// when it does not exist. Labels already in it are kept and read.
func OpenLabels(path string) (*Labels, error) {
	l := &Labels{path: path, had: map[pair]bool{}}
	st, err := os.Stat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist) || err == nil && st.Size() == 0:
		if err := os.WriteFile(path, []byte("offer_id,listing_id,label\n"), 0o644); err != nil {
			return nil, fmt.Errorf("review: labels: %w", err)
		}
	case err != nil:
		return nil, fmt.Errorf("review: labels: %w", err)
	default:
		pairs, err := eval.ReadLabels(path)
		if err != nil {
			return nil, fmt.Errorf("review: %w", err)
		}
		for _, p := range pairs {
			l.had[pair{p.A, p.B}] = p.Match
		}
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_APPEND, 0)
	if err != nil {
		return nil, fmt.Errorf("review: labels: %w", err)
	}
	l.f = f
	if err := l.endLine(); err != nil {
		f.Close()
		return nil, err
	}
	return l, nil
}

// endLine ends the file's last line when a person's editor left it open,
// so that the next label starts a row of its own.
func (l *Labels) endLine() error {
	st, err := l.f.Stat()
	if err != nil || st.Size() == 0 {
		return err
	}
	last := make([]byte, 1)
	r, err := os.Open(l.path)
	if err != nil {
		return fmt.Errorf("review: labels: %w", err)
	}
	defer r.Close()
	if _, err := r.ReadAt(last, st.Size()-1); err != nil {
		return fmt.Errorf("review: labels %s: %w", l.path, err)
	}
	if last[0] != '\n' {
		if _, err := l.f.Write([]byte("\n")); err != nil {
			return fmt.Errorf("review: labels %s: %w", l.path, err)
		}
	}
	return nil
}

// Path returns the file's path.
func (l *Labels) Path() string { return l.path }

// Label returns the label the file holds for the pair, if any.
func (l *Labels) Label(offer, listing string) (same, ok bool) {
	l.mu.Lock()
	defer l.mu.Unlock()
	same, ok = l.had[pair{offer, listing}]
	return same, ok
}

// Add appends one label and syncs the file. It returns the file's size
// before the label, for Undo.
func (l *Labels) Add(offer, listing string, same bool) (int64, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	st, err := l.f.Stat()
	if err != nil {
		return 0, fmt.Errorf("review: labels %s: %w", l.path, err)
	}
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	label := "0"
	if same {
		label = "1"
	}
	w.Write([]string{offer, listing, label})
	w.Flush()
	if _, err := l.f.Write(b.Bytes()); err != nil {
		return 0, fmt.Errorf("review: labels %s: %w", l.path, err)
	}
	if err := l.f.Sync(); err != nil {
		return 0, fmt.Errorf("review: labels %s: %w", l.path, err)
	}
	l.had[pair{offer, listing}] = same
	return st.Size(), nil
}

// Undo takes the label of the pair back: the file is cut to size, its
// length before that label was added.
func (l *Labels) Undo(offer, listing string, size int64) error {
	l.mu.Lock()
	defer l.mu.Unlock()
	if err := l.f.Truncate(size); err != nil {
		return fmt.Errorf("review: labels %s: undo: %w", l.path, err)
	}
	if err := l.f.Sync(); err != nil {
		return fmt.Errorf("review: labels %s: undo: %w", l.path, err)
	}
	delete(l.had, pair{offer, listing})
	return nil
}

// Close closes the file.
func (l *Labels) Close() error { return l.f.Close() }
