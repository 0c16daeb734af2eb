//! WARC reader (stub until phase 2).

use std::io::BufRead;

use crate::sink::Sink;
use crate::IngestConfig;

pub(crate) struct WarcSource {
    file: String,
}

impl std::fmt::Debug for WarcSource {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("WarcSource")
            .field("file", &self.file)
            .finish()
    }
}

impl WarcSource {
    pub(crate) fn new(reader: Box<dyn BufRead + Send>, file: String, stem: String) -> WarcSource {
        let _ = (reader, stem);
        WarcSource { file }
    }

    pub(crate) fn step(&mut self, config: &IngestConfig, sink: &mut Sink) -> bool {
        let _ = config;
        sink.error(
            storyline_core::SourcePos {
                file: self.file.clone(),
                line: None,
                offset: None,
            },
            "unsupported",
            "WARC not yet supported",
        );
        false
    }
}
