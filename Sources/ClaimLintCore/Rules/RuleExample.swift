/// A small set of named articles that a rule must (or must not) flag.
///
/// In the text, `↓` marks where each expected finding starts and `†` marks where each expected note
/// starts; both are removed before the run. When `draft` is set the example runs in pre-publish mode
/// with that file as the draft. The example remembers where it was written, so a failing example is
/// reported at its own line.
public struct RuleExample: Sendable, CustomStringConvertible {
  public let files: [(name: String, text: String)]
  public let draft: String?
  public let file: String
  public let line: Int

  public init(
    _ files: KeyValuePairs<String, String>, draft: String? = nil, file: String = #filePath, line: Int = #line
  ) {
    self.files = files.map { (name: $0.key, text: $0.value) }
    self.draft = draft
    self.file = file
    self.line = line
  }

  public var description: String {
    let name = file.split(separator: "/").last.map(String.init) ?? file
    return "\(name):\(line)"
  }
}
