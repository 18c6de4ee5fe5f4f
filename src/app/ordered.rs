//! Jobs worked on by several threads, their results settled one by one in input order on the
//! calling thread.
//!
//! Each thread takes the next job as soon as it is free (no batches: no thread waits at a
//! batch's end for the slowest file of it, and no file is sized before it is read), and the
//! calling thread is one of them: between its own jobs it settles every result that is next
//! in order. So `-j2` runs two threads on two cores, with no third one woken for each file.
//! Memory is bounded: no thread starts a job more than [`WINDOW`] jobs ahead of the last one
//! settled, nor while the results waiting to be settled hold more than [`HELD_BYTES`] (the
//! next job in order always starts), so what is held is about that plus one job per thread.
//! A job may also be left to its turn ([`Turn`]): the calling thread does it right before it
//! would settle it, so that jobs too big to hold several of (a huge file) are held one at a
//! time.

use std::sync::{Condvar, Mutex, MutexGuard};

/// How far ahead of settling the threads may work, in jobs.
pub const WINDOW: usize = 128;

/// How many bytes the results waiting to be settled may hold before the threads wait.
pub const HELD_BYTES: u64 = 8 << 20;

/// The threads to use for `requested` (0: one per core) on `jobs` jobs: never more than jobs.
pub fn threads_for(requested: usize, jobs: usize) -> usize {
    let threads = match requested {
        0 => std::thread::available_parallelism().map_or(1, usize::from),
        n => n,
    };
    threads.min(jobs).max(1)
}

/// When a job runs: ahead of settling, on any thread, or in its turn, on the calling thread
/// right before its result is settled.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Turn {
    Ahead,
    Now,
}

/// A job's place in the window.
enum Slot<R> {
    /// Not done yet.
    Empty,
    /// Done ahead, with the bytes its result holds.
    Done(R, u64),
    /// Left to be done in its turn.
    Deferred,
}

struct State<R> {
    /// The next job no thread has taken.
    next: usize,
    /// How many results are settled (the index of the next one to settle).
    settled: usize,
    /// The bytes held by results done and not yet settled.
    held: u64,
    /// The jobs of the window by `index % WINDOW`.
    slots: Vec<Slot<R>>,
    /// Whether the calling thread waits for the next result in order.
    settler_waits: bool,
    /// How many worker threads wait for room to start a job.
    workers_wait: usize,
}

impl<R> State<R> {
    /// The next job, if one may start now.
    fn take(&mut self, jobs: usize) -> Option<usize> {
        let i = self.next;
        let room = i < self.settled + WINDOW && (self.held <= HELD_BYTES || i == self.settled);
        (i < jobs && room).then(|| {
            self.next += 1;
            i
        })
    }
}

