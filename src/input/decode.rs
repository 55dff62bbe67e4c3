//! Incremental decoding of UTF-8 and UTF-16 bytes into text, with the byte offset of any error.

use crate::location::TextEncoding;

/// What the first bytes of a file say about its encoding.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DetectedEncoding {
    /// The encoding of the text.
    pub encoding: TextEncoding,
    /// Length of the byte-order mark the text starts after (0 when there is none).
    pub bom_len: usize,
}

/// Detects the encoding from a byte-order mark, or, without one, from the pattern of NUL bytes
/// that ASCII text in UTF-16 leaves (every other byte zero). Everything else is read as UTF-8.
pub fn detect_encoding(head: &[u8]) -> DetectedEncoding {
    let (encoding, bom_len) = match head {
        [0xEF, 0xBB, 0xBF, ..] => (TextEncoding::Utf8, 3),
        [0xFF, 0xFE, ..] => (TextEncoding::Utf16Le, 2),
        [0xFE, 0xFF, ..] => (TextEncoding::Utf16Be, 2),
        _ => (utf16_without_bom(head).unwrap_or(TextEncoding::Utf8), 0),
    };
    DetectedEncoding { encoding, bom_len }
}

fn utf16_without_bom(head: &[u8]) -> Option<TextEncoding> {
    let sample = &head[..head.len().min(4096) & !1];
    if sample.len() < 4 {
        return None;
    }
    let pairs = sample.len() / 2;
    let zero_even = sample.iter().step_by(2).filter(|&&b| b == 0).count();
    let zero_odd = sample
        .iter()
        .skip(1)
        .step_by(2)
        .filter(|&&b| b == 0)
        .count();
    // Mostly-ASCII UTF-16 has a zero in one byte of nearly every pair and almost never in the
    // other; UTF-8 text has no zeros at all, binary files have them everywhere.
    let mostly = |n: usize| n * 10 >= pairs * 7;
    let rarely = |n: usize| n * 20 <= pairs;
    if mostly(zero_odd) && rarely(zero_even) {
        Some(TextEncoding::Utf16Le)
    } else if mostly(zero_even) && rarely(zero_odd) {
        Some(TextEncoding::Utf16Be)
    } else {
        None
    }
}

/// Bytes that are not valid in the file's encoding.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecodeError {
    /// Offset of the first bad byte from the start of the file.
    pub byte_offset: u64,
    /// What is wrong with it (with what to do, when the bytes look like another encoding).
    pub reason: String,
    /// The legacy encoding that text read as UTF-8 looks written in (see
    /// [`reads_as_gb18030`]), for a format that can declare its encoding to say how.
    pub looks_like: Option<&'static encoding_rs::Encoding>,
}

/// Turns a file's bytes into text chunk by chunk, carrying incomplete sequences across chunks.
#[derive(Debug)]
pub struct Decoder {
    encoding: TextEncoding,
    /// Offset in the file of the first byte not yet decoded (including `carry`).
    offset: u64,
    carry: Vec<u8>,
    /// The stateful decoder of a legacy encoding.
    legacy: Option<LegacyDecoder>,
}

/// `encoding_rs`'s decoder, which keeps multi-byte sequences split across chunks itself.
struct LegacyDecoder(encoding_rs::Decoder);

impl std::fmt::Debug for LegacyDecoder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "LegacyDecoder({})", self.0.encoding().name())
    }
}

impl Decoder {
    /// A decoder for text in `encoding` that starts `offset` bytes into the file.
    pub fn new(encoding: TextEncoding, offset: u64) -> Self {
        let legacy = match encoding {
            TextEncoding::Legacy(e) => Some(LegacyDecoder(e.new_decoder_without_bom_handling())),
            _ => None,
        };
        Decoder {
            encoding,
            offset,
            carry: Vec::new(),
            legacy,
        }
    }

    /// Decodes `input` onto `out`. `eof` says no more bytes follow, so an incomplete sequence
    /// at the end is an error rather than something to wait for.
    pub fn decode(&mut self, input: &[u8], eof: bool, out: &mut String) -> Result<(), DecodeError> {
        let joined;
        let bytes = if self.carry.is_empty() {
            input
        } else {
            let mut j = std::mem::take(&mut self.carry);
            j.extend_from_slice(input);
            joined = j;
            &joined[..]
        };
        let used = match self.encoding {
            TextEncoding::Utf8 => self.decode_utf8(bytes, eof, out)?,
            TextEncoding::Utf16Le => self.decode_utf16(bytes, eof, out, u16::from_le_bytes)?,
            TextEncoding::Utf16Be => self.decode_utf16(bytes, eof, out, u16::from_be_bytes)?,
            TextEncoding::Legacy(_) => self.decode_legacy(bytes, eof, out)?,
        };
        self.offset += used as u64;
        self.carry = bytes[used..].to_vec();
        Ok(())
    }

