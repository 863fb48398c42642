package main

import (
	"context"
	"fmt"
	"html/template"
	"strings"
	"sync"

	"github.com/followmatch/followmatch"
	"github.com/followmatch/followmatch/catalog"
	"github.com/followmatch/followmatch/imagecmp/imageload"
	"github.com/followmatch/followmatch/match"
)

// maxReportPictures bounds the thumbnails one HTML report embeds (about
// 4 KB each); pictures past it show as "no picture", and the report says so.
const maxReportPictures = 5000

// reportSources gathers what `match --format html` shows beside the
// results: the offers as they are read, the listings from the engine, the
// pictures as thumbnails of the local files (URLs are linked as they are).
type reportSources struct {
	ctx    context.Context
	engine *followmatch.Engine
	access imageload.Access

	// mu guards offers, noted by the reader goroutine; the pictures are
	// asked for by the results' writer alone, one result at a time.
	mu       sync.Mutex
	offers   map[string]*match.Record
	pictures map[string]template.URL
	embedded int
	skipped  int // pictures past maxReportPictures
}

func newReportSources(ctx context.Context, access imageload.Access) *reportSources {
	return &reportSources{ctx: ctx, access: access, offers: map[string]*match.Record{}, pictures: map[string]template.URL{}}
}

// note keeps an offer for the report.
func (s *reportSources) note(r *match.Record) {
	if r == nil {
		return
	}
	s.mu.Lock()
	s.offers[r.ID] = r
	s.mu.Unlock()
}

func (s *reportSources) sources(title string) catalog.HTMLSources {
	return catalog.HTMLSources{
		Title: title,
		Offer: func(id string) *match.Record {
			s.mu.Lock()
			defer s.mu.Unlock()
			return s.offers[id]
		},
		Listing: func(id string) *match.Record {
			if s.engine == nil {
				return nil
			}
			r, err := s.engine.Listing(s.ctx, id)
			if err != nil {
				return nil
			}
			return r
		},
		Picture: s.picture,
		Notes: func() []string {
			if n := s.pictureNote(); n != "" {
				return []string{n}
			}
			return nil
		},
	}
}

// picture returns an http(s) reference as it is and a local file's
// thumbnail; "" for a file that cannot be read or is not allowed.
func (s *reportSources) picture(ref string) template.URL {
	if strings.HasPrefix(ref, "http://") || strings.HasPrefix(ref, "https://") {
		return template.URL(ref)
	}
	if p, seen := s.pictures[ref]; seen {
		return p
	}
	if s.embedded >= maxReportPictures {
		s.skipped++
		return ""
	}
	var p template.URL
	if uri, err := s.access.Thumbnail(ref, imageload.DefaultLimits(), 144); err == nil {
		p = template.URL(uri)
		s.embedded++
	}
	s.pictures[ref] = p
	return p
}

// pictureNote says what the report could not embed, for standard error.
func (s *reportSources) pictureNote() string {
	if s.skipped == 0 {
		return ""
	}
	return fmt.Sprintf("pictures are embedded for the first %d images; %d more show as \"no picture\"", maxReportPictures, s.skipped)
}
