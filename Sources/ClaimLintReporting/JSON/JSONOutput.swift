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
  /// The buffer: the first `count` bytes are those written so far (UTF-8), the rest is room that
  /// writes fill in place (a write reserves its longest form once and stores its bytes through a
  /// pointer, instead of appending them to an array one piece at a time). The room is never read, so
  /// it is left as allocated: an array would fill it with zeros first (a megabyte for every streamed
  /// report, and every group of `JSONReporter.writeEntries` again).
  private var storage: ByteStorage
  /// How many bytes of `storage` are written.
  private(set) var count = 0
  /// Whether to pretty-print.
  let pretty: Bool
  /// How many containers are open.
  private var depth = 0
  /// Whether the innermost open container has no entry yet.
  private var empty = true
  /// Whether a key was just written, so the next value follows it without a separator.
  private var afterKey = false
  /// Where written bytes go once the buffer holds `flushSize` of them (nil: they stay in the buffer).
  private var sink: (([UInt8]) -> Void)?
  /// The buffer size at which `flushIfLarge` hands the bytes to the sink.
  static let flushSize = 1 << 20

  /// An empty buffer with room for `capacity` bytes.
  init(pretty: Bool, capacity: Int = 1 << 16) {
    self.pretty = pretty
    storage = ByteStorage(capacity: capacity)
  }

  /// A buffer that hands its bytes to `sink` in chunks of about `flushSize` (see `flushIfLarge`); the
  /// caller hands over what is left at the end (`takeBytes()`).
  init(pretty: Bool, sink: @escaping ([UInt8]) -> Void) {
    self.init(pretty: pretty, capacity: Self.flushSize + (Self.flushSize >> 2))
    self.sink = sink
  }

  /// Hands the bytes written so far to the sink when there are `flushSize` of them: called between
  /// entries of long arrays, so a report of 100,000 documents never sits whole in memory.
  mutating func flushIfLarge() {
    guard let sink, count >= Self.flushSize else { return }
    sink(bytes)
    count = 0
  }

  /// The bytes written so far (a copy).
  var bytes: [UInt8] { storage.copy(count) }

  /// The bytes written so far, leaving the buffer empty.
  mutating func takeBytes() -> [UInt8] {
    let result = bytes
    count = 0
    return result
  }

  /// The buffer as a string.
  var text: String { withExtendedLifetime(storage) { String(decoding: UnsafeBufferPointer(start: storage.base, count: count), as: UTF8.self) } }

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
  ///
  /// With a sink, a large part (a sixteenth of `flushSize` or more) goes to the sink after the
  /// buffer's bytes (the same bytes in the same order), without being copied into the buffer first.
  mutating func append(_ part: JSONOutput) {
    let n = part.count
    if let sink, n >= Self.flushSize / 16 {
      if count > 0 { sink(bytes) }
      count = 0
      sink(part.bytes)
    } else {
      withExtendedLifetime(part.storage) {
        let from = part.storage.base
        write(room: n) { to in
          to.update(from: from, count: n)
          return n
        }
      }
    }
    depth = part.depth
    empty = part.empty
    afterKey = part.afterKey
  }

  /// Appends one raw byte (a line break between the objects of JSON Lines, the final line break).
  mutating func appendByte(_ byte: UInt8) {
    write(room: 1) { to in
      to[0] = byte
      return 1
    }
  }

  // MARK: - Room

  /// Calls `body` with a pointer to at least `room` bytes after those written, and counts the bytes it
  /// says it wrote there (at most `room`).
  ///
  /// A buffer shared with a copy of this output is copied first, as an array would be: copies of a
  /// `JSONOutput` are independent values.
  @inline(__always)
  private mutating func write(room: Int, _ body: (UnsafeMutablePointer<UInt8>) -> Int) {
    if storage.capacity - count < room || !isKnownUniquelyReferenced(&storage) { grow(room) }
    let at = count
    count = at + body(storage.base + at)
  }

  /// Makes room for `room` more bytes in a buffer of its own: at least doubles the buffer when it is
  /// too small, keeping what is written.
  @inline(never)
  private mutating func grow(_ room: Int) {
    let needed = count + room
    let bigger = ByteStorage(capacity: needed <= storage.capacity ? storage.capacity : max(storage.capacity * 2, needed, 256))
    bigger.base.update(from: storage.base, count: count)
    storage = bigger
  }

  /// The eight bytes of a word of spaces.
  private static let spaces: UInt64 = 0x2020_2020_2020_2020

  /// Writes a line break and `2 * depth` spaces at `to` (storing up to 7 spaces more, inside the room
  /// `indentRoom` reserves); returns the bytes written.
  @inline(__always)
  private static func lineBreak(depth: Int, at to: UnsafeMutablePointer<UInt8>) -> Int {
    to[0] = 0x0A
    let n = 2 * depth
    var i = 0
    while i < n {
      UnsafeMutableRawPointer(to + 1 + i).storeBytes(of: spaces, as: UInt64.self)
      i += 8
    }
    return 1 + n
  }

  /// The room a separator (comma, line break, indentation) needs at the current depth.
  @inline(__always)
  private var separatorRoom: Int { 2 + 2 * depth + 8 }

  // MARK: - Containers

  /// Opens an object (as a value of the current key or element of the current array).
  mutating func beginObject() { open(0x7B) }

  /// Closes the innermost object.
  mutating func endObject() { close(0x7D) }

  /// Opens an array.
  mutating func beginArray() { open(0x5B) }

  /// Closes the innermost array.
  mutating func endArray() { close(0x5D) }

  private mutating func open(_ bracket: UInt8) {
    let prefix = valuePrefix()
    write(room: prefix.room + 1) { to in
      let n = prefix.write(at: to)
      to[n] = bracket
      return n + 1
    }
    depth += 1
    empty = true
  }

  private mutating func close(_ bracket: UInt8) {
    depth -= 1
    let pretty = pretty, wasEmpty = empty, depth = depth
    write(room: 3 + 2 * depth + 8) { to in
      var n = 0
      if pretty {
        if wasEmpty {
          to[0] = 0x0A
          n = 1
        }
        n += Self.lineBreak(depth: depth, at: to + n)
      }
      to[n] = bracket
      return n + 1
    }
    empty = false
  }

  /// Starts the next entry of the open object; `name` must sort after the previous key.
  mutating func key(_ name: StaticString) {
    let prefix = separator()
    let pretty = pretty
    name.withUTF8Buffer { name in
      let length = name.count
      guard let from = name.baseAddress else { return }
      write(room: prefix.room + length + 5) { to in
        var n = prefix.write(at: to)
        to[n] = 0x22
        (to + n + 1).update(from: from, count: length)
        n += length + 1
        to[n] = 0x22
        return n + 1 + Self.colon(pretty: pretty, at: to + n + 1)
      }
    }
    afterKey = true
  }

  /// Starts the next entry of the open object with `run`'s key: when the output is pretty and the
  /// object is at `run.depth`, with an entry before the key exactly when `run.first` is false, the
  /// separator, key and colon are `run`'s bytes, copied as one run (what `key(run.name)` writes there:
  /// the same comma, line break, indentation, quoted key and colon, and the same state after it);
  /// otherwise this is `key(run.name)`.
  @inline(__always)
  mutating func key(_ run: KeyRun) {
    guard pretty, depth == run.depth, empty == run.first else { return key(run.name) }
    empty = false
    let length = run.bytes.count
    let from = run.bytes.baseAddress!
    write(room: length) { to in
      to.update(from: from, count: length)
      return length
    }
    afterKey = true
  }

  /// Starts the next entry of the open object with a key already quoted (and needing no escapes).
  mutating func key(quoted: [UInt8]) {
    let prefix = separator()
    let pretty = pretty
    quoted.withUnsafeBufferPointer { quoted in
      let length = quoted.count
      guard let from = quoted.baseAddress else { return }
      write(room: prefix.room + length + 3) { to in
        let n = prefix.write(at: to)
        (to + n).update(from: from, count: length)
        return n + length + Self.colon(pretty: pretty, at: to + n + length)
      }
    }
    afterKey = true
  }

  /// Starts the next entry of the open object with a key that may need escaping (a key spelled in
  /// the code is a `StaticString`: `key(_:)`; a separate label, so that a literal never picks this one).
  mutating func key(escaping name: String) {
    quoted(name, prefix: separator(), colon: true)
    afterKey = true
  }

  /// Writes the colon after a key; returns the bytes written (at most 3).
  @inline(__always)
  private static func colon(pretty: Bool, at to: UnsafeMutablePointer<UInt8>) -> Int {
    guard pretty else {
      to[0] = 0x3A
      return 1
    }
    to[0] = 0x20
    to[1] = 0x3A
    to[2] = 0x20
    return 3
  }

  // MARK: - Values

  /// A string value.
  mutating func string(_ value: String) {
    quoted(value, prefix: valuePrefix(), colon: false)
  }

  /// A string value, or null.
  mutating func string(_ value: String?) {
    if let value { string(value) } else { null() }
  }

  /// An integer value.
  mutating func int(_ value: Int) {
    let prefix = valuePrefix()
    write(room: prefix.room + 20) { to in
      let n = prefix.write(at: to)
      return n + Self.digits(Int64(value), at: to + n)
    }
  }

  /// An integer value, or null.
  mutating func int(_ value: Int?) {
    if let value { int(value) } else { null() }
  }

  /// A boolean value.
  mutating func bool(_ value: Bool) {
    literal(value ? "true" : "false")
  }

  /// A boolean value, or null.
  mutating func bool(_ value: Bool?) {
    if let value { bool(value) } else { null() }
  }

  /// `null`.
  mutating func null() {
    literal("null")
  }

  /// A value written as it is spelled (`true`, `false`, `null`).
  private mutating func literal(_ text: StaticString) {
    let prefix = valuePrefix()
    text.withUTF8Buffer { text in
      let length = text.count
      write(room: prefix.room + length) { to in
        let n = prefix.write(at: to)
        for i in 0..<length { to[n + i] = text[i] }
        return n + length
      }
    }
  }

  /// A date as `YYYY-MM-DD` (`CalendarDate.description`), or null.
  mutating func date(_ value: CalendarDate?) {
    guard let value else { return null() }
    guard (0...9999).contains(value.year), (0...99).contains(value.month), (0...99).contains(value.day) else {
      return string(value.description)
    }
    let prefix = valuePrefix()
    write(room: prefix.room + 12) { to in
      let n = prefix.write(at: to)
      to[n] = 0x22
      Self.padded(value.year, 4, at: to + n + 1)
      to[n + 5] = 0x2D
      Self.padded(value.month, 2, at: to + n + 6)
      to[n + 8] = 0x2D
      Self.padded(value.day, 2, at: to + n + 9)
      to[n + 11] = 0x22
      return n + 12
    }
  }

  /// Writes a non-negative number with leading zeros to `width` digits.
  @inline(__always)
  private static func padded(_ value: Int, _ width: Int, at to: UnsafeMutablePointer<UInt8>) {
    var rest = value
    var i = width - 1
    while i >= 0 {
      to[i] = 0x30 &+ UInt8(truncatingIfNeeded: rest % 10)
      rest /= 10
      i -= 1
    }
  }

  /// A number as `JSONNumber` writes it: whole values below 2^53 as integers, other finite values in
  /// their shortest round-trip form, and null for infinities and NaN (and for nil).
  mutating func number(_ value: Double?) {
    guard let value else { return null() }
    if let integer = NumberText.integral(value) {
      let prefix = valuePrefix()
      write(room: prefix.room + 20) { to in
        let n = prefix.write(at: to)
        return n + Self.digits(integer, at: to + n)
      }
    } else if value.isFinite {
      var s = value.description
      if s.hasSuffix(".0") { s.removeLast(2) }
      let prefix = valuePrefix()
      var utf8 = Array(s.utf8)
      let length = utf8.count
      utf8.withUnsafeMutableBufferPointer { utf8 in
        guard let from = utf8.baseAddress else { return }
        write(room: prefix.room + length) { to in
          let n = prefix.write(at: to)
          (to + n).update(from: from, count: length)
          return n + length
        }
      }
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
      key(escaping: name)
      string(value)
    }
    endObject()
  }

  // MARK: - Bytes

  /// What goes before an entry: a comma unless it is the first of its container, and (pretty) a line
  /// break with the indentation of `depth`; nothing for the value of a key.
  private struct Prefix {
    let comma: Bool
    let lineBreak: Bool
    let depth: Int

    /// The room writing it needs (with the slack of `lineBreak(depth:at:)`).
    var room: Int { 10 + 2 * depth }

    /// Writes it at `to`; returns the bytes written.
    @inline(__always)
    func write(at to: UnsafeMutablePointer<UInt8>) -> Int {
      var n = 0
      if comma {
        to[0] = 0x2C
        n = 1
      }
      if lineBreak { n += JSONOutput.lineBreak(depth: depth, at: to + n) }
      return n
    }
  }

  /// The prefix of a value: none after a key, a separator inside a container.
  @inline(__always)
  private mutating func valuePrefix() -> Prefix {
    if afterKey {
      afterKey = false
      return Prefix(comma: false, lineBreak: false, depth: 0)
    }
    if depth > 0 { return separator() }
    return Prefix(comma: false, lineBreak: false, depth: 0)
  }

  /// The separator before the next entry of the open container.
  @inline(__always)
  private mutating func separator() -> Prefix {
    let comma = !empty
    empty = false
    return Prefix(comma: comma, lineBreak: pretty, depth: depth)
  }

  /// Writes `value` in digits at `to`; returns the bytes written (at most 20).
  @inline(__always)
  private static func digits(_ value: Int64, at to: UnsafeMutablePointer<UInt8>) -> Int {
    if value >= 0 && value < 10 {
      to[0] = 0x30 &+ UInt8(truncatingIfNeeded: value)
      return 1
    }
    var n = 0
    if value < 0 {
      to[0] = 0x2D
      n = 1
    }
    let magnitude = value.magnitude
    var length = 1
    var rest = magnitude / 10
    while rest > 0 {
      length += 1
      rest /= 10
    }
    rest = magnitude
    var i = n + length - 1
    while i >= n {
      to[i] = 0x30 &+ UInt8(truncatingIfNeeded: rest % 10)
      rest /= 10
      i -= 1
    }
    return n + length
  }

  /// The lowercase hexadecimal digit of `value` (0 to 15).
  private static func hexDigit(_ value: UInt8) -> UInt8 {
    value < 10 ? 0x30 &+ value : 0x57 &+ value
  }

  /// `prefix`, then `"value"` with `"`, `\` and control characters escaped (slashes and non-ASCII as
  /// they are), then the colon of a key when `colon`.
  private mutating func quoted(_ value: String, prefix: Prefix, colon: Bool) {
    let done: Void? = value.utf8.withContiguousStorageIfAvailable { utf8 in
      quoted(utf8, prefix: prefix, colon: colon)
    }
    if done == nil {
      var copy = value
      copy.withUTF8 { quoted($0, prefix: prefix, colon: colon) }
    }
  }

  /// `quoted(_:prefix:colon:)` of the UTF-8 bytes of a string.
  ///
  /// Runs without anything to escape are found and copied eight bytes at a time, straight into the
  /// room reserved for the longest escaped form (six bytes a byte).
  private mutating func quoted(_ utf8: UnsafeBufferPointer<UInt8>, prefix: Prefix, colon: Bool) {
    let count = utf8.count
    let pretty = pretty
    write(room: prefix.room + 6 * count + 5) { to in
      var o = prefix.write(at: to)
      to[o] = 0x22
      o += 1
      if let from = utf8.baseAddress {
        var i = 0
        while i < count {
          if i + 8 <= count {
            let word = UnsafeRawPointer(from + i).loadUnaligned(as: UInt64.self)
            if !Self.mayNeedEscape(word) {
              UnsafeMutableRawPointer(to + o).storeBytes(of: word, as: UInt64.self)
              i += 8
              o += 8
              continue
            }
          }
          let b = from[i]
          i += 1
          if b >= 0x20 && b != 0x22 && b != 0x5C {
            to[o] = b
            o += 1
            continue
          }
          to[o] = 0x5C
          switch b {
          case 0x22: to[o + 1] = 0x22
          case 0x5C: to[o + 1] = 0x5C
          case 0x0A: to[o + 1] = 0x6E
          case 0x0D: to[o + 1] = 0x72
          case 0x09: to[o + 1] = 0x74
          case 0x08: to[o + 1] = 0x62
          case 0x0C: to[o + 1] = 0x66
          default:
            to[o + 1] = 0x75
            to[o + 2] = 0x30
            to[o + 3] = 0x30
            to[o + 4] = Self.hexDigit(b >> 4)
            to[o + 5] = Self.hexDigit(b & 0xF)
            o += 4
          }
          o += 2
        }
      }
      to[o] = 0x22
      o += 1
      if colon { o += Self.colon(pretty: pretty, at: to + o) }
      return o
    }
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

/// A key spelled in the code with what pretty output writes before and after it in an object at
/// `depth`: a comma (unless it is the object's first entry, `first`), a line break, two spaces a level,
/// the quoted key and ` : ` (see `JSONOutput.key(_: KeyRun)`). Runs are constants of the reporters:
/// their bytes are allocated once and never freed (and so read without reference counting).
struct KeyRun: @unchecked Sendable {
  let name: StaticString
  let depth: Int
  let first: Bool
  let bytes: UnsafeBufferPointer<UInt8>

  init(_ name: StaticString, depth: Int, first: Bool = false) {
    self.name = name
    self.depth = depth
    self.first = first
    var run: [UInt8] = first ? [] : [0x2C]
    run.append(0x0A)
    run += [UInt8](repeating: 0x20, count: 2 * depth)
    run.append(0x22)
    name.withUTF8Buffer { run += $0 }
    run += [0x22, 0x20, 0x3A, 0x20]
    let stored = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: run.count)
    _ = stored.initialize(from: run)
    bytes = UnsafeBufferPointer(stored)
  }
}

/// The memory of a `JSONOutput`'s buffer, allocated without being filled (bytes are only ever read
/// after they were written: the first `count` of `JSONOutput`).
private final class ByteStorage {
  let base: UnsafeMutablePointer<UInt8>
  let capacity: Int

  init(capacity: Int) {
    self.capacity = max(0, capacity)
    base = .allocate(capacity: max(1, capacity))
  }

  deinit { base.deallocate() }

  /// The first `count` bytes as an array.
  func copy(_ count: Int) -> [UInt8] {
    [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
      if let to = buffer.baseAddress { to.update(from: base, count: count) }
      initialized = count
    }
  }
}
