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
	"BASH_ARGC": "bash sets it", "BASH_ARGV": "bash sets it", "BASH_LINENO": "bash sets it",
	"BASH_SUBSHELL": "bash sets it", "BASH_COMMAND": "bash sets it", "BASH_VERSINFO": "bash sets it",
	"BASHOPTS": "bash sets it", "SHELLOPTS": "bash sets it", "OPTERR": "the shell sets it to 1 for getopts",
	"COLUMNS": "bash sets it to the terminal's width", "LINES": "bash sets it to the terminal's height",
}

// CommonVars are variables that a program or a package of the image sets
// for the processes it starts, such as Debian's apache2 package, whose
// /etc/apache2/envvars apache2ctl reads. A script or config file that reads
// them is not reported, because the image usually provides them.
var CommonVars = map[string]string{
	"APACHE_RUN_USER":         "Debian's apache2 package sets it in `/etc/apache2/envvars` (`www-data`)",
	"APACHE_RUN_GROUP":        "Debian's apache2 package sets it in `/etc/apache2/envvars` (`www-data`)",
	"APACHE_PID_FILE":         "Debian's apache2 package sets it in `/etc/apache2/envvars`",
	"APACHE_RUN_DIR":          "Debian's apache2 package sets it in `/etc/apache2/envvars` (`/var/run/apache2`)",
	"APACHE_LOCK_DIR":         "Debian's apache2 package sets it in `/etc/apache2/envvars` (`/var/lock/apache2`)",
	"APACHE_LOG_DIR":          "Debian's apache2 package sets it in `/etc/apache2/envvars` (`/var/log/apache2`)",
	"APACHE_CONFDIR":          "Debian's apache2 package and the php:apache images set it (`/etc/apache2`)",
	"APACHE_ENVVARS":          "Debian's apache2 package and the php:apache images set it (`/etc/apache2/envvars`)",
	"APACHE_LYNX":             "Debian's apache2 package sets it in `/etc/apache2/envvars`",
	"APACHE_ULIMIT_MAX_FILES": "Debian's apache2 package sets it in `/etc/apache2/envvars`",
	"APACHE_ARGUMENTS":        "apache2ctl passes it to apache2 as extra arguments",
	"KUBERNETES_SERVICE_HOST": "Kubernetes sets it in every container of a pod",
	"KUBERNETES_SERVICE_PORT": "Kubernetes sets it in every container of a pod",
	"container":               "Podman and systemd-nspawn set it to the name of the container engine",
}

// KnownVar returns who sets a variable that no declaration of the
// workspace needs to set, from RuntimeVars or CommonVars, or "".
func KnownVar(name string) string {
	if who := RuntimeVars[name]; who != "" {
		return who
	}
	return CommonVars[name]
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
// process gets besides RuntimeVars. That holds when a compose service runs
// the container, so compose declares what the process gets, and its base
// image is a bare operating system image, which sets no variables of its
// own. The image of a Dockerfile that no service builds runs with whatever
// "docker run -e" passes, so its environment is never complete.
func (c *Container) EnvComplete() bool {
	if c.Service == "" {
		return false
	}
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
