package catalog

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/followmatch/followmatch/match"
)

// ResultWriter writes match results one at a time.
type ResultWriter interface {
	Write(match.Result) error
	// Close flushes buffered output; it does not close the underlying writer.
	Close() error
}

// NewResultWriter returns a writer for format "jsonl", "csv" or "table".
func NewResultWriter(w io.Writer, format string) (ResultWriter, error) {
	switch format {
	case "jsonl", "":
		bw := bufio.NewWriter(w)
		enc := json.NewEncoder(bw)
		enc.SetEscapeHTML(false)
		return &jsonlWriter{bw: bw, enc: enc}, nil
	case "csv":
		cw := csv.NewWriter(w)
		if err := cw.Write([]string{"offer_id", "decision", "listing_id", "probability", "reasons"}); err != nil {
			return nil, err
		}
		return &csvWriter{cw: cw}, nil
	case "table":
		tw := tabwriter.NewWriter(w, 2, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "OFFER\tDECISION\tLISTING\tP\tWHY")
		return &tableWriter{tw: tw}, nil
	}
	return nil, fmt.Errorf("unknown format %q (want jsonl, csv or table)", format)
}

type jsonlWriter struct {
	bw  *bufio.Writer
	enc *json.Encoder
}

func (w *jsonlWriter) Write(r match.Result) error {
	if err := w.enc.Encode(r); err != nil {
		return err
	}
	// Flush whole lines so an interrupted run leaves only complete lines.
	if w.bw.Buffered() > 64<<10 {
		return w.bw.Flush()
	}
	return nil
}

func (w *jsonlWriter) Close() error { return w.bw.Flush() }

type csvWriter struct{ cw *csv.Writer }

func (w *csvWriter) Write(r match.Result) error {
	reasons := strings.Join(r.Reasons, "|")
	if r.Decision == match.Error {
		reasons = r.Error
	}
	return w.cw.Write([]string{r.OfferID, string(r.Decision), r.ListingID, strconv.FormatFloat(r.Probability, 'f', -1, 64), reasons})
}

func (w *csvWriter) Close() error {
	w.cw.Flush()
	return w.cw.Error()
}

type tableWriter struct {
	tw *tabwriter.Writer
	n  int
}

func (w *tableWriter) Write(r match.Result) error {
	_, err := fmt.Fprintf(w.tw, "%s\t%s\t%s\t%.3f\t%s\n", r.OfferID, r.Decision, dash(r.ListingID), r.Probability, Why(r))
	w.n++
	if w.n%200 == 0 {
		return w.tw.Flush()
	}
	return err
}

func (w *tableWriter) Close() error { return w.tw.Flush() }

func dash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// Why summarizes a result's reasons for a person: the reason codes, the
// nearest listing and its mismatches, the error, or what to check in a
// review no code names (match.Result.Note); for a decision on a
// listing with no reason code (eligible, a review in the band below the
// match threshold), the strongest evidence for and against it.
func Why(r match.Result) string {
	switch {
	case r.Decision == match.Error:
		return r.Error
	case r.Nearest != nil:
		return fmt.Sprintf("nearest %s differs in %s", r.Nearest.ListingID, strings.Join(r.Nearest.Mismatches, ", "))
	case len(r.Reasons) > 0:
		return strings.Join(r.Reasons, ", ")
	case r.Note != "":
		return r.Note
	case r.ListingID != "" && len(r.Comparisons) > 0:
		pro, against := evidence(r.Comparisons)
		why := "for: " + pro
		if r.Decision == match.Review {
			why = "probably, not surely: " + why
		}
		if against != "" {
			why += "; against: " + against
		}
		return why
	}
	return ""
}

// evidence names the two weightiest comparisons for and the two against
// ("model +7.0, gtin +12.0").
func evidence(cs []match.Comparison) (string, string) {
	var pos, neg []match.Comparison
	for _, c := range cs {
		switch {
		case c.Weight > 0:
			pos = append(pos, c)
		case c.Weight < 0:
			neg = append(neg, c)
		}
	}
	sort.SliceStable(pos, func(i, j int) bool { return pos[i].Weight > pos[j].Weight })
	sort.SliceStable(neg, func(i, j int) bool { return neg[i].Weight < neg[j].Weight })
	name := func(cs []match.Comparison) string {
		var parts []string
		for i, c := range cs {
			if i == 2 {
				break
			}
			parts = append(parts, fmt.Sprintf("%s %s %+.1f", c.Attribute, c.Level, c.Weight))
		}
		return strings.Join(parts, ", ")
	}
	return name(pos), name(neg)
}