    fn decode_utf8(&self, bytes: &[u8], eof: bool, out: &mut String) -> Result<usize, DecodeError> {
        match std::str::from_utf8(bytes) {
            Ok(s) => {
                out.push_str(s);
                Ok(bytes.len())
            }
            Err(e) => {
                let valid = e.valid_up_to();
                out.push_str(std::str::from_utf8(&bytes[..valid]).expect("prefix is valid"));
                if e.error_len().is_some() || eof {
                    let bad = &bytes[valid..bytes.len().min(valid + e.error_len().unwrap_or(4))];
                    let mut reason = format!(
                        "invalid UTF-8 (byte{} {})",
                        if bad.len() == 1 { "" } else { "s" },
                        hex(bad)
                    );
                    let looks_like = reads_as_gb18030(bytes, valid).then_some(encoding_rs::GB18030);
                    if looks_like.is_some() {
                        reason.push_str(GB18030_HINT);
                    }
                    Err(DecodeError {
                        byte_offset: self.offset + valid as u64,
                        reason,
                        looks_like,
                    })
                } else {
                    Ok(valid)
                }
            }
        }
    }

    fn decode_utf16(
        &self,
        bytes: &[u8],
        eof: bool,
        out: &mut String,
        unit: fn([u8; 2]) -> u16,
    ) -> Result<usize, DecodeError> {
        let mut i = 0;
        while i + 1 < bytes.len() {
            let u = unit([bytes[i], bytes[i + 1]]);
            if (0xD800..0xDC00).contains(&u) {
                if i + 3 >= bytes.len() {
                    if eof {
                        return Err(self.utf16_error(i, "UTF-16 high surrogate at end of file"));
                    }
                    break;
                }
                let low = unit([bytes[i + 2], bytes[i + 3]]);
                if !(0xDC00..0xE000).contains(&low) {
                    return Err(self.utf16_error(i, "UTF-16 high surrogate without a low one"));
                }
                let c = 0x10000 + (((u as u32) - 0xD800) << 10) + ((low as u32) - 0xDC00);
                out.push(char::from_u32(c).expect("surrogate pair is a valid scalar"));
                i += 4;
            } else if (0xDC00..0xE000).contains(&u) {
                return Err(self.utf16_error(i, "UTF-16 low surrogate without a high one"));
            } else {
                out.push(char::from_u32(u as u32).expect("non-surrogate unit is a scalar"));
                i += 2;
            }
        }
        if eof && i < bytes.len() && bytes.len() - i == 1 {
            return Err(self.utf16_error(i, "odd number of bytes in UTF-16 text"));
        }
        Ok(i)
    }

    fn decode_legacy(
        &mut self,
        bytes: &[u8],
        eof: bool,
        out: &mut String,
    ) -> Result<usize, DecodeError> {
        let offset = self.offset;
        let decoder = &mut self
            .legacy
            .as_mut()
            .expect("legacy encodings have a decoder")
            .0;
        let mut read = 0;
        loop {
            let room = decoder
                .max_utf8_buffer_length_without_replacement(bytes.len() - read)
                .unwrap_or(bytes.len() * 3 + 16);
            out.reserve(room);
            let (result, used) =
                decoder.decode_to_string_without_replacement(&bytes[read..], out, eof);
            read += used;
            match result {
                encoding_rs::DecoderResult::InputEmpty => return Ok(read),
                encoding_rs::DecoderResult::OutputFull => continue,
                encoding_rs::DecoderResult::Malformed(bad, after) => {
                    let at = read - bad as usize - after as usize;
                    return Err(DecodeError {
                        byte_offset: offset + at as u64,
                        reason: format!(
                            "invalid {} (byte{} {})",
                            decoder.encoding().name(),
                            if bad == 1 { "" } else { "s" },
                            hex(&bytes[at..at + bad as usize])
                        ),
                        looks_like: None,
                    });
                }
            }
        }
    }

    fn utf16_error(&self, at: usize, reason: &str) -> DecodeError {
        DecodeError {
            byte_offset: self.offset + at as u64,
            reason: reason.to_string(),
            looks_like: None,
        }
    }
}

