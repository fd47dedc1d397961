// The value types of the geometry layer are part of this library's vocabulary: assets carry a
// `Shape` of `Coordinate`s. They are re-exported so `import CorridorRisk` is all a user writes;
// the GEOS and PROJ handle types stay internal to the implementation.
@_exported import struct GeoFoundation.Coordinate
@_exported import struct GeoFoundation.Envelope
@_exported import enum GeoFoundation.Shape
