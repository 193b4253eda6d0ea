//! Tests of the NetCDF-3 reader on tiny files written byte by byte.

use super::*;

/// Writes the big-endian words and padded strings of a header.
#[derive(Default)]
struct Writer(Vec<u8>);

impl Writer {
    fn u32(&mut self, v: u32) -> &mut Self {
        self.0.extend_from_slice(&v.to_be_bytes());
        self
    }
    fn u64(&mut self, v: u64) -> &mut Self {
        self.0.extend_from_slice(&v.to_be_bytes());
        self
    }
    fn padded(&mut self, b: &[u8]) -> &mut Self {
        self.0.extend_from_slice(b);
        while !self.0.len().is_multiple_of(4) {
            self.0.push(0);
        }
        self
    }
    fn name(&mut self, s: &str) -> &mut Self {
        self.u32(s.len() as u32).padded(s.as_bytes())
    }
}

/// A file with dimensions lat(2), lon(3), a global `title`, and variables
/// `lat` (double), `lon` (float) and `elevation` (short, lat × lon, with
/// `units` and `_FillValue`).
fn tiny(version: u8) -> Vec<u8> {
    let mut w = Writer::default();
    w.padded(&[b'C', b'D', b'F', version]).u32(0);
    w.u32(NC_DIMENSION)
        .u32(2)
        .name("lat")
        .u32(2)
        .name("lon")
        .u32(3);
    w.u32(NC_ATTRIBUTE).u32(1).name("title").u32(2).u32(5);
    w.padded(b"GEBCO");
    w.u32(NC_VARIABLE).u32(3);
    let vars: [(&str, &[u32], u32, u32); 3] = [
        ("lat", &[0], 6, 16),
        ("lon", &[1], 5, 12),
        ("elevation", &[0, 1], 3, 12),
    ];
    // The header's length: computed by writing it once with zero offsets.
    let offsets_at = w.0.len();
    let header = |w: &mut Writer, begins: [u64; 3]| {
        for ((name, dims, ty, vsize), begin) in vars.iter().zip(begins) {
            w.name(name).u32(dims.len() as u32);
            for d in *dims {
                w.u32(*d);
            }
            if *name == "elevation" {
                w.u32(NC_ATTRIBUTE).u32(2);
                w.name("units").u32(2).u32(1).padded(b"m");
                w.name("_FillValue")
                    .u32(3)
                    .u32(1)
                    .padded(&(-32767i16).to_be_bytes());
            } else {
                w.u32(0).u32(0);
            }
            w.u32(*ty).u32(*vsize);
            if version == 1 {
                w.u32(begin as u32);
            } else {
                w.u64(begin);
            }
        }
    };
    header(&mut w, [0; 3]);
    let data_start = w.0.len() as u64;
    w.0.truncate(offsets_at);
    header(&mut w, [data_start, data_start + 16, data_start + 28]);
    for v in [40.0f64, 40.5] {
        w.0.extend_from_slice(&v.to_be_bytes());
    }
    for v in [70.0f32, 70.25, 70.5] {
        w.0.extend_from_slice(&v.to_be_bytes());
    }
    for v in [340i16, 442, -32767, 826, 974, 7495] {
        w.0.extend_from_slice(&v.to_be_bytes());
    }
    w.0
}

#[test]
fn reads_the_header_of_a_classic_file() {
    let nc = NetCdf::parse(tiny(1)).unwrap();
    assert_eq!(nc.version, 1);
    assert_eq!(nc.numrecs, 0);
    assert_eq!(
        nc.dims,
        [
            Dim {
                name: "lat".into(),
                len: 2
            },
            Dim {
                name: "lon".into(),
                len: 3
            }
        ]
    );
    assert_eq!(nc.attrs[0].name, "title");
    assert_eq!(nc.attrs[0].value, AttrValue::Text("GEBCO".into()));
    let e = nc.var("elevation").unwrap();
    assert_eq!(e.ty, NcType::Short);
    assert_eq!(nc.shape(e), [2, 3]);
    assert_eq!(e.attrs[0].value, AttrValue::Text("m".into()));
    assert_eq!(e.attrs[1].value, AttrValue::Numbers(vec![-32767.0]));
}

