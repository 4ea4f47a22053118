import ClaimLintCore
import Foundation

#if canImport(Glibc)
  import Glibc
  private let systemRead = Glibc.read
#elseif canImport(Darwin)
  import Darwin
  private let systemRead = Darwin.read
#endif

/// Why an article's bytes could not be read.
public enum ArticleReadFailure: Error, Equatable, Sendable {
  case notFound
  /// The path names something other than a regular file; `kind` is "a directory", "a FIFO", ….
  case notRegularFile(kind: String)
  case tooLarge(bytes: Int)
  /// Any other failure of the operating system, with its reason in lower case ("permission denied").
  case failed(reason: String)

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

/// Reads from the file system with POSIX calls.
///
/// The file is opened without blocking and checked with `fstat` on the open descriptor, so a FIFO,
/// socket or device never blocks the run (not even one put in place after the input set was collected),
/// and a file that grows past the limit while being read is cut off with a size error.
public struct FileSystemArticleReader: ArticleReader {
  public init() {}

  public func read(path: String, limit: Int) -> Result<[UInt8], ArticleReadFailure> {
    let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
    if fd < 0 {
      let e = errno
      return .failure(e == ENOENT ? .notFound : .failed(reason: Self.reason(e)))
    }
    defer { close(fd) }
    var st = stat()
    guard fstat(fd, &st) == 0 else { return .failure(.failed(reason: Self.reason(errno))) }
    if let kind = Self.specialKind(st.st_mode) { return .failure(.notRegularFile(kind: kind)) }
    let size = Int(st.st_size)
    if size > limit { return .failure(.tooLarge(bytes: size)) }
    var bytes: [UInt8] = []
    bytes.reserveCapacity(size + 1)
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      let n = chunk.withUnsafeMutableBytes { systemRead(fd, $0.baseAddress, $0.count) }
      if n == 0 { break }
      if n < 0 {
        let e = errno
        if e == EINTR || e == EAGAIN { continue }
        return .failure(.failed(reason: Self.reason(e)))
      }
      bytes.append(contentsOf: chunk[0..<n])
      if bytes.count > limit { return .failure(.tooLarge(bytes: bytes.count)) }
    }
    return .success(bytes)
  }

  /// "a directory", "a FIFO", "a socket", "a device" for anything that is not a regular file.
  static func specialKind(_ mode: mode_t) -> String? {
    switch mode & S_IFMT {
    case S_IFREG: return nil
    case S_IFDIR: return "a directory"
    case S_IFIFO: return "a FIFO"
    case S_IFSOCK: return "a socket"
    case S_IFCHR, S_IFBLK: return "a device"
    default: return "a special file"
    }
  }

  /// The system's description of `code`, starting in lower case ("permission denied").
  static func reason(_ code: Int32) -> String {
    let text = String(cString: strerror(code))
    guard let first = text.first else { return "error \(code)" }
    return first.lowercased() + text.dropFirst()
  }

  /// What `path` names after following symbolic links: nil for a regular file, "a FIFO" and so on
  /// for special files; nil too when it cannot be examined (reading it reports why).
  public static func specialKind(atPath path: String) -> String? {
    var st = stat()
    guard stat(path, &st) == 0 else { return nil }
    return specialKind(st.st_mode)
  }
}