/// Runs `work` on every job on `threads` threads (this one among them) and gives each job
/// and its result to `settle`, in input order, on this thread. `work` returns a result and
/// the bytes it holds until settled; or, ahead of its turn, `None` to be asked again in its
/// turn (in its turn, `None` is a job with nothing to settle).
pub fn run<'j, J, R, W, S>(jobs: &'j [J], threads: usize, work: W, mut settle: S)
where
    J: Sync,
    R: Send,
    W: Fn(&J, Turn) -> Option<(R, u64)> + Sync,
    S: FnMut(&'j J, R),
{
    if threads <= 1 || jobs.len() <= 1 {
        // Each job in its turn: its result is settled as soon as it is made, while it is
        // still in cache.
        for job in jobs {
            if let Some((result, _)) = work(job, Turn::Now) {
                settle(job, result);
            }
        }
        return;
    }
    let state = Mutex::new(State {
        next: 0,
        settled: 0,
        held: 0,
        slots: (0..WINDOW).map(|_| Slot::Empty).collect(),
        settler_waits: false,
        workers_wait: 0,
    });
    let (result_ready, room_made) = (Condvar::new(), Condvar::new());
    let lock = || state.lock().unwrap_or_else(|e| e.into_inner());
    let store = |st: &mut MutexGuard<'_, State<R>>, i: usize, done: Option<(R, u64)>| {
        st.slots[i % WINDOW] = match done {
            Some((result, bytes)) => {
                st.held += bytes;
                Slot::Done(result, bytes)
            }
            None => Slot::Deferred,
        };
        if st.settler_waits && i == st.settled {
            result_ready.notify_one();
        }
    };
    std::thread::scope(|scope| {
        for _ in 1..threads {
            let worker = std::thread::Builder::new().spawn_scoped(scope, || loop {
                let mut st = lock();
                let i = loop {
                    if st.next >= jobs.len() {
                        return;
                    }
                    if let Some(i) = st.take(jobs.len()) {
                        break i;
                    }
                    st.workers_wait += 1;
                    st = room_made.wait(st).unwrap_or_else(|e| e.into_inner());
                    st.workers_wait -= 1;
                };
                drop(st);
                let done = work(&jobs[i], Turn::Ahead);
                store(&mut lock(), i, done);
            });
            // A thread that cannot start leaves its share to the others.
            if worker.is_err() {
                break;
            }
        }
        let mut st = lock();
        while st.settled < jobs.len() {
            let i = st.settled;
            let result = match std::mem::replace(&mut st.slots[i % WINDOW], Slot::Empty) {
                Slot::Empty => {
                    if let Some(i) = st.take(jobs.len()) {
                        drop(st);
                        let done = work(&jobs[i], Turn::Ahead);
                        st = lock();
                        store(&mut st, i, done);
                    } else {
                        st.settler_waits = true;
                        st = result_ready.wait(st).unwrap_or_else(|e| e.into_inner());
                        st.settler_waits = false;
                    }
                    continue;
                }
                Slot::Done(result, bytes) => {
                    st.held -= bytes;
                    Some(result)
                }
                Slot::Deferred => None,
            };
            st.settled += 1;
            if st.workers_wait > 0 {
                room_made.notify_all();
            }
            drop(st);
            // A deferred job is done now, on this thread, before the next is settled.
            if let Some(result) = result.or_else(|| Some(work(&jobs[i], Turn::Now)?.0)) {
                settle(&jobs[i], result);
            }
            st = lock();
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};

    #[test]
    fn results_are_settled_in_input_order_whatever_the_threads() {
        let jobs: Vec<u64> = (0..1000).collect();
        for threads in [1, 2, 3, 8] {
            let mut seen = Vec::new();
            // Uneven work: some jobs take far longer, so threads finish out of order.
            run(
                &jobs,
                threads,
                |&j, _| {
                    if j % 97 == 0 {
                        std::thread::sleep(std::time::Duration::from_millis(2));
                    }
                    Some((j * 2, 1))
                },
                |_, r| seen.push(r),
            );
            let want: Vec<u64> = jobs.iter().map(|j| j * 2).collect();
            assert_eq!(seen, want, "{threads} threads");
        }
    }

    #[test]
    fn a_job_left_to_its_turn_is_done_on_the_settling_thread_in_order() {
        // Every tenth job declines to run ahead; every 25th has nothing to settle.
        let jobs: Vec<u64> = (0..500).collect();
        for threads in [1, 2, 4] {
            let settling = std::thread::current().id();
            let mut seen = Vec::new();
            run(
                &jobs,
                threads,
                |&j, turn| {
                    if j % 25 == 0 {
                        return None;
                    }
                    if j % 10 == 0 && turn == Turn::Ahead {
                        return None;
                    }
                    let here = std::thread::current().id() == settling;
                    Some(((j, turn, here), 1))
                },
                |_, r| seen.push(r),
            );
            let want: Vec<u64> = jobs.iter().copied().filter(|j| j % 25 != 0).collect();
            let got: Vec<u64> = seen.iter().map(|r| r.0).collect();
            assert_eq!(got, want, "{threads} threads");
            for &(j, turn, here) in &seen {
                if j % 10 == 0 || threads == 1 {
                    assert_eq!(
                        (turn, here),
                        (Turn::Now, true),
                        "job {j}, {threads} threads"
                    );
                } else {
                    assert_eq!(turn, Turn::Ahead, "job {j}, {threads} threads");
                }
            }
        }
    }

    /// Runs 200 jobs of `held` bytes each on 4 threads, settling slowly; the most jobs that
    /// were ever started and not yet settled.
    fn most_ahead(held: u64, pause: std::time::Duration) -> usize {
        let jobs: Vec<usize> = (0..200).collect();
        let started = AtomicUsize::new(0);
        let (mut settled, mut most) = (0, 0);
        let work = |&j: &usize, _| {
            started.fetch_add(1, Ordering::SeqCst);
            Some((j, held))
        };
        run(&jobs, 4, work, |&job, j| {
            assert_eq!((job, j), (settled, settled));
            settled += 1;
            std::thread::sleep(pause);
            most = most.max(started.load(Ordering::SeqCst) - settled);
        });
        assert_eq!(settled, 200);
        most
    }

    #[test]
    fn threads_stay_within_the_window_and_the_held_bytes() {
        // Jobs that each hold a quarter of the byte budget: threads take jobs while what waits
        // is within it (up to 4 held, and 4 more taken at that moment, one per thread), and
        // the next one in order.
        let ahead = most_ahead(HELD_BYTES / 4, std::time::Duration::from_micros(200));
        assert!(ahead <= 4 + 4 + 1, "{ahead} jobs ahead of settling");
        // With no bytes held, the window bounds how far the threads run ahead.
        let ahead = most_ahead(0, std::time::Duration::from_micros(50));
        assert!(ahead <= WINDOW, "{ahead} jobs ahead of settling");
    }

    #[test]
    fn the_thread_count_follows_the_jobs() {
        assert_eq!(threads_for(4, 2), 2);
        assert_eq!(threads_for(4, 0), 1);
        assert_eq!(threads_for(2, 100), 2);
        assert!(threads_for(0, 100) >= 1);
    }
}
