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
    /// Bytes of the file consumed so far (records returned or skipped).
    consumed: u64,
    /// With [`SpillReader::releasing`]: the file's bytes before this offset are given back
    /// to the file system.
    released: Option<u64>,
    /// Bytes read between two releases.
    release_step: u64,
}

/// A releasing reader gives back what it has read in steps of this many bytes.
const RELEASE_STEP: u64 = 32 << 20;

impl SpillReader {
    pub(crate) fn new(file: File, n_fields: usize) -> SpillReader {
        SpillReader {
            input: BufReader::with_capacity(1 << 20, file),
            n_fields,
            consumed: 0,
            released: None,
            release_step: RELEASE_STEP,
        }
    }

    /// A reader that frees the file's space behind it as it goes (on Linux, by punching
    /// holes; elsewhere it reads as [`SpillReader::new`]), for a spill read once in order.
    ///
    /// Why: a spill's pages are dirty page cache until the file is deleted. Once a run's
    /// dirty pages pass the kernel's background threshold (10% of memory by default) or
    /// outlive its 30 s expiry, the kernel writes them to disk while the run still works on
    /// the same two cores; on the project's VM, writing 6 GB into the page cache cost 7–18 s
    /// of system time where 600 MB cost 0.2 s. Spill A is as large as the input and is read
    /// once, while spill D and the fingerprints are being written: freed behind the reader,
    /// its pages do not add to theirs. Measured at 1M (two pairs of runs, old and new
    /// binary): about 1.5 s less system time of 15–17 s; wall time within the VM's noise.
    pub(crate) fn releasing(file: File, n_fields: usize) -> SpillReader {
        SpillReader {
            released: Some(0),
            ..SpillReader::new(file, n_fields)
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
            self.consumed += field_bytes(len);
        }
        self.release_consumed();
        Ok(Some(fields))
    }

    /// Frees the bytes read since the last release, once there are a release step's worth
    /// ([`RELEASE_STEP`]) of them. Only an optimisation: when the file system cannot punch
    /// holes, nothing is freed before the file is dropped and the run goes on.
    fn release_consumed(&mut self) {
        let Some(released) = self.released else {
            return;
        };
        if self.consumed - released < self.release_step {
            return;
        }
        // Whole pages only: a partly read page stays until the next step.
        let end = self.consumed & !4095;
        punch_hole(self.input.get_ref(), released, end - released);
        self.released = Some(end);
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
            self.consumed += field_bytes(len);
        }
        self.release_consumed();
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

/// Bytes a field of length word `len` takes in the file, the word included.
fn field_bytes(len: u32) -> u64 {
    4 + if len == ABSENT { 0 } else { u64::from(len) }
}

/// Frees `len` bytes of `file` from `offset` on, keeping its size: the range reads as zeros.
#[cfg(target_os = "linux")]
fn punch_hole(file: &File, offset: u64, len: u64) {
    use rustix::fs::{fallocate, FallocateFlags};
    // An error (a file system without hole punching) only means nothing is freed early.
    let _ = fallocate(
        file,
        FallocateFlags::PUNCH_HOLE | FallocateFlags::KEEP_SIZE,
        offset,
        len,
    );
}

#[cfg(not(target_os = "linux"))]
fn punch_hole(_file: &File, _offset: u64, _len: u64) {}

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

    /// Records of 10 KB, each field's bytes telling its record and field apart.
    fn record_bytes(record: usize, field: usize) -> Vec<u8> {
        vec![b'a' + ((record * 3 + field) % 26) as u8; 5_000 + field]
    }

    #[test]
    fn a_releasing_reader_reads_every_record_and_frees_what_it_read() {
        let mut writer = SpillWriter::new(tempfile::tempfile().unwrap());
        for record in 0..400 {
            let fields = [record_bytes(record, 0), record_bytes(record, 1)];
            writer
                .write(&[Some(&fields[0][..]), None, Some(&fields[1][..])])
                .unwrap();
        }
        let file = writer.finish().unwrap();
        let size = file.metadata().unwrap().len();
        let mut reader = SpillReader::releasing(file.try_clone().unwrap(), 3);
        reader.release_step = 64 << 10;
        let mut wanted = Vec::new();
        for record in 0..400 {
            // Both ways of reading count what they pass over.
            if record % 2 == 0 {
                let fields = reader.next_record().unwrap().unwrap();
                assert_eq!(fields[0], Some(record_bytes(record, 0)));
                assert_eq!(fields[1], None);
                assert_eq!(fields[2], Some(record_bytes(record, 1)));
            } else {
                assert!(reader.next_fields(&[2], &mut wanted).unwrap());
                assert_eq!(wanted, [Some(record_bytes(record, 1))]);
            }
        }
        assert_eq!(reader.next_record().unwrap(), None);
        assert_eq!(reader.consumed, size, "every byte counted");
        let released = reader.released.unwrap();
        assert!(
            released > size - (64 << 10) - 4096,
            "released up to {released} of {size}"
        );
        // The size stays; the space behind the reader is given back (where the file system
        // punches holes: Linux's ext4, xfs, btrfs and tmpfs all do).
        assert_eq!(file.metadata().unwrap().len(), size);
        #[cfg(target_os = "linux")]
        {
            use std::os::unix::fs::MetadataExt;
            let allocated = file.metadata().unwrap().blocks() * 512;
            assert!(
                allocated < size / 4,
                "{allocated} bytes still allocated of {size}"
            );
        }
    }
}
