//! Many articles at once: each read on one of the machine's cores, the
//! results handed back in the articles' order as soon as each one and
//! those before it are done.

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;

/// Runs `work` on every item, on as many threads as there are cores (at
/// most one an item), and calls `emit` with the results in the items'
/// order, each as soon as it and those before it are done.
pub fn in_order<T: Sync, R: Send>(
    items: &[T],
    work: impl Fn(&T) -> R + Sync,
    mut emit: impl FnMut(R),
) {
    let threads = std::thread::available_parallelism()
        .map_or(1, usize::from)
        .min(items.len());
    if threads <= 1 {
        items.iter().map(&work).for_each(emit);
        return;
    }
    let next = AtomicUsize::new(0);
    let (done, results) = mpsc::channel();
    std::thread::scope(|scope| {
        for _ in 0..threads {
            let done = done.clone();
            let (next, work) = (&next, &work);
            scope.spawn(move || {
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(item) = items.get(i) else { break };
                    if done.send((i, work(item))).is_err() {
                        break;
                    }
                }
            });
        }
        drop(done);
        let mut waiting = BTreeMap::new();
        let mut due = 0;
        for (i, result) in results {
            waiting.insert(i, result);
            while let Some(result) = waiting.remove(&due) {
                emit(result);
                due += 1;
            }
        }
        // Only when a worker panicked is anything left: the results after
        // its item still go out, in order, before the panic is raised.
        waiting.into_values().for_each(&mut emit);
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_come_back_in_the_items_order() {
        let items: Vec<u64> = (0..200).collect();
        let mut seen = Vec::new();
        // Later items finish first: the order must still hold.
        in_order(
            &items,
            |&n| {
                std::thread::sleep(std::time::Duration::from_micros(200 - n));
                n * 2
            },
            |r| seen.push(r),
        );
        assert_eq!(seen, items.iter().map(|n| n * 2).collect::<Vec<_>>());
        let mut none = Vec::new();
        in_order(&[] as &[u64], |&n| n, |r| none.push(r));
        assert!(none.is_empty());
    }
}
