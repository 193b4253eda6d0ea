//! A synthetic ACLED CSV in the published 31-column layout, for measuring
//! the importer at scale. Every value is generated (names from small
//! made-up pools, random places, dates and codes): no real ACLED record.

use std::io::{self, Write};

/// A small deterministic random number generator (64-bit LCG).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

const EVENT_TYPES: [(&str, &str, &str); 6] = [
    ("Political violence", "Battles", "Armed clash"),
    (
        "Political violence",
        "Explosions/Remote violence",
        "Shelling/artillery/missile attack",
    ),
    ("Political violence", "Violence against civilians", "Attack"),
    ("Demonstrations", "Protests", "Peaceful protest"),
    ("Demonstrations", "Riots", "Mob violence"),
    (
        "Strategic developments",
        "Strategic developments",
        "Agreement",
    ),
];

const WORDS: [&str; 16] = [
    "synthetic",
    "forces",
    "village",
    "reported",
    "border",
    "district",
    "clashed",
    "near",
    "according",
    "residents",
    "checkpoint",
    "water",
    "road",
    "officials",
    "sources",
    "group",
];

/// The header line.
pub const HEADER: &str = "event_id_cnty,event_date,year,time_precision,disorder_type,event_type,\
sub_event_type,actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,\
civilian_targeting,iso,region,country,admin1,admin2,admin3,location,latitude,longitude,\
geo_precision,source,source_scale,notes,fatalities,tags,timestamp";

/// Writes a header and `rows` synthetic rows to `out`; returns the bytes written.
pub fn write_acled_csv(rows: usize, out: &mut impl Write) -> io::Result<u64> {
    let mut rng = Rng(17);
    out.write_all(HEADER.as_bytes())?;
    out.write_all(b"\n")?;
    let mut written = HEADER.len() as u64 + 1;
    let mut line = String::with_capacity(1024);
    for i in 0..rows {
        let (disorder, event_type, sub) = EVENT_TYPES[rng.below(6) as usize];
        let day = rng.below(7 * 365) as i64;
        let date = jiff::civil::date(2018, 1, 1)
            .checked_add(jiff::Span::new().days(day))
            .unwrap_or(jiff::civil::date(2018, 1, 1));
        let time_precision = [1, 1, 1, 1, 1, 1, 1, 1, 2, 3][rng.below(10) as usize];
        let geo_precision = [1, 1, 1, 1, 1, 1, 1, 2, 2, 3][rng.below(10) as usize];
        let actor1 = format!("Synthetic Actor {}", rng.below(300));
        let actor2 = if rng.below(3) == 0 {
            String::new()
        } else {
            format!("Synthetic Actor {}", rng.below(300))
        };
        let assoc = if rng.below(5) == 0 {
            format!(
                "Synthetic Group {}; Synthetic Group {}",
                rng.below(100),
                rng.below(100)
            )
        } else {
            String::new()
        };
        let mut notes = String::from("On ");
        notes.push_str(&date.to_string());
        notes.push_str(", ");
        let words = 20 + rng.below(30);
        for w in 0..words {
            if w > 0 {
                notes.push(' ');
            }
            notes.push_str(WORDS[rng.below(16) as usize]);
            if rng.below(12) == 0 {
                notes.push(',');
            }
        }
        notes.push_str(". \"\"Quoted\"\" words.");
        let lat = 35.0 + rng.below(100_000) as f64 / 10_000.0;
        let lon = 60.0 + rng.below(200_000) as f64 / 10_000.0;
        let fatalities = if rng.below(4) == 0 { rng.below(20) } else { 0 };
        let tags = if rng.below(10) == 0 {
            "crowd size=no report"
        } else {
            ""
        };
        line.clear();
        use std::fmt::Write as _;
        let _ = writeln!(
            line,
            "SYN{i},{date},{year},{time_precision},{disorder},{event_type},{sub},{actor1},{assoc},1,\
             {actor2},,3,13,,417,Caucasus and Central Asia,Synthetica,Region {r},District {d},,\
             Place {p},{lat:.4},{lon:.4},{geo_precision},Synthetic Outlet {s},National,\"{notes}\",\
             {fatalities},{tags},{ts}",
            year = date.year(),
            r = rng.below(12),
            d = rng.below(120),
            p = rng.below(5000),
            s = rng.below(40),
            ts = 1_600_000_000 + i,
        );
        out.write_all(line.as_bytes())?;
        written += line.len() as u64;
    }
    Ok(written)
}
