//! Lines of byte offsets met in file order, for readers that report where an entry is.

/// The 1-based lines of byte offsets met in file order, each counted from the one before, so that
/// a whole file costs one pass however many offsets are asked.
#[derive(Debug, Default)]
pub struct LineCounter {
    offset: usize,
    breaks: usize,
}

impl LineCounter {
    /// The line of byte `offset` of `bytes` (offsets past the end count as the end). An offset
    /// before the last one asked gets the last one's line.
    pub fn line_at(&mut self, bytes: &[u8], offset: usize) -> usize {
        let offset = offset.min(bytes.len());
        if offset > self.offset {
            self.breaks += bytes[self.offset..offset]
                .iter()
                .filter(|&&byte| byte == b'\n')
                .count();
            self.offset = offset;
        }
        self.breaks + 1
    }
}

#[cfg(test)]
mod tests {
    use super::LineCounter;

    #[test]
    fn lines_are_counted_forward_from_the_offset_before() {
        let text = b"a\nb\n\nc";
        let mut lines = LineCounter::default();
        assert_eq!(lines.line_at(text, 0), 1);
        assert_eq!(lines.line_at(text, 2), 2);
        assert_eq!(lines.line_at(text, 5), 4);
        assert_eq!(lines.line_at(text, 99), 4);
    }
}
