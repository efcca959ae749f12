package hover

// Documentation shown by Dockerfile hovers, written for stackls. Each entry
// is Markdown: a syntax line, then what it does and what to watch for.

// dfInstructionDocs documents each instruction, by upper-case keyword.
var dfInstructionDocs = map[string]string{
	"ADD": "```dockerfile\nADD [--chown=<user>:<group>] [--chmod=<perms>] [--checksum=<hash>] <src>... <dest>\n```\n" +
		"Copies files, folders, remote URLs or Git repositories into the image. Unlike COPY, ADD downloads URLs, " +
		"clones Git repositories and extracts local tar archives into `<dest>`. Prefer COPY for plain local files.",
	"ARG": "```dockerfile\nARG <name>[=<default>] ...\n```\n" +
		"Declares a build argument that `docker build --build-arg <name>=<value>` can set. An ARG before the first " +
		"FROM is global: only FROM lines see it, unless a stage declares it again with `ARG <name>`, which then " +
		"inherits the global default. An ARG is not kept in the image, but its value shows in the image history.",
	"CMD": "```dockerfile\nCMD [\"executable\", \"param\"...]\nCMD command param...\n```\n" +
		"Sets the default command, or the default arguments of ENTRYPOINT, of a container. Only the last CMD of a " +
		"stage counts. The exec form (JSON array) runs without a shell, so signals reach the process.",
	"COPY": "```dockerfile\nCOPY [--from=<stage|image>] [--chown=<user>:<group>] [--chmod=<perms>] [--link] <src>... <dest>\n```\n" +
		"Copies files and folders from the build context, or from another stage or image with `--from`, into the " +
		"image. Sources are relative to the build context; a `<dest>` ending in `/` is a folder.",
	"ENTRYPOINT": "```dockerfile\nENTRYPOINT [\"executable\", \"param\"...]\nENTRYPOINT command param...\n```\n" +
		"Sets the program a container runs; CMD and `docker run` arguments are appended to it. In shell form it " +
		"runs under `/bin/sh -c`, so it does not receive signals such as SIGTERM; use the exec form.",
	"ENV": "```dockerfile\nENV <key>=<value> ...\n```\n" +
		"Sets environment variables for the instructions that follow and for containers of the image. Values may " +
		"use variables declared before the instruction. The legacy form `ENV <key> <value>` sets one variable.",
	"EXPOSE": "```dockerfile\nEXPOSE <port>[/<protocol>] ...\n```\n" +
		"Documents the ports the container listens on (tcp by default, or udp, sctp). It publishes nothing: use " +
		"`docker run -p` or compose `ports:` for that.",
	"FROM": "```dockerfile\nFROM [--platform=<platform>] <image>[:<tag>|@<digest>] [AS <name>]\n```\n" +
		"Starts a build stage from a base image or an earlier stage. `AS <name>` names the stage for `COPY --from`, " +
		"`--target` and later FROM lines. Only global ARGs (declared before the first FROM) can be used here.",
	"HEALTHCHECK": "```dockerfile\nHEALTHCHECK [--interval=30s] [--timeout=30s] [--start-period=0s] [--retries=3] CMD <command>\nHEALTHCHECK NONE\n```\n" +
		"Tells the engine how to test that the container still works. The command exits 0 for healthy and 1 for " +
		"unhealthy. `NONE` turns off a check inherited from the base image. Only the last HEALTHCHECK counts.",
	"LABEL": "```dockerfile\nLABEL <key>=<value> ...\n```\n" +
		"Adds metadata to the image, such as `org.opencontainers.image.source`. Labels of the base image are " +
		"inherited, and a later value for the same key replaces the earlier one.",
	"MAINTAINER": "```dockerfile\nMAINTAINER <name>\n```\n" +
		"Deprecated: sets the image author. Use `LABEL org.opencontainers.image.authors=\"<name>\"` instead.",
	"ONBUILD": "```dockerfile\nONBUILD <INSTRUCTION>\n```\n" +
		"Registers an instruction that runs later, when another Dockerfile builds FROM this image, right after " +
		"its FROM line. ONBUILD cannot trigger FROM, MAINTAINER or ONBUILD.",
	"RUN": "```dockerfile\nRUN [--mount=<mount>] [--network=<mode>] [--security=<mode>] <command>\nRUN [\"executable\", \"param\"...]\n```\n" +
		"Runs a command in a new layer. The shell form runs under the stage's SHELL (`/bin/sh -c` by default); " +
		"the exec form runs the program directly, with no variable expansion. Heredocs (`RUN <<EOF`) run a script.",
	"SHELL": "```dockerfile\nSHELL [\"executable\", \"param\"...]\n```\n" +
		"Sets the shell that shell-form RUN, CMD and ENTRYPOINT use, such as " +
		"`SHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]` or PowerShell on Windows. It lasts until the next SHELL.",
	"STOPSIGNAL": "```dockerfile\nSTOPSIGNAL <signal>\n```\n" +
		"Sets the signal that `docker stop` sends to the container's main process, such as `SIGQUIT` or `9`. The " +
		"default is SIGTERM.",
	"USER": "```dockerfile\nUSER <user>[:<group>]\n```\n" +
		"Sets the user, and optionally the group, for the RUN, CMD and ENTRYPOINT instructions that follow and " +
		"for containers. The user must exist in the image when it is a name.",
	"VOLUME": "```dockerfile\nVOLUME [\"/data\"]\nVOLUME /data ...\n```\n" +
		"Marks folders as mount points for external volumes. Changes that later RUN instructions make inside a " +
		"declared volume are discarded.",
	"WORKDIR": "```dockerfile\nWORKDIR <path>\n```\n" +
		"Sets the working folder for the RUN, CMD, ENTRYPOINT, COPY and ADD instructions that follow, creating it " +
		"when missing. A relative path is relative to the previous WORKDIR; start with an absolute one.",
}

