/* CTAPHID over UDP for libfido2: one 64-byte HID report per datagram, no report-ID byte
 * (tests/interop/README.md, docs/ctaphid.md). Device paths look like "udp:127.0.0.1:8111". */
#ifndef XOUS_UDP_IO_H
#define XOUS_UDP_IO_H

#include <fido.h>

/* The custom-I/O functions libfido2 calls instead of hidraw (fido_dev_set_io_functions). */
extern const fido_dev_io_t xous_udp_io;

/* Whether a device path names a UDP authenticator. */
int xous_is_udp_path(const char *path);

#endif
