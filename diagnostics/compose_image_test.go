package diagnostics_test

import "testing"

func TestComposeMissingImage(t *testing.T) {
	runComposeDiagCases(t, []composeDiagCase{
		{
			name: "neither image nor build",
			file: "compose.yaml",
			archive: `
-- compose.yaml --
services:
  «svc»proxy:
    ports:
      - 80:80
`,
			want: []wantDiag{{"MissingImage", "svc", "proxy", "service `proxy` has neither `image` nor `build`"}},
		},
		{
			name:    "non-ASCII and tab before the name",
			file:    "compose.yaml",
			archive: "-- compose.yaml --\n# café\t\nservices:\n  «svc»web:\n    restart: always # é\n",
			want:    []wantDiag{{"MissingImage", "svc", "web", "service `web`"}},
		},
		{
			name:    "BOM and CRLF",
			file:    "compose.yaml",
			crlf:    true,
			archive: "-- compose.yaml --\n\ufeffservices:\n  «svc»db:\n    restart: always\n",
			want:    []wantDiag{{"MissingImage", "svc", "db", "service `db`"}},
		},
		{
			name: "image empty after interpolation",
			file: "compose.yaml",
			archive: `
-- .env --
TAG=
-- compose.yaml --
services:
  web:
    image: «img»${TAG}
`,
			want: []wantDiag{{"MissingImage", "img", "${TAG}", "the `image` of service `web` is empty"}},
		},
		{
			name: "image from a merge key, build, extends and provider",
			file: "compose.yaml",
			archive: `
-- Dockerfile --
FROM alpine:3.20
-- compose.yaml --
x-base: &base
  image: alpine:3.20
services:
  merged:
    <<: *base
  built:
    build: .
  child:
    extends: merged
  model:
    provider:
      type: model
`,
		},
		{
			name: "image from another file of the project",
			file: "compose.override.yaml",
			archive: `
-- compose.yaml --
services:
  web:
    image: nginx
-- compose.override.yaml --
services:
  web:
    ports:
      - 80:80
`,
		},
	})
}
