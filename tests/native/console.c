/* Console helpers: UTF-16 to UTF-8 (BMP, surrogate pairs, pairs split across calls, lone
 * surrogates -> U+FFFD), string objects, raw bytes, decimal and hex integers. */
#include "testlib.h"

static const XousType string_type = {0, 2, XOUS_TYPE_ARRAY | XOUS_TYPE_STRING, 0, 0, 0, 0, 0};

static void utf16(const uint16_t* s, int32_t n) { xous_console_write_utf16(s, n); }

int xous_main(void) {
    static const uint16_t ascii[] = {'H', 'i', ' ', 'A', 'Z', '\n'};
    static const uint16_t bmp[] = {0x00E9, ' ', 0x20AC, ' ', 0x4E2D, ' ', 0x07FF, ' ', 0x0800, ' ', 0xFFFF, '\n'};
    static const uint16_t pair[] = {0xD83D, 0xDE00, ' ', 0xDBFF, 0xDFFF, '\n'};
    static const uint16_t lone[] = {'[', 0xDC00, ']', '[', 0xD800, ']', '[', 0xD800, 0xD800, 0xDC00, ']', '\n'};
    static const uint16_t split1[] = {'<', 0xD83D};
    static const uint16_t split2[] = {0xDE03, '>', '\n'};
    utf16(ascii, 6);
    utf16(bmp, 12);
    utf16(pair, 6);
    utf16(lone, 12);
    utf16(split1, 2);
    utf16(split2, 3);
    utf16(ascii, 0);

    XousString* s = xous_gc_alloc_array(&string_type, 5);
    const char* text = "abc\xC3";
    for (int i = 0; i < 4; i++) s->chars[i] = (uint8_t)text[i];
    s->chars[4] = 0x263A;
    xous_console_write_string(s);
    xous_console_putc('\n');
    xous_console_write_string(0);

    xous_console_write("raw\0bytes\n", 10);
    xous_console_write_cstr("i32: ");
    xous_console_write_i32(0); xous_console_putc(' ');
    xous_console_write_i32(-1); xous_console_putc(' ');
    xous_console_write_i32(2147483647); xous_console_putc(' ');
    xous_console_write_i32((int32_t)0x80000000u); xous_console_putc('\n');
    xous_console_write_cstr("u32: ");
    xous_console_write_u32(4294967295u); xous_console_putc('\n');
    xous_console_write_cstr("i64: ");
    xous_console_write_i64(INT64_MIN); xous_console_putc(' ');
    xous_console_write_i64(INT64_MAX); xous_console_putc(' ');
    xous_console_write_i64(-4294967296LL); xous_console_putc('\n');
    xous_console_write_cstr("u64: ");
    xous_console_write_u64(UINT64_MAX); xous_console_putc(' ');
    xous_console_write_u64(10000000000ULL); xous_console_putc('\n');
    xous_console_write_cstr("hex: ");
    xous_console_write_hex32(0xDEADBEEFu); xous_console_putc(' ');
    xous_console_write_hex32(0x1Au); xous_console_putc(' ');
    xous_console_write_hex64(0x0123456789ABCDEFULL); xous_console_putc('\n');

    uint64_t c0 = xous_read_cycles(), i0 = xous_read_instret();
    volatile uint32_t sink = 0;
    for (int i = 0; i < 1000; i++) sink += (uint32_t)i;
    uint64_t c1 = xous_read_cycles(), i1 = xous_read_instret();
    CHECK(i1 - i0 >= 1000);
    CHECK(c1 > c0);

    /* a trailing high surrogate is flushed as U+FFFD at exit */
    static const uint16_t tail[] = {'e', 'n', 'd', 0xD801};
    utf16(tail, 4);
    return test_failures;
}
