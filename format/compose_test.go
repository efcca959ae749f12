package format

import (
	"context"
	"testing"

	"github.com/stackls/stackls/internal/testws"
	"github.com/stackls/stackls/position"
)

func TestComposeFormat(t *testing.T) {
	tests := []struct {
		name, in, want string
		crlf           bool
	}{
		{name: "indentation, comments and key order", in: "# app\nservices:\n  web:   \n        # the image\n        image: nginx\n        ports:\n        - \"80:80\"\n        - published: 443\n          target: 443\n        command: |\n            echo one\n              indented\n  db:\n          image: postgres\n\n   \nvolumes:\n    data: {}\n",
			want: "# app\nservices:\n  web:\n    # the image\n    image: nginx\n    ports:\n      - \"80:80\"\n      - published: 443\n        target: 443\n    command: |\n        echo one\n          indented\n  db:\n    image: postgres\n\n\nvolumes:\n  data: {}\n"},
		{name: "keeps the step of the file", in: "services:\n    web:\n        image: nginx\n        ports:\n        - 80\n", want: "services:\n    web:\n        image: nginx\n        ports:\n            - 80\n"},
		{name: "already formatted", in: "services:\n  web:\n    image: nginx\n", want: "services:\n  web:\n    image: nginx\n"},
		{name: "CRLF", crlf: true, in: "services:\n  web:\n      image: nginx\n", want: "services:\r\n  web:\r\n    image: nginx\r\n"},
		{name: "syntax error is left alone", in: "services:\n    web:\n   image: x\n", want: "services:\n    web:\n   image: x\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var opts []testws.Option
			if tt.crlf {
				opts = append(opts, testws.WithCRLF("compose.yaml"))
			}
			ws := testws.New(t, "-- compose.yaml --\n"+tt.in, opts...)
			edits, err := Format(context.Background(), ws.Snapshot(), ws.URI("compose.yaml"), Options{TabSize: 2, InsertSpaces: true}, nil)
			if err != nil {
				t.Fatal(err)
			}
			got, err := position.ApplyEdits(ws.Content("compose.yaml"), edits)
			if err != nil {
				t.Fatal(err)
			}
			if string(got) != tt.want {
				t.Errorf("formatted:\n%q\nwant:\n%q", got, tt.want)
			}
		})
	}
}