// dfFlagDocs documents the flags of each instruction.
var dfFlagDocs = map[string]map[string]string{
	"ADD": {
		"chown":        "`--chown=<user>:<group>` sets the owner of the added files. Names need /etc/passwd and /etc/group in the image; numeric IDs always work.",
		"chmod":        "`--chmod=<perms>` sets the permissions of the added files, in octal (`755`) or symbolic (`u+x`) form.",
		"checksum":     "`--checksum=sha256:<hash>` verifies a remote source against its SHA-256 digest; the build fails on a mismatch.",
		"keep-git-dir": "`--keep-git-dir=true` keeps the `.git` folder when ADD clones a Git repository.",
		"link":         "`--link` copies into a separate layer that does not depend on the layers before it, so the layer survives base image changes in the cache.",
		"exclude":      "`--exclude=<pattern>` skips sources that match the pattern; repeat it for several patterns.",
		"unpack":       "`--unpack=true|false` says whether ADD extracts a tar archive; by default local archives are extracted and remote ones are not.",
	},
	"COPY": {
		"from":    "`--from=<stage|image|context>` copies from an earlier build stage (by name or index), an image, or a named build context instead of the build context.",
		"chown":   "`--chown=<user>:<group>` sets the owner of the copied files. Names need /etc/passwd and /etc/group in the image; numeric IDs always work.",
		"chmod":   "`--chmod=<perms>` sets the permissions of the copied files, in octal (`755`) or symbolic (`u+x`) form.",
		"link":    "`--link` copies into a separate layer that does not depend on the layers before it, so the layer survives base image changes in the cache.",
		"parents": "`--parents` keeps the parent folders of each source under `<dest>`, as `cp --parents` does.",
		"exclude": "`--exclude=<pattern>` skips sources that match the pattern; repeat it for several patterns.",
	},
	"FROM": {
		"platform": "`--platform=<os>/<arch>[/<variant>]` picks the platform of the base image, such as `linux/arm64`. Use `$BUILDPLATFORM` for stages that cross-compile; a constant value defeats multi-platform builds.",
	},
	"RUN": {
		"mount":    "`--mount=type=<type>,<option>=<value>...` mounts a cache, a secret, an SSH agent, a tmpfs or files from another stage while the command runs. Mounts are not kept in the layer.",
		"network":  "`--network=default|none|host` sets the network of the command: `none` has no network, `host` needs the `network.host` entitlement.",
		"security": "`--security=sandbox|insecure` runs the command without the default sandbox when `insecure` (needs the `security.insecure` entitlement).",
		"device":   "`--device=<name>` gives the command access to a CDI device, such as a GPU.",
	},
	"HEALTHCHECK": {
		"interval":       "`--interval=<duration>` is the time between checks (default 30s).",
		"timeout":        "`--timeout=<duration>` is how long a check may run before it counts as failed (default 30s).",
		"start-period":   "`--start-period=<duration>` is a grace period after start in which failures do not count (default 0s).",
		"start-interval": "`--start-interval=<duration>` is the time between checks during the start period (default 5s).",
		"retries":        "`--retries=<n>` is the number of failures in a row that make the container unhealthy (default 3).",
	},
}

