//go:build !linux

package main

import "os"

// growPipeBuffers does nothing here: F_SETPIPE_SZ, which sizes a pipe's
// buffer, is Linux's.
func growPipeBuffers(...*os.File) {}
