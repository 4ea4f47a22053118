import ClaimLintCore

/// Splits extracted text into sentences the way news prose needs.
///
/// A sentence ends at `.`, `!` or `?` (plus any closing quotes or brackets) followed by white space
/// and a capital letter, a digit or an opening quote; or at a blank line or a line that starts with a
/// list bullet. A single line break inside a paragraph is a wrap, not a sentence end. It does not end after an
/// abbreviation ("Lt.", "Gen.", "No.", "U.S.", "Feb."), an initial ("J. Smith"), inside a number
/// ("3.5", "12,400") or after an ellipsis followed by a lower-case word.
public struct SentenceSplitter: Sendable {
  private let abbreviations: Set<String>

  /// - Parameter abbreviations: lower-case abbreviations without their final full stop.
  public init(abbreviations: Set<String>) {
    self.abbreviations = abbreviations
  }

  /// Builds a splitter from the `abbreviations` lexicon.
  public init(lexicons: LexiconSet) {
    self.init(abbreviations: Set(lexicons.table("abbreviations").rows.map { $0[0].lowercased() }))
  }

  /// The sentences of `text` as UTF-8 offset ranges, trimmed of surrounding white space.
  public func split(_ text: String) -> [Range<Int>] {
    let b = Array(text.utf8)
    let n = b.count
    var result: [Range<Int>] = []
    var start = 0

    func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D }
    func emit(_ s: Int, _ e: Int) {
      var s = s
      var e = e
      while s < e, isSpace(b[s]) { s += 1 }
      while e > s, isSpace(b[e - 1]) { e -= 1 }
      // Skip non-breaking spaces (C2 A0) at the edges too.
      while s + 1 < e, b[s] == 0xC2, b[s + 1] == 0xA0 { s += 2 }
      if e > s { result.append(s..<e) }
    }

