// Package composetest generates compose files for tests and benchmarks.
package composetest

import (
	"fmt"
	"strings"
)

// Generate returns a valid compose file with n services of 17 lines each.
// Each service has an image, a container name, a merge key, an environment
// with interpolated values, a published port, a dependency on the previous
// service, a named volume and a healthcheck. With 300 services the file
// has about 5,100 lines.
func Generate(n int) string {
	var b strings.Builder
	b.WriteString("name: generated\nx-common: &common\n  restart: unless-stopped\n  networks: [front]\nservices:\n")
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, "  svc%d:\n", i)
		fmt.Fprintf(&b, "    image: registry.example.test/svc%d:${TAG:-latest}\n", i)
		fmt.Fprintf(&b, "    container_name: svc%d-container\n", i)
		b.WriteString("    <<: *common\n")
		b.WriteString("    environment:\n")
		fmt.Fprintf(&b, "      SERVICE_NAME: svc%d\n", i)
		b.WriteString("      LOG_LEVEL: ${LOG_LEVEL:-info}\n")
		fmt.Fprintf(&b, "    ports:\n      - \"%d:80\"\n", 10000+i)
		if i > 0 {
			fmt.Fprintf(&b, "    depends_on:\n      - svc%d\n", i-1)
		} else {
			b.WriteString("    depends_on: []\n")
		}
		fmt.Fprintf(&b, "    volumes:\n      - data%d:/data\n", i%10)
		b.WriteString("    healthcheck:\n      test: [\"CMD\", \"true\"]\n      interval: 10s\n")
	}
	b.WriteString("networks:\n  front:\nvolumes:\n")
	for i := 0; i < 10; i++ {
		fmt.Fprintf(&b, "  data%d:\n", i)
	}
	return b.String()
}
