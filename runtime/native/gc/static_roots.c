/* Empty static-root table for programs that define none; the compiler's strong definitions
 * replace these at link time. Kept apart from gc.c: gcc 12 folds the initialiser of a weak
 * const definition into code of the same translation unit. */
#include "xous_rt.h"

__attribute__((weak)) void** const xous_static_roots[1] = {0};
__attribute__((weak)) const int32_t xous_static_root_count = 0;
