import ClaimLintCore
import Foundation
import Testing

/// `ParallelMap.map` gives `items.map(transform)` whatever the number of threads: results in input
/// order, each item mapped once, results built in place (values with references, which a wrong
/// initialization would crash on or leak), and a map nested in a work item runs serially.
@Suite struct ParallelMapTests {
  /// A result holding a class reference and arrays, like the pipeline's documents.
  struct Item: Equatable {
    var name: String
    var words: [String]
    var box: Box
    static func == (a: Item, b: Item) -> Bool { a.name == b.name && a.words == b.words && a.box.value == b.box.value }
  }

  final class Box: @unchecked Sendable {
    let value: Int
    init(_ value: Int) { self.value = value }
  }

  static func item(_ i: Int) -> Item {
    Item(name: "article-\(i).html", words: (0..<(i % 7)).map { "word \($0) of a fairly long sentence \(i)" }, box: Box(i * 3))
  }

  @Test(arguments: [1, 2, 3, 8])
  func resultsInInputOrder(threads: Int) {
    for n in [0, 1, 2, 5, 100, 1000] {
      let items = Array(0..<n)
      let mapped = ParallelMap.map(items, threads: threads) { Self.item($0) }
      #expect(mapped == items.map { Self.item($0) })
    }
  }

  @Test func eachItemMappedOnce() {
    let calls = Calls(count: 500)
    let items = Array(0..<500)
    _ = ParallelMap.map(items, threads: 4) { i -> Int in
      calls.count(i)
      return i
    }
    #expect(calls.counts == Array(repeating: 1, count: 500))
  }

  @Test func nestedMapRunsSeriallyOnTheWorkerThread() {
    #expect(!ParallelMap.isWorkerThread)
    let outer = ParallelMap.map(Array(0..<16), threads: 4) { i -> (Bool, Bool, [Int]) in
      let thread = Thread.current
      var sameThread = true
      let inner = ParallelMap.map(Array(0..<50), threads: 4) { j -> Int in
        if Thread.current != thread { sameThread = false }
        return i * 100 + j
      }
      return (ParallelMap.isWorkerThread, sameThread, inner)
    }
    for (i, r) in outer.enumerated() {
      #expect(r.0)
      #expect(r.1)
      #expect(r.2 == (0..<50).map { i * 100 + $0 })
    }
    // The mark is gone once the map returns.
    #expect(!ParallelMap.isWorkerThread)
  }

  @Test func serialMapDoesNotMarkTheThread() {
    let marks = ParallelMap.map(Array(0..<10), threads: 1) { _ in ParallelMap.isWorkerThread }
    #expect(marks == Array(repeating: false, count: 10))
  }
}

private final class Calls: @unchecked Sendable {
  private(set) var counts: [Int]
  private let lock = NSLock()
  init(count: Int) { counts = Array(repeating: 0, count: count) }
  func count(_ i: Int) {
    lock.lock()
    counts[i] += 1
    lock.unlock()
  }
}
