import ClaimLintCore

/// JSON written straight into one growing byte buffer, in exactly the layout `JSONEncoder` gives with
/// `[.sortedKeys, .withoutEscapingSlashes]` (plus `.prettyPrinted` when `pretty`).
///
/// The reporters describe their output objects key by key instead of building `Encodable` values:
/// a 10,000-article report has hundreds of thousands of objects, and a tree of boxed nodes, a
/// dictionary and a key sort per object cost far more than the bytes themselves. Callers must write
/// the keys of each object in sorted order (`String` `<`, which is byte order for the ASCII keys of
/// the schemas); the tests compare every reporter's bytes with `JSONEncoder`'s encoding of the
/// `Encodable` models.
///
/// Layout, as `JSONEncoder` prints it: two spaces a level, `"key" : value` when pretty, and an empty
/// container as its bracket, a blank line and its indented closing bracket.
struct JSONOutput {
  /// The bytes written so far (UTF-8).
  var bytes: [UInt8] = []
  /// Whether to pretty-print.
  let pretty: Bool
  /// How many containers are open.
  private var depth = 0
  /// Whether the innermost open container has no entry yet.
  private var empty = true
  /// Whether a key was just written, so the next value follows it without a separator.
  private var afterKey = false
  /// Where written bytes go once the buffer holds `flushSize` of them (nil: they stay in `bytes`).
  private var sink: (([UInt8]) -> Void)?
  /// The buffer size at which `flushIfLarge` hands the bytes to the sink.
  static let flushSize = 1 << 20

  /// An empty buffer with room for `capacity` bytes.
  init(pretty: Bool, capacity: Int = 1 << 16) {
    self.pretty = pretty
    bytes.reserveCapacity(capacity)
  }

  /// A buffer that hands its bytes to `sink` in chunks of about `flushSize` (see `flushIfLarge`); the
  /// caller hands over what is left at the end (`bytes`).
  init(pretty: Bool, sink: @escaping ([UInt8]) -> Void) {
    self.init(pretty: pretty, capacity: Self.flushSize + (Self.flushSize >> 2))
    self.sink = sink
  }

  /// Hands the bytes written so far to the sink when there are `flushSize` of them: called between
  /// entries of long arrays, so a report of 100,000 documents never sits whole in memory.
  mutating func flushIfLarge() {
    guard let sink, bytes.count >= Self.flushSize else { return }
    sink(bytes)
    bytes.removeAll(keepingCapacity: true)
  }

  /// The buffer as a string.
  var text: String { String(decoding: bytes, as: UTF8.self) }

  /// An empty buffer that goes on from this one inside its innermost open container, as if
  /// `entriesBefore` entries had been written there already (or as they have, when nil): its bytes
  /// are what this buffer would write next. Entries of a long array are written into continuations
  /// on several threads and joined in order with `append(_:)`.
  func continuation(entriesBefore: Bool? = nil, capacity: Int = 1 << 16) -> JSONOutput {
    var part = JSONOutput(pretty: pretty, capacity: capacity)
    part.depth = depth
    part.empty = entriesBefore.map { !$0 } ?? empty
    part.afterKey = afterKey
    return part
  }

  /// Appends a continuation's bytes (see `continuation(entriesBefore:capacity:)`) and takes on its state.
  mutating func append(_ part: JSONOutput) {
    bytes.append(contentsOf: part.bytes)
    depth = part.depth
    empty = part.empty
    afterKey = part.afterKey
  }

  // MARK: - Containers

  /// Opens an object (as a value of the current key or element of the current array).
  mutating func beginObject() {
    valuePrefix()
    bytes.append(0x7B)
    depth += 1
    empty = true
  }

  /// Closes the innermost object.
  mutating func endObject() { close(0x7D) }

  /// Opens an array.
  mutating func beginArray() {
    valuePrefix()
    bytes.append(0x5B)
    depth += 1
    empty = true
  }

  /// Closes the innermost array.
  mutating func endArray() { close(0x5D) }

  private mutating func close(_ bracket: UInt8) {
    depth -= 1
    if pretty {
      if empty { bytes.append(0x0A) }
      newline()
    }
    bytes.append(bracket)
    empty = false
  }

