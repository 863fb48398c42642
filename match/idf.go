package match

import "math"

// DocFreq counts in how many documents each title key occurs, for IDF
// weights when no index is at hand (labeled-pair evaluation). It is not safe
// for concurrent Add; IDF may be called concurrently once adding is done.
type DocFreq struct {
	docs int
	df   map[string]int
}

// NewDocFreq returns an empty count.
func NewDocFreq() *DocFreq { return &DocFreq{df: map[string]int{}} }

// Add counts one document's distinct keys.
func (d *DocFreq) Add(keys []string) {
	d.docs++
	for _, k := range keys {
		d.df[k]++
	}
}

// IDF weighs a key by its rarity among the documents counted (see IDF).
func (d *DocFreq) IDF(key string) float64 { return IDF(uint64(d.docs), uint64(d.df[key])) }

// Frozen returns IDF as a lookup of weights computed once, for when adding
// is done: scoring asks for the same keys' weights again and again.
func (d *DocFreq) Frozen() func(string) float64 {
	w := make(map[string]float64, len(d.df))
	for k, n := range d.df {
		w[k] = IDF(uint64(d.docs), uint64(n))
	}
	unseen := IDF(uint64(d.docs), 0)
	return func(k string) float64 {
		if v, ok := w[k]; ok {
			return v
		}
		return unseen
	}
}

// IDF is the title comparison's weight of a key held by df of n documents:
// log((n+1)/(df+1)) + 1, so an unseen key weighs most and a key in every
// document weighs 1. The index computes it from its postings, DocFreq from
// the records of a labeled dataset.
func IDF(n, df uint64) float64 {
	return math.Log(float64(n+1)/float64(df+1)) + 1
}