// dfMountTypeDocs documents the values of --mount type=.
var dfMountTypeDocs = map[string]string{
	"bind":   "`type=bind` (the default) mounts files from the build context or, with `from=`, from a stage or image, read-only unless `rw`.",
	"cache":  "`type=cache` mounts a folder that persists between builds, for package manager and compiler caches. It is not part of the image.",
	"tmpfs":  "`type=tmpfs` mounts an empty in-memory file system.",
	"secret": "`type=secret` mounts a secret passed with `docker build --secret id=<id>`, as a file (default `/run/secrets/<id>`) or an environment variable with `env=`. It never enters a layer.",
	"ssh":    "`type=ssh` exposes an SSH agent socket passed with `docker build --ssh`, so that `git clone` over SSH works without copying keys.",
}

// dfMountOptionDocs documents the options of --mount.
var dfMountOptionDocs = map[string]string{
	"type":        "`type=bind|cache|tmpfs|secret|ssh` is the kind of mount (default `bind`).",
	"target":      "`target=<path>` (also `dst`, `destination`) is where the mount appears in the container.",
	"dst":         "`dst=<path>` is where the mount appears in the container (same as `target`).",
	"destination": "`destination=<path>` is where the mount appears in the container (same as `target`).",
	"source":      "`source=<path>` (also `src`) is the path inside `from` (bind, cache) or the secret id (secret).",
	"src":         "`src=<path>` is the path inside `from`, or the secret id (same as `source`).",
	"from":        "`from=<stage|image>` is the stage or image whose files a bind or cache mount uses (default: the build context, or an empty cache).",
	"rw":          "`rw` (also `readwrite`) makes a bind mount writable; writes are discarded after the command.",
	"readwrite":   "`readwrite` makes a bind mount writable; writes are discarded after the command.",
	"readonly":    "`readonly` (also `ro`) makes a cache mount read-only.",
	"ro":          "`ro` makes a cache mount read-only.",
	"id":          "`id=<id>` names a cache (default: its target path) or the secret or SSH agent to mount.",
	"sharing":     "`sharing=shared|private|locked` says how concurrent builds share a cache: all at once, each its own copy, or one after another.",
	"mode":        "`mode=<octal>` is the permission of the mounted folder or file (cache, secret, ssh).",
	"uid":         "`uid=<id>` is the owner user ID of the mounted folder or file.",
	"gid":         "`gid=<id>` is the owner group ID of the mounted folder or file.",
	"required":    "`required` (or `required=true`) fails the build when the secret or SSH agent is not provided.",
	"env":         "`env=<name>` exposes a secret as the environment variable `<name>` instead of a file.",
	"size":        "`size=<bytes>` caps the size of a tmpfs mount.",
}

// dfDirectiveDocs documents the parser directives.
var dfDirectiveDocs = map[string]string{
	"syntax": "```dockerfile\n# syntax=docker/dockerfile:1\n```\n" +
		"Parser directive: picks the Dockerfile frontend image that builds this file. `docker/dockerfile:1` follows " +
		"the latest stable 1.x syntax. It must be on the first lines, before any instruction or other comment.",
	"escape": "```dockerfile\n# escape=`\n```\n" +
		"Parser directive: sets the escape and line continuation character, `\\` (default) or `` ` ``. The backtick " +
		"suits Windows paths such as `C:\\tools`. It must come before any instruction, comment or empty line.",
	"check": "```dockerfile\n# check=skip=<rule>[,<rule>];error=true\n```\n" +
		"Parser directive: configures the build checks. `skip` turns off rules by name (or `all`), `error=true` " +
		"makes any warning fail the build, and `experimental` turns on experimental rules.",
}

