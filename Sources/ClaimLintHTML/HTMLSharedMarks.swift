import ClaimLintCore
import Foundation

/// Marks of `class` and `id` values computed by any page a reader has read, shared by copies of one
/// `HTMLClassifier` across pages and threads.
///
/// A value's marks depend only on the value and the word lists, so whichever page computes them
/// first, every page gets the same marks: the output does not depend on the order pages are read in.
/// The table stops growing at `limit` entries so memory stays bounded on large runs.
final class HTMLSharedMarks: @unchecked Sendable {
  /// Guards `classes` and `ids`.
  private let lock = NSLock()
  /// Marks per `class` (or `itemprop`, `rel`) value.
  private var classes: [String: HTMLClassMarks] = [:]
  /// Marks per `id` value.
  private var ids: [String: HTMLClassMarks] = [:]
  /// The most entries the two tables hold together.
  let limit: Int

  /// Creates an empty table holding at most `limit` entries.
  init(limit: Int = 50_000) {
    self.limit = limit
  }

  /// The marks stored for `value`, if any.
  func marks(_ value: String, isID: Bool) -> HTMLClassMarks? {
    lock.lock()
    defer { lock.unlock() }
    return isID ? ids[value] : classes[value]
  }

  /// Stores the marks of `value` unless the table is full; returns whether the table holds them.
  @discardableResult
  func store(_ marks: HTMLClassMarks, for value: String, isID: Bool) -> Bool {
    lock.lock()
    defer { lock.unlock() }
    guard classes.count + ids.count < limit else { return false }
    if isID { ids[value] = marks } else { classes[value] = marks }
    return true
  }
}

/// A list of words grouped by first byte, so that a position of a text is tested only against the
/// words that start with its byte.
struct HTMLWordIndex: Sendable {
  /// The words' bytes, one after the other, grouped by first byte.
  private let bytes: [UInt8]
  /// Word `j` is `bytes[offsets[j]..<offsets[j + 1]]`.
  private let offsets: [Int]
  /// The words starting with byte `b` are words `starts[b]..<starts[b + 1]`.
  private let starts: [Int]
  /// Whether the list holds an empty word (which occurs in every text).
  private let hasEmpty: Bool

  /// Indexes `list`.
  init(_ list: [[UInt8]]) {
    hasEmpty = list.contains(where: { $0.isEmpty })
    let words = list.filter { !$0.isEmpty }
    var starts = [Int](repeating: 0, count: 257)
    for w in words { starts[Int(w[0]) + 1] += 1 }
    for b in 0..<256 { starts[b + 1] += starts[b] }
    var slots = starts
    var ordered = [[UInt8]](repeating: [], count: words.count)
    for w in words {
      ordered[slots[Int(w[0])]] = w
      slots[Int(w[0])] += 1
    }
    var offsets = [0]
    var bytes: [UInt8] = []
    for w in ordered {
      bytes.append(contentsOf: w)
      offsets.append(bytes.count)
    }
    self.bytes = bytes
    self.offsets = offsets
    self.starts = starts
  }

  /// Indexes the UTF-8 bytes of `list`.
  init(strings list: [String]) {
    self.init(list.map { Array($0.utf8) })
  }

  /// Whether any word occurs in `text` (bytes compared exactly).
  func occurs(in text: UnsafeBufferPointer<UInt8>) -> Bool {
    if hasEmpty { return true }
    let n = text.count
    return bytes.withUnsafeBufferPointer { wb in
      offsets.withUnsafeBufferPointer { offsets in
        starts.withUnsafeBufferPointer { starts in
          for i in 0..<n {
            let b = Int(text[i])
            var w = starts[b]
            let last = starts[b + 1]
            while w < last {
              let from = offsets[w]
              let count = offsets[w + 1] - from
              if i + count <= n {
                var k = 1
                while k < count, text[i + k] == wb[from + k] { k += 1 }
                if k == count { return true }
              }
              w += 1
            }
          }
          return false
        }
      }
    }
  }

  /// Whether any word occurs in `text`.
  func occurs(in text: String) -> Bool {
    return text.withUTF8Bytes { occurs(in: $0) }
  }
}

/// Several word lists in one trie, each word carrying the bit mask of the lists that hold it, so
/// that one walk over a text answers "which lists have a word occurring in it" for all lists at once
/// (instead of one scan of the text per list).
///
/// A word occurs at position `i` of a text exactly when the walk from the root along the text's
/// bytes from `i` reaches the word's end node, so OR-ing the end masks met on the walks from every
/// position gives, for each list, whether any of its words occurs: the answer of one
/// `HTMLWordIndex.occurs` per list (bytes compared exactly in both; tested against it).
struct HTMLWordTrie: Sendable {
  /// For each byte, its column in `next` (0: the byte is in no word, so no walk passes it).
  private let column: [Int32]
  /// Columns per node (distinct word bytes + 1).
  private let width: Int
  /// `next[node * width + column]`: the child node, or 0 (the root is nobody's child).
  private let next: [Int32]
  /// Per node, the lists whose words end there.
  private let ends: [UInt16]

  /// Builds the trie of `lists` (at most 16); list `k` gets bit `1 << k`. Empty words are left out.
  init(_ lists: [[[UInt8]]]) {
    precondition(lists.count <= 16)
    var column = [Int32](repeating: 0, count: 256)
    var width = 1
    for list in lists {
      for word in list {
        for b in word where column[Int(b)] == 0 {
          column[Int(b)] = Int32(width)
          width += 1
        }
      }
    }
    var next = [Int32](repeating: 0, count: width)
    var ends: [UInt16] = [0]
    for (k, list) in lists.enumerated() {
      for word in list where !word.isEmpty {
        var node = 0
        for b in word {
          let slot = node * width + Int(column[Int(b)])
          if next[slot] == 0 {
            next[slot] = Int32(ends.count)
            ends.append(0)
            next.append(contentsOf: repeatElement(0, count: width))
          }
          node = Int(next[slot])
        }
        ends[node] |= UInt16(1) << UInt16(k)
      }
    }
    self.column = column
    self.width = width
    self.next = next
    self.ends = ends
  }

  /// The lists (as bits) with a word occurring anywhere in `text`.
  func occurring(in text: UnsafeBufferPointer<UInt8>) -> UInt16 {
    let n = text.count
    let width = self.width
    return column.withUnsafeBufferPointer { column in
      next.withUnsafeBufferPointer { next in
        ends.withUnsafeBufferPointer { ends in
          var mask: UInt16 = 0
          for i in 0..<n {
            var node = 0
            var k = i
            while k < n {
              let c = Int(column[Int(text[k])])
              if c == 0 { break }
              node = Int(next[node * width + c])
              if node == 0 { break }
              mask |= ends[node]
              k += 1
            }
          }
          return mask
        }
      }
    }
  }

  /// The lists (as bits) holding `word` itself (0 when none does).
  func lists(holding word: UnsafeBufferPointer<UInt8>) -> UInt16 {
    var node = 0
    for b in word {
      let c = Int(column[Int(b)])
      if c == 0 { return 0 }
      node = Int(next[node * width + c])
      if node == 0 { return 0 }
    }
    return node == 0 ? 0 : ends[node]
  }
}
