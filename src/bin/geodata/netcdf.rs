//! A small reader of the NetCDF-3 classic (`CDF\x01`) and 64-bit offset
//! (`CDF\x02`) formats: the header (dimensions, global attributes,
//! variables with their attributes, type and data offset) and the values of
//! non-record variables, which the format stores big-endian.
//!
//! Malformed input gives a [`NcError`], never a panic: every count is checked
//! against the bytes that remain before anything is allocated for it.

/// Why a NetCDF file could not be read.
#[derive(Debug, thiserror::Error, PartialEq)]
pub enum NcError {
    /// The file does not start with `CDF\x01` or `CDF\x02`.
    #[error("not a NetCDF-3 file (magic bytes {0:02x?})")]
    Magic(Vec<u8>),
    /// The file ends inside the header.
    #[error("the header is cut off at byte {0}")]
    Truncated(usize),
    /// A header field holds a value the format does not allow.
    #[error("malformed header at byte {at}: {what}")]
    Header {
        /// Byte offset of the field.
        at: usize,
        /// What is wrong.
        what: String,
    },
    /// No variable of that name.
    #[error("no variable named {0:?}")]
    NoVariable(String),
    /// The variable's values cannot be read as asked.
    #[error("variable {name:?}: {what}")]
    Variable {
        /// The variable.
        name: String,
        /// What is wrong.
        what: String,
    },
}

/// The external data types of the classic format.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NcType {
    /// 8-bit signed integer.
    Byte,
    /// 8-bit character (text).
    Char,
    /// 16-bit signed integer.
    Short,
    /// 32-bit signed integer.
    Int,
    /// 32-bit IEEE float.
    Float,
    /// 64-bit IEEE float.
    Double,
}

impl NcType {
    fn from_code(code: u32) -> Option<Self> {
        Some(match code {
            1 => Self::Byte,
            2 => Self::Char,
            3 => Self::Short,
            4 => Self::Int,
            5 => Self::Float,
            6 => Self::Double,
            _ => return None,
        })
    }

    /// Bytes per value.
    pub fn size(self) -> usize {
        match self {
            Self::Byte | Self::Char => 1,
            Self::Short => 2,
            Self::Int | Self::Float => 4,
            Self::Double => 8,
        }
    }
}

/// An attribute's values.
#[derive(Clone, Debug, PartialEq)]
pub enum AttrValue {
    /// `NC_CHAR` values, as text (Latin-1 bytes kept as chars).
    Text(String),
    /// Any numeric type, widened to `f64`.
    Numbers(Vec<f64>),
}

/// A named attribute.
#[derive(Clone, Debug, PartialEq)]
pub struct Attr {
    /// Its name.
    pub name: String,
    /// Its values.
    pub value: AttrValue,
}

/// A dimension; length 0 marks the record (unlimited) dimension.
#[derive(Clone, Debug, PartialEq)]
pub struct Dim {
    /// Its name.
    pub name: String,
    /// Its length.
    pub len: u64,
}

/// A variable as the header describes it.
#[derive(Clone, Debug, PartialEq)]
pub struct Var {
    /// Its name.
    pub name: String,
    /// Indices into [`NetCdf::dims`], slowest-varying first.
    pub dims: Vec<usize>,
    /// Its attributes.
    pub attrs: Vec<Attr>,
    /// Its external type.
    pub ty: NcType,
    /// Byte offset of its data in the file.
    pub begin: u64,
}

/// A NetCDF-3 file held in memory.
#[derive(Clone, Debug)]
pub struct NetCdf {
    /// 1 (classic) or 2 (64-bit offsets).
    pub version: u8,
    /// Number of records.
    pub numrecs: u64,
    /// Dimensions.
    pub dims: Vec<Dim>,
    /// Global attributes.
    pub attrs: Vec<Attr>,
    /// Variables.
    pub vars: Vec<Var>,
    bytes: Vec<u8>,
}

const NC_DIMENSION: u32 = 0x0A;
const NC_VARIABLE: u32 = 0x0B;
const NC_ATTRIBUTE: u32 = 0x0C;