#[test]
fn reads_values_of_both_versions() {
    for version in [1, 2] {
        let nc = NetCdf::parse(tiny(version)).unwrap();
        assert_eq!(nc.version, version);
        assert_eq!(nc.read_f64("lat").unwrap(), [40.0, 40.5]);
        assert_eq!(nc.read_f32("lon").unwrap(), [70.0, 70.25, 70.5]);
        assert_eq!(
            nc.read_i16("elevation").unwrap(),
            [340, 442, -32767, 826, 974, 7495]
        );
    }
}

#[test]
fn wrong_type_or_name_is_an_error() {
    let nc = NetCdf::parse(tiny(1)).unwrap();
    assert!(matches!(nc.read_f32("lat"), Err(NcError::Variable { .. })));
    assert_eq!(
        nc.read_i16("depth"),
        Err(NcError::NoVariable("depth".into()))
    );
}

#[test]
fn bad_magic_is_reported() {
    let mut bytes = tiny(1);
    bytes[3] = 5;
    assert!(matches!(NetCdf::parse(bytes), Err(NcError::Magic(_))));
    let hdf5 = b"\x89HDF\r\n\x1a\n".to_vec();
    let err = NetCdf::parse(hdf5).unwrap_err();
    assert!(err.to_string().contains("not a NetCDF-3 file"), "{err}");
    assert!(matches!(NetCdf::parse(vec![]), Err(NcError::Magic(_))));
}

#[test]
fn every_truncation_is_an_error_not_a_panic() {
    let full = tiny(2);
    let nc = NetCdf::parse(full.clone()).unwrap();
    let data_start = nc.var("lat").unwrap().begin as usize;
    for len in 0..full.len() {
        let cut = full[..len].to_vec();
        match NetCdf::parse(cut) {
            Err(_) => assert!(len < data_start, "header of {len} bytes failed"),
            // A whole header with its data cut: reading the values fails.
            Ok(nc) => {
                assert!(len >= data_start);
                assert!(nc.read_i16("elevation").is_err(), "{len} bytes");
            }
        }
    }
}

#[test]
fn corrupt_counts_and_indices_are_errors() {
    // A dimension count far beyond the file's size.
    let mut bytes = tiny(1);
    bytes[12..16].copy_from_slice(&u32::MAX.to_be_bytes());
    assert!(matches!(NetCdf::parse(bytes), Err(NcError::Truncated(_))));
    // An unknown list tag where the dimensions should be.
    let mut bytes = tiny(1);
    bytes[8..12].copy_from_slice(&7u32.to_be_bytes());
    let err = NetCdf::parse(bytes).unwrap_err();
    assert!(err.to_string().contains("list tag"), "{err}");
    // A variable naming a dimension that does not exist.
    let mut bytes = tiny(1);
    let at = find(&bytes, b"lon\0", 1) + 8;
    bytes[at..at + 4].copy_from_slice(&9u32.to_be_bytes());
    let err = NetCdf::parse(bytes).unwrap_err();
    assert!(err.to_string().contains("dimension 9"), "{err}");
    // Data offsets past the end of the file (the last variable's offset is
    // the header's last word).
    let mut bytes = tiny(1);
    let begin_at = NetCdf::parse(bytes.clone())
        .unwrap()
        .var("lat")
        .unwrap()
        .begin as usize
        - 4;
    bytes[begin_at..begin_at + 4].copy_from_slice(&1_000_000u32.to_be_bytes());
    let nc = NetCdf::parse(bytes).unwrap();
    let err = nc.read_i16("elevation").unwrap_err();
    assert!(err.to_string().contains("run past"), "{err}");
}

/// The position of the `nth` (0-based) occurrence of `needle`.
fn find(hay: &[u8], needle: &[u8], nth: usize) -> usize {
    hay.windows(needle.len())
        .enumerate()
        .filter(|(_, w)| *w == needle)
        .nth(nth)
        .map(|(i, _)| i)
        .unwrap()
}
