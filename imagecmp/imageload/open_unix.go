//go:build unix

package imageload

import (
	"os"
	"syscall"
)

// openNonBlocking opens path without blocking on a FIFO with no writer.
func openNonBlocking(path string) (*os.File, error) {
	return os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
}
