/// A JSON value read by claimlint's own small parser, which keeps booleans apart from numbers and
/// reports the line and column of a syntax error (Foundation's parser does neither on every platform).
public indirect enum JSONValue: Sendable, Hashable {
  case null
  case bool(Bool)
  case number(Double)
  case string(String)
  case array([JSONValue])
  /// Keys in document order.
  case object([(String, JSONValue)])

  public static func == (a: JSONValue, b: JSONValue) -> Bool {
    switch (a, b) {
    case (.null, .null): return true
    case let (.bool(x), .bool(y)): return x == y
    case let (.number(x), .number(y)): return x == y
    case let (.string(x), .string(y)): return x == y
    case let (.array(x), .array(y)): return x == y
    case let (.object(x), .object(y)):
      return x.count == y.count && zip(x, y).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
    default: return false
    }
  }

  public func hash(into h: inout Hasher) {
    switch self {
    case .null: h.combine(0)
    case .bool(let b): h.combine(b)
    case .number(let n): h.combine(n)
    case .string(let s): h.combine(s)
    case .array(let a): h.combine(a)
    case .object(let o):
      for (k, v) in o {
        h.combine(k)
        h.combine(v)
      }
    }
  }

  /// A short description of the value's type and content for error messages.
  public var rendered: String {
    switch self {
    case .null: return "null"
    case .bool(let b): return b ? "true" : "false"
    case .number(let n): return n == n.rounded() && abs(n) < 1e15 ? String(Int(n)) : String(n)
    case .string(let s): return "\"\(s)\""
    case .array: return "an array"
    case .object: return "an object"
    }
  }

  public var objectValue: [(String, JSONValue)]? {
    if case .object(let o) = self { return o }
    return nil
  }

  /// Parses `bytes` as one JSON document.
  ///
  /// - Throws: `DataFileError` with the line and column of the problem.
  public static func parse(_ bytes: [UInt8], path: String) throws(DataFileError) -> JSONValue {
    try parseLocated(bytes, path: path).value
  }

  /// Parses `bytes` as one JSON document and keeps where each key and value starts, so that errors
  /// found later (a wrong type, an unknown rule id) can point into the file.
  public static func parseLocated(_ bytes: [UInt8], path: String) throws(DataFileError) -> (value: JSONValue, locations: JSONLocations) {
    var p = JSONParser(bytes: bytes, path: path)
    p.skipWhitespace()
    let v = try p.value(depth: 0, keyPath: "")
    p.skipWhitespace()
    if p.i < p.bytes.count { throw p.error("unexpected content after the JSON value") }
    return (v, JSONLocations(bytes: p.bytes, keys: p.keyOffsets, values: p.valueOffsets))
  }
}

/// Where the keys and values of a parsed JSON document start, by key path (`rules.quantity-mismatch.tolerance`,
/// `sources[2]`; the top-level value is the empty path).
public struct JSONLocations: Sendable {
  let bytes: [UInt8]
  let keys: [String: Int]
  let values: [String: Int]

  /// `error` with the line and column of its key path filled in, when it has a key path and no position.
  public func locate(_ error: DataFileError) -> DataFileError {
    guard error.line == nil, let keyPath = error.keyPath else { return error }
    guard let offset = (error.pointsAtKey ? keys[keyPath] : nil) ?? values[keyPath] else { return error }
    var e = error
    let pos = LineIndex(bytes: bytes).position(of: offset, in: bytes)
    e.line = pos.line
    e.column = pos.column
    return e
  }
}

private struct JSONParser {
  let bytes: [UInt8]
  let path: String
  var i = 0
  var keyOffsets: [String: Int] = [:]
  var valueOffsets: [String: Int] = [:]

  init(bytes: [UInt8], path: String) {
    // A byte order mark is dropped, so that columns on the first line match what an editor shows.
    self.bytes = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes
    self.path = path
  }

  /// An error at the current offset.
  func error(_ message: String) -> DataFileError { error(message, at: i) }

  /// An error at byte offset `offset`.
  func error(_ message: String, at offset: Int) -> DataFileError {
    let index = LineIndex(bytes: bytes)
    let pos = index.position(of: offset, in: bytes)
    return DataFileError(path: path, line: pos.line, column: pos.column, message: message)
  }

  mutating func skipWhitespace() {
    while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x0A || bytes[i] == 0x0D || bytes[i] == 0x09 { i += 1 }
  }

  mutating func value(depth: Int, keyPath: String) throws(DataFileError) -> JSONValue {
    guard depth < 200 else { throw error("JSON nested too deeply") }
    guard i < bytes.count else { throw error("unexpected end of file") }
    valueOffsets[keyPath] = i
    switch bytes[i] {
    case UInt8(ascii: "{"):
      i += 1
      var members: [(String, JSONValue)] = []
      skipWhitespace()
      if i < bytes.count, bytes[i] == UInt8(ascii: "}") {
        i += 1
        return .object(members)
      }
      while true {
        skipWhitespace()
        guard i < bytes.count, bytes[i] == UInt8(ascii: "\"") else { throw error("expected a string key") }
        let keyStart = i
        let key = try string()
        if members.contains(where: { $0.0 == key }) { throw error("duplicate key '\(key)'", at: keyStart) }
        skipWhitespace()
        guard i < bytes.count, bytes[i] == UInt8(ascii: ":") else { throw error("expected ':' after key") }
        i += 1
        skipWhitespace()
        let memberPath = keyPath.isEmpty ? key : keyPath + "." + key
        keyOffsets[memberPath] = keyStart
        members.append((key, try value(depth: depth + 1, keyPath: memberPath)))
        skipWhitespace()
        guard i < bytes.count else { throw error("unexpected end of file in object") }
        if bytes[i] == UInt8(ascii: ",") {
          i += 1
          continue
        }
        if bytes[i] == UInt8(ascii: "}") {
          i += 1
          return .object(members)
        }
        throw error("expected ',' or '}'")
      }
    case UInt8(ascii: "["):
      i += 1
      var items: [JSONValue] = []
      skipWhitespace()
      if i < bytes.count, bytes[i] == UInt8(ascii: "]") {
        i += 1
        return .array(items)
      }
      while true {
        skipWhitespace()
        items.append(try value(depth: depth + 1, keyPath: keyPath + "[\(items.count)]"))
        skipWhitespace()
        guard i < bytes.count else { throw error("unexpected end of file in array") }
        if bytes[i] == UInt8(ascii: ",") {
          i += 1
          continue
        }
        if bytes[i] == UInt8(ascii: "]") {
          i += 1
          return .array(items)
        }
        throw error("expected ',' or ']'")
      }
    case UInt8(ascii: "\""):
      return .string(try string())
    case UInt8(ascii: "t"):
      return try literal("true", .bool(true))
    case UInt8(ascii: "f"):
      return try literal("false", .bool(false))
    case UInt8(ascii: "n"):
      return try literal("null", .null)
    default:
      return try number()
    }
  }

