// mimalloc, the allocator the dochouse executable runs on (see ARCHITECTURE.md, "Decisions and why").
// Linking it is what matters: its malloc and free then stand in for glibc's in the whole process.
#include <mimalloc.h>
