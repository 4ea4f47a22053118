import Dispatch
import Foundation

/// Maps independent work items on several threads and returns the results in input order, so the
/// outcome never depends on the number of threads or on scheduling.
public enum ParallelMap {
  /// The number of threads `map` uses when not told otherwise: one per core.
  public static var defaultThreads: Int { max(1, ProcessInfo.processInfo.activeProcessorCount) }

  /// `items.map(transform)`, computed on up to `threads` threads. Items are handed out one at a time,
  /// so uneven work (a long article, a slow rule) balances itself.
  public static func map<T, U>(_ items: [T], threads: Int = defaultThreads, _ transform: (T) -> U) -> [U] {
    let workers = min(max(1, threads), items.count)
    if workers <= 1 { return items.map(transform) }
    let results = ResultSlots<U>(count: items.count)
    let next = NextIndex()
    withoutActuallyEscaping(transform) { transform in
      let work = UncheckedBox((items, transform))
      DispatchQueue.concurrentPerform(iterations: workers) { _ in
        let (items, transform) = work.value
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
