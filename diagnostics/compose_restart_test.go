package diagnostics_test

import "testing"

func TestComposeRestartPolicies(t *testing.T) {
	runComposeDiagCases(t, []composeDiagCase{
		{
			name: "every policy Docker knows",
			file: "compose.yaml",
			archive: `
-- .env --
POLICY=unless-stopped
-- compose.yaml --
services:
  a: {image: x, restart: "no"}
  b: {image: x, restart: always}
  c: {image: x, restart: on-failure}
  d: {image: x, restart: on-failure:3}
  e: {image: x, restart: unless-stopped}
  f: {image: x, restart: "${POLICY}"}
  g: {image: x, restart: "${«u»UNSET_POLICY}"}
  h: {image: x, restart: ""}
`,
			// An unset variable leaves no policy, which Docker accepts.
			want: []wantDiag{{"UnsetVariable", "u", "UNSET_POLICY", "is not set"}},
		},
		{
			name: "unknown policies and retry counts",
			file: "compose.yaml",
			archive: `
-- compose.yaml --
services:
  a:
    image: x
    restart: «a»sometimes
  b:
    image: x
    restart: «b»Always
  c:
    image: x
    restart: «c»always:3
  d:
    image: x
    restart: «d»on-failure:-1
`,
			want: []wantDiag{
				{"InvalidRestart", "a", "sometimes", "`sometimes` is not a restart policy"},
				{"InvalidRestart", "b", "Always", "`Always` is not a restart policy"},
				{"InvalidRestart", "c", "always:3", "`always:3`"},
				{"InvalidRestart", "d", "on-failure:-1", "`on-failure:-1`"},
			},
		},
	})
}
