//! Observing a run: the pipeline says which stage it is in, how far it got, and what went wrong
//! with which record; the binary decides how to show that (a bar on a terminal, diagnostics on
//! stderr), library users may ignore it ([`NoProgress`]).

use storyline_core::Diagnostic;

/// Receives progress events. Implementations must be cheap: `advance` is called per batch.
pub trait Progress: Sync {
    /// A record could not be read as it was, or was skipped. Also written to `diagnostics.jsonl`.
    fn diagnostic(&self, diagnostic: &Diagnostic);
    /// A new stage starts; `total` is the number of items when known.
    fn stage(&self, name: &'static str, total: Option<u64>);
    /// `n` more items of the current stage are done.
    fn advance(&self, n: u64);
    /// The run is over.
    fn finish(&self);
    /// Resident memory at the end of a stage and the stage's peak (only when
    /// `STORYLINE_TRACE_MEMORY` is set; the peak is 0 where the kernel cannot tell it).
    fn memory(&self, _stage: &'static str, _resident_bytes: u64, _peak_bytes: u64) {}
}

/// Progress that goes nowhere, for library users and tests.
#[derive(Debug, Default, Clone, Copy)]
pub struct NoProgress;

impl Progress for NoProgress {
    fn diagnostic(&self, _diagnostic: &Diagnostic) {}
    fn stage(&self, _name: &'static str, _total: Option<u64>) {}
    fn advance(&self, _n: u64) {}
    fn finish(&self) {}
}
