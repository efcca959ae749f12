package runner

import (
	"reflect"
	"testing"
)

func TestHostOffsetsOnlyHostPositions(t *testing.T) {
	names := map[string]bool{"mariadb": true, "wordpress": true, "nginx": true}
	content := "#!/bin/sh\n# waits for mariadb\nnc -z mariadb 3306\ncurl http://wordpress/x\ncp /etc/nginx/wordpress.conf .\nDB=mariadb:3306\n"
	got := hostOffsets(content, names)
	want := []int{
		len("#!/bin/sh\n# waits for mariadb\nnc -z "),
		len("#!/bin/sh\n# waits for mariadb\nnc -z mariadb 3306\ncurl http://"),
		len("#!/bin/sh\n# waits for mariadb\nnc -z mariadb 3306\ncurl http://wordpress/x\ncp /etc/nginx/wordpress.conf .\nDB="),
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("hostOffsets = %v, want %v (host uses only, not comments or paths)", got, want)
	}
}
