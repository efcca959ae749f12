package hover_test

import "testing"

// buildingServicesArchive has two services of one compose file that build
// one multi-stage Dockerfile in a subfolder with different targets, a
// third one without a target, and a non-ASCII comment before a stage.
const buildingServicesArchive = `
-- compose.yaml --
services:
  web:
    build:
      context: ./app
      dockerfile: docker/Dockerfile.prod
      target: «webTarget»runtime
  worker:
    build:
      context: ./app
      dockerfile: docker/Dockerfile.prod
      target: "«workerTarget»builder"
      args:
        - APP_VERSION=2.0
  unknown:
    build:
      context: ./app
      dockerfile: docker/Dockerfile.prod
      target: «unknownTarget»nope
-- ci/compose.yaml --
services:
  tests:
    build:
      context: ../app
      dockerfile: docker/Dockerfile.prod
-- app/docker/Dockerfile.prod --
# syntax=docker/dockerfile:1
ARG GO_VERSION=1.23
# étape de compilation: le binaire
«firstFrom»FROM golang:${GO_VERSION} AS «builderDef»builder
RUN go build -o /out/app ./...

FROM alpine:3.20 AS «runtimeDef»runtime
COPY --from=«builderRef»builder /out/app /app
«secondFrom»FROM runtime
-- app/Dockerfile --
FROM alpine:3.20 AS «loneStage»lone
`

func TestDockerfileHoverListsBuildingServices(t *testing.T) {
	services := []string{"**Built by**", "- `web` (compose.yaml:2), target `runtime`",
		"- `worker` (compose.yaml:7), target `builder`", "- `tests` (ci/compose.yaml:2), the last stage"}
	runHoverCases(t, buildingServicesArchive, []hoverCase{
		{marker: "builderDef", contains: append([]string{"**Stage `builder`**"}, services...), span: "builder"},
		{marker: "runtimeDef", contains: services, span: "runtime"},
		{marker: "builderRef", contains: services, span: "builder"},
		{marker: "firstFrom", contains: append([]string{"FROM"}, services...), span: "FROM"},
		{marker: "secondFrom", excludes: []string{"Built by"}, span: "FROM"},
		{marker: "loneStage", contains: []string{"**Stage `lone`**"}, excludes: []string{"Built by"}},
	})
}

func TestComposeHoverBuildTarget(t *testing.T) {
	runHoverCases(t, buildingServicesArchive, []hoverCase{
		{marker: "webTarget", contains: []string{"**Stage `runtime`**", "FROM alpine:3.20 AS runtime", "`app/docker/Dockerfile.prod:7`"}, span: "runtime"},
		{marker: "workerTarget", contains: []string{"**Stage `builder`**", "FROM golang:${GO_VERSION} AS builder", "`app/docker/Dockerfile.prod:4`"}, span: `"builder"`},
		{marker: "unknownTarget", excludes: []string{"**Stage"}},
	})
}
