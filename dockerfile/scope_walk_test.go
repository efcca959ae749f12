package dockerfile

import "testing"

// TestWalkStageWhileStops checks that the walk stops after the first
// instruction for which the callback returns false.
func TestWalkStageWhileStops(t *testing.T) {
	f := Parse([]byte("FROM alpine\nENV A=1\nRUN echo $A\nRUN echo two\n"))
	var seen []string
	f.WalkStageWhile(0, func(in *Instruction, env *Env) bool {
		seen = append(seen, in.Keyword)
		return in.Keyword != "ENV"
	})
	if len(seen) != 2 || seen[0] != "FROM" || seen[1] != "ENV" {
		t.Errorf("walked %v, want [FROM ENV]", seen)
	}
	var all []string
	f.WalkStage(0, func(in *Instruction, env *Env) { all = append(all, in.Keyword) })
	if len(all) != 4 {
		t.Errorf("WalkStage walked %v, want 4 instructions", all)
	}
}
