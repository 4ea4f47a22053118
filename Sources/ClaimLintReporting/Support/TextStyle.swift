/// ANSI styling for the text reporter; every function returns its input unchanged when colour is off.
struct TextStyle {
  /// Whether escapes are written at all.
  let color: Bool

  private static let reset = "\u{1B}[0m"

  /// Bold text (the header's location and message).
  func bold(_ s: String) -> String { wrap(s, "\u{1B}[1m") }

  /// `error` bold red, `warning` bold yellow, `note` bold cyan.
  func severity(_ s: String, _ severity: SeverityColor) -> String {
    switch severity {
    case .error: return wrap(s, "\u{1B}[1;31m")
    case .warning: return wrap(s, "\u{1B}[1;33m")
    case .note: return wrap(s, "\u{1B}[1;36m")
    }
  }

  private func wrap(_ s: String, _ code: String) -> String {
    color && !s.isEmpty ? code + s + Self.reset : s
  }

  // MARK: - Writing into a buffer

  /// Starts bold text in `out` (nothing when colour is off); the text written until `end` must not be
  /// empty, so that the bytes equal those of `bold(_:)`.
  func beginBold(_ out: inout TextOutput) {
    if color { out.append("\u{1B}[1m" as StaticString) }
  }

  /// Starts text in a severity's colour (see `beginBold`).
  func beginSeverity(_ severity: SeverityColor, _ out: inout TextOutput) {
    guard color else { return }
    switch severity {
    case .error: out.append("\u{1B}[1;31m" as StaticString)
    case .warning: out.append("\u{1B}[1;33m" as StaticString)
    case .note: out.append("\u{1B}[1;36m" as StaticString)
    }
  }

  /// Ends styled text started by `beginBold` or `beginSeverity`.
  func end(_ out: inout TextOutput) {
    if color { out.append("\u{1B}[0m" as StaticString) }
  }

  /// The three colours, one per severity.
  enum SeverityColor {
    case error
    case warning
    case note
  }
}
