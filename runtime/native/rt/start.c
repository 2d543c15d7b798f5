/* Program start, exit, panic and the trap report. */
#include "board.h"
#include "xous_rt.h"

void xous_trap(uint32_t mcause, uint32_t mepc, uint32_t mtval) __attribute__((noreturn));

void xous_rt_start(void) {
    board_init();
    xous_gc_init();
    int code = xous_main();
    xous_exit(code);
}

void xous_exit(int code) {
    xous_console_flush();
    board_exit(code);
}

void xous_panic(const char* message) {
    xous_console_flush();
    xous_console_write_cstr("panic: ");
    xous_console_write_cstr(message ? message : "(null)");
    xous_console_putc('\n');
    board_exit(XOUS_EXIT_PANIC);
}

void xous_trap(uint32_t mcause, uint32_t mepc, uint32_t mtval) {
    xous_console_flush();
    xous_console_write_cstr("panic: trap mcause=0x");
    xous_console_write_hex32(mcause);
    xous_console_write_cstr(" mepc=0x");
    xous_console_write_hex32(mepc);
    xous_console_write_cstr(" mtval=0x");
    xous_console_write_hex32(mtval);
    xous_console_putc('\n');
    board_exit(XOUS_EXIT_PANIC);
}

uint64_t xous_read_cycles(void) { return board_read_cycles(); }
uint64_t xous_read_instret(void) { return board_read_instret(); }
