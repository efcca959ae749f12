package workspace

import "github.com/stackls/stackls/position"

// SetBy reports whether the key at loc, such as a .env key, gives v its
// value: as the definition itself (an env_file entry) or as a variable
// that the definition's value interpolates or, written without a value,
// takes from the project's .env files.
func (v *EnvVar) SetBy(loc position.Location) bool {
	if v.Location == loc {
		return true
	}
	for _, from := range v.From {
		if from == loc {
			return true
		}
	}
	return false
}
