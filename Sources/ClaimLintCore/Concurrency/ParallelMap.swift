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
  public static func map<T, U>(_ items: [T], threads: Int = defaultThreads, _ transform: (T) -> U) -> [U] {
    let workers = min(max(1, threads), items.count)
    if workers <= 1 || isWorkerThread { return items.map(transform) }
    let results = ResultSlots<U>(count: items.count)
    let next = NextIndex()
    withoutActuallyEscaping(transform) { transform in
      let work = UncheckedBox((items, transform))
      DispatchQueue.concurrentPerform(iterations: workers) { _ in
        let (items, transform) = work.value
        Thread.current.threadDictionary[workerKey] = true
        defer { Thread.current.threadDictionary.removeObject(forKey: workerKey) }
        while true {
          let i = next.take()
          if i >= items.count { break }
          results.set(i, transform(items[i]))
        }
      }
    }
    return results.values()
  }
}

extension ParallelMap {
  private static let workerKey = "org.claimlint.parallel-map.worker"

  /// Whether the current thread is running a work item of a `map`.
  public static var isWorkerThread: Bool { Thread.current.threadDictionary[workerKey] != nil }
}

/// Carries a closure into `concurrentPerform`; the caller guarantees it is safe to call concurrently.
private struct UncheckedBox<F>: @unchecked Sendable {
  let value: F
  init(_ value: F) { self.value = value }
}

private final class ResultSlots<U>: @unchecked Sendable {
  private var storage: [U?]
  private let lock = NSLock()

  init(count: Int) { storage = Array(repeating: nil, count: count) }

  func set(_ i: Int, _ v: U) {
    lock.lock()
    storage[i] = v
    lock.unlock()
  }

  func values() -> [U] { storage.map { $0! } }
}

private final class NextIndex: @unchecked Sendable {
  private var value = 0
  private let lock = NSLock()

  func take() -> Int {
    lock.lock()
    defer { lock.unlock() }
    let v = value
    value += 1
    return v
  }
}
