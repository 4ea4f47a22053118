/// Plain text written into one growing byte buffer, for reporters whose output is many small pieces.
///
/// Appending bytes costs far less than building a `String` per line and joining them; the buffer is
/// turned into a `String` once, at the end.
struct TextOutput {
  /// The bytes written so far (UTF-8).
  var bytes: [UInt8] = []

  /// An empty buffer with room for `capacity` bytes.
  init(capacity: Int = 1 << 16) {
    bytes.reserveCapacity(capacity)
  }

  /// The buffer as a string.
  var text: String { String(decoding: bytes, as: UTF8.self) }

  /// Appends a string.
  mutating func append(_ s: String) { bytes.append(contentsOf: s.utf8) }

  /// Appends a substring.
  mutating func append(_ s: Substring) { bytes.append(contentsOf: s.utf8) }

  /// Appends a literal.
  mutating func append(_ s: StaticString) { s.withUTF8Buffer { bytes.append(contentsOf: $0) } }

  /// Appends one ASCII byte.
  mutating func append(byte: UInt8) { bytes.append(byte) }

  /// Appends `count` copies of `byte`.
  mutating func append(byte: UInt8, count: Int) {
    if count > 0 { bytes.append(contentsOf: repeatElement(byte, count: count)) }
  }

  /// Appends an integer in decimal.
  mutating func append(_ n: Int) {
    if n >= 0 && n < 10 {
      bytes.append(0x30 &+ UInt8(truncatingIfNeeded: n))
    } else {
      bytes.append(contentsOf: String(n).utf8)
    }
  }
}