  /// Starts the next entry of the open object; `name` must sort after the previous key.
  mutating func key(_ name: StaticString) {
    separator()
    bytes.append(0x22)
    name.withUTF8Buffer { bytes.append(contentsOf: $0) }
    bytes.append(0x22)
    keyColon()
  }

  /// Starts the next entry of the open object with a key already quoted (and needing no escapes).
  mutating func key(quoted: [UInt8]) {
    separator()
    bytes.append(contentsOf: quoted)
    keyColon()
  }

  /// Starts the next entry of the open object with a key that may need escaping.
  mutating func key(_ name: String) {
    separator()
    appendQuoted(name)
    keyColon()
  }

  private mutating func keyColon() {
    if pretty {
      bytes.append(0x20)
      bytes.append(0x3A)
      bytes.append(0x20)
    } else {
      bytes.append(0x3A)
    }
    afterKey = true
  }

  // MARK: - Values

  /// A string value.
  mutating func string(_ value: String) {
    valuePrefix()
    appendQuoted(value)
  }

  /// A string value, or null.
  mutating func string(_ value: String?) {
    if let value { string(value) } else { null() }
  }

  /// An integer value.
  mutating func int(_ value: Int) {
    valuePrefix()
    appendDigits(Int64(value))
  }

  /// An integer value, or null.
  mutating func int(_ value: Int?) {
    if let value { int(value) } else { null() }
  }

  /// A boolean value.
  mutating func bool(_ value: Bool) {
    valuePrefix()
    if value {
      bytes.append(contentsOf: [0x74, 0x72, 0x75, 0x65])
    } else {
      bytes.append(contentsOf: [0x66, 0x61, 0x6C, 0x73, 0x65])
    }
  }

  /// A boolean value, or null.
  mutating func bool(_ value: Bool?) {
    if let value { bool(value) } else { null() }
  }

  /// `null`.
  mutating func null() {
    valuePrefix()
    bytes.append(contentsOf: [0x6E, 0x75, 0x6C, 0x6C])
  }

  /// A date as `YYYY-MM-DD` (`CalendarDate.description`), or null.
  mutating func date(_ value: CalendarDate?) {
    guard let value else { return null() }
    guard (0...9999).contains(value.year), (0...99).contains(value.month), (0...99).contains(value.day) else {
      return string(value.description)
    }
    valuePrefix()
    bytes.append(0x22)
    appendPadded(value.year, 4)
    bytes.append(0x2D)
    appendPadded(value.month, 2)
    bytes.append(0x2D)
    appendPadded(value.day, 2)
    bytes.append(0x22)
  }

  /// A non-negative number with leading zeros to `width` digits.
  private mutating func appendPadded(_ value: Int, _ width: Int) {
    var divisor = 1
    for _ in 1..<width { divisor *= 10 }
    var rest = value
    while divisor > 0 {
      bytes.append(0x30 &+ UInt8(truncatingIfNeeded: rest / divisor))
      rest %= divisor
      divisor /= 10
    }
  }

  /// A number as `JSONNumber` writes it: whole values below 2^53 as integers, other finite values in
  /// their shortest round-trip form, and null for infinities and NaN (and for nil).
  mutating func number(_ value: Double?) {
    guard let value else { return null() }
    if let integer = NumberText.integral(value) {
      valuePrefix()
      appendDigits(integer)
    } else if value.isFinite {
      valuePrefix()
      var s = value.description
      if s.hasSuffix(".0") { s.removeLast(2) }
      bytes.append(contentsOf: s.utf8)
    } else {
      null()
    }
  }

  /// An array of strings.
  mutating func strings(_ values: [String]) {
    beginArray()
    for value in values { string(value) }
    endArray()
  }

  /// An array of strings, or null.
  mutating func strings(_ values: [String]?) {
    if let values { strings(values) } else { null() }
  }

  /// An object of string values with its keys sorted, as `JSONEncoder` writes a `[String: String]`.
  mutating func stringObject(_ values: [String: String]) {
    beginObject()
    for (name, value) in values.sorted(by: { $0.key < $1.key }) {
      key(name)
      string(value)
    }
    endObject()
  }

  // MARK: - Bytes

  private mutating func valuePrefix() {
    if afterKey {
      afterKey = false
    } else if depth > 0 {
      separator()
    }
  }

