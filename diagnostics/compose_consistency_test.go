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

func TestComposeHealthcheckTest(t *testing.T) {
	runComposeDiagCases(t, []composeDiagCase{
		{
			name: "list without CMD",
			file: "compose.yaml",
			archive: `
-- compose.yaml --
services:
  db:
    image: mariadb:11
    healthcheck:
      test: [«first»"healthcheck.sh", "--connect"]
`,
			want: []wantDiag{{"InvalidHealthcheckTest", "first", `"healthcheck.sh"`, "must start with `CMD`, `CMD-SHELL` or `NONE`, not `healthcheck.sh`"}},
		},
		{
			name:    "interpolated first item after non-ASCII",
			file:    "compose.yaml",
			archive: "-- .env --\nCHECK=CMD\nBAD=2.1\n-- compose.yaml --\nservices:\n  db:\n    image: mariadb # é\n    healthcheck:\n      test:\n        - «first»${BAD}\n        - \"true\"\n  web:\n    image: nginx\n    healthcheck:\n      test: [\"${CHECK}\", \"true\"]\n",
			want:    []wantDiag{{"InvalidHealthcheckTest", "first", "${BAD}", "not `2.1`"}},
		},
		{
			name: "valid forms",
			file: "compose.yaml",
			archive: `
-- compose.yaml --
services:
  a:
    image: x
    healthcheck:
      test: ["CMD", "true"]
  b:
    image: x
    healthcheck:
      test: ["CMD-SHELL", "curl -f localhost || exit 1"]
  c:
    image: x
    healthcheck:
      test: ["NONE"]
  d:
    image: x
    healthcheck:
      test: curl -f localhost || exit 1
`,
		},
	})
}

func TestComposeMissingMountTarget(t *testing.T) {
	runComposeDiagCases(t, []composeDiagCase{
		{
			name:    "long syntax without target",
			file:    "compose.yaml",
			crlf:    true,
			archive: "-- compose.yaml --\n\ufeffservices:\n  web: # é\n    image: nginx\n    volumes:\n      - type: «type»bind\n        source: .\n      - type: volume\n        source: data\n        target: /data\n      - ./x:/y\nvolumes:\n  data:\n",
			want:    []wantDiag{{"MissingMountTarget", "type", "bind", "this volume of service `web` has no `target`"}},
		},
	})
}

func TestComposeMissingBindSource(t *testing.T) {
	runComposeDiagCases(t, []composeDiagCase{
		{
			name:    "bind mount without source",
			file:    "compose.yaml",
			crlf:    true,
			archive: "-- .env --\nKIND=bind\n-- compose.yaml --\n\ufeffservices:\n  proxy: # é\n    image: nginx\n    volumes:\n      - type: «bind»bind\n        target: /usr/share/nginx/html\n      - type: «env»${KIND}\n        target: /etc/nginx\n      - type: volume\n        target: /data\n      - type: bind\n        source: ./html\n        target: /srv\n",
			want: []wantDiag{
				{"MissingBindSource", "bind", "bind", "this bind mount of service `proxy` has no `source`; add `source: ./path/on/host`"},
				{"MissingBindSource", "env", "${KIND}", "this bind mount of service `proxy` has no `source`; add `source: ./path/on/host`"},
			},
		},
	})
}

func TestComposeMissingPortTarget(t *testing.T) {
	runComposeDiagCases(t, []composeDiagCase{
		{
			name:    "long syntax without target",
			file:    "compose.yaml",
			crlf:    true,
			archive: "-- compose.yaml --\n\ufeffservices:\n  web: # é\n    image: nginx\n    ports:\n      - \"8080:80\"\n      - «port»published: \"8443\"\n        protocol: tcp\n      - target: 443\n        published: \"9443\"\n      - «empty»{}\n",
			want: []wantDiag{
				{"MissingPortTarget", "port", "published", "this port of service `web` has no `target`; add `target: <container port>`"},
				{"MissingPortTarget", "empty", "{}", "this port of service `web` has no `target`; add `target: <container port>`"},
			},
		},
	})
}

func TestComposeZeroContainerPort(t *testing.T) {
	runComposeDiagCases(t, []composeDiagCase{
		{
			name:    "container port 0",
			file:    "compose.yaml",
			crlf:    true,
			archive: "-- compose.yaml --\n\ufeffservices:\n  web: # é\n    image: nginx\n    ports:\n      - «zero»\"0\"\n      - «mapped»\"8080:0\"\n      - \"8081:80\"\n",
			want: []wantDiag{
				{"InvalidPort", "zero", `"0"`, "invalid port `0`: the container port is 0; expected [HOST_IP:][HOST_PORT:]CONTAINER_PORT[/PROTOCOL]"},
				{"InvalidPort", "mapped", `"8080:0"`, "invalid port `8080:0`: the container port is 0; expected [HOST_IP:][HOST_PORT:]CONTAINER_PORT[/PROTOCOL]"},
			},
		},
	})
}
