//go:build race

package reliability

// raceEnabled reports whether the tests run under the race detector, which
// makes the server about ten times slower, so the sweeps sample positions.
const raceEnabled = true
