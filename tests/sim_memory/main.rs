//! Memory bounds of simulation runs (`cargo test --test sim_memory`): every
//! finding of issue 12 as a design that passes validation, run under a
//! counting allocator that records the peak of bytes held.
//!
//! The allocator is global, so this is its own test binary; a lock makes the
//! tests take turns, so each peak is one run's. A hard ceiling (well above any
//! bound asserted here) refuses allocations past it, so a regression aborts
//! this binary instead of exhausting the machine.

#[allow(dead_code)]
#[path = "../sim/support.rs"]
mod support;

mod findings;

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, MutexGuard};

/// Allocations past this many bytes held fail (and abort the binary).
const CEILING: usize = 3 << 30;

static CURRENT: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

/// `System`, counting the bytes held and their peak.
struct Counting;

impl Counting {
    fn grow(size: usize) -> bool {
        let now = CURRENT.fetch_add(size, Ordering::Relaxed) + size;
        if now > CEILING {
            CURRENT.fetch_sub(size, Ordering::Relaxed);
            return false;
        }
        PEAK.fetch_max(now, Ordering::Relaxed);
        true
    }
}

// SAFETY: every call forwards to `System` with the caller's layout; the
// counters only observe sizes.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        if !Counting::grow(layout.size()) {
            return std::ptr::null_mut();
        }
        // SAFETY: the caller's layout contract is passed on unchanged.
        unsafe { System.alloc(layout) }
    }
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        if !Counting::grow(layout.size()) {
            return std::ptr::null_mut();
        }
        // SAFETY: as above.
        unsafe { System.alloc_zeroed(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        CURRENT.fetch_sub(layout.size(), Ordering::Relaxed);
        // SAFETY: `ptr` came from `System` with this layout.
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        if new_size > layout.size() && !Counting::grow(new_size - layout.size()) {
            return std::ptr::null_mut();
        }
        // SAFETY: as above.
        let moved = unsafe { System.realloc(ptr, layout, new_size) };
        if moved.is_null() {
            if new_size > layout.size() {
                CURRENT.fetch_sub(new_size - layout.size(), Ordering::Relaxed);
            }
        } else if new_size < layout.size() {
            CURRENT.fetch_sub(layout.size() - new_size, Ordering::Relaxed);
        }
        moved
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

static TURN: Mutex<()> = Mutex::new(());

/// A measurement in progress: holds the turn; [`Measure::peak`] reads the
/// most bytes held above the level at its start.
pub struct Measure {
    base: usize,
    _turn: MutexGuard<'static, ()>,
}

impl Measure {
    /// Starts measuring (waits for other tests' measurements to end).
    pub fn start() -> Measure {
        let turn = TURN.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        let base = CURRENT.load(Ordering::Relaxed);
        PEAK.store(base, Ordering::Relaxed);
        Measure { base, _turn: turn }
    }

    /// Most bytes held since the start, above the level at the start.
    pub fn peak(&self) -> usize {
        PEAK.load(Ordering::Relaxed).saturating_sub(self.base)
    }

    /// Bytes held now, above the level at the start.
    pub fn current(&self) -> usize {
        CURRENT.load(Ordering::Relaxed).saturating_sub(self.base)
    }
}
