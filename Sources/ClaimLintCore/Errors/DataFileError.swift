/// A problem in a rule, lexicon or configuration file, with the position when one is known.
public struct DataFileError: Error, Equatable, Sendable, CustomStringConvertible {
  public var path: String
  public var line: Int?
  public var column: Int?
  public var message: String

  public init(path: String, line: Int? = nil, column: Int? = nil, message: String) {
    self.path = path
    self.line = line
    self.column = column
    self.message = message
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
