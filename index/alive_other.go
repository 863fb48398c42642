//go:build !unix

package index

import "os"

// alive reports whether a process with the pid exists.
func alive(pid int) bool {
	_, err := os.FindProcess(pid)
	return err == nil
}
