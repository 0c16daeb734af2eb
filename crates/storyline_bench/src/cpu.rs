//! CPU time for the dev examples' speed figures: on a shared machine wall-clock time mostly
//! measures the neighbours, CPU time measures the code. Linux tells it; elsewhere a
//! [`CpuStopwatch`] falls back on wall-clock time.
//!
//! The pipeline reads process CPU time on its own for the run summary
//! (`storyline_pipeline`); this module serves examples and benches, which must not pull the
//! pipeline into every crate's dev-dependencies.
//!
//! ```
//! let watch = storyline_bench::cpu::CpuStopwatch::thread();
//! let sum: u64 = (0..1000u64).sum();
//! assert_eq!(sum, 499_500);
//! assert!(watch.elapsed() >= std::time::Duration::ZERO);
//! ```

use std::time::{Duration, Instant};

/// CPU time the calling thread has used (`/proc/thread-self/schedstat`, first field, in ns).
pub fn thread_time() -> Option<Duration> {
    let schedstat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let nanos = schedstat.split_whitespace().next()?.parse().ok()?;
    Some(Duration::from_nanos(nanos))
}

/// CPU time the whole process has used, all threads, user and system (`/proc/self/stat`,
/// fields 14 and 15, in clock ticks of 10 ms).
pub fn process_time() -> Option<Duration> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // The command name (field 2) may hold spaces; the fields after it are plain numbers.
    let after_name = &stat[stat.rfind(')')? + 1..];
    let mut fields = after_name.split_whitespace().skip(11);
    let user: u64 = fields.next()?.parse().ok()?;
    let system: u64 = fields.next()?.parse().ok()?;
    Some(Duration::from_millis((user + system) * 10))
}

/// CPU time spent since it was started, by this thread or by the whole process; wall-clock
/// time where the platform cannot tell CPU time.
#[derive(Debug, Clone, Copy)]
pub struct CpuStopwatch {
    clock: fn() -> Option<Duration>,
    cpu_at_start: Option<Duration>,
    wall_at_start: Instant,
}

impl CpuStopwatch {
    /// Times the calling thread (ns resolution): for single-threaded measuring loops.
    pub fn thread() -> CpuStopwatch {
        CpuStopwatch::start(thread_time)
    }

    /// Times the whole process, all threads (10 ms resolution): for parallel work.
    pub fn process() -> CpuStopwatch {
        CpuStopwatch::start(process_time)
    }

    fn start(clock: fn() -> Option<Duration>) -> CpuStopwatch {
        CpuStopwatch {
            clock,
            cpu_at_start: clock(),
            wall_at_start: Instant::now(),
        }
    }

    /// CPU time since the start (wall-clock time where CPU time is unknown).
    pub fn elapsed(&self) -> Duration {
        match (self.cpu_at_start, (self.clock)()) {
            (Some(start), Some(now)) => now.saturating_sub(start),
            _ => self.wall_at_start.elapsed(),
        }
    }

    /// Whether [`CpuStopwatch::elapsed`] is CPU time (false: wall-clock time).
    pub fn is_cpu_time(&self) -> bool {
        self.cpu_at_start.is_some()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(target_os = "linux")]
    #[test]
    fn clocks_are_read_on_linux() {
        // A thread just started may not have been charged a tick yet: only readable, not > 0.
        assert!(thread_time().is_some());
        let process = process_time().expect("Linux tells a process its CPU time");
        assert!(process_time().expect("read again") >= process);
        assert!(CpuStopwatch::thread().is_cpu_time());
        assert!(CpuStopwatch::process().is_cpu_time());
    }

    #[test]
    fn a_stopwatch_never_goes_back() {
        let watch = CpuStopwatch::thread();
        let first = watch.elapsed();
        let sum: u64 = std::hint::black_box((0..100_000u64).sum());
        assert_eq!(sum, 4_999_950_000);
        assert!(watch.elapsed() >= first);
    }
}
