package match

import (
	"slices"
	"strings"
	"testing"
)

// TestTranslatedTitles: a German wholesaler's words and British spellings
// read as the listing's American English, so titles in two languages
// share their words; words that are English too are left alone.
func TestTranslatedTitles(t *testing.T) {
	vs := testVocab(t)
	for _, tc := range []struct {
		title string
		want  []string // keys the title must have
		not   []string // keys it must not have
		why   string
	}{
		{"STAEDTLER Noris Club Triplus Farbstifte 24er Set", []string{"colored", "pencil"}, nil, "a German compound is two English words"},
		{"Lavazza Qualita Rossa Bohnen 1kg", []string{"bean"}, []string{"bohnen"}, "Bohnen are beans"},
		{"Staedtler Colour Pencils, Assorted Colours", []string{"color", "pencil"}, []string{"colour"}, "a British spelling is the American one"},
		{"Faux Fur Throw Blanket", []string{"fur"}, []string{"for"}, "fur is English: the folded für is not translated"},
		{"Garden Hose 50 ft", []string{"hose"}, nil, "hose is English (and German trousers): left alone"},
		{"Bosch Akku-Bohrschrauber mit 2 Akkus im Koffer", []string{"battery", "drill", "driver", "case"}, []string{"akku", "koffer"}, "a tool kit's German words"},
	} {
		keys := Prepare(&Record{Title: tc.title}, vs).TitleKeys()
		for _, w := range tc.want {
			if !slices.Contains(keys, w) {
				t.Errorf("%q: keys %v lack %q (%s)", tc.title, keys, w, tc.why)
			}
		}
		for _, w := range tc.not {
			if slices.Contains(keys, w) {
				t.Errorf("%q: keys %v have %q (%s)", tc.title, keys, w, tc.why)
			}
		}
	}
}

// TestAddTranslated: a translation list that would misread a word is
// refused by name.
func TestAddTranslated(t *testing.T) {
	for _, tc := range []struct {
		langs map[string]map[string]string
		want  string // "" when accepted, else part of the error
		why   string
	}{
		{map[string]map[string]string{"de": {"Bohnen": "beans"}, "nl": {"bonen": "beans"}}, "", "two languages, two spellings"},
		{map[string]map[string]string{"de": {"tastatur": "keyboard"}, "no": {"tastatur": "keyboard"}}, "", "one spelling, one meaning in two languages"},
		{map[string]map[string]string{"de": {"rosa": "pink"}, "xx": {"rosa": "rose"}}, `xx "rosa" means "rose", but de reads "rosa" as "pink"`, "one spelling, two meanings"},
		{map[string]map[string]string{"de": {"blk": "block"}}, `abbreviations.json reads "blk" as "black"`, "a translation against an abbreviation"},
		{map[string]map[string]string{"fr": {"câble": "cable"}}, `fr "câble" is its own English`, "folded, the word is its English"},
		{map[string]map[string]string{"de": {"Ganze Bohne": "whole bean"}}, "want one word", "a phrase as a key"},
		{map[string]map[string]string{"de": {"Dose": ""}}, "want one word for one or more", "no English given"},
	} {
		words := map[string][]string{"blk": {"black"}}
		err := addTranslated(words, translations{Languages: tc.langs})
		switch {
		case tc.want == "" && err != nil:
			t.Errorf("%v: %v, want accepted (%s)", tc.langs, err, tc.why)
		case tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want)):
			t.Errorf("%v: error %v, want one with %q (%s)", tc.langs, err, tc.want, tc.why)
		}
	}
}
