package diagnostics_test

import "testing"

func TestComposeDurations(t *testing.T) {
	runComposeDiagCases(t, []composeDiagCase{
		{
			name:    "duration without a unit and a word",
			file:    "compose.yaml",
			crlf:    true,
			archive: "-- compose.yaml --\n\ufeffservices:\n  web: # é\n    image: nginx\n    stop_grace_period: «grace»30\n    healthcheck:\n      test: [\"CMD\", \"true\"]\n      start_period: «start»A\n",
			want: []wantDiag{
				{"InvalidType", "grace", "30", "`stop_grace_period` must be a string, not a number"},
				{"InvalidDuration", "start", "A", "`A` is not a duration; write a number with a unit, such as `30s` or `1m30s`"},
			},
		},
		{
			name:    "interpolated duration",
			file:    "compose.yaml",
			archive: "-- .env --\nGRACE=10\n-- compose.yaml --\nservices:\n  web:\n    image: nginx\n    stop_grace_period: «grace»${GRACE}\n    healthcheck:\n      test: [\"CMD\", \"true\"]\n      interval: ${«unset»UNSET_INTERVAL}\n",
			want: []wantDiag{
				{"InvalidDuration", "grace", "${GRACE}", "`10` is not a duration; write a number with a unit, such as `30s` or `1m30s`"},
				{"UnsetVariable", "unset", "UNSET_INTERVAL", "variable `UNSET_INTERVAL` is not set, so Compose substitutes an empty string; set it in `.env` or give a default: `${UNSET_INTERVAL:-default}`"},
			},
		},
		{
			name:    "valid durations",
			file:    "compose.yaml",
			archive: "-- compose.yaml --\nservices:\n  web:\n    image: nginx\n    stop_grace_period: 1m30s\n    healthcheck:\n      test: [\"CMD\", \"true\"]\n      interval: 1d\n      timeout: 500ms\n    deploy:\n      restart_policy:\n        delay: 5s\n        window: 2w\n",
		},
	})
}

func TestComposeExposeFloat(t *testing.T) {
	runComposeDiagCases(t, []composeDiagCase{
		{
			name:    "a number with a fraction",
			file:    "compose.yaml",
			crlf:    true,
			archive: "-- compose.yaml --\n\ufeffservices:\n  queue: # é\n    image: redis:7\n    expose:\n      - «float»1.5\n      - 6379\n      - \"8000-8010\"\n",
			want:    []wantDiag{{"InvalidPort", "float", "1.5", "`1.5` is not a port that service `queue` can expose; write a port number or a range, such as `8080` or `8000-8010`"}},
		},
	})
}

func TestComposeProfiledDependency(t *testing.T) {
	runComposeDiagCases(t, []composeDiagCase{
		{
			name:    "service without profiles depends on a profiled one",
			file:    "compose.yaml",
			crlf:    true,
			archive: "-- compose.yaml --\n\ufeffservices:\n  api: # é\n    image: nginx\n    profiles: [api, full]\n  worker:\n    image: busybox\n    depends_on:\n      - «dep»api\n  tool:\n    image: busybox\n    profiles: [full]\n    depends_on: [api]\n  cron:\n    image: busybox\n    depends_on:\n      api:\n        condition: service_started\n        required: false\n",
			want: []wantDiag{{"ProfiledDependency", "dep", "api",
				"service `worker` runs without a profile but depends on `api`, which runs only with profile `api` or `full`; compose rejects the project unless one of them is active: add the profile to `worker`, or set `required: false`"}},
		},
	})
}

func TestComposeCommandLines(t *testing.T) {
	runComposeDiagCases(t, []composeDiagCase{
		{
			name:    "unclosed quotes",
			file:    "compose.yaml",
			crlf:    true,
			archive: "-- compose.yaml --\n\ufeffservices:\n  cron: # é\n    image: alpine:3.20\n    entrypoint: «entry»'\"0'\n    command: «cmd»sh -c 'echo $${HOME}\n    post_start:\n      - command: «hook»'\"unclosed'\n",
			want: []wantDiag{
				{"InvalidCommand", "entry", `'"0'`, "compose cannot split `\"0` into arguments (invalid command line string); close the quotes or write the command as a list"},
				{"InvalidCommand", "cmd", "sh -c 'echo $${HOME}", "compose cannot split `sh -c 'echo ${HOME}` into arguments (invalid command line string); close the quotes or write the command as a list"},
				{"InvalidCommand", "hook", `'"unclosed'`, "compose cannot split `\"unclosed` into arguments (invalid command line string); close the quotes or write the command as a list"},
			},
		},
		{
			name:    "valid commands and unset variables",
			file:    "compose.yaml",
			archive: "-- compose.yaml --\nservices:\n  web:\n    image: nginx\n    command: nginx -g 'daemon off;'\n    entrypoint: [\"/docker-entrypoint.sh\", \"'\"]\n    pre_stop:\n      - command: ${«unset»STOP_CMD}\n",
			want: []wantDiag{
				{"UnsetVariable", "unset", "STOP_CMD", "variable `STOP_CMD` is not set, so Compose substitutes an empty string; set it in `.env` or give a default: `${STOP_CMD:-default}`"},
			},
		},
	})
}

