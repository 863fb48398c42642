package catalog

import (
	_ "embed"
	"fmt"
	"html/template"
	"io"
	"sort"
	"time"

	"github.com/followmatch/followmatch/match"
)

//go:embed report/report.html.tmpl
var reportTemplate string

// HTMLSources are what an HTML report shows beside the results: the
// records behind the ids and their pictures. Any may be nil.
type HTMLSources struct {
	// Title names the report (the offers file).
	Title string
	// Offer and Listing return a record by id, nil when unknown.
	Offer   func(id string) *match.Record
	Listing func(id string) *match.Record
	// Picture returns what an <img> shows for a record's image reference:
	// a data: URI of a thumbnail, an http(s) URL, or "" when there is
	// none to show.
	Picture func(ref string) template.URL
	// Notes, asked when the report is written, are shown at its top
	// (what it could not show).
	Notes func() []string
}

// NewHTMLReport returns a writer of one self-contained HTML file (styles,
// script and thumbnails inline; no network needed but for pictures given
// as URLs): a summary by decision and by reason, the distribution of
// probabilities, and every offer beside its listing with pictures and the
// reasons, filterable by decision and by text. Rows are kept until Close,
// which writes the file.
func NewHTMLReport(w io.Writer, src HTMLSources) ResultWriter {
	return &htmlReport{w: w, src: src}
}

type htmlReport struct {
	w    io.Writer
	src  HTMLSources
	rows []reportRow
}

// reportRow is one offer's line of the report.
type reportRow struct {
	OfferID, OfferTitle     string
	OfferPicture            template.URL
	Decision                match.Decision
	Probability             float64
	ListingID, ListingTitle string
	ListingPicture          template.URL
	ListingLabel            string // "listing" or "nearest"
	Why                     string
	Reasons                 []string
	For, Against            []match.Comparison
}

func (h *htmlReport) Write(r match.Result) error {
	row := reportRow{OfferID: r.OfferID, Decision: r.Decision, Probability: r.Probability, Why: Why(r), Reasons: r.Reasons, ListingLabel: "listing"}
	if o := h.offer(r.OfferID); o != nil {
		row.OfferTitle = o.Title
		row.OfferPicture = h.picture(o)
	}
	id := r.ListingID
	if id == "" && r.Nearest != nil {
		id, row.ListingLabel = r.Nearest.ListingID, "nearest"
	}
	if id != "" {
		row.ListingID = id
		if l := h.listing(id); l != nil {
			row.ListingTitle = l.Title
			row.ListingPicture = h.picture(l)
		}
	}
	for _, c := range r.Comparisons {
		switch {
		case c.Weight > 0:
			row.For = append(row.For, c)
		case c.Weight < 0:
			row.Against = append(row.Against, c)
		}
	}
	sort.SliceStable(row.For, func(i, j int) bool { return row.For[i].Weight > row.For[j].Weight })
	sort.SliceStable(row.Against, func(i, j int) bool { return row.Against[i].Weight < row.Against[j].Weight })
	if row.OfferTitle == "" || row.ListingTitle == "" {
		// The titles as the comparison saw them, where no record is at hand.
		for _, c := range r.Comparisons {
			if c.Attribute == "title" {
				row.OfferTitle = cmpOr(row.OfferTitle, c.Offer)
				row.ListingTitle = cmpOr(row.ListingTitle, c.Listing)
			}
		}
	}
	h.rows = append(h.rows, row)
	return nil
}

func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

func (h *htmlReport) offer(id string) *match.Record {
	if h.src.Offer == nil {
		return nil
	}
	return h.src.Offer(id)
}

func (h *htmlReport) listing(id string) *match.Record {
	if h.src.Listing == nil {
		return nil
	}
	return h.src.Listing(id)
}

func (h *htmlReport) picture(r *match.Record) template.URL {
	if h.src.Picture == nil {
		return ""
	}
	for _, ref := range r.Images {
		if p := h.src.Picture(ref); p != "" {
			return p
		}
	}
	return ""
}

// reportBins is the number of bars of the probability chart.
const reportBins = 20

// reportData is what the template renders.
type reportData struct {
	Title     string
	Notes     []string
	Made      string
	Total     int
	Decisions []countOf
	Reasons   []countOf
	Bins      []bin
	Rows      []reportRow
}

type countOf struct {
	Name  string
	Count int
	Share float64
}

// bin is one bar of the chart: the offers whose probability falls in
// [From, To), by decision.
type bin struct {
	From, To float64
	Counts   map[match.Decision]int
	Total    int
	Height   float64 // of the tallest bar, in [0,1]
}

func (h *htmlReport) Close() error {
	var notes []string
	if h.src.Notes != nil {
		notes = h.src.Notes()
	}
	d := reportData{Title: h.src.Title, Notes: notes, Made: time.Now().UTC().Format("2006-01-02 15:04 UTC"), Total: len(h.rows), Rows: h.rows}
	decisions := map[string]int{}
	reasons := map[string]int{}
	d.Bins = make([]bin, reportBins)
	for i := range d.Bins {
		d.Bins[i] = bin{From: float64(i) / reportBins, To: float64(i+1) / reportBins, Counts: map[match.Decision]int{}}
	}
	tallest := 0
	for _, r := range h.rows {
		decisions[string(r.Decision)]++
		for _, x := range r.Reasons {
			reasons[x]++
		}
		if r.Decision == match.Error {
			continue
		}
		i := min(int(r.Probability*reportBins), reportBins-1)
		d.Bins[i].Counts[r.Decision]++
		d.Bins[i].Total++
		tallest = max(tallest, d.Bins[i].Total)
	}
	for i := range d.Bins {
		if tallest > 0 {
			d.Bins[i].Height = float64(d.Bins[i].Total) / float64(tallest)
		}
	}
	for _, name := range []match.Decision{match.Eligible, match.Blocked, match.Review, match.NoMatch, match.Error} {
		n := decisions[string(name)]
		d.Decisions = append(d.Decisions, countOf{Name: string(name), Count: n, Share: share(n, len(h.rows))})
	}
	for name, n := range reasons {
		d.Reasons = append(d.Reasons, countOf{Name: name, Count: n, Share: share(n, len(h.rows))})
	}
	sort.Slice(d.Reasons, func(i, j int) bool {
		if d.Reasons[i].Count != d.Reasons[j].Count {
			return d.Reasons[i].Count > d.Reasons[j].Count
		}
		return d.Reasons[i].Name < d.Reasons[j].Name
	})
	t, err := template.New("report").Funcs(template.FuncMap{
		"pct":   func(x float64) string { return fmt.Sprintf("%.1f%%", 100*x) },
		"prob":  func(x float64) string { return fmt.Sprintf("%.3f", x) },
		"bits":  func(x float64) string { return fmt.Sprintf("%+.1f", x) },
		"barY":  func(hgt float64) float64 { return 120 - 110*hgt },
		"barH":  func(hgt float64) float64 { return 110 * hgt },
		"barX":  func(i int) int { return 30 + i*28 },
		"count": func(b bin, dec string) int { return b.Counts[match.Decision(dec)] },
	}).Parse(reportTemplate)
	if err != nil {
		return fmt.Errorf("report: template: %w", err)
	}
	if err := t.Execute(h.w, d); err != nil {
		return fmt.Errorf("report: %w", err)
	}
	return nil
}

func share(n, of int) float64 {
	if of == 0 {
		return 0
	}
	return float64(n) / float64(of)
}