/// What [`DecodeError::reason`] adds for bytes that read as Chinese in GB18030.
const GB18030_HINT: &str = ": the text reads as Chinese in GB18030 (GBK, GB2312), not UTF-8; \
     convert the file to UTF-8 (iconv -f GB18030 -t UTF-8)";

/// Whether the bytes around `bad`, the first byte of `bytes` that is not UTF-8, read as
/// Chinese in GB2312, the common part of GBK and GB18030 (what Excel and Notepad on Chinese
/// Windows save): pairs of bytes from 0xA1 to 0xFE, some of them Han characters (a first
/// byte from 0xB0), between ASCII characters. A GB2312 pair can be valid UTF-8 (0xD7 0xA1 is
/// "ס"), so the run of non-ASCII bytes is read from its start. Latin-1 and windows-1252 text
/// does not read so: an accented letter stands between ASCII letters, not in pairs of high
/// bytes ("Ménière" is 0xE9 then "n"), and typographic quotes are below 0xA1. A run in
/// another CJK encoding of the same shape (EUC-KR, EUC-JP) reads so too: the hint says
/// "reads as", and Chinese is what a termcheck source is written in.
pub fn reads_as_gb18030(bytes: &[u8], bad: usize) -> bool {
    const BACK: usize = 32;
    const WINDOW: usize = 64;
    let mut start = bad.min(bytes.len());
    while start > 0 && bad - start < BACK && !bytes[start - 1].is_ascii() {
        start -= 1;
    }
    let window = &bytes[start..bytes.len().min(bad.max(start) + WINDOW)];
    let (mut pairs, mut han, mut other) = (0usize, 0usize, 0usize);
    let mut i = 0;
    while i < window.len() {
        let b = window[i];
        if b.is_ascii() {
            i += 1;
            continue;
        }
        let Some(&next) = window.get(i + 1) else {
            // A pair cut by the window (or the chunk) tells nothing.
            break;
        };
        if (0xA1..=0xF7).contains(&b) && (0xA1..=0xFE).contains(&next) {
            pairs += 1;
            han += usize::from(b >= 0xB0);
            i += 2;
        } else {
            other += 1;
            i += 1;
        }
    }
    han >= 1 && pairs >= 2 && other * 4 <= pairs
}

