//! Spill files: the pipeline's scratch storage, so that a run never holds every text in memory.
//!
//! A spill is a sequence of records, each a fixed number of length-prefixed byte fields
//! (`u32` little-endian length, `u32::MAX` for an absent field). [`SpillWriter`] appends and
//! returns each record's byte offset; [`SpillReader`] reads records back in order, and
//! [`read_record_at`] reads one record at an offset (for per-story random access).

use std::fs::File;
use std::io::{self, BufReader, BufWriter, Read, Seek, SeekFrom, Write};

const ABSENT: u32 = u32::MAX;

/// Appends records to a scratch file.
#[derive(Debug)]
pub(crate) struct SpillWriter {
    out: BufWriter<File>,
    offset: u64,
}

impl SpillWriter {
    pub(crate) fn new(file: File) -> SpillWriter {
        SpillWriter {
            out: BufWriter::with_capacity(1 << 20, file),
            offset: 0,
        }
    }

    /// Bytes written so far: the offset of the next record.
    pub(crate) fn position(&self) -> u64 {
        self.offset
    }

    /// Writes one record and returns its offset.
    pub(crate) fn write(&mut self, fields: &[Option<&[u8]>]) -> io::Result<u64> {
        let start = self.offset;
        for field in fields {
            match field {
                Some(bytes) => {
                    let len = u32::try_from(bytes.len())
                        .map_err(|_| io::Error::other("spill field over 4 GiB"))?;
                    self.out.write_all(&len.to_le_bytes())?;
                    self.out.write_all(bytes)?;
                    self.offset += 4 + bytes.len() as u64;
                }
                None => {
                    self.out.write_all(&ABSENT.to_le_bytes())?;
                    self.offset += 4;
                }
            }
        }
        Ok(start)
    }

    /// Flushes and hands back the file, rewound for reading.
    pub(crate) fn finish(self) -> io::Result<File> {
        let mut file = self.out.into_inner().map_err(|error| error.into_error())?;
        file.seek(SeekFrom::Start(0))?;
        Ok(file)
    }
}

/// One record read back: its fields, `None` where absent.
pub(crate) type SpillRecord = Vec<Option<Vec<u8>>>;

/// Reads records of `n_fields` fields back in order.
#[derive(Debug)]
pub(crate) struct SpillReader {
    input: BufReader<File>,
    n_fields: usize,
}

impl SpillReader {
    pub(crate) fn new(file: File, n_fields: usize) -> SpillReader {
        SpillReader {
            input: BufReader::with_capacity(1 << 20, file),
            n_fields,
        }
    }

    /// The next record, or `None` at the end of the file.
    pub(crate) fn next_record(&mut self) -> io::Result<Option<SpillRecord>> {
        let mut fields = Vec::with_capacity(self.n_fields);
        for field_idx in 0..self.n_fields {
            let Some(len) = self.field_len(field_idx)? else {
                return Ok(None);
            };
            fields.push(read_field(&mut self.input, len)?);
        }
        Ok(Some(fields))
    }

    /// Reads the next record's fields listed in `wanted` (ascending field numbers) into
    /// `fields`, one slot each (`None` where absent), skipping the others without copying
    /// them; the slots' buffers are reused. Returns false at the end of the file.
    pub(crate) fn next_fields(
        &mut self,
        wanted: &[usize],
        fields: &mut Vec<Option<Vec<u8>>>,
    ) -> io::Result<bool> {
        fields.resize_with(wanted.len(), || None);
        let mut slot = 0;
        for field_idx in 0..self.n_fields {
            let Some(len) = self.field_len(field_idx)? else {
                return Ok(false);
            };
            if wanted.get(slot) == Some(&field_idx) {
                let mut buffer = fields[slot].take().unwrap_or_default();
                buffer.clear();
                fields[slot] = read_field_into(&mut self.input, len, buffer)?;
                slot += 1;
            } else if len != ABSENT {
                self.input.seek_relative(i64::from(len))?;
            }
        }
        Ok(true)
    }

    /// The length word of the next field; `None` at the end of the file, which may only
    /// come before a record's first field.
    fn field_len(&mut self, field_idx: usize) -> io::Result<Option<u32>> {
        let mut len = [0u8; 4];
        match self.input.read_exact(&mut len) {
            Ok(()) => Ok(Some(u32::from_le_bytes(len))),
            Err(error) if field_idx == 0 && error.kind() == io::ErrorKind::UnexpectedEof => {
                Ok(None)
            }
            Err(error) => Err(error),
        }
    }
}

fn read_field(input: &mut impl Read, len: u32) -> io::Result<Option<Vec<u8>>> {
    read_field_into(input, len, Vec::new())
}

