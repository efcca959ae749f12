package completion

// dfKeywordOrder lists the instructions in the order a Dockerfile usually
// uses them, which is the order of the proposals.
var dfKeywordOrder = []string{
	"FROM", "ARG", "ENV", "RUN", "COPY", "ADD", "WORKDIR", "USER", "EXPOSE", "VOLUME", "LABEL",
	"ENTRYPOINT", "CMD", "HEALTHCHECK", "SHELL", "STOPSIGNAL", "ONBUILD", "MAINTAINER",
}

// dfKeywordDetail is the one-line summary of each instruction.
var dfKeywordDetail = map[string]string{
	"FROM": "start a build stage", "ARG": "declare a build argument", "ENV": "set environment variables",
	"RUN": "run a command", "COPY": "copy files into the image", "ADD": "add files, URLs or archives",
	"WORKDIR": "set the working folder", "USER": "set the user", "EXPOSE": "document a port",
	"VOLUME": "declare a mount point", "LABEL": "add metadata", "ENTRYPOINT": "set the program to run",
	"CMD": "set the default command", "HEALTHCHECK": "check the container's health", "SHELL": "set the shell",
	"STOPSIGNAL": "set the stop signal", "ONBUILD": "run an instruction in child builds",
	"MAINTAINER": "deprecated: set the author",
}

// dfKeywordSnippets are the argument snippets inserted after each keyword.
var dfKeywordSnippets = map[string]string{
	"FROM":        "${1:image}:${2:tag}${3: AS ${4:name}}",
	"ARG":         "${1:NAME}=${2:value}",
	"ENV":         "${1:NAME}=${2:value}",
	"RUN":         "${1:command}",
	"COPY":        "${1:src} ${2:dest}",
	"ADD":         "${1:src} ${2:dest}",
	"WORKDIR":     "${1:/app}",
	"USER":        "${1:user}",
	"EXPOSE":      "${1:8080}",
	"VOLUME":      "[\"${1:/data}\"]",
	"LABEL":       "${1:key}=\"${2:value}\"",
	"ENTRYPOINT":  "[\"${1:executable}\"${2:, \"${3:param}\"}]",
	"CMD":         "[\"${1:executable}\"${2:, \"${3:param}\"}]",
	"HEALTHCHECK": "--interval=${1:30s} CMD ${2:command}",
	"SHELL":       "[\"${1:/bin/bash}\", \"${2:-c}\"]",
	"STOPSIGNAL":  "${1:SIGTERM}",
	"ONBUILD":     "${1:INSTRUCTION}",
	"MAINTAINER":  "${1:name}",
}

// dfInstructionFlags lists each instruction's flags, with the snippet of
// their value.
var dfInstructionFlags = map[string][]struct{ name, value string }{
	"FROM": {{"platform", "${1:\\$BUILDPLATFORM}"}},
	"COPY": {{"from", "${1:stage}"}, {"chown", "${1:user}:${2:group}"}, {"chmod", "${1:755}"}, {"link", ""}, {"parents", ""}, {"exclude", "${1:pattern}"}},
	"ADD": {{"chown", "${1:user}:${2:group}"}, {"chmod", "${1:755}"}, {"checksum", "sha256:${1:hash}"}, {"keep-git-dir", "${1|true,false|}"},
		{"link", ""}, {"exclude", "${1:pattern}"}, {"unpack", "${1|true,false|}"}},
	"RUN":         {{"mount", "type=${1|cache,bind,secret,ssh,tmpfs|},target=${2:/path}"}, {"network", "${1|default,none,host|}"}, {"security", "${1|sandbox,insecure|}"}, {"device", "${1:name}"}},
	"HEALTHCHECK": {{"interval", "${1:30s}"}, {"timeout", "${1:30s}"}, {"start-period", "${1:0s}"}, {"start-interval", "${1:5s}"}, {"retries", "${1:3}"}},
}

// dfRepeatableFlags may appear more than once.
var dfRepeatableFlags = map[string]bool{"mount": true, "exclude": true, "device": true}

// dfFlagValues are the fixed values some flags take.
var dfFlagValues = map[string][]string{
	"network":      {"default", "none", "host"},
	"security":     {"sandbox", "insecure"},
	"keep-git-dir": {"true", "false"},
	"unpack":       {"true", "false"},
	"link":         {"true", "false"},
	"parents":      {"true", "false"},
	"platform":     {"$BUILDPLATFORM", "$TARGETPLATFORM", "linux/amd64", "linux/arm64", "linux/arm/v7", "linux/arm/v6", "linux/386", "linux/ppc64le", "linux/s390x", "linux/riscv64", "windows/amd64"},
}

// dfMountKeys lists the options of each --mount type.
var dfMountKeys = map[string][]string{
	"bind":   {"target", "source", "from", "rw", "readwrite"},
	"cache":  {"target", "id", "sharing", "from", "source", "mode", "uid", "gid", "ro", "readonly"},
	"tmpfs":  {"target", "size"},
	"secret": {"id", "target", "env", "required", "mode", "uid", "gid"},
	"ssh":    {"id", "target", "required", "mode", "uid", "gid"},
}

// dfMountValues are the fixed values of some --mount options.
var dfMountValues = map[string][]string{
	"type":     {"bind", "cache", "tmpfs", "secret", "ssh"},
	"sharing":  {"shared", "private", "locked"},
	"required": {"true", "false"},
	"rw":       {"true", "false"},
	"readonly": {"true", "false"},
	"ro":       {"true", "false"},
}

// dfPredefinedArgs are the ARG names buildkit predefines, for ARG completion.
var dfPredefinedArgs = []string{
	"TARGETPLATFORM", "TARGETOS", "TARGETARCH", "TARGETVARIANT", "BUILDPLATFORM", "BUILDOS", "BUILDARCH", "BUILDVARIANT",
	"HTTP_PROXY", "HTTPS_PROXY", "FTP_PROXY", "NO_PROXY", "ALL_PROXY", "SOURCE_DATE_EPOCH",
}