    var i = 0
    while i < n {
      let c = b[i]
      if c == 0x0A {
        // A line break inside a paragraph is a wrap; a blank line or a list bullet starts anew.
        var k = i + 1
        while k < n, b[k] == 0x20 || b[k] == 0x09 || b[k] == 0x0D { k += 1 }
        let bullet = k + 1 < n && (b[k] == UInt8(ascii: "-") || b[k] == UInt8(ascii: "*")) && b[k + 1] == 0x20
        let bulletPoint = k + 3 < n && b[k] == 0xE2 && b[k + 1] == 0x80 && b[k + 2] == 0xA2  // •
        if k >= n || b[k] == 0x0A || bullet || bulletPoint || headingLine(b, lineEnd: i, next: k) {
          emit(start, i)
          start = i + 1
        }
        i += 1
        continue
      }
      if c == UInt8(ascii: ".") || c == UInt8(ascii: "!") || c == UInt8(ascii: "?") {
        // Consume a run of terminators and closing punctuation.
        var j = i + 1
        while j < n, b[j] == UInt8(ascii: ".") || b[j] == UInt8(ascii: "!") || b[j] == UInt8(ascii: "?") { j += 1 }
        j = skipClosers(b, j)
        guard j < n else { break }
        guard isSpace(b[j]) || (b[j] == 0xC2 && j + 1 < n && b[j + 1] == 0xA0) else {
          i += 1
          continue
        }
        var k = j
        while k < n, isSpace(b[k]) || (b[k] == 0xC2 && k + 1 < n && b[k + 1] == 0xA0) {
          k += b[k] == 0xC2 ? 2 : 1
        }
        if k >= n { break }
        if c == UInt8(ascii: "."), j == i + 1 || b[i + 1] != UInt8(ascii: ".") {
          if !endsSentenceAfterPeriod(b, periodAt: i, next: k) {
            i += 1
            continue
          }
        } else if !startsSentence(b, k) {
          i = j
          continue
        }
        emit(start, j)
        start = k
        i = k
        continue
      }
      i += 1
    }
    emit(start, n)
    return result
  }

  /// A short line without final punctuation followed by a capitalised line is a heading or a label
  /// of its own ("FLOOD UPDATE" above the story), not a wrapped sentence.
  private func headingLine(_ b: [UInt8], lineEnd: Int, next: Int) -> Bool {
    var start = lineEnd
    while start > 0, b[start - 1] != 0x0A { start -= 1 }
    var e = lineEnd
    while e > start, b[e - 1] == 0x20 || b[e - 1] == 0x0D || b[e - 1] == 0x09 { e -= 1 }
    guard e > start, e - start <= 50, next < b.count else { return false }
    let last = b[e - 1]
    let letterOrDigit = (last >= 0x30 && last <= 0x39) || (last >= 0x41 && last <= 0x5A) || (last >= 0x61 && last <= 0x7A)
    return letterOrDigit && startsSentence(b, next)
  }

  private func skipClosers(_ b: [UInt8], _ j0: Int) -> Int {
    var j = j0
    let n = b.count
    while j < n {
      if b[j] == UInt8(ascii: "\"") || b[j] == UInt8(ascii: "'") || b[j] == UInt8(ascii: ")")
        || b[j] == UInt8(ascii: "]")
      {
        j += 1
      } else if j + 2 < n, b[j] == 0xE2, b[j + 1] == 0x80, b[j + 2] == 0x9D || b[j + 2] == 0x99 {
        j += 3  // ” ’
      } else {
        break
      }
    }
    return j
  }

  /// Whether the text at `k` can start a sentence: a capital letter, a digit, or an opening quote.
  private func startsSentence(_ b: [UInt8], _ k: Int) -> Bool {
    let c = b[k]
    if c >= UInt8(ascii: "A") && c <= UInt8(ascii: "Z") { return true }
    if c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9") { return true }
    if c == UInt8(ascii: "\"") || c == UInt8(ascii: "'") || c == UInt8(ascii: "(") || c == UInt8(ascii: "-") {
      return true
    }
    if c == 0xE2, k + 2 < b.count, b[k + 1] == 0x80, b[k + 2] == 0x9C || b[k + 2] == 0x98 || b[k + 2] == 0x94 {
      return true  // “ ‘ —
    }
    if c >= 0xC3 {
      // Non-ASCII letter: treat upper-case Latin-1 and other scripts as possible sentence starts.
      if c == 0xC3, k + 1 < b.count { return b[k + 1] >= 0x80 && b[k + 1] <= 0x9E }
      return c >= 0xE3  // CJK and beyond have no case
    }
    return false
  }

  private func endsSentenceAfterPeriod(_ b: [UInt8], periodAt i: Int, next k: Int) -> Bool {
    guard startsSentence(b, k) else { return false }
    // The word before the period.
    var w = i
    while w > 0 {
      let c = b[w - 1]
      if c == 0x20 || c == 0x0A || c == 0x09 || c == UInt8(ascii: "(") || c == UInt8(ascii: "\"") { break }
      w -= 1
    }
    let word = String(decoding: b[w..<i], as: UTF8.self)
    if word.isEmpty { return true }
    let lower = word.lowercased()
    // A single capital letter is an initial ("J. Smith"), unless the next word is clearly a new sentence.
    if word.utf8.count == 1, let f = word.utf8.first, f >= UInt8(ascii: "A"), f <= UInt8(ascii: "Z") {
      return false
    }
    if abbreviations.contains(lower) {
      // "No. 5" and "Gen. Smith" continue; month abbreviations before a digit continue.
      return false
    }
    // Dotted abbreviations such as "U.S." (the word holds an inner period and only single letters).
    if lower.contains(".") {
      let parts = lower.split(separator: ".")
      if parts.allSatisfy({ $0.count <= 2 }) && abbreviations.contains(String(lower)) { return false }
      if parts.allSatisfy({ $0.count == 1 }) {
        // "U.S. officials" continues; "in the U.S. The" is ambiguous; keep together only before lower case,
        // which startsSentence already excluded, so an upper-case word after "U.S." starts a sentence
        // only when it is a common sentence opener.
        return Self.sentenceOpeners.contains(nextWord(b, k))
      }
    }
    return true
  }

  private func nextWord(_ b: [UInt8], _ k: Int) -> String {
    var e = k
    while e < b.count, (b[e] >= 0x41 && b[e] <= 0x5A) || (b[e] >= 0x61 && b[e] <= 0x7A) { e += 1 }
    return String(decoding: b[k..<e], as: UTF8.self)
  }

  private static let sentenceOpeners: Set<String> = [
    "The", "A", "An", "It", "He", "She", "They", "We", "I", "In", "On", "But", "And", "This", "That", "There",
    "Officials", "Police",
  ]
}
