/* CTAPHID over UDP for libfido2 (see udp_io.h). Written for Xous#; original code. */
#include "udp_io.h"

#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#define REPORT_SIZE 64

struct udp_handle {
    int fd;
};

int xous_is_udp_path(const char *path)
{
    return path != NULL && strncmp(path, "udp:", 4) == 0;
}

/* "udp:HOST:PORT" -> connected datagram socket on an ephemeral local port. */
static void *udp_open(const char *path)
{
    char host[64];
    const char *rest;
    const char *colon;
    long port;
    char *end;
    struct sockaddr_in peer;
    struct udp_handle *handle;
    size_t host_length;

    if (!xous_is_udp_path(path))
        return NULL;
    rest = path + 4;
    colon = strrchr(rest, ':');
    if (colon == NULL)
        return NULL;
    host_length = (size_t)(colon - rest);
    if (host_length == 0 || host_length >= sizeof(host))
        return NULL;
    memcpy(host, rest, host_length);
    host[host_length] = '\0';
    port = strtol(colon + 1, &end, 10);
    if (*end != '\0' || port <= 0 || port > 65535)
        return NULL;

    memset(&peer, 0, sizeof(peer));
    peer.sin_family = AF_INET;
    peer.sin_port = htons((unsigned short)port);
    if (inet_pton(AF_INET, host, &peer.sin_addr) != 1)
        return NULL;

    handle = calloc(1, sizeof(*handle));
    if (handle == NULL)
        return NULL;
    handle->fd = socket(AF_INET, SOCK_DGRAM, 0);
    if (handle->fd < 0 || connect(handle->fd, (struct sockaddr *)&peer, sizeof(peer)) != 0) {
        if (handle->fd >= 0)
            close(handle->fd);
        free(handle);
        return NULL;
    }
    return handle;
}

static void udp_close(void *opaque)
{
    struct udp_handle *handle = opaque;

    if (handle == NULL)
        return;
    close(handle->fd);
    free(handle);
}

/* One report (64 bytes, no report ID) or -1 when nothing arrives within ms (-1: wait forever). */
static int udp_read(void *opaque, unsigned char *buffer, size_t length, int ms)
{
    struct udp_handle *handle = opaque;
    unsigned char report[REPORT_SIZE + 1];
    struct pollfd waiting;
    ssize_t received;
    int ready;

    if (handle == NULL || length < REPORT_SIZE)
        return -1;
    for (;;) {
        waiting.fd = handle->fd;
        waiting.events = POLLIN;
        waiting.revents = 0;
        ready = poll(&waiting, 1, ms < 0 ? -1 : ms);
        if (ready < 0 && errno == EINTR)
            continue;
        if (ready <= 0)
            return -1;
        received = recv(handle->fd, report, sizeof(report), 0);
        if (received < 0 && errno == EINTR)
            continue;
        if (received != REPORT_SIZE)
            return -1;
        memcpy(buffer, report, REPORT_SIZE);
        return REPORT_SIZE;
    }
}

/* libfido2 hands over report ID (0) + 64 bytes; the datagram carries the 64 bytes. */
static int udp_write(void *opaque, const unsigned char *buffer, size_t length)
{
    struct udp_handle *handle = opaque;
    ssize_t sent;

    if (handle == NULL || length != REPORT_SIZE + 1)
        return -1;
    sent = send(handle->fd, buffer + 1, REPORT_SIZE, 0);
    if (sent != REPORT_SIZE)
        return -1;
    return (int)length;
}

const fido_dev_io_t xous_udp_io = {
    udp_open,
    udp_close,
    udp_read,
    udp_write,
};