/// [`read_field`] into `bytes`, an empty buffer whose capacity is reused.
fn read_field_into(
    input: &mut impl Read,
    len: u32,
    mut bytes: Vec<u8>,
) -> io::Result<Option<Vec<u8>>> {
    if len == ABSENT {
        return Ok(None);
    }
    // `read_to_end` fills spare capacity without zeroing it first (a zeroed buffer of every
    // field's length, overwritten at once, cost ~2% of a run).
    bytes.reserve_exact(len as usize);
    input.take(u64::from(len)).read_to_end(&mut bytes)?;
    if bytes.len() != len as usize {
        return Err(io::ErrorKind::UnexpectedEof.into());
    }
    Ok(Some(bytes))
}

/// Reads the records at `spans` (offset and length of each, the whole record or a prefix
/// of it) one after the other into `bytes`, which only grows (so a reused buffer is not
/// zeroed again), and returns where each sits in it.
pub(crate) fn read_records_at(
    file: &File,
    spans: impl Iterator<Item = (u64, u32)>,
    bytes: &mut Vec<u8>,
) -> io::Result<Vec<std::ops::Range<usize>>> {
    use std::os::unix::fs::FileExt;
    let mut at = 0;
    let mut ranges = Vec::with_capacity(spans.size_hint().0);
    for (offset, len) in spans {
        let range = at..at + len as usize;
        if bytes.len() < range.end {
            bytes.resize(range.end, 0);
        }
        file.read_exact_at(&mut bytes[range.clone()], offset)?;
        at = range.end;
        ranges.push(range);
    }
    Ok(ranges)
}

/// The first `n_fields` fields of a record held in `record` (read by [`read_records_at`]),
/// `None` where absent; an error if the record is cut short.
pub(crate) fn split_fields(mut record: &[u8], n_fields: usize) -> io::Result<Vec<Option<&[u8]>>> {
    let mut fields = Vec::with_capacity(n_fields);
    for _ in 0..n_fields {
        let (len, rest) = record
            .split_first_chunk::<4>()
            .ok_or(io::ErrorKind::UnexpectedEof)?;
        let len = u32::from_le_bytes(*len);
        if len == ABSENT {
            fields.push(None);
            record = rest;
            continue;
        }
        let (field, rest) = rest
            .split_at_checked(len as usize)
            .ok_or(io::ErrorKind::UnexpectedEof)?;
        fields.push(Some(field));
        record = rest;
    }
    Ok(fields)
}

/// Takes field `idx` of a record as a UTF-8 string (spills only ever hold strings we wrote).
pub(crate) fn take_string(record: &mut SpillRecord, idx: usize) -> Option<String> {
    record.get_mut(idx).and_then(Option::take).map(|bytes| {
        String::from_utf8(bytes)
            .unwrap_or_else(|error| String::from_utf8_lossy(error.as_bytes()).into_owned())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn records_round_trip_in_order_and_by_offset() {
        let mut writer = SpillWriter::new(tempfile::tempfile().unwrap());
        let first = writer.write(&[Some(b"a"), None, Some(b"")]).unwrap();
        let second = writer.write(&[Some(b"bb"), Some(b"c"), None]).unwrap();
        let writer_end = writer.position();
        let file = writer.finish().unwrap();
        let second_len = (writer_end - second) as u32;
        // A stale, longer buffer is reused as it is; the records land one after the other.
        let mut bytes = vec![7u8; 64];
        let ranges = read_records_at(
            &file,
            [(second, second_len), (first, 13)].into_iter(),
            &mut bytes,
        )
        .unwrap();
        assert_eq!(
            ranges,
            [
                0..second_len as usize,
                second_len as usize..second_len as usize + 13
            ]
        );
        assert_eq!(
            split_fields(&bytes[ranges[0].clone()], 3).unwrap(),
            [Some(&b"bb"[..]), Some(&b"c"[..]), None]
        );
        assert_eq!(split_fields(&bytes[ranges[1].clone()], 3).unwrap()[1], None);
        assert!(
            split_fields(&bytes[ranges[1].start..ranges[1].end - 1], 3).is_err(),
            "a record cut short"
        );
        assert!(
            read_records_at(&file, [(first, 200)].into_iter(), &mut bytes).is_err(),
            "past the end"
        );
        let mut fields = SpillReader::new(file.try_clone().unwrap(), 3);
        let mut wanted = vec![Some(b"stale".to_vec())];
        assert!(fields.next_fields(&[2], &mut wanted).unwrap());
        assert_eq!(
            wanted,
            [Some(Vec::new())],
            "a reused buffer is emptied first"
        );
        assert!(fields.next_fields(&[0, 2], &mut wanted).unwrap());
        assert_eq!(wanted, [Some(b"bb".to_vec()), None]);
        assert!(
            !fields.next_fields(&[1], &mut wanted).unwrap(),
            "end of the file"
        );
        // A cloned file shares its offset: back to the start for the next reader.
        let mut file = file;
        file.seek(SeekFrom::Start(0)).unwrap();
        let mut reader = SpillReader::new(file, 3);
        assert_eq!(
            reader.next_record().unwrap().unwrap()[0],
            Some(b"a".to_vec())
        );
        assert_eq!(
            reader.next_record().unwrap().unwrap()[0],
            Some(b"bb".to_vec())
        );
        assert_eq!(reader.next_record().unwrap(), None);
    }
}
