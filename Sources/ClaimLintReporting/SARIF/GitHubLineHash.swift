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
    var state = State()
    for unit in text.utf16 { state.feed(unit) }
    state.feed(0xFFFF)
    for _ in 0..<blockSize {
      if state.lineAt[state.pos] != -1 { state.emit() }
      state.push(0)
    }
    var result = [String](repeating: "", count: state.line)
    for (line, value) in state.out where line >= 1 && line <= result.count { result[line - 1] = value }
    return result
  }

  /// The hash of the 1-based `line` of `text`, or nil when the text has no such line.
  public static func hash(ofLine line: Int, in text: String) -> String? {
    let all = hashes(of: text)
    guard line >= 1, line <= all.count else { return nil }
    return all[line - 1]
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
    /// How often each hex value has been emitted; used for lookups only.
    var seen: [String: Int] = [:]
    /// (line, value) in emission order.
    var out: [(Int, String)] = []
    let drop: UInt64 = {
      var p: UInt64 = 1
      for _ in 0..<GitHubLineHash.blockSize { p = p &* GitHubLineHash.base }
      return p
    }()

    mutating func emit() {
      let value = String(hash, radix: 16)
      let count = (seen[value] ?? 0) + 1
      seen[value] = count
      out.append((lineAt[pos], "\(value):\(count)"))
      lineAt[pos] = -1
    }

    mutating func push(_ unit: UInt64) {
      hash = GitHubLineHash.base &* hash &+ unit &- drop &* window[pos]
      window[pos] = unit
      pos = (pos + 1) % GitHubLineHash.blockSize
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
  }
}
