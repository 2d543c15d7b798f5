/* Console output: bytes, C strings, UTF-16 (to UTF-8), integers. Unbuffered, straight to the board. */
#include "board.h"
#include "xous_rt.h"

static uint16_t pending_high; /* a high surrogate that ended the previous UTF-16 write, or 0 */

void xous_console_putc(char c) { board_putc((uint8_t)c); }

void xous_console_write(const void* bytes, int32_t count) {
    const uint8_t* p = bytes;
    for (int32_t i = 0; i < count; i++) board_putc(p[i]);
}

void xous_console_write_cstr(const char* s) {
    if (!s) return;
    while (*s) board_putc((uint8_t)*s++);
}

static void put_code_point(uint32_t cp) {
    if (cp < 0x80) {
        board_putc((uint8_t)cp);
    } else if (cp < 0x800) {
        board_putc((uint8_t)(0xC0 | (cp >> 6)));
        board_putc((uint8_t)(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
        board_putc((uint8_t)(0xE0 | (cp >> 12)));
        board_putc((uint8_t)(0x80 | ((cp >> 6) & 0x3F)));
        board_putc((uint8_t)(0x80 | (cp & 0x3F)));
    } else {
        board_putc((uint8_t)(0xF0 | (cp >> 18)));
        board_putc((uint8_t)(0x80 | ((cp >> 12) & 0x3F)));
        board_putc((uint8_t)(0x80 | ((cp >> 6) & 0x3F)));
        board_putc((uint8_t)(0x80 | (cp & 0x3F)));
    }
}

#define IS_HIGH(c) ((c) >= 0xD800 && (c) <= 0xDBFF)
#define IS_LOW(c) ((c) >= 0xDC00 && (c) <= 0xDFFF)

void xous_console_write_utf16(const uint16_t* chars, int32_t length) {
    for (int32_t i = 0; i < length; i++) {
        uint16_t c = chars[i];
        if (pending_high) {
            uint16_t h = pending_high;
            pending_high = 0;
            if (IS_LOW(c)) {
                put_code_point(0x10000u + (((uint32_t)h - 0xD800u) << 10) + ((uint32_t)c - 0xDC00u));
                continue;
            }
            put_code_point(0xFFFD);
        }
        if (IS_HIGH(c))
            pending_high = c;
        else if (IS_LOW(c))
            put_code_point(0xFFFD);
        else
            put_code_point(c);
    }
}

void xous_console_write_string(const void* string_object) {
    const XousString* s = string_object;
    if (s) xous_console_write_utf16(s->chars, s->length);
}

void xous_console_flush(void) {
    if (pending_high) {
        pending_high = 0;
        put_code_point(0xFFFD);
    }
}

void xous_console_write_u64(uint64_t value) {
    char buf[20];
    int n = 0;
    if (value <= 0xFFFFFFFFu) { /* avoid libgcc 64-bit division when it is not needed */
        uint32_t v = (uint32_t)value;
        do { buf[n++] = (char)('0' + v % 10); v /= 10; } while (v);
    } else {
        do { buf[n++] = (char)('0' + (unsigned)(value % 10)); value /= 10; } while (value);
    }
    while (n) board_putc((uint8_t)buf[--n]);
}

void xous_console_write_i64(int64_t value) {
    if (value < 0) {
        board_putc('-');
        xous_console_write_u64(0 - (uint64_t)value);
    } else {
        xous_console_write_u64((uint64_t)value);
    }
}

void xous_console_write_u32(uint32_t value) { xous_console_write_u64(value); }
void xous_console_write_i32(int32_t value) { xous_console_write_i64(value); }

static void put_hex(uint64_t value, int digits) {
    for (int i = digits - 1; i >= 0; i--) board_putc((uint8_t)"0123456789abcdef"[(value >> (i * 4)) & 0xF]);
}

void xous_console_write_hex32(uint32_t value) { put_hex(value, 8); }
void xous_console_write_hex64(uint64_t value) { put_hex(value, 16); }
