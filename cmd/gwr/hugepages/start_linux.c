// The new start of a command that segments, before the Go runtime starts
// (package doc). A constructor runs as the program is loaded: the first
// process execs at once instead of after the runtime and the packages
// before this one have initialized (some 50 ms of CPU, perf record).

#define _GNU_SOURCE // asprintf
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "start_linux.h"

const char *const gwrHPCommands[] = {"extract", "explain", "review", "show", NULL};

static const char marker[] = "GWR_HUGEPAGES_TUNABLES";
#define tunable "glibc.malloc.hugetlb" // a macro, for tunable "=" below
static const char tunables[] = "GLIBC_TUNABLES";

// hasPrefix reports whether s starts with the name and "=" and returns what
// follows in *value.
static int hasPrefix(const char *s, const char *name, const char **value) {
	size_t n = strlen(name);
	if (strncmp(s, name, n) != 0 || s[n] != '=') {
		return 0;
	}
	*value = s + n + 1;
	return 1;
}

int gwrHPCommand(const char *arg) {
	for (int i = 0; gwrHPCommands[i] != NULL; i++) {
		if (strcmp(arg, gwrHPCommands[i]) == 0) {
			return 1;
		}
	}
	return 0;
}

char **gwrHPEnv(int argc, char **args, char **envp, const char *mode) {
	if (argc < 1 || !gwrHPCommand(args[0]) || strstr(mode, "[madvise]") == NULL) {
		return NULL;
	}
	const char *old = NULL; // GLIBC_TUNABLES's value, NULL if not set
	size_t n = 0;
	for (; envp[n] != NULL; n++) {
		const char *v;
		if (hasPrefix(envp[n], marker, &v)) {
			return NULL; // started again
		}
		if (hasPrefix(envp[n], tunables, &v)) {
			if (strstr(v, tunable "=") != NULL) {
				return NULL; // set already: the user's choice
			}
			old = v;
		}
	}
	char **e = calloc(n + 3, sizeof *e);
	if (e == NULL) {
		return NULL;
	}
	// GLIBC_TUNABLES=[old:]glibc.malloc.hugetlb=1 (asprintf leaves its
	// pointer undefined when it fails)
	int len = old != NULL && old[0] != '\0' ? asprintf(&e[0], "%s=%s:%s=1", tunables, old, tunable)
	                                        : asprintf(&e[0], "%s=%s=1", tunables, tunable);
	if (len < 0) {
		free(e);
		return NULL;
	}
	// GWR_HUGEPAGES_TUNABLES=[=old]
	if (asprintf(&e[1], "%s=%s%s", marker, old != NULL ? "=" : "", old != NULL ? old : "") < 0) {
		free(e[0]);
		free(e);
		return NULL;
	}
	size_t k = 2;
	for (size_t i = 0; i < n; i++) {
		const char *v;
		if (!hasPrefix(envp[i], tunables, &v)) {
			e[k++] = strdup(envp[i]);
			if (e[k - 1] == NULL) {
				gwrHPFree(e);
				return NULL;
			}
		}
	}
	return e;
}

void gwrHPFree(char **e) {
	if (e == NULL) {
		return;
	}
	for (size_t i = 0; e[i] != NULL; i++) {
		free(e[i]);
	}
	free(e);
}

// lookPath writes to path the file the shell runs for name, as Go's
// exec.LookPath finds it: name itself when it holds a slash, else the
// first executable regular file name in a directory of $PATH, not
// relative (Go refuses those). It returns 0 when there is none.
static int lookPath(const char *name, char *path, size_t size) {
	struct stat st;
	if (strchr(name, '/') != NULL) {
		if (strlen(name) >= size) {
			return 0;
		}
		strcpy(path, name);
		return 1;
	}
	const char *dirs = getenv("PATH");
	if (dirs == NULL) {
		return 0;
	}
	while (*dirs != '\0') {
		const char *end = strchr(dirs, ':');
		size_t n = end != NULL ? (size_t)(end - dirs) : strlen(dirs);
		if (n > 0 && dirs[0] == '/' && n + 1 + strlen(name) < size) {
			memcpy(path, dirs, n);
			path[n] = '/';
			strcpy(path + n + 1, name);
			if (stat(path, &st) == 0 && S_ISREG(st.st_mode) && access(path, X_OK) == 0) {
				return 1;
			}
		}
		if (end == NULL) {
			break;
		}
		dirs = end + 1;
	}
	return 0;
}

int gwrHPSelfStarted(const char *arg0) {
	struct stat self, named;
	char path[PATH_MAX];
	return stat("/proc/self/exe", &self) == 0 && lookPath(arg0, path, sizeof path) &&
	       stat(path, &named) == 0 && self.st_dev == named.st_dev && self.st_ino == named.st_ino;
}

#ifdef __GLIBC__
// gwrHPStart starts the process again with gwrHPEnv's environment when
// that says so and the program running is the one argv[0] names (not so
// under valgrind or an explicit ld.so, whose own program is
// /proc/self/exe). In the process started again it names the process
// after argv[0]: started from /proc/self/exe, its name would be "exe".
// glibc passes a constructor the program's arguments and environment.
__attribute__((constructor)) static void gwrHPStart(int argc, char **argv, char **envp) {
	if (argc < 1 || argv[0] == NULL) {
		return; // started with no arguments at all (execve allows it)
	}
	if (getenv(marker) != NULL) {
		const char *base = strrchr(argv[0], '/');
		prctl(PR_SET_NAME, base != NULL ? base + 1 : argv[0], 0, 0, 0);
		return;
	}
	if (argc < 2 || !gwrHPCommand(argv[1])) {
		return; // before reading the kernel's mode: most commands stop here
	}
	char mode[128] = "";
	FILE *f = fopen("/sys/kernel/mm/transparent_hugepage/enabled", "re");
	if (f == NULL) {
		return;
	}
	size_t n = fread(mode, 1, sizeof mode - 1, f);
	fclose(f);
	mode[n] = '\0';
	char **e = gwrHPEnv(argc - 1, argv + 1, envp, mode);
	if (e == NULL) {
		return;
	}
	if (gwrHPSelfStarted(argv[0])) {
		execve("/proc/self/exe", argv, e);
	}
	gwrHPFree(e); // not started again: the run goes on as it would have
}
#endif
