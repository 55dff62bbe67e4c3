//! SIGINT and SIGTERM while termcheck replaces files (`fix`) or writes a report: noted, not
//! fatal, so that no temporary file is left behind. Only while files are written: before,
//! nothing has been written and the default (ending at once) is right.

use std::sync::atomic::{AtomicI32, Ordering};

static RECEIVED: AtomicI32 = AtomicI32::new(0);

/// A signal that ended the run early.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Signal(i32);

impl Signal {
    pub(crate) fn name(self) -> &'static str {
        if self.0 == SIGINT {
            "SIGINT"
        } else {
            "SIGTERM"
        }
    }

    /// The signal number (the exit code is 128 plus it, as a shell reports).
    pub(crate) fn number(self) -> u8 {
        self.0 as u8
    }
}

#[cfg(unix)]
const SIGINT: i32 = libc::SIGINT;
#[cfg(not(unix))]
const SIGINT: i32 = 2;

/// Notes SIGINT and SIGTERM while alive (when installed); restores the default on drop.
pub(crate) struct Guard {
    installed: bool,
}

#[cfg(unix)]
extern "C" fn note(signal: libc::c_int) {
    // Only an atomic store: async-signal-safe.
    RECEIVED.store(signal, Ordering::SeqCst);
}

impl Guard {
    pub(crate) fn install() -> Guard {
        #[cfg(unix)]
        // SAFETY: `note` only stores into an atomic, which is async-signal-safe.
        unsafe {
            let handler = note as extern "C" fn(libc::c_int) as libc::sighandler_t;
            libc::signal(libc::SIGINT, handler);
            libc::signal(libc::SIGTERM, handler);
        }
        Guard { installed: true }
    }

    /// A guard that changes nothing: signals keep their default.
    pub(crate) fn inactive() -> Guard {
        Guard { installed: false }
    }

    /// The signal received since the guard was installed, if any.
    pub(crate) fn received(&self) -> Option<Signal> {
        match RECEIVED.load(Ordering::SeqCst) {
            0 => None,
            n => Some(Signal(n)),
        }
    }
}

impl Drop for Guard {
    fn drop(&mut self) {
        if !self.installed {
            return;
        }
        #[cfg(unix)]
        // SAFETY: restoring the default disposition.
        unsafe {
            libc::signal(libc::SIGINT, libc::SIG_DFL);
            libc::signal(libc::SIGTERM, libc::SIG_DFL);
        }
    }
}
