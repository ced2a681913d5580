//! The hasher of the core's maps: FxHash, as in rustc. A site's own data cannot flood a map on
//! purpose, and at 100,000 papers std's SipHash is a tenth of the loading time.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

/// A map hashed with [`FxHasher`].
pub type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;

/// A set hashed with [`FxHasher`].
pub type FastSet<T> = HashSet<T, BuildHasherDefault<FxHasher>>;

/// FxHash: each word of input rotated in, mixed and multiplied.
#[derive(Debug, Default, Clone, Copy)]
pub struct FxHasher {
    hash: u64,
}

impl FxHasher {
    fn add(&mut self, word: u64) {
        self.hash = (self.hash.rotate_left(5) ^ word).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
}

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut words = bytes.chunks_exact(8);
        for word in &mut words {
            let mut value = [0; 8];
            value.copy_from_slice(word);
            self.add(u64::from_le_bytes(value));
        }
        let rest = words.remainder();
        if !rest.is_empty() {
            let mut value = [0; 8];
            value[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(value));
        }
    }

    fn write_u8(&mut self, value: u8) {
        self.add(u64::from(value));
    }

    fn write_u32(&mut self, value: u32) {
        self.add(u64::from(value));
    }

    fn write_u64(&mut self, value: u64) {
        self.add(value);
    }

    fn write_usize(&mut self, value: usize) {
        self.add(value as u64);
    }

    fn finish(&self) -> u64 {
        self.hash
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_keep_what_they_are_given() {
        let mut map: FastMap<String, usize> = FastMap::default();
        for (index, word) in ["a", "ab", "abcdefgh", "abcdefghi", ""].iter().enumerate() {
            map.insert(word.to_string(), index);
        }
        assert_eq!(map.len(), 5);
        assert_eq!(map["abcdefghi"], 3);
        assert_eq!(map[""], 4);
        assert!(!map.contains_key("abcdefg"));
    }

    #[test]
    fn strings_differing_past_a_word_hash_apart() {
        let hash = |text: &str| {
            let mut hasher = FxHasher::default();
            hasher.write(text.as_bytes());
            hasher.finish()
        };
        assert_ne!(hash("abcdefgh1"), hash("abcdefgh2"));
        assert_ne!(hash("a"), hash("b"));
    }
}
