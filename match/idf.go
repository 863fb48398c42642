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

// IDF is log((N+1)/(df+1)) + 1, as index.Index.IDF computes it.
func (d *DocFreq) IDF(key string) float64 {
	return math.Log(float64(d.docs+1)/float64(d.df[key]+1)) + 1
}