fn hex(bytes: &[u8]) -> String {
    bytes
        .iter()
        .map(|b| format!("0x{b:02X}"))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Decodes a whole file held in memory (glossaries, small inputs).
pub fn decode_all(bytes: &[u8]) -> Result<(String, DetectedEncoding), DecodeError> {
    let detected = detect_encoding(bytes);
    let mut decoder = Decoder::new(detected.encoding, detected.bom_len as u64);
    let mut text = String::with_capacity(bytes.len());
    decoder.decode(&bytes[detected.bom_len..], true, &mut text)?;
    Ok((text, detected))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utf16le(s: &str) -> Vec<u8> {
        s.encode_utf16().flat_map(|u| u.to_le_bytes()).collect()
    }

    fn utf16be(s: &str) -> Vec<u8> {
        s.encode_utf16().flat_map(|u| u.to_be_bytes()).collect()
    }

    #[test]
    fn detects_boms_and_bomless_utf16() {
        assert_eq!(detect_encoding(b"\xEF\xBB\xBFabc").bom_len, 3);
        assert_eq!(
            detect_encoding(b"\xFF\xFEa\0").encoding,
            TextEncoding::Utf16Le
        );
        assert_eq!(
            detect_encoding(b"\xFE\xFF\0a").encoding,
            TextEncoding::Utf16Be
        );
        assert_eq!(
            detect_encoding(&utf16le("Workers' Daily")).encoding,
            TextEncoding::Utf16Le
        );
        assert_eq!(
            detect_encoding(&utf16be("Workers' Daily")).encoding,
            TextEncoding::Utf16Be
        );
        assert_eq!(detect_encoding(b"plain text").encoding, TextEncoding::Utf8);
        assert_eq!(detect_encoding(&[0u8; 64]).encoding, TextEncoding::Utf8);
    }

    #[test]
    fn decodes_whole_files() {
        let mut bytes = vec![0xFF, 0xFE];
        bytes.extend(utf16le("上海 😀"));
        assert_eq!(decode_all(&bytes).unwrap().0, "上海 😀");
        assert_eq!(decode_all(b"\xEF\xBB\xBFhi").unwrap().0, "hi");
        assert_eq!(decode_all(b"").unwrap().0, "");
    }

    #[test]
    fn reports_the_offset_of_invalid_utf8() {
        let err = decode_all(b"abc\xFFdef").unwrap_err();
        assert_eq!(err.byte_offset, 3);
        assert!(err.reason.contains("0xFF"), "{}", err.reason);
        let err = decode_all(b"\xEF\xBB\xBFab\xE4\xB8").unwrap_err();
        assert_eq!(err.byte_offset, 5, "truncated sequence at end of file");
    }

    #[test]
    fn chinese_in_gb18030_read_as_utf8_is_named_and_latin1_is_not() {
        let gbk = |s: &str| encoding_rs::GB18030.encode(s).0.into_owned();
        // 住房公积金: its first pair (0xD7 0xA1) is valid UTF-8, the error is at the second.
        for (bytes, at) in [
            (gbk("住房公积金\n"), 2),
            (gbk("hpf,住房公积金,housing provident fund\n"), 6),
            (gbk("The union (上海市总工会) met."), 11),
            (gbk("“引号”和、。标点"), 0),
        ] {
            let err = decode_all(&bytes).unwrap_err();
            assert_eq!(err.byte_offset, at, "{:?}", err.reason);
            assert_eq!(err.looks_like, Some(encoding_rs::GB18030));
            assert!(
                err.reason
                    .ends_with("convert the file to UTF-8 (iconv -f GB18030 -t UTF-8)"),
                "{}",
                err.reason
            );
        }
        // Look-alikes: Latin-1 and windows-1252 letters and quotes, a stray byte, Shift_JIS
        // kana, one pair alone, UTF-16 and legacy decoding errors.
        let latin1 = |s: &str| encoding_rs::WINDOWS_1252.encode(s).0.into_owned();
        let sjis = |s: &str| encoding_rs::SHIFT_JIS.encode(s).0.into_owned();
        for bytes in [
            latin1("Ménière's disease, café, naïve"),
            latin1("“Trade Union” – Société Générale ÉTÉ"),
            latin1("ÀÉ"),
            b"abc\xFFdef".to_vec(),
            sjis("ひらがなカタカナ"),
            gbk("上"),
        ] {
            let err = decode_all(&bytes).unwrap_err();
            assert_eq!(err.looks_like, None, "{:?}", err.reason);
            assert!(!err.reason.contains("GB18030"), "{}", err.reason);
        }
    }

    #[test]
    fn carries_split_sequences_across_chunks() {
        let text = "x上海😀y";
        for encoding in [
            TextEncoding::Utf8,
            TextEncoding::Utf16Le,
            TextEncoding::Utf16Be,
        ] {
            let bytes = match encoding {
                TextEncoding::Utf8 => text.as_bytes().to_vec(),
                TextEncoding::Utf16Le => utf16le(text),
                TextEncoding::Utf16Be => utf16be(text),
                TextEncoding::Legacy(_) => unreachable!("not in the list"),
            };
            for split in 0..=bytes.len() {
                let mut d = Decoder::new(encoding, 0);
                let mut out = String::new();
                d.decode(&bytes[..split], false, &mut out).unwrap();
                d.decode(&bytes[split..], true, &mut out).unwrap();
                assert_eq!(out, text, "{encoding} split at {split}");
            }
        }
    }

    #[test]
    fn decodes_legacy_encodings_and_reports_bad_bytes() {
        let mut d = Decoder::new(TextEncoding::Legacy(encoding_rs::WINDOWS_1252), 0);
        let mut out = String::new();
        d.decode(b"caf\xE9 \x93q\x94", true, &mut out).unwrap();
        assert_eq!(out, "café “q”");
        let mut d = Decoder::new(TextEncoding::Legacy(encoding_rs::GBK), 10);
        let mut out = String::new();
        d.decode(b"\xC9\xCF", false, &mut out).unwrap();
        d.decode(b"\xBA", false, &mut out).unwrap();
        d.decode(b"\xA3", true, &mut out).unwrap();
        assert_eq!(out, "上海");
        let mut d = Decoder::new(TextEncoding::Legacy(encoding_rs::SHIFT_JIS), 0);
        let err = d.decode(b"ab\x81", true, &mut String::new()).unwrap_err();
        assert_eq!(err.byte_offset, 2);
    }

    #[test]
    fn reports_unpaired_surrogates_and_odd_lengths() {
        let mut bytes = utf16le("ab");
        bytes.extend([0x00, 0xDC]); // lone low surrogate
        assert_eq!(
            decode_all(&[&[0xFF, 0xFE][..], &bytes].concat())
                .unwrap_err()
                .byte_offset,
            6
        );
        let err = decode_all(&[0xFF, 0xFE, b'a', 0, b'b']).unwrap_err();
        assert_eq!(err.byte_offset, 4);
    }
}
