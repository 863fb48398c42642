package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/followmatch/followmatch/catalog"
	"github.com/followmatch/followmatch/match"
)

func runExplain(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("explain", flag.ContinueOnError)
	var f matchFlags
	f.register(fs)
	id := fs.String("id", "", "the offer's `id` (SKU)")
	listing := fs.String("listing", "", "explain against this listing `id` instead of the best candidate")
	asJSON := fs.Bool("json", false, "print the result and score as JSON")
	if err := parseFlags(fs, args, stderr); err != nil {
		return err
	}
	if f.offers == "" || *id == "" {
		return usagef("--offers and --id are required")
	}
	offerMap, err := catalog.ParseMap(f.mapping)
	if err != nil {
		return usageError{err.Error()}
	}
	offer, err := findOffer(f.offers, catalog.Options{Map: offerMap, Sheet: f.sheet}, *id)
	if err != nil {
		return err
	}
	e, err := f.openEngine(ctx, stderr)
	if err != nil {
		return err
	}
	defer e.Close()
	if e, err = f.calibrate(ctx, e, "explain", stderr); err != nil {
		return err
	}
	ex, err := e.Explain(ctx, offer, *listing)
	if err != nil {
		return err
	}
	if *asJSON {
		// The result, and the waterfall: prior, one step per attribute with
		// its level, weight and running total, the total and the decision.
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		out := struct {
			match.Explanation
			Prior *float64 `json:"prior,omitempty"`
			Total *float64 `json:"total,omitempty"`
		}{Explanation: ex}
		if w := ex.Waterfall; w != nil {
			out.Prior, out.Total = &w.Prior, &w.Total
		}
		return enc.Encode(out)
	}
	printExplanation(stdout, offer, ex)
	return nil
}

// findOffer reads the offers file up to the record with the id; a bad row
// with that id is its error.
func findOffer(path string, opts catalog.Options, id string) (*match.Record, error) {
	rd, err := catalog.Open(path, opts)
	if err != nil {
		return nil, err
	}
	defer rd.Close()
	for {
		row, err := rd.Next()
		if errors.Is(err, io.EOF) {
			return nil, fmt.Errorf("offer %q is not in %s", id, path)
		}
		if err != nil {
			return nil, err
		}
		if row.Err != nil {
			var re *catalog.RowError
			if errors.As(row.Err, &re) && re.ID == id {
				return nil, fmt.Errorf("offer %q cannot be read: %w", id, row.Err)
			}
			continue
		}
		if row.Record.ID == id {
			return row.Record, nil
		}
	}
}

// printExplanation prints the evidence waterfall: the prior, then every
// attribute's level and weight with the running total, then the decision.
func printExplanation(w io.Writer, offer *match.Record, ex match.Explanation) {
	r := ex.Result
	fmt.Fprintf(w, "offer    %s  %s\n", offer.ID, offer.Title)
	wf := ex.Waterfall
	if wf == nil {
		fmt.Fprintf(w, "no candidate listing was found\n\ndecision: %s\n", r.Decision)
		return
	}
	fmt.Fprintf(w, "listing  %s  %s\n\n", wf.ListingID, wf.Listing.Title)
	tw := tabwriter.NewWriter(w, 2, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ATTRIBUTE\tLEVEL\tWEIGHT\tTOTAL\tOFFER\tLISTING\tEVIDENCE")
	fmt.Fprintf(tw, "prior\t\t%+.2f\t%+.2f\t\t\t\n", wf.Prior, wf.Prior)
	for _, st := range wf.Steps {
		lvl := string(st.Level)
		if st.Veto {
			lvl += " (veto)"
		}
		fmt.Fprintf(tw, "%s\t%s\t%+.2f\t%+.2f\t%s\t%s\t%s\n", st.Attribute, lvl, st.Weight, st.Running,
			clip(st.Offer, 32), clip(st.Listing, 32), st.Evidence)
	}
	tw.Flush()
	fmt.Fprintf(w, "\ntotal %+.2f bits -> probability %.3f", wf.Total, wf.Probability)
	if len(wf.Vetoes) > 0 {
		fmt.Fprintf(w, " before the veto; vetoed by %s: a different item", strings.Join(wf.Vetoes, ", "))
	}
	fmt.Fprintf(w, "\n\ndecision: %s", r.Decision)
	if r.ListingID != "" {
		fmt.Fprintf(w, " (listing %s, probability %.3f)", r.ListingID, r.Probability)
	}
	fmt.Fprintln(w)
	if why := catalog.Why(r); why != "" {
		fmt.Fprintf(w, "why:      %s\n", why)
	}
	for _, a := range r.Alternatives {
		fmt.Fprintf(w, "also:     %s probability %.3f", a.ListingID, a.Probability)
		if len(a.Mismatches) > 0 {
			fmt.Fprintf(w, " (differs in %s)", strings.Join(a.Mismatches, ", "))
		}
		fmt.Fprintln(w)
	}
}

func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
