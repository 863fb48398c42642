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
	var out []match.Result
	err := EachResult(path, func(r match.Result) error {
		out = append(out, r)
		return nil
	})
	return out, err
}

// EachResult calls fn with each result of a run's results file in turn, as
// ReadResults reads them, without holding them all (a bulk run's results
// with every comparison are gigabytes); it stops at the first error of fn.
func EachResult(path string, fn func(match.Result) error) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("results: %w", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 64<<10), 64<<20)
	for line := 1; sc.Scan(); line++ {
		text := strings.TrimSpace(sc.Text())
		if text == "" {
			continue
		}
		var r match.Result
		if err := json.Unmarshal([]byte(text), &r); err != nil {
			return fmt.Errorf("results: %s: line %d: not a result (want the JSON Lines of `match`): %w", path, line, err)
		}
		switch {
		case r.OfferID == "" && r.Decision != match.Error:
			return fmt.Errorf("results: %s: line %d: no offer_id", path, line)
		case r.Decision == "":
			return fmt.Errorf("results: %s: line %d: offer %s: no decision", path, line, r.OfferID)
		}
		if err := fn(r); err != nil {
			return err
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("results: %s: %w", path, err)
	}
	return nil
}
