package diagnostics

import "context"

// giveWayKey is the context key that Background sets.
type giveWayKey struct{}

// Background returns ctx as the context of a check that no one waits for,
// such as the check of every file after indexing. Such a check gives way
// to more urgent work: it calls giveWay between its steps, and in a large
// Dockerfile every few dozen instructions. giveWay blocks while more
// urgent work runs, and returns at once otherwise or when its context is
// done. It is never called while the check holds a lock or a cache entry
// that another check may wait for.
func Background(ctx context.Context, giveWay func(context.Context)) context.Context {
	if giveWay == nil {
		return ctx
	}
	return context.WithValue(ctx, giveWayKey{}, giveWay)
}

// isBackground reports whether ctx comes from Background.
func isBackground(ctx context.Context) bool {
	_, ok := ctx.Value(giveWayKey{}).(func(context.Context))
	return ok
}

// giveWay calls the function that Background set in ctx, if any.
func giveWay(ctx context.Context) {
	if fn, ok := ctx.Value(giveWayKey{}).(func(context.Context)); ok {
		fn(ctx)
	}
}