// dfPredefinedArgDocs documents the ARGs that buildkit predefines.
var dfPredefinedArgDocs = map[string]string{
	"TARGETPLATFORM":                "Predefined ARG: the platform being built for, such as `linux/arm64`. Declare `ARG TARGETPLATFORM` in a stage to use it there.",
	"TARGETOS":                      "Predefined ARG: the OS part of TARGETPLATFORM, such as `linux`.",
	"TARGETARCH":                    "Predefined ARG: the architecture part of TARGETPLATFORM, such as `amd64` or `arm64`.",
	"TARGETVARIANT":                 "Predefined ARG: the variant part of TARGETPLATFORM, such as `v7` for `linux/arm/v7`.",
	"TARGETOSVERSION":               "Predefined ARG: the OS version of the target platform (Windows builds).",
	"TARGETSTAGE":                   "Predefined ARG: the name of the stage being built (`--target`), or `default`.",
	"BUILDPLATFORM":                 "Predefined ARG: the platform of the machine that runs the build, such as `linux/amd64`. Use it in `FROM --platform=$BUILDPLATFORM` for cross-compiling stages.",
	"BUILDOS":                       "Predefined ARG: the OS part of BUILDPLATFORM.",
	"BUILDARCH":                     "Predefined ARG: the architecture part of BUILDPLATFORM.",
	"BUILDVARIANT":                  "Predefined ARG: the variant part of BUILDPLATFORM.",
	"BUILDOSVERSION":                "Predefined ARG: the OS version of the build platform (Windows builds).",
	"HTTP_PROXY":                    "Predefined ARG: the HTTP proxy for the build's network access. It can be set with --build-arg without an ARG line and is kept out of the image history.",
	"HTTPS_PROXY":                   "Predefined ARG: the HTTPS proxy for the build's network access, kept out of the image history.",
	"FTP_PROXY":                     "Predefined ARG: the FTP proxy for the build's network access, kept out of the image history.",
	"NO_PROXY":                      "Predefined ARG: hosts that bypass the proxy, kept out of the image history.",
	"ALL_PROXY":                     "Predefined ARG: the proxy for every protocol, kept out of the image history.",
	"SOURCE_DATE_EPOCH":             "Predefined ARG: a Unix time that makes image timestamps reproducible.",
	"BUILDKIT_SYNTAX":               "Predefined ARG: overrides the `# syntax=` frontend image.",
	"BUILDKIT_INLINE_CACHE":         "Predefined ARG: `1` writes cache metadata into the image, for `--cache-from` of later builds.",
	"BUILDKIT_MULTI_PLATFORM":       "Predefined ARG: `1` produces a multi-platform index even for one platform.",
	"BUILDKIT_CONTEXT_KEEP_GIT_DIR": "Predefined ARG: `1` keeps the `.git` folder of a Git build context.",
	"BUILDKIT_SANDBOX_HOSTNAME":     "Predefined ARG: the host name that RUN commands see.",
	"BUILDKIT_CACHE_MOUNT_NS":       "Predefined ARG: a namespace for the ids of cache mounts.",
	"BUILDKIT_DOCKERFILE_CHECK":     "Predefined ARG: the build check configuration, as in `# check=`.",
	"BUILDKIT_SBOM_SCAN_CONTEXT":    "Predefined ARG: `true` includes the build context in the SBOM scan.",
	"BUILDKIT_SBOM_SCAN_STAGE":      "Predefined ARG: `true` includes this stage in the SBOM scan.",
	"PATH":                          "The search path for commands. buildkit sets `/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin` when the base image sets none.",
}

const dfHeredocDoc = "```dockerfile\nRUN <<EOF\n...\nEOF\n```\n" +
	"Heredoc: the lines up to the terminator are the body. RUN runs it as a script (the shebang picks the " +
	"interpreter); COPY and ADD write it to a file. An unquoted delimiter lets buildkit expand variables in a " +
	"COPY body; quote it (`<<\"EOF\"`) to keep the text as written. `<<-` strips leading tabs."

const dfHealthcheckTypeDocs = "`CMD <command>` is the check to run; `NONE` turns off the check of the base image."

// DockerfileInstructionDoc returns the Markdown documentation of an
// instruction keyword (upper case), or "".
func DockerfileInstructionDoc(keyword string) string { return dfInstructionDocs[keyword] }

// DockerfileFlagDoc returns the Markdown documentation of a flag of an
// instruction, or "".
func DockerfileFlagDoc(keyword, flag string) string { return dfFlagDocs[keyword][flag] }

// DockerfileMountOptionDoc returns the documentation of a --mount option.
func DockerfileMountOptionDoc(option string) string { return dfMountOptionDocs[option] }

// DockerfileMountTypeDoc returns the documentation of a --mount type.
func DockerfileMountTypeDoc(typ string) string { return dfMountTypeDocs[typ] }

// DockerfilePredefinedArgDoc returns the documentation of a predefined ARG.
func DockerfilePredefinedArgDoc(name string) string { return dfPredefinedArgDocs[name] }
