/// Writes `Encodable` values as JSON, byte for byte as Foundation's `JSONEncoder` does with
/// `[.sortedKeys, .withoutEscapingSlashes]` (and `.prettyPrinted` when asked), several times faster.
///
/// Reports of large archives run to tens of megabytes; `JSONEncoder` spent most of the reporting time.
/// The writer supports what the report models use: keyed and unkeyed containers, strings, booleans,
/// integers, finite doubles and null. Its output is compared with `JSONEncoder`'s in the tests.
enum JSONWriter {
  static func write<T: Encodable>(_ value: T, pretty: Bool) throws -> String {
    let encoder = TreeEncoder()
    try value.encode(to: encoder)
    var out: [UInt8] = []
    out.reserveCapacity(1 << 16)
    serialize(encoder.root.node, pretty: pretty, depth: 0, into: &out)
    return String(decoding: out, as: UTF8.self)
  }

  // MARK: - Serialising

  private static func serialize(_ node: Node, pretty: Bool, depth: Int, into out: inout [UInt8]) {
    switch node {
    case .null: out.append(contentsOf: "null".utf8)
    case .bool(let b): out.append(contentsOf: (b ? "true" : "false").utf8)
    case .integer(let i): out.append(contentsOf: String(i).utf8)
    case .double(let d): out.append(contentsOf: doubleText(d).utf8)
    case .string(let s): string(s, into: &out)
    case .array(let box):
      let items = box.items
      out.append(0x5B)
      if items.isEmpty {
        if pretty { out.append(0x0A); newline(depth, into: &out) }
        out.append(0x5D)
        return
      }
      for (k, item) in items.enumerated() {
        if k > 0 { out.append(0x2C) }
        if pretty { newline(depth + 1, into: &out) }
        serialize(item.node, pretty: pretty, depth: depth + 1, into: &out)
      }
      if pretty { newline(depth, into: &out) }
      out.append(0x5D)
    case .object(let box):
      let entries = box.entries.sorted { $0.key < $1.key }
      out.append(0x7B)
      if entries.isEmpty {
        if pretty { out.append(0x0A); newline(depth, into: &out) }
        out.append(0x7D)
        return
      }
      for (k, entry) in entries.enumerated() {
        if k > 0 { out.append(0x2C) }
        if pretty { newline(depth + 1, into: &out) }
        string(entry.key, into: &out)
        out.append(contentsOf: pretty ? " : ".utf8 : ":".utf8)
        serialize(entry.value.node, pretty: pretty, depth: depth + 1, into: &out)
      }
      if pretty { newline(depth, into: &out) }
      out.append(0x7D)
    }
  }

  /// A line break and the indentation of `depth` (two spaces a level). An empty container prints as
  /// its bracket, a blank line and its indented closing bracket, as `JSONEncoder` does.
  private static func newline(_ depth: Int, into out: inout [UInt8]) {
    out.append(0x0A)
    for _ in 0..<(2 * depth) { out.append(0x20) }
  }

  private static func doubleText(_ d: Double) -> String {
    var s = d.description
    if s.hasSuffix(".0") { s.removeLast(2) }
    return s
  }

  private static let hex: [UInt8] = Array("0123456789abcdef".utf8)

  private static func string(_ s: String, into out: inout [UInt8]) {
    out.append(0x22)
    for b in s.utf8 {
      switch b {
      case 0x22: out.append(0x5C); out.append(0x22)
      case 0x5C: out.append(0x5C); out.append(0x5C)
      case 0x0A: out.append(0x5C); out.append(0x6E)
      case 0x0D: out.append(0x5C); out.append(0x72)
      case 0x09: out.append(0x5C); out.append(0x74)
      case 0x08: out.append(0x5C); out.append(0x62)
      case 0x0C: out.append(0x5C); out.append(0x66)
      case 0x00..<0x20:
        out.append(contentsOf: [0x5C, 0x75, 0x30, 0x30, hex[Int(b >> 4)], hex[Int(b & 0xF)]])
      default: out.append(b)
      }
    }
    out.append(0x22)
  }
}