struct Cursor<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl Cursor<'_> {
    fn take(&mut self, n: usize) -> Result<&[u8], NcError> {
        let end = self
            .pos
            .checked_add(n)
            .filter(|&e| e <= self.bytes.len())
            .ok_or(NcError::Truncated(self.pos))?;
        let s = &self.bytes[self.pos..end];
        self.pos = end;
        Ok(s)
    }

    fn u32(&mut self) -> Result<u32, NcError> {
        let b = self.take(4)?;
        Ok(u32::from_be_bytes([b[0], b[1], b[2], b[3]]))
    }

    fn u64(&mut self) -> Result<u64, NcError> {
        let b = self.take(8)?;
        let mut a = [0u8; 8];
        a.copy_from_slice(b);
        Ok(u64::from_be_bytes(a))
    }

    fn bad(&self, what: impl Into<String>) -> NcError {
        NcError::Header {
            at: self.pos,
            what: what.into(),
        }
    }

    /// A count of items that each take at least `min_bytes`, checked
    /// against what remains so that no huge allocation follows.
    fn count(&mut self, min_bytes: usize) -> Result<usize, NcError> {
        let n = self.u32()? as usize;
        let left = self.bytes.len() - self.pos;
        if n.saturating_mul(min_bytes) > left {
            return Err(NcError::Truncated(self.bytes.len()));
        }
        Ok(n)
    }

    /// `n` bytes followed by padding to a multiple of four.
    fn padded(&mut self, n: usize) -> Result<&[u8], NcError> {
        let start = self.pos;
        self.take(n.next_multiple_of(4))?;
        Ok(&self.bytes[start..start + n])
    }

    fn name(&mut self) -> Result<String, NcError> {
        let n = self.count(1)?;
        let at = self.pos;
        let raw = self.padded(n)?;
        String::from_utf8(raw.to_vec()).map_err(|_| NcError::Header {
            at,
            what: "a name is not UTF-8".into(),
        })
    }

    fn nc_type(&mut self) -> Result<NcType, NcError> {
        let code = self.u32()?;
        NcType::from_code(code).ok_or_else(|| self.bad(format!("unknown type code {code}")))
    }

    /// The tag of a list, or `None` for an absent list (two zero words).
    fn list(&mut self, tag: u32) -> Result<usize, NcError> {
        let found = self.u32()?;
        if found == 0 {
            match self.u32()? {
                0 => Ok(0),
                _ => Err(self.bad("an absent list with a non-zero count")),
            }
        } else if found == tag {
            self.count(4)
        } else {
            Err(self.bad(format!("list tag {found:#x}, expected {tag:#x}")))
        }
    }

    fn attrs(&mut self) -> Result<Vec<Attr>, NcError> {
        let n = self.list(NC_ATTRIBUTE)?;
        let mut attrs = Vec::with_capacity(n);
        for _ in 0..n {
            let name = self.name()?;
            let ty = self.nc_type()?;
            let count = self.count(ty.size())?;
            let raw = self.padded(count * ty.size())?;
            let value = match ty {
                NcType::Char => {
                    AttrValue::Text(raw.iter().map(|&b| char::from(b)).collect::<String>())
                }
                _ => AttrValue::Numbers(decode(ty, raw)),
            };
            attrs.push(Attr { name, value });
        }
        Ok(attrs)
    }
}

/// Big-endian values of type `ty` widened to `f64`.
fn decode(ty: NcType, raw: &[u8]) -> Vec<f64> {
    raw.chunks_exact(ty.size())
        .map(|c| match ty {
            NcType::Byte | NcType::Char => f64::from(c[0] as i8),
            NcType::Short => f64::from(i16::from_be_bytes([c[0], c[1]])),
            NcType::Int => f64::from(i32::from_be_bytes([c[0], c[1], c[2], c[3]])),
            NcType::Float => f64::from(f32::from_be_bytes([c[0], c[1], c[2], c[3]])),
            NcType::Double => f64::from_be_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]),
        })
        .collect()
}