  private mutating func separator() {
    if !empty { bytes.append(0x2C) }
    empty = false
    if pretty { newline() }
  }

  /// A line break followed by enough spaces for the indentation of any report (deeper levels fall back
  /// to appending spaces one run at a time).
  private static let breakAndIndent: [UInt8] = [0x0A] + [UInt8](repeating: 0x20, count: 64)

  private mutating func newline() {
    let count = 1 + 2 * depth
    if count <= Self.breakAndIndent.count {
      Self.breakAndIndent.withUnsafeBufferPointer { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: $0[0..<count])) }
    } else {
      bytes.append(0x0A)
      bytes.append(contentsOf: repeatElement(0x20, count: count - 1))
    }
  }

  private mutating func appendDigits(_ value: Int64) {
    if value >= 0 && value < 10 {
      bytes.append(0x30 &+ UInt8(truncatingIfNeeded: value))
      return
    }
    if value < 0 { bytes.append(0x2D) }
    var magnitude = value.magnitude
    var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // up to 20 digits, least significant first, as bytes
    var count = 0
    withUnsafeMutableBytes(of: &digits) { raw in
      while magnitude > 0 || count == 0 {
        raw[count] = 0x30 &+ UInt8(truncatingIfNeeded: magnitude % 10)
        magnitude /= 10
        count += 1
      }
    }
    withUnsafeBytes(of: &digits) { raw in
      for i in stride(from: count - 1, through: 0, by: -1) { bytes.append(raw[i]) }
    }
  }

  private static let hex: [UInt8] = Array("0123456789abcdef".utf8)

  /// `"value"` with `"`, `\` and control characters escaped (slashes and non-ASCII as they are).
  ///
  /// Runs without anything to escape are found eight bytes at a time and copied in one piece.
  private mutating func appendQuoted(_ value: String) {
    bytes.append(0x22)
    var copy = value
    copy.withUTF8 { utf8 in
      guard let base = utf8.baseAddress else { return }
      let n = utf8.count
      var runStart = 0
      var i = 0
      while i < n {
        if i + 8 <= n {
          let word = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
          if !Self.mayNeedEscape(word) {
            i += 8
            continue
          }
        }
        let b = base[i]
        if b >= 0x20 && b != 0x22 && b != 0x5C {
          i += 1
          continue
        }
        if i > runStart { bytes.append(contentsOf: UnsafeBufferPointer(start: base + runStart, count: i - runStart)) }
        switch b {
        case 0x22: bytes.append(0x5C); bytes.append(0x22)
        case 0x5C: bytes.append(0x5C); bytes.append(0x5C)
        case 0x0A: bytes.append(0x5C); bytes.append(0x6E)
        case 0x0D: bytes.append(0x5C); bytes.append(0x72)
        case 0x09: bytes.append(0x5C); bytes.append(0x74)
        case 0x08: bytes.append(0x5C); bytes.append(0x62)
        case 0x0C: bytes.append(0x5C); bytes.append(0x66)
        default:
          bytes.append(contentsOf: [0x5C, 0x75, 0x30, 0x30])
          bytes.append(Self.hex[Int(b >> 4)])
          bytes.append(Self.hex[Int(b & 0xF)])
        }
        i += 1
        runStart = i
      }
      if n > runStart { bytes.append(contentsOf: UnsafeBufferPointer(start: base + runStart, count: n - runStart)) }
    }
    bytes.append(0x22)
  }

  /// Whether any of the eight bytes of `word` is below 0x20, `"` or `\\` (exact: never a false "no").
  ///
  /// `(x - 0x01…) & ~x & 0x80…` is non-zero exactly when a byte of `x` is zero; the same test on
  /// `word - 0x20…` finds bytes below 0x20 (bytes of 0x80 and above never match).
  @inline(__always)
  static func mayNeedEscape(_ word: UInt64) -> Bool {
    let ones: UInt64 = 0x0101_0101_0101_0101
    let high: UInt64 = 0x8080_8080_8080_8080
    let control = (word &- ones &* 0x20) & ~word & high
    let quote = word ^ (ones &* 0x22)
    let backslash = word ^ (ones &* 0x5C)
    let quoteZero = (quote &- ones) & ~quote & high
    let backslashZero = (backslash &- ones) & ~backslash & high
    return (control | quoteZero | backslashZero) != 0
  }
}
