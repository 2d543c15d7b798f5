/* LD_PRELOAD shim that lets the unmodified fido2-token/-cred/-assert CLIs talk to a "udp:HOST:PORT" authenticator:
 *   fido_dev_open(dev, "udp:...")  installs xous_udp_io on the device, then calls the real function;
 *   fido_dev_info_manifest(...)    lists $FIDO_UDP_DEVICE (when set) instead of the hidraw devices.
 * Build: gcc -shared -fPIC -o libfido2-udp-preload.so udp_preload.c udp_io.c -ldl -lfido2
 * Written for Xous#; original code. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdlib.h>

#include "udp_io.h"

typedef int open_function(fido_dev_t *, const char *);
typedef int manifest_function(fido_dev_info_t *, size_t, size_t *);

int fido_dev_open(fido_dev_t *dev, const char *path)
{
    open_function *real = (open_function *)dlsym(RTLD_NEXT, "fido_dev_open");
    int status;

    if (real == NULL)
        return FIDO_ERR_INTERNAL;
    if (xous_is_udp_path(path)) {
        status = fido_dev_set_io_functions(dev, &xous_udp_io);
        if (status != FIDO_OK)
            return status;
    }
    return real(dev, path);
}

int fido_dev_info_manifest(fido_dev_info_t *list, size_t capacity, size_t *found)
{
    manifest_function *real = (manifest_function *)dlsym(RTLD_NEXT, "fido_dev_info_manifest");
    const char *path = getenv("FIDO_UDP_DEVICE");
    int status;

    if (!xous_is_udp_path(path))
        return real == NULL ? FIDO_ERR_INTERNAL : real(list, capacity, found);
    *found = 0;
    if (capacity == 0)
        return FIDO_OK;
    status = fido_dev_info_set(list, 0, path, "Xous#", "Precursor Vault (udp)", &xous_udp_io, NULL);
    if (status == FIDO_OK)
        *found = 1;
    return status;
}
