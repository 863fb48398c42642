package catalog

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"strings"

	"github.com/followmatch/followmatch/match"
)

// ReadResults reads the results of a run, as `match` writes them in JSON
// Lines. A line that is no result is an error naming the file and line; a
// result without a decision, or without an offer id where it is no error
// (a row without an id is an error result), is one too.
func ReadResults(path string) ([]match.Result, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("results: %w", err)
	}
	defer f.Close()
	var out []match.Result
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 64<<10), 64<<20)
	for line := 1; sc.Scan(); line++ {
		text := strings.TrimSpace(sc.Text())
		if text == "" {
			continue
		}
		var r match.Result
		if err := json.Unmarshal([]byte(text), &r); err != nil {
			return nil, fmt.Errorf("results: %s: line %d: not a result (want the JSON Lines of `match`): %w", path, line, err)
		}
		switch {
		case r.OfferID == "" && r.Decision != match.Error:
			return nil, fmt.Errorf("results: %s: line %d: no offer_id", path, line)
		case r.Decision == "":
			return nil, fmt.Errorf("results: %s: line %d: offer %s: no decision", path, line, r.OfferID)
		}
		out = append(out, r)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("results: %s: %w", path, err)
	}
	return out, nil
}
