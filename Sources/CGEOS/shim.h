// Only the reentrant (_r) API is used; GEOS_USE_ONLY_R_API hides the global-state functions.
#define GEOS_USE_ONLY_R_API
#include <geos_c.h>
