package match

import (
	"fmt"
	"os"
	"strings"
	"testing"
)

func TestZZScratch(t *testing.T) {
	a, b := os.Getenv("TA"), os.Getenv("TB")
	if a == "" {
		t.Skip()
	}
	vs, _ := LoadVocabularies()
	s := NewScorer(DefaultConfig(), nil)
	ia := Prepare(&Record{ID: "a", Title: a, Brand: os.Getenv("BA")}, vs)
	ib := Prepare(&Record{ID: "b", Title: b, Brand: os.Getenv("BB")}, vs)
	for _, o := range s.Compare(ia, ib) {
		if o.Level != Missing {
			fmt.Printf("%-12s %-16s %q | %q  %s\n", o.Attribute, o.Level, o.A, o.B, strings.TrimSpace(o.Evidence))
		}
	}
	fmt.Println(s.Score(ia, ib).Total)
}
