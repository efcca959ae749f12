package dotenv

// Lookup returns the entry that sets name, the last one when several do,
// or nil. Inherited entries set nothing and are skipped.
func (f *File) Lookup(name string) *Entry {
	for i := len(f.Entries) - 1; i >= 0; i-- {
		if e := f.Entries[i]; e.Key == name && !e.Inherited {
			return e
		}
	}
	return nil
}

// Vars returns the variables the file sets, as compose reads them.
func (f *File) Vars() map[string]string {
	vars := make(map[string]string, len(f.Entries))
	for _, e := range f.Entries {
		if !e.Inherited {
			vars[e.Key] = e.Value
		}
	}
	return vars
}

// EntryAt returns the entry whose statement contains offset, or nil.
func (f *File) EntryAt(offset int) *Entry {
	for _, e := range f.Entries {
		if e.Span.Contains(offset) {
			return e
		}
	}
	return nil
}
