/// A problem with one input article; reported with its path, then the run goes on.
public enum InputError: Error, Equatable, Sendable, CustomStringConvertible {
  case unreadable(path: String, reason: String)
  case notFound(path: String)
  case invalidUTF8(path: String, byteOffset: Int)
  case binaryContent(path: String)
  case tooLarge(path: String, bytes: Int, limit: Int)
  case unsupportedEncoding(path: String, encoding: String)
  case unsupportedType(path: String)
  case directoryAsDraft(path: String)
  /// A FIFO, socket or device: never opened for reading, so it cannot block the run.
  case notRegularFile(path: String, kind: String)

  public var path: String {
    switch self {
    case .unreadable(let p, _), .notFound(let p), .invalidUTF8(let p, _), .binaryContent(let p),
      .tooLarge(let p, _, _), .unsupportedEncoding(let p, _), .unsupportedType(let p), .directoryAsDraft(let p),
      .notRegularFile(let p, _):
      return p
    }
  }

  /// The reason, lower-case, without the path.
  public var message: String {
    switch self {
    case .unreadable(_, let reason): return "cannot read file: \(reason)"
    case .notFound: return "no such file or directory"
    case .invalidUTF8(_, let offset):
      return "file is not valid UTF-8 (first bad byte at offset \(offset)); read with replacement characters"
    case .binaryContent: return "file looks binary; expected text, Markdown, or HTML"
    case .tooLarge(_, let bytes, let limit):
      return "file is \(bytes) bytes, over the size limit of \(limit) bytes (raise it with --max-file-size)"
    case .unsupportedEncoding(_, let enc): return "unsupported text encoding '\(enc)'"
    case .unsupportedType: return "unsupported file type; expected .txt, .md, .markdown, .html, or .htm"
    case .directoryAsDraft: return "the draft is a directory; give one article file as the draft"
    case .notRegularFile(_, let kind): return "not a regular file (\(kind)); expected a text, Markdown, or HTML file"
    }
  }

  /// Whether the file was still checked (read with replacements) despite the problem.
  public var fileWasChecked: Bool {
    if case .invalidUTF8 = self { return true }
    return false
  }

  public var description: String { "\(path): error: \(message)" }
}
