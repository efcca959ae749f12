package testws

import (
	"fmt"
	"strings"
)

// LongDockerfile returns a Dockerfile of about lines lines for benchmarks:
// stages with ARG, ENV, multi-line RUN, heredocs and COPY --from.
func LongDockerfile(lines int) string {
	var b strings.Builder
	b.WriteString("# syntax=docker/dockerfile:1\nARG BASE=3.20\n")
	n := 2
	for stage := 0; n < lines; stage++ {
		fmt.Fprintf(&b, "FROM alpine:$BASE AS stage%d\nARG BASE\nENV APP_%d=/srv/app%d\n", stage, stage, stage)
		n += 3
		for i := 0; i < 40 && n < lines; i++ {
			fmt.Fprintf(&b, "RUN apk add --no-cache pkg%d && \\\n    echo \"$APP_%d $BASE\" > /tmp/f%d\n", i, stage, i)
			fmt.Fprintf(&b, "COPY <<EOF /etc/conf%d\nvalue=$APP_%d\nEOF\n", i, stage)
			n += 5
		}
		if stage > 0 {
			fmt.Fprintf(&b, "COPY --from=stage%d /srv /srv\n", stage-1)
			n++
		}
	}
	return b.String()
}
