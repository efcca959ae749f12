package workload

import (
	"fmt"
	"math/rand/v2"
)

var (
	domains = []string{"auth", "billing", "orders", "catalog", "search", "cart", "payments", "users",
		"inventory", "shipping", "mail", "reports", "media", "gateway", "metrics", "audit"}
	roles    = []string{"api", "db", "cache", "worker", "web", "queue", "proxy", "cron"}
	packages = []string{"curl", "ca-certificates", "git", "make", "gcc", "libssl-dev", "zlib1g-dev",
		"python3", "tini", "netcat-openbsd", "postgresql-client", "jq", "unzip", "xz-utils"}
	bases = []string{"debian:bookworm-slim", "alpine:3.20", "ubuntu:24.04", "python:3.12-slim",
		"node:22-alpine", "golang:1.23", "nginx:1.27-alpine", "postgres:16", "redis:7-alpine"}
	ports = map[string]int{"api": 8080, "db": 5432, "cache": 6379, "worker": 9000, "web": 80,
		"queue": 5672, "proxy": 8443, "cron": 9100}
)

// serviceName returns the unique name of service number i, such as
// "orders-db-0042".
func serviceName(rng *rand.Rand, i int) (name, role string) {
	role = roles[rng.IntN(len(roles))]
	return fmt.Sprintf("%s-%s-%04d", domains[rng.IntN(len(domains))], role, i), role
}

func pick[T any](rng *rand.Rand, list []T) T { return list[rng.IntN(len(list))] }

// newRand returns a generator for one part of the output, so that the
// parts do not shift each other when one of them changes.
func newRand(seed uint64, part uint64) *rand.Rand {
	return rand.New(rand.NewPCG(seed, part))
}
