/// A problem in a rule, lexicon or configuration file, with the position when one is known.
public struct DataFileError: Error, Equatable, Sendable, CustomStringConvertible {
  public var path: String
  public var line: Int?
  public var column: Int?
  public var message: String
  /// For a JSON file: the key path the error is about (`rules.quantity-mismatch.tolerance`), from which
  /// `JSONLocations.locate(_:)` fills in the line and column.
  public var keyPath: String?
  /// Whether the error is about the key itself (unknown, duplicate) rather than its value.
  public var pointsAtKey: Bool

  public init(path: String, line: Int? = nil, column: Int? = nil, message: String) {
    self.path = path
    self.line = line
    self.column = column
    self.message = message
    self.keyPath = nil
    self.pointsAtKey = false
  }

  /// An error about the value (or, with `atKey`, the key) at `keyPath` of a JSON file; the message
  /// reads "at 'keyPath': message".
  public init(path: String, keyPath: String, atKey: Bool = false, message: String) {
    self.init(path: path, message: "at '\(keyPath)': \(message)")
    self.keyPath = keyPath
    self.pointsAtKey = atKey
  }

  /// An error about a JSON file's top-level value.
  public static func topLevel(path: String, message: String) -> DataFileError {
    var e = DataFileError(path: path, message: message)
    e.keyPath = ""
    return e
  }

  public var description: String {
    var loc = path
    if let line {
      loc += ":\(line)"
      if let column { loc += ":\(column)" }
    }
    return "\(loc): error: \(message)"
  }
}
