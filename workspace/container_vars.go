package workspace

import (
	"github.com/stackls/stackls/position"
	"github.com/stackls/stackls/shell"
)

// ScriptVarAt returns the use or assignment of a variable whose name holds
// offset in a script, or nil. The end of a name counts as inside it.
func ScriptVarAt(model *shell.File, offset int) *shell.VarRef {
	for _, list := range [][]*shell.VarRef{model.VarUses, model.VarDefs} {
		for _, ref := range list {
			if ref.Span.Contains(offset) {
				return ref
			}
		}
	}
	return nil
}

// ScriptFunctionAt returns the function of a script whose name contains
// offset, in its definition or in a command that calls it, and the Span of
// that name. It returns nil when there is none.
func ScriptFunctionAt(model *shell.File, offset int) (*shell.Function, position.Span) {
	for _, fn := range model.Functions {
		if fn.NameSpan.Contains(offset) {
			return fn, fn.NameSpan
		}
	}
	for _, cmd := range model.Commands {
		if cmd.Name == nil || cmd.Name.Dynamic || !cmd.Name.Span.Contains(offset) {
			continue
		}
		if fn := ScriptFunction(model, cmd.Name.Literal); fn != nil {
			return fn, cmd.Name.Span
		}
	}
	return nil, position.Span{}
}

// ScriptFunction returns the last definition of the function called name,
// which is the one a call after it runs, or nil.
func ScriptFunction(model *shell.File, name string) *shell.Function {
	var found *shell.Function
	for _, fn := range model.Functions {
		if fn.Name == name {
			found = fn
		}
	}
	return found
}
