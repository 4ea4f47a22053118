import ClaimLintCore
import Foundation

/// Why an article's bytes could not be read.
public typealias ArticleReadFailure = FileReadFailure

extension FileReadFailure {
  /// The input error this failure means for the file shown as `path`.
  public func inputError(path: String, limit: Int) -> InputError {
    switch self {
    case .notFound: return .notFound(path: path)
    case .notRegularFile(let kind): return .notRegularFile(path: path, kind: kind)
    case .tooLarge(let bytes): return .tooLarge(path: path, bytes: bytes, limit: limit)
    case .failed(let reason): return .unreadable(path: path, reason: reason)
    }
  }
}

/// Reads an article's bytes. The pipeline reads through this, so tests can substitute a reader that
/// fails the way a real file system does (permission denied, I/O errors) even when run as root.
public protocol ArticleReader: Sendable {
  /// The bytes of the regular file at `path`, at most `limit` of them.
  func read(path: String, limit: Int) -> Result<[UInt8], ArticleReadFailure>
}

/// Reads from the file system with POSIX calls (`RegularFile.read`): a FIFO, socket or device never
/// blocks the run, and a file that grows past the limit while being read is cut off with a size error.
public struct FileSystemArticleReader: ArticleReader {
  public init() {}

  public func read(path: String, limit: Int) -> Result<[UInt8], ArticleReadFailure> {
    RegularFile.read(path: path, limit: limit)
  }

  /// What `path` names after following symbolic links: nil for a regular file, "a FIFO" and so on
  /// for special files; nil too when it cannot be examined (reading it reports why).
  public static func specialKind(atPath path: String) -> String? { RegularFile.specialKind(atPath: path) }
}
