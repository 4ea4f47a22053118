import Dispatch
import Foundation

/// Maps independent work items on several threads and returns the results in input order, so the
/// outcome never depends on the number of threads or on scheduling.
public enum ParallelMap {
  /// The number of threads `map` uses when not told otherwise: one per core.
  public static var defaultThreads: Int { max(1, ProcessInfo.processInfo.activeProcessorCount) }

  /// `items.map(transform)`, computed on up to `threads` threads. Items are handed out one at a time,
  /// so uneven work (a long article, a slow rule) balances itself.
  ///
  /// A map called from inside another map's work item runs serially on its thread: the outer map
  /// already keeps every core busy (a large run checks its stories side by side, and each story's
  /// alignment maps over its few documents).
  ///
  /// `@inlinable` so that every caller gets a version specialized for its types: unspecialized, each
  /// item and each result would be copied through value witnesses (every field retained, then released).
  /// Each result is built straight into its element of the returned array: the array's storage is
  /// allocated uninitialized, every index below `items.count` is taken by exactly one work item
  /// (`NextIndex`), so each element is initialized exactly once, by one thread, and
  /// `concurrentPerform` returns only once every work item has finished, after which the whole array
  /// is initialized and every write is visible to this thread.
  @inlinable
  public static func map<T, U>(_ items: [T], threads: Int = defaultThreads, _ transform: (T) -> U) -> [U] {
    let workers = min(max(1, threads), items.count)
    if workers <= 1 || isWorkerThread { return items.map(transform) }
    let count = items.count
    let next = NextIndex()
    return withoutActuallyEscaping(transform) { transform in
      [U](unsafeUninitializedCapacity: count) { buffer, initialized in
        let work = UncheckedBox((items, transform, buffer.baseAddress!))
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
          runAsWorker {
            let (items, transform, slots) = work.value
            while true {
              let i = next.take()
              if i >= count { break }
              (slots + i).initialize(to: transform(items[i]))
            }
          }
        }
        initialized = count
      }
    }
  }
}

extension ParallelMap {
  private static let workerKey = "org.claimlint.parallel-map.worker"

  /// Whether the current thread is running a work item of a `map`.
  public static var isWorkerThread: Bool { Thread.current.threadDictionary[workerKey] != nil }

  /// Runs `body` with the current thread marked as a work item of a `map` (`isWorkerThread`).
  @usableFromInline static func runAsWorker(_ body: () -> Void) {
    let dictionary = Thread.current.threadDictionary
    dictionary[workerKey] = true
    defer { dictionary.removeObject(forKey: workerKey) }
    body()
  }
}

/// Carries values into `concurrentPerform`; the caller guarantees they are safe to use concurrently.
@usableFromInline struct UncheckedBox<F>: @unchecked Sendable {
  @usableFromInline let value: F
  @inlinable init(_ value: F) { self.value = value }
}

/// Hands out the indices 0, 1, 2, … one at a time to whichever thread asks.
@usableFromInline final class NextIndex: @unchecked Sendable {
  private var value = 0
  private let lock = NSLock()

  @usableFromInline init() {}

  @usableFromInline func take() -> Int {
    lock.lock()
    defer { lock.unlock() }
    let v = value
    value += 1
    return v
  }
}
