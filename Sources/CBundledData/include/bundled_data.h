#ifndef BUNDLED_DATA_H
#define BUNDLED_DATA_H
#include <stddef.h>

/// The bundled infrastructure GeoJSON (Fixtures/balochistan/infrastructure.geojson).
const unsigned char *bundled_infrastructure(size_t *count);
/// The bundled incidents CSV (Fixtures/balochistan/incidents.csv).
const unsigned char *bundled_incidents(size_t *count);

/// The bundled gazetteer CSV (Fixtures/balochistan/gazetteer.csv).
const unsigned char *bundled_gazetteer(size_t *count);

/// Coastlines and borders for the bundled map (Fixtures/balochistan/context.geojson, Natural Earth).
const unsigned char *bundled_context(size_t *count);

/// This source file's path as compiled (the bundled files are ../../Fixtures/balochistan from it), so
/// the tool can refuse to write a report over what the next build would compile in.
const char *bundled_source_file(void);

#endif
