//! Byte offsets of the elements of a FeatureCollection's `features` array,
//! so problems found after parsing can still point at a line and column.

/// Byte offsets where each element of the top-level `features` array starts.
///
/// `src` must already be known to be valid JSON; on other text the result is
/// merely incomplete.
pub fn feature_offsets(src: &str) -> Vec<usize> {
    let bytes = src.as_bytes();
    let mut depth = 0usize;
    let mut last_key_is_features = false;
    let mut in_features = false;
    let mut element_expected = false;
    let mut offsets = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let c = bytes[i];
        let element_here = in_features && depth == 2 && element_expected;
        match c {
            b' ' | b'\t' | b'\n' | b'\r' | b':' => {}
            b'"' => {
                let start = i;
                i += 1;
                while i < bytes.len() && bytes[i] != b'"' {
                    i += if bytes[i] == b'\\' { 2 } else { 1 };
                }
                if element_here {
                    offsets.push(start);
                    element_expected = false;
                }
                if depth == 1 {
                    last_key_is_features = bytes.get(start + 1..i) == Some(b"features".as_slice());
                }
            }
            b'{' | b'[' => {
                if element_here {
                    offsets.push(i);
                    element_expected = false;
                }
                depth += 1;
                if c == b'[' && depth == 2 && last_key_is_features {
                    in_features = true;
                    element_expected = true;
                }
                last_key_is_features = false;
            }
            b'}' | b']' => {
                depth = depth.saturating_sub(1);
                if depth < 2 {
                    in_features = false;
                }
            }
            b',' => {
                if in_features && depth == 2 {
                    element_expected = true;
                }
                if depth == 1 {
                    last_key_is_features = false;
                }
            }
            _ => {
                if element_here {
                    offsets.push(i);
                    element_expected = false;
                }
            }
        }
        i += 1;
    }
    offsets
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_each_feature_and_ignores_other_arrays() {
        let src = r#"{"type":"FeatureCollection","bbox":[1,2],"note":"features",
 "features": [ {"a":[{"b":1}],"s":"x\"]"},
   null, 7 ,{} ]}"#;
        let offsets = feature_offsets(src);
        let starts: Vec<&str> = offsets.iter().map(|&o| &src[o..o + 1]).collect();
        assert_eq!(starts, ["{", "n", "7", "{"]);
        assert_eq!(src[offsets[0]..].find("\"a\""), Some(1));
    }

    #[test]
    fn empty_features_array() {
        assert!(feature_offsets(r#"{"features":[]}"#).is_empty());
    }
}
