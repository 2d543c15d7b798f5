/* A trap (here: a call through a null function pointer, an instruction access fault at 0) is
 * reported with mcause/mepc/mtval and ends the program with status 101 instead of hanging. */
// xous-test: rc=101
#include "testlib.h"

int xous_main(void) {
    say("calling null\n");
    uintptr_t target = 0;
    OPAQUE(target);
    ((void (*)(void))target)();
    say("unreachable\n");
    return 0;
}
