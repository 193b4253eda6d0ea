//! An outside client reads what we write: GDAL's `ogrinfo`, the driver QGIS
//! reads PostGIS through, lists the events table with its feature count and
//! point geometry.

use std::process::Command;

use border_incidents::data::events;
use border_incidents::store::{connect, push};

use crate::common::{admin_info, fresh_store};
use crate::pg_server::shared;

#[test]
fn ogrinfo_lists_the_events_as_points() {
    let server = shared();
    let db = fresh_store("ogr");
    let mut client = connect::connect(&admin_info(server, &db)).unwrap();
    let bundled = events::bundled().unwrap();
    push::push(&mut client, &bundled, &mut |_| {}, None).unwrap();
    let out = Command::new("ogrinfo")
        .args([
            "-ro",
            "-so",
            &format!(
                "PG:host=127.0.0.1 port={} dbname={db} user=postgres password={}",
                server.port,
                crate::pg_server::SUPERUSER_PASSWORD
            ),
            "border_incidents.events",
        ])
        .output()
        .expect("ogrinfo (Debian's gdal-bin)");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{text}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        text.contains(&format!("Feature Count: {}", bundled.events.len())),
        "{text}"
    );
    assert!(text.contains("Geometry: Point"), "{text}");
    assert!(text.contains("title: String"), "{text}");
}