// MARK: - The tree an encoding builds

/// A value being encoded; containers are boxes so that nested containers can be filled after they
/// are attached to their parent.
private enum Node {
  case null
  case bool(Bool)
  case integer(Int64)
  case double(Double)
  case string(String)
  case array(ArrayBox)
  case object(ObjectBox)
}

private final class NodeBox {
  var node: Node = .null
}

private final class ArrayBox {
  var items: [NodeBox] = []
}

private final class ObjectBox {
  var entries: [(key: String, value: NodeBox)] = []
  var index: [String: Int] = [:]

  func slot(_ key: String) -> NodeBox {
    if let i = index[key] { return entries[i].value }
    let box = NodeBox()
    index[key] = entries.count
    entries.append((key, box))
    return box
  }
}

private struct WriterError: Error {
  let message: String
}

private final class TreeEncoder: Encoder {
  let root: NodeBox
  var codingPath: [any CodingKey] = []
  var userInfo: [CodingUserInfoKey: Any] = [:]

  init(root: NodeBox = NodeBox()) { self.root = root }

  func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
    let object: ObjectBox
    if case .object(let existing) = root.node { object = existing } else {
      object = ObjectBox()
      root.node = .object(object)
    }
    return KeyedEncodingContainer(KeyedContainer<Key>(object: object))
  }

  func unkeyedContainer() -> any UnkeyedEncodingContainer {
    let array: ArrayBox
    if case .array(let existing) = root.node { array = existing } else {
      array = ArrayBox()
      root.node = .array(array)
    }
    return UnkeyedContainer(array: array)
  }

  func singleValueContainer() -> any SingleValueEncodingContainer { SingleContainer(box: root) }
}

/// Encodes one value into a box: primitives directly, anything else through its own `encode(to:)`.
private func encodeValue<T: Encodable>(_ value: T, into box: NodeBox) throws {
  switch value {
  case let s as String: box.node = .string(s)
  case let b as Bool: box.node = .bool(b)
  case let i as Int: box.node = .integer(Int64(i))
  case let i as Int64: box.node = .integer(i)
  case let i as Int32: box.node = .integer(Int64(i))
  case let d as Double:
    guard d.isFinite else { throw WriterError(message: "non-finite number") }
    box.node = .double(d)
  default: try value.encode(to: TreeEncoder(root: box))
  }
}

private struct KeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
  let object: ObjectBox
  var codingPath: [any CodingKey] { [] }

  mutating func encodeNil(forKey key: Key) throws { object.slot(key.stringValue).node = .null }
  mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws { try encodeValue(value, into: object.slot(key.stringValue)) }

  mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
    TreeEncoder(root: object.slot(key.stringValue)).container(keyedBy: keyType)
  }

  mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
    TreeEncoder(root: object.slot(key.stringValue)).unkeyedContainer()
  }

  mutating func superEncoder() -> any Encoder { TreeEncoder(root: object.slot("super")) }
  mutating func superEncoder(forKey key: Key) -> any Encoder { TreeEncoder(root: object.slot(key.stringValue)) }
}

private struct UnkeyedContainer: UnkeyedEncodingContainer {
  let array: ArrayBox
  var codingPath: [any CodingKey] { [] }
  var count: Int { array.items.count }

  private func next() -> NodeBox {
    let box = NodeBox()
    array.items.append(box)
    return box
  }

  mutating func encodeNil() throws { next().node = .null }
  mutating func encode<T: Encodable>(_ value: T) throws { try encodeValue(value, into: next()) }

  mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
    TreeEncoder(root: next()).container(keyedBy: keyType)
  }

  mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer { TreeEncoder(root: next()).unkeyedContainer() }
  mutating func superEncoder() -> any Encoder { TreeEncoder(root: next()) }
}

private struct SingleContainer: SingleValueEncodingContainer {
  let box: NodeBox
  var codingPath: [any CodingKey] { [] }

  mutating func encodeNil() throws { box.node = .null }
  mutating func encode<T: Encodable>(_ value: T) throws { try encodeValue(value, into: box) }
}
