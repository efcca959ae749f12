//go:build !race

package reliability

// raceEnabled reports whether the tests run under the race detector.
const raceEnabled = false