  mutating func literal(_ word: String, _ v: JSONValue) throws(DataFileError) -> JSONValue {
    let w = Array(word.utf8)
    guard i + w.count <= bytes.count, Array(bytes[i..<i + w.count]) == w else { throw error("unexpected character") }
    i += w.count
    return v
  }

  mutating func number() throws(DataFileError) -> JSONValue {
    let start = i
    while i < bytes.count, let c = Optional(bytes[i]),
      (c >= 48 && c <= 57) || c == UInt8(ascii: "-") || c == UInt8(ascii: "+") || c == UInt8(ascii: ".")
        || c == UInt8(ascii: "e") || c == UInt8(ascii: "E")
    {
      i += 1
    }
    let token = bytes[start..<i]
    guard i > start else { throw error("unexpected character") }
    guard Self.isJSONNumber(token), let d = Double(String(decoding: token, as: UTF8.self)), d.isFinite else {
      throw error("invalid number '\(String(decoding: token, as: UTF8.self))'", at: start)
    }
    return .number(d)
  }

  /// Whether `token` follows JSON's number grammar: `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`.
  static func isJSONNumber(_ token: ArraySlice<UInt8>) -> Bool {
    var k = token.startIndex
    let end = token.endIndex
    func isDigit(_ at: Int) -> Bool { at < end && token[at] >= 48 && token[at] <= 57 }
    if k < end, token[k] == UInt8(ascii: "-") { k += 1 }
    guard isDigit(k) else { return false }
    if token[k] == UInt8(ascii: "0") {
      k += 1
    } else {
      while isDigit(k) { k += 1 }
    }
    if k < end, token[k] == UInt8(ascii: ".") {
      k += 1
      guard isDigit(k) else { return false }
      while isDigit(k) { k += 1 }
    }
    if k < end, token[k] == UInt8(ascii: "e") || token[k] == UInt8(ascii: "E") {
      k += 1
      if k < end, token[k] == UInt8(ascii: "+") || token[k] == UInt8(ascii: "-") { k += 1 }
      guard isDigit(k) else { return false }
      while isDigit(k) { k += 1 }
    }
    return k == end
  }

  /// The value of four hex digits at `start`, or nil.
  func hex4(at start: Int) -> UInt32? {
    guard start + 4 <= bytes.count else { return nil }
    var v: UInt32 = 0
    for b in bytes[start..<start + 4] {
      switch b {
      case 48...57: v = v * 16 + UInt32(b - 48)
      case 65...70: v = v * 16 + UInt32(b - 55)
      case 97...102: v = v * 16 + UInt32(b - 87)
      default: return nil
      }
    }
    return v
  }

  mutating func string() throws(DataFileError) -> String {
    i += 1
    var out: [UInt8] = []
    while i < bytes.count {
      let c = bytes[i]
      if c == UInt8(ascii: "\"") {
        i += 1
        return String(decoding: out, as: UTF8.self)
      }
      if c == UInt8(ascii: "\\") {
        let escapeStart = i
        i += 1
        guard i < bytes.count else { break }
        let e = bytes[i]
        switch e {
        case UInt8(ascii: "n"): out.append(0x0A)
        case UInt8(ascii: "t"): out.append(0x09)
        case UInt8(ascii: "r"): out.append(0x0D)
        case UInt8(ascii: "b"): out.append(0x08)
        case UInt8(ascii: "f"): out.append(0x0C)
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(e)
        case UInt8(ascii: "u"):
          guard let v = hex4(at: i + 1) else { throw error("bad \\u escape", at: escapeStart) }
          i += 4
          var scalar = v
          if (0xD800..<0xDC00).contains(v), i + 2 < bytes.count, bytes[i + 1] == UInt8(ascii: "\\"),
            bytes[i + 2] == UInt8(ascii: "u"), let lo = hex4(at: i + 3), (0xDC00..<0xE000).contains(lo)
          {
            scalar = 0x10000 + ((v - 0xD800) << 10) + (lo - 0xDC00)
            i += 6
          }
          out.append(contentsOf: Array(String(Unicode.Scalar(scalar).map(Character.init) ?? "\u{FFFD}").utf8))
        default:
          let shown = String(decoding: bytes[i..<min(i + 1, bytes.count)], as: UTF8.self)
          throw error("unknown escape '\\\(shown)'", at: escapeStart)
        }
        i += 1
        continue
      }
      if c < 0x20 { throw error("control character in string") }
      out.append(c)
      i += 1
    }
    throw error("unterminated string")
  }
}
