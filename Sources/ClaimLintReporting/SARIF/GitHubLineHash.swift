import ClaimLintCore

/// GitHub's `primaryLocationLineHash`, computed as the `upload-sarif` action does.
///
/// A restatement of github/codeql-action `src/fingerprints.ts` (MIT), as described in
/// CI-FORMATS.md §1.5: walk the UTF-16 code units of the whole file, skipping spaces, tabs and a LF
/// that directly follows a CR, and turning every other CR into LF. Keep a polynomial rolling hash
/// (base 37, modulo 2^64) over the last 100 kept units. A line's hash is the hash of the 100 kept units
/// that start at its first kept unit; the input is padded with one unit 65535 and then zeros. The value
/// is the hash in lower-case hex, `:`, and how many times that hex value has occurred so far.
public enum GitHubLineHash {
  private static let blockSize = 100
  private static let base: UInt64 = 37

  /// The hash of every line of `text`: element 0 is line 1.
  ///
  /// The padding unit starts one more "line" after a final line break, so a text ending in a newline
  /// has one more entry than it has lines (as in the action).
  public static func hashes(of text: String) -> [String] {
    let lines = Lines(utf16: text.utf16)
    return (0..<lines.count).map { lines.hash(ofLine: $0 + 1) ?? "" }
  }

  /// The hash of the 1-based `line` of `text`, or nil when the text has no such line.
  public static func hash(ofLine line: Int, in text: String) -> String? {
    Lines(utf16: text.utf16).hash(ofLine: line)
  }

  /// The line hashes of one file, kept as numbers; only the lines asked for are spelled out.
  ///
  /// The action emits the lines in order, so a line's occurrence count is the number of lines up to
  /// and including it with the same hash value.
  struct Lines {
    /// The rolling hash of each line; element 0 is line 1.
    private var values: [UInt64] = []
    /// How many times each line's value has occurred up to that line.
    private var occurrences: [Int32] = []

    /// The number of hashed lines (one more than the lines of a text ending in a line break).
    var count: Int { values.count }

    /// Hashes UTF-16 code units.
    init<Units: Sequence>(utf16 units: Units) where Units.Element == UInt16 {
      var state = State()
      for unit in units { state.feed(unit) }
      self.init(finishing: state)
    }

    /// Hashes a file's bytes as the UTF-16 of its text, without building the text; bytes that are not
    /// valid UTF-8 are hashed through `String(decoding:)`, as `SourceFile.text` decodes them.
    init(source: SourceFile) {
      var state = State()
      let valid = source.bytes.withUnsafeBufferPointer { Self.feedUTF8($0, into: &state) }
      if !valid {
        state = State()
        for unit in source.text.utf16 { state.feed(unit) }
      }
      self.init(finishing: state)
    }

    private init(finishing state: State) {
      var state = state
      state.finish()
      values = state.values
      var seen: [UInt64: Int32] = [:]
      seen.reserveCapacity(values.count)
      occurrences.reserveCapacity(values.count)
      for value in values {
        let n = (seen[value] ?? 0) + 1
        seen[value] = n
        occurrences.append(n)
      }
    }

    /// `hex:count` for the 1-based `line`, or nil when there is no such line.
    func hash(ofLine line: Int) -> String? {
      guard line >= 1, line <= values.count else { return nil }
      return String(values[line - 1], radix: 16) + ":" + String(occurrences[line - 1])
    }

    /// Feeds the UTF-16 units of valid UTF-8 `bytes`; false (part-way) at the first invalid sequence.
    private static func feedUTF8(_ bytes: UnsafeBufferPointer<UInt8>, into state: inout State) -> Bool {
      var i = 0
      let n = bytes.count
      while i < n {
        let b0 = bytes[i]
        if b0 < 0x80 {
          state.feed(UInt16(b0))
          i += 1
          continue
        }
        let length: Int
        var scalar: UInt32
        if b0 & 0xE0 == 0xC0 {
          length = 2
          scalar = UInt32(b0 & 0x1F)
        } else if b0 & 0xF0 == 0xE0 {
          length = 3
          scalar = UInt32(b0 & 0x0F)
        } else if b0 & 0xF8 == 0xF0 {
          length = 4
          scalar = UInt32(b0 & 0x07)
        } else {
          return false
        }
        guard i + length <= n else { return false }
        for k in 1..<length {
          let c = bytes[i + k]
          guard c & 0xC0 == 0x80 else { return false }
          scalar = scalar << 6 | UInt32(c & 0x3F)
        }
        switch length {
        case 2: guard scalar >= 0x80 else { return false }
        case 3: guard scalar >= 0x800, scalar < 0xD800 || scalar > 0xDFFF else { return false }
        default: guard scalar >= 0x10000, scalar <= 0x10FFFF else { return false }
        }
        if scalar >= 0x10000 {
          let v = scalar - 0x10000
          state.feed(UInt16(truncatingIfNeeded: 0xD800 + (v >> 10)))
          state.feed(UInt16(truncatingIfNeeded: 0xDC00 + (v & 0x3FF)))
        } else {
          state.feed(UInt16(truncatingIfNeeded: scalar))
        }
        i += length
      }
      return true
    }
  }

  /// The rolling state, one field per variable of the reference implementation.
  private struct State {
    var hash: UInt64 = 0
    var pos = 0
    var line = 0
    var atLineStart = true
    var previousWasCR = false
    var window = [UInt64](repeating: 0, count: GitHubLineHash.blockSize)
    var lineAt = [Int](repeating: -1, count: GitHubLineHash.blockSize)
    /// The emitted hash values in emission order, which is line order: lines start in order and each
    /// is emitted exactly once, `blockSize` kept units after its start (or while padding).
    var values: [UInt64] = []
    let drop: UInt64 = {
      var p: UInt64 = 1
      for _ in 0..<GitHubLineHash.blockSize { p = p &* GitHubLineHash.base }
      return p
    }()

    mutating func emit() {
      values.append(hash)
      lineAt[pos] = -1
    }

    mutating func push(_ unit: UInt64) {
      hash = GitHubLineHash.base &* hash &+ unit &- drop &* window[pos]
      window[pos] = unit
      pos += 1
      if pos == GitHubLineHash.blockSize { pos = 0 }
    }

    mutating func feed(_ raw: UInt16) {
      var unit = raw
      if unit == 0x20 || unit == 0x09 || (previousWasCR && unit == 0x0A) {
        previousWasCR = false
        return
      }
      previousWasCR = unit == 0x0D
      if unit == 0x0D { unit = 0x0A }
      if lineAt[pos] != -1 { emit() }
      if atLineStart {
        atLineStart = false
        line += 1
        lineAt[pos] = line
      }
      if unit == 0x0A { atLineStart = true }
      push(UInt64(unit))
    }

    /// Pads the input with one unit 65535 and then zeros until every started line is emitted.
    mutating func finish() {
      feed(0xFFFF)
      for _ in 0..<GitHubLineHash.blockSize {
        if lineAt[pos] != -1 { emit() }
        push(0)
      }
    }
  }
}
