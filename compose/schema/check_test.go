package schema

import (
	"strings"
	"testing"

	"github.com/stackls/stackls/compose"
)

func noEnv(string) (string, bool) { return "", false }

// problemsText returns "text: message" for each problem of content.
func problemsText(t *testing.T, content string) []string {
	t.Helper()
	f := compose.Parse([]byte(content))
	problems, err := Check(f, noEnv)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, p := range problems {
		out = append(out, content[p.Span.Start:p.Span.End]+": "+p.Message)
	}
	return out
}

func TestCheck(t *testing.T) {
	tests := []struct {
		name    string
		content string
		want    []string
	}{
		{"unknown key and wrong type", "services:\n  web:\n    build: ./web\n    restrat: always\n    ports: \"8443:443\"\n    depends_on:\n      - cache\n",
			[]string{"restrat: `restrat` is not a service property; did you mean `restart`?", "\"8443:443\": `ports` must be a list, not a string"}},
		{"interpolated values", "services:\n  app:\n    image: registry.example.test/app:${APP_TAG:-latest}\n    pull_policy: ${PULL_MODE:-missing}\n    restart: ${RESTART_MODE:-unless-stopped}\n    read_only: ${RO_ROOT:-false}\n    ports:\n      - \"${HOST_PORT:-8080}:80\"\n    deploy:\n      replicas: ${REPLICAS:-2}\n  bad:\n    image: alpine:3.20\n    pull_policy: sometimes\n  u:\n    pull_policy: ${PULL}\n    read_only: ${RO}\n",
			[]string{"sometimes: `sometimes` is not a valid value of `pull_policy`; expected one of: always, never, build, if_not_present, missing, refresh, daily, weekly"}},
		{"default that is invalid", "services:\n  app:\n    pull_policy: ${PULL:-sometimes}\n",
			[]string{"${PULL:-sometimes}: `sometimes` is not a valid value of `pull_policy`; expected one of: always, never, build, if_not_present, missing, refresh, daily, weekly"}},
		{"enum, required and alternatives", "services:\n  a:\n    depends_on:\n      b:\n        condition: nope\n      c: {}\n    networks: 3\n",
			[]string{"nope: `nope` is not a valid value of `condition`; expected one of: service_started, service_healthy, service_completed_successfully",
				"c: `c` is missing the required property `condition`",
				"3: `networks` must be a list or a mapping, not a number"}},
		{"top-level and resource keys", "servics:\n  a: {}\nvolumes:\n  x:\n    drivr: local\n",
			[]string{"servics: `servics` is not a top-level key; did you mean `services`?", "drivr: `drivr` is not a volume property; did you mean `driver`?"}},
		{"merge keys, anchors, extensions and tags", "x-common: &common\n  restart: always\nservices:\n  web:\n    <<: *common\n    image: !reset null\n    x-note: anything\n    command: !override [a]\n",
			nil},
		{"error inside a merged anchor", "x-common: &common\n  restart: 3\nservices:\n  web:\n    <<: *common\n  api:\n    <<: *common\n",
			[]string{"3: `restart` must be a string, not a number"}},
		{"unset variable where only a mapping fits", "services:\n  db:\n    image: mariadb:11\n    cpus: ${CPUS}\nvolumes:\n  data: ${NAME}\n",
			[]string{"${NAME}: volume `data` must be a mapping or empty, not a string"}},
		{"limits and repeated entries", "services:\n  a:\n    cpu_percent: 101\n    oom_score_adj: -1001\n    cap_add: [A, B, A]\n",
			[]string{"101: `101` is too large for `cpu_percent`: the maximum is 100",
				"-1001: `-1001` is too small for `oom_score_adj`: the minimum is -1000",
				"[A, B, A]: `cap_add` must not repeat an entry: entries 0 and 2 are equal"}},
		{"integer written with a fraction", "services:\n  a:\n    cpu_percent: 50.0\n  b:\n    cpu_percent: 2.5\n",
			[]string{"2.5: `cpu_percent` must be a string or an integer, not a number"}},
		{"empty", "", nil},
		{"one space", " ", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := problemsText(t, tt.content)
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("input:\n%s\ngot:\n%s\nwant:\n%s", tt.content, strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}
