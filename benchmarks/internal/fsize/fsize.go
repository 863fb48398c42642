// Package fsize measures files for the benchmark harnesses.
package fsize

import (
	"os"
	"path/filepath"
)

// Dir returns the bytes of the regular files under dir (0 for what cannot
// be read).
func Dir(dir string) int64 {
	var n int64
	filepath.Walk(dir, func(_ string, info os.FileInfo, err error) error {
		if err == nil && !info.IsDir() {
			n += info.Size()
		}
		return nil
	})
	return n
}
