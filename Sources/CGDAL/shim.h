// GDAL's C API for vector data: datasets and drivers (gdal.h), OGR layers, features and
// geometries (ogr_api.h), spatial references and transformations (ogr_srs_api.h), and its
// error and configuration functions (cpl_error.h, cpl_conv.h).
#include <gdal.h>
#include <ogr_api.h>
#include <ogr_srs_api.h>
#include <cpl_error.h>
#include <cpl_conv.h>
#include <cpl_string.h>
