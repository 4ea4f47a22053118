/// A problem with the command line.
public struct UsageError: Error, Equatable, Sendable, CustomStringConvertible {
  public var message: String
  public var command: String?

  public init(_ message: String, command: String? = nil) {
    self.message = message
    self.command = command
  }

  public var description: String { "claimlint: error: \(message)" }
}
