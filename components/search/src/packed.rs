//! Lists of numbers kept as LEB128 bytes while the index is built: a posting
//! `(Δposition, weight)` takes about 3 bytes instead of 8, and at 100,000
//! agencies the postings were most of a build's peak memory. A list is
//! written to (and read from) JSON as the plain array of its numbers, so the
//! files are the same as with `Vec<u32>`.

use serde::{Deserialize, Deserializer, Serialize, Serializer};

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Packed {
    bytes: Vec<u8>,
    len: usize,
}

impl Packed {
    pub fn push(&mut self, mut n: u32) {
        while n >= 0x80 {
            self.bytes.push((n as u8) | 0x80);
            n >>= 7;
        }
        self.bytes.push(n as u8);
        self.len += 1;
    }

    /// How many numbers the list holds.
    pub fn len(&self) -> usize {
        self.len
    }

    pub fn iter(&self) -> impl Iterator<Item = u32> + '_ {
        let mut bytes = self.bytes.iter();
        std::iter::from_fn(move || {
            let mut n = 0u32;
            let mut shift = 0;
            loop {
                let b = *bytes.next()?;
                n |= u32::from(b & 0x7f) << shift;
                if b < 0x80 {
                    return Some(n);
                }
                shift += 7;
            }
        })
    }

    /// `(position, weight)` pairs from `[Δpos, w, …]`.
    pub fn postings(&self) -> impl Iterator<Item = (u32, u32)> + '_ {
        let mut numbers = self.iter();
        let mut pos = 0u32;
        std::iter::from_fn(move || {
            pos = pos.saturating_add(numbers.next()?);
            Some((pos, numbers.next().unwrap_or(0)))
        })
    }

    /// `[Δpos, w, …]` of postings in position order.
    pub fn delta_coded(postings: &[(u32, u32)]) -> Self {
        let mut out = Packed::default();
        let mut prev = 0u32;
        for &(pos, w) in postings {
            out.push(pos - prev);
            out.push(w);
            prev = pos;
        }
        out
    }

    #[cfg(test)]
    pub fn to_vec(&self) -> Vec<u32> {
        self.iter().collect()
    }
}

impl From<&[u32]> for Packed {
    fn from(numbers: &[u32]) -> Self {
        let mut out = Packed::default();
        for &n in numbers {
            out.push(n);
        }
        out
    }
}

impl Serialize for Packed {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.iter())
    }
}

impl<'de> Deserialize<'de> for Packed {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Ok(Packed::from(Vec::<u32>::deserialize(d)?.as_slice()))
    }
}

#[cfg(test)]
mod tests {
    use super::Packed;

    #[test]
    fn numbers_of_every_width_read_back_as_written() {
        let numbers = [0, 1, 127, 128, 300, 16_383, 16_384, 2_097_151, u32::MAX];
        let p = Packed::from(&numbers[..]);
        assert_eq!(p.len(), numbers.len());
        assert_eq!(p.to_vec(), numbers);
        // One byte up to 127, five for the largest.
        assert_eq!(Packed::from(&[127u32][..]).bytes.len(), 1);
        assert_eq!(Packed::from(&[u32::MAX][..]).bytes.len(), 5);
    }

    #[test]
    fn a_list_is_the_json_array_of_its_numbers() {
        let p = Packed::from(&[3u32, 1000, 70_000][..]);
        let json = serde_json::to_string(&p).expect("json");
        assert_eq!(json, "[3,1000,70000]");
        let back: Packed = serde_json::from_str(&json).expect("read");
        assert_eq!(back, p);
    }

    #[test]
    fn postings_are_delta_coded_and_decoded_back() {
        let postings = [(2, 500), (3, 1), (40_000, 1000)];
        let p = Packed::delta_coded(&postings);
        assert_eq!(p.to_vec(), [2, 500, 1, 1, 39_997, 1000]);
        assert_eq!(p.postings().collect::<Vec<_>>(), postings);
    }
}
