/* xous_panic prints "panic: <message>" and exits with XOUS_EXIT_PANIC (101). */
// xous-test: rc=101
#include "testlib.h"

int xous_main(void) {
    say("before\n");
    xous_panic("boom");
}
