/// A value that is always written: the wrapped value, or JSON `null` when it is absent.
///
/// Swift's synthesized `Encodable` leaves out nil optionals; the JSON report instead writes every key of
/// its schema, so consumers can rely on a key being present (see `JSONReporter`).
struct Nullable<Wrapped: Encodable>: Encodable {
  let value: Wrapped?

  init(_ value: Wrapped?) { self.value = value }

  func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    if let value { try container.encode(value) } else { try container.encodeNil() }
  }
}

/// A number that prints whole values as integers (`50000`, never `50000.0` or `5e4`).
///
/// Whole values below 2^53 are encoded as `Int64`; other finite values as `Double` (shortest round-trip
/// form); infinities and NaN, which JSON cannot hold, as `null`.
struct JSONNumber: Encodable {
  let value: Double

  init(_ value: Double) { self.value = value }

  func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    if let integer = NumberText.integral(value) {
      try container.encode(integer)
    } else if value.isFinite {
      try container.encode(value)
    } else {
      try container.encodeNil()
    }
  }
}

/// A coding key made from a string, for objects whose keys depend on the claim kind.
struct JSONKey: CodingKey {
  let stringValue: String
  var intValue: Int? { nil }

  init(_ name: String) { stringValue = name }
  init?(stringValue: String) { self.stringValue = stringValue }
  init?(intValue: Int) { nil }
}
