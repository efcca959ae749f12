package main

import (
	"context"
	"io"
)

func check(ctx context.Context, args []string, stdout io.Writer, stderr io.Writer) int {
	return exitUsage
}
