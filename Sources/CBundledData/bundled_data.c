// The Fixtures files are compiled in with C23 #embed (clang 19+), so the data travels inside
// the risk-report binary and the build tracks them as dependencies of this file.
#include "bundled_data.h"

#pragma clang diagnostic ignored "-Wc23-extensions"

static const unsigned char infrastructure[] = {
#embed "../../Fixtures/balochistan/infrastructure.geojson"
};

static const unsigned char incidents[] = {
#embed "../../Fixtures/balochistan/incidents.csv"
};

const unsigned char *bundled_infrastructure(size_t *count) {
    *count = sizeof(infrastructure);
    return infrastructure;
}

const unsigned char *bundled_incidents(size_t *count) {
    *count = sizeof(incidents);
    return incidents;
}

static const unsigned char gazetteer[] = {
#embed "../../Fixtures/balochistan/gazetteer.csv"
};

const unsigned char *bundled_gazetteer(size_t *count) {
    *count = sizeof(gazetteer);
    return gazetteer;
}

static const unsigned char context[] = {
#embed "../../Fixtures/balochistan/context.geojson"
};

const unsigned char *bundled_context(size_t *count) {
    *count = sizeof(context);
    return context;
}

const char *bundled_source_file(void) {
    return __FILE__;   // Sources/CBundledData/bundled_data.c in the tree that built it
}
