// Package reliability holds the tests that stackls survives any input and
// stays inside its bounds. They are fuzz targets over whole LSP sessions
// and over compose interpolation, and a sweep of every request at every
// position of the example and edge-case workspaces. Others run concurrent
// edits, requests and cancellations, check the size and content limits of
// the workspace, and check security: no network, no process, no writes
// and no secrets in logs or hovers.
//
// The package has no code of its own outside its tests. Run it with the
// race detector in CI:
//
//	go test -race ./internal/reliability/
//
// The fuzz targets run only on their seeds in a plain "go test"; run one
// for longer with, for example:
//
//	go test -run='^$' -fuzz=FuzzServerSession -fuzztime=10m ./internal/reliability/
package reliability