impl NetCdf {
    /// Parses the header of a whole file held in `bytes`.
    pub fn parse(bytes: Vec<u8>) -> Result<Self, NcError> {
        let mut c = Cursor {
            bytes: &bytes,
            pos: 0,
        };
        let magic = c.take(4).map_err(|_| NcError::Magic(bytes.clone()))?;
        let version = match magic {
            [b'C', b'D', b'F', v @ (1 | 2)] => *v,
            _ => return Err(NcError::Magic(magic.to_vec())),
        };
        let numrecs = u64::from(c.u32()?);
        let n = c.list(NC_DIMENSION)?;
        let mut dims = Vec::with_capacity(n);
        for _ in 0..n {
            let name = c.name()?;
            let len = u64::from(c.u32()?);
            dims.push(Dim { name, len });
        }
        let attrs = c.attrs()?;
        let n = c.list(NC_VARIABLE)?;
        let mut vars = Vec::with_capacity(n);
        for _ in 0..n {
            let name = c.name()?;
            let ndims = c.count(4)?;
            let mut ids = Vec::with_capacity(ndims);
            for _ in 0..ndims {
                let id = c.u32()? as usize;
                if id >= dims.len() {
                    return Err(c.bad(format!("variable {name:?} names dimension {id}")));
                }
                ids.push(id);
            }
            let var_attrs = c.attrs()?;
            let ty = c.nc_type()?;
            let _vsize = c.u32()?;
            let begin = if version == 1 {
                u64::from(c.u32()?)
            } else {
                c.u64()?
            };
            vars.push(Var {
                name,
                dims: ids,
                attrs: var_attrs,
                ty,
                begin,
            });
        }
        Ok(Self {
            version,
            numrecs,
            dims,
            attrs,
            vars,
            bytes,
        })
    }

    /// The variable named `name`.
    pub fn var(&self, name: &str) -> Result<&Var, NcError> {
        self.vars
            .iter()
            .find(|v| v.name == name)
            .ok_or_else(|| NcError::NoVariable(name.to_owned()))
    }

    /// The lengths of a variable's dimensions.
    pub fn shape(&self, var: &Var) -> Vec<u64> {
        var.dims.iter().map(|&d| self.dims[d].len).collect()
    }

    /// The raw bytes of a non-record variable, checked to be of type `ty`.
    fn raw(&self, name: &str, ty: NcType) -> Result<&[u8], NcError> {
        let var = self.var(name)?;
        let bad = |what: String| NcError::Variable {
            name: name.to_owned(),
            what,
        };
        if var.ty != ty {
            return Err(bad(format!("stored as {:?}, read as {ty:?}", var.ty)));
        }
        let shape = self.shape(var);
        if var.dims.first().is_some_and(|&d| self.dims[d].len == 0) {
            return Err(bad("record variables are not supported".into()));
        }
        let len = shape
            .iter()
            .try_fold(ty.size() as u64, |acc, &n| acc.checked_mul(n))
            .ok_or_else(|| bad("size overflows".into()))?;
        let start = usize::try_from(var.begin).map_err(|_| bad("offset too large".into()))?;
        let end = usize::try_from(len)
            .ok()
            .and_then(|l| start.checked_add(l))
            .filter(|&e| e <= self.bytes.len())
            .ok_or_else(|| {
                bad(format!(
                    "{len} bytes from offset {start} run past the file's {} bytes",
                    self.bytes.len()
                ))
            })?;
        Ok(&self.bytes[start..end])
    }

    /// A non-record variable's values of type `ty`, widened to `f64` and
    /// cast back (exact for every type read here).
    fn values<T>(&self, name: &str, ty: NcType, cast: fn(f64) -> T) -> Result<Vec<T>, NcError> {
        Ok(decode(ty, self.raw(name, ty)?)
            .into_iter()
            .map(cast)
            .collect())
    }

    /// A non-record `NC_SHORT` variable's values, in storage order.
    pub fn read_i16(&self, name: &str) -> Result<Vec<i16>, NcError> {
        self.values(name, NcType::Short, |v| v as i16)
    }

    /// A non-record `NC_FLOAT` variable's values, in storage order.
    pub fn read_f32(&self, name: &str) -> Result<Vec<f32>, NcError> {
        self.values(name, NcType::Float, |v| v as f32)
    }

    /// A non-record `NC_DOUBLE` variable's values, in storage order.
    pub fn read_f64(&self, name: &str) -> Result<Vec<f64>, NcError> {
        self.values(name, NcType::Double, |v| v)
    }
}

#[cfg(test)]
#[path = "netcdf_tests.rs"]
mod tests;
