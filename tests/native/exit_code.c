/* The program's result reaches QEMU's exit status through the test finisher. */
// xous-test: rc=42
#include "testlib.h"

int xous_main(void) {
    say("hello from xous_main\n");
    return 42;
}
