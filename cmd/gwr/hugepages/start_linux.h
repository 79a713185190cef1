// The new start's C side (start_linux.c), declared for package hugepages'
// Go code and tests.

// gwrHPCommands names the gwr commands started again, NULL after the last.
extern const char *const gwrHPCommands[];

// gwrHPCommand reports whether arg is one of gwrHPCommands.
int gwrHPCommand(const char *arg);

// gwrHPEnv returns, when the process is to start again, its environment:
// envp (NULL-terminated) with glibc.malloc.hugetlb=1 added to
// GLIBC_TUNABLES (its other tunables kept) and GWR_HUGEPAGES_TUNABLES set to
// "=" and the old value of GLIBC_TUNABLES ("" when it had none), those two
// first. That is when args[0] (of argc) is one of gwrHPCommands, the
// kernel's transparent huge page mode (mode, the content of
// /sys/kernel/mm/transparent_hugepage/enabled) is "madvise", GLIBC_TUNABLES
// does not set glibc.malloc.hugetlb already and GWR_HUGEPAGES_TUNABLES is
// not there (the process is not one started again). Otherwise, or when
// memory runs out, it returns NULL. gwrHPFree frees what it returns.
char **gwrHPEnv(int argc, char **args, char **envp, const char *mode);

// gwrHPFree frees an environment gwrHPEnv returned (NULL: nothing).
void gwrHPFree(char **env);

// gwrHPSelfStarted reports whether the program running (/proc/self/exe) is
// the file arg0 names, as exec.LookPath finds it.
int gwrHPSelfStarted(const char *arg0);
