//! A stream copied to a temporary file as it is read, so that it can be read again: standard
//! input, for a document too long to keep for `inconsistent-term` (see
//! [`Checker::check_reopenable`](crate::check::Checker::check_reopenable)).

use std::fs::File;
use std::io::{self, Read, Seek, SeekFrom, Write};

/// Reads `inner` and writes every byte read to an anonymous temporary file.
pub struct Copied<R> {
    inner: R,
    copy: File,
}

impl<R: Read> Copied<R> {
    /// `inner`, to be copied to `copy` (an empty file, such as `tempfile::tempfile()`), and
    /// what opens that copy again: once `inner` has been read to its end, the whole stream.
    /// `inner` is given back if the file cannot be opened twice.
    pub fn new(inner: R, copy: File) -> Result<(Self, Reopener), (R, io::Error)> {
        match copy.try_clone() {
            Ok(again) => Ok((Copied { inner, copy }, Reopener { copy: again })),
            Err(e) => Err((inner, e)),
        }
    }
}

impl<R: Read> Read for Copied<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        // Written as read: the copy is complete whenever the stream has been read to its end,
        // with no buffer left to flush.
        self.copy.write_all(&buf[..n]).map_err(|e| {
            let why = format!("cannot copy standard input to a temporary file: {e}");
            io::Error::new(e.kind(), why)
        })?;
        Ok(n)
    }
}

/// Opens the copy of a [`Copied`] stream again.
pub struct Reopener {
    copy: File,
}

impl Reopener {
    /// The copy from its start.
    pub fn open(&self) -> io::Result<File> {
        let mut file = self.copy.try_clone()?;
        file.seek(SeekFrom::Start(0))?;
        Ok(file)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_copy_reads_back_what_was_read() {
        let text: Vec<u8> = (0..200_000u32).map(|i| (i % 251) as u8).collect();
        let (mut copied, reopen) = Copied::new(&text[..], tempfile::tempfile().unwrap()).unwrap();
        let mut first = Vec::new();
        // Small reads, as a reader of blocks makes them.
        let mut buf = [0u8; 4096];
        loop {
            let n = copied.read(&mut buf).unwrap();
            if n == 0 {
                break;
            }
            first.extend_from_slice(&buf[..n]);
        }
        assert_eq!(first, text);
        for _ in 0..2 {
            let mut again = Vec::new();
            reopen.open().unwrap().read_to_end(&mut again).unwrap();
            assert_eq!(again, text);
        }
    }
}