func TestComposeMergeValues(t *testing.T) {
	runComposeDiagCases(t, []composeDiagCase{
		{
			name:    "a string and a list item that are not mappings",
			file:    "compose.yaml",
			crlf:    true,
			archive: "-- compose.yaml --\n\ufeffx-common: &common\n  restart: always\nx-name: &name queue\nservices:\n  queue: # é\n    <<: «str»\"x\"\n    image: redis:7\n  web:\n    <<: [*common, «item»*name]\n    image: nginx\n",
			want: []wantDiag{
				{"InvalidMerge", "str", `"x"`, "the merge key `<<` takes a mapping, an alias of one, or a list of them; Compose rejects this file"},
				{"InvalidMerge", "item", "*name", "a list after the merge key `<<` may contain only mappings or aliases of mappings; Compose rejects this file"},
			},
		},
		{
			name:    "mappings and aliases of mappings",
			file:    "compose.yaml",
			archive: "-- compose.yaml --\nx-common: &common\n  restart: always\nx-logs: &logs\n  logging: {driver: local}\nservices:\n  web:\n    <<: [*common, *logs]\n    image: nginx\n  db:\n    <<: {image: mariadb:11}\n",
		},
	})
}

func TestComposeTrailingText(t *testing.T) {
	runComposeDiagCases(t, []composeDiagCase{
		{
			name:    "first key indented",
			file:    "compose.yaml",
			crlf:    true,
			archive: "-- compose.yaml --\n\ufeff name: shop # é\n«next»networks:\n  front: {}\n",
			want:    []wantDiag{{"YAMLSyntax", "next", "networks:", "the top-level mapping ended before this line, so YAML rejects it; start every top-level key in the same column"}},
		},
		{
			name:    "comments and a second document after the mapping",
			file:    "compose.yaml",
			archive: "-- compose.yaml --\nservices:\n  web:\n    image: nginx\n# the end\n---\nother: 1\n",
		},
	})
}

func TestComposeByteSizes(t *testing.T) {
	runComposeDiagCases(t, []composeDiagCase{
		{
			name:    "sizes compose cannot read",
			file:    "compose.yaml",
			crlf:    true,
			archive: "-- compose.yaml --\n\ufeffservices:\n  worker: # é\n    image: alpine\n    mem_limit: «mem»256M2.1\n    shm_size: 64m\n    deploy:\n      resources:\n        limits:\n          memory: «limit»lots\n        reservations:\n          memory: 1.5gb\n",
			want: []wantDiag{
				{"InvalidByteSize", "mem", "256M2.1", "`256M2.1` is not a size; write a number with an optional unit, such as `512m` or `1g`"},
				{"InvalidByteSize", "limit", "lots", "`lots` is not a size; write a number with an optional unit, such as `512m` or `1g`"},
			},
		},
		{
			name:    "valid sizes and numbers",
			file:    "compose.yaml",
			archive: "-- Dockerfile --\nFROM alpine\n-- compose.yaml --\nservices:\n  worker:\n    image: alpine\n    mem_limit: 512m\n    memswap_limit: 1024\n    build:\n      context: .\n      shm_size: 2gb\n",
		},
	})
}

func TestComposeLiteralDollarPath(t *testing.T) {
	runComposeDiagCases(t, []composeDiagCase{
		{
			name:    "a path that is a literal dollar sign",
			file:    "compose.yaml",
			archive: "-- compose.yaml --\nservices:\n  api:\n    image: acme/api\n    env_file:\n      - «dollar»$\n      - «escaped»app$$.env\n",
			want: []wantDiag{
				{"MissingFile", "dollar", "$", "env file `$` does not exist"},
				{"MissingFile", "escaped", "app$$.env", "env file `app$.env` does not exist"},
			},
		},
	})
}
