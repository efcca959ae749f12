package workspace

// RuntimeVars are the variables that every container's shell has without
// any ENV or compose entry, with who sets them: Docker sets HOSTNAME, HOME
// and PATH, and the shell sets the rest.
var RuntimeVars = map[string]string{
	"HOME":     "Docker sets it from the user's entry in /etc/passwd (`/root` for root)",
	"PATH":     "the image sets it; Docker uses `/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin` when no image does",
	"HOSTNAME": "Docker sets it to the container's host name",
	"TERM":     "Docker sets it to `xterm` when the container has a TTY",
	"PWD":      "the shell sets it to the working folder",
	"OLDPWD":   "the shell sets it to the previous working folder",
	"SHLVL":    "the shell sets it to its nesting level",
	"IFS":      "the shell's field separators",
	"PS1":      "the shell's prompt", "PS2": "the shell's prompt", "PS4": "the shell's trace prefix",
	"PPID":   "the shell sets it to its parent's process ID",
	"LINENO": "the shell sets it to the current line",
	"OPTARG": "getopts sets it", "OPTIND": "getopts sets it",
	"RANDOM": "the shell gives a random number", "SECONDS": "the shell counts the seconds since it started",
	"REPLY": "read sets it when it gets no name",
	"UID":   "bash sets it to the user ID", "EUID": "bash sets it to the effective user ID",
	"BASH": "bash sets it", "BASH_VERSION": "bash sets it", "BASH_SOURCE": "bash sets it",
	"BASHPID": "bash sets it", "BASH_REMATCH": "bash sets it", "FUNCNAME": "bash sets it",
	"PIPESTATUS": "bash sets it", "HOSTTYPE": "bash sets it", "OSTYPE": "bash sets it",
	"MACHTYPE": "bash sets it", "GROUPS": "bash sets it", "DIRSTACK": "bash sets it",
	"EPOCHSECONDS": "bash sets it", "EPOCHREALTIME": "bash sets it",
}

// osImages are base images that add no variables of their own besides
// PATH, so that a variable nothing in the workspace sets is unset in a
// container built on them. Language and server images (python, nginx,
// mariadb) set their own, such as PYTHON_VERSION.
var osImages = map[string]bool{
	"alpine": true, "debian": true, "ubuntu": true, "busybox": true, "scratch": true,
	"fedora": true, "rockylinux": true, "almalinux": true, "amazonlinux": true, "archlinux": true,
	"centos": true, "opensuse": true, "oraclelinux": true,
}

// EnvComplete reports whether Env lists every variable the container's
// process gets besides RuntimeVars: its base image is a bare operating
// system image, which sets no variables of its own.
func (c *Container) EnvComplete() bool {
	repo, _ := imageRepository(c.BaseImage)
	return osImages[repo]
}

// BaseIsAlpine reports whether the container's base image is Alpine Linux
// or BusyBox, whose /bin/sh is BusyBox ash and which have no bash.
func (c *Container) BaseIsAlpine() bool {
	repo, tag := imageRepository(c.BaseImage)
	return repo == "alpine" || repo == "busybox" || containsWord(tag, "alpine")
}

// containsWord reports whether a tag such as "3.12-alpine3.20" holds word
// as one of its "-"-separated parts, ignoring a version suffix.
func containsWord(tag, word string) bool {
	for start := 0; start <= len(tag)-len(word); start++ {
		if tag[start:start+len(word)] != word {
			continue
		}
		if start == 0 || tag[start-1] == '-' {
			return true
		}
	}
	return false
}
