import Foundation

#if canImport(Glibc)
  import Glibc
  private let systemRead = Glibc.read
#elseif canImport(Darwin)
  import Darwin
  private let systemRead = Darwin.read
#endif

/// Why a file's bytes could not be read.
public enum FileReadFailure: Error, Equatable, Sendable {
  case notFound
  /// The path names something other than a regular file; `kind` is "a directory", "a FIFO", ….
  case notRegularFile(kind: String)
  case tooLarge(bytes: Int)
  /// Any other failure of the operating system, with its reason in lower case ("permission denied").
  case failed(reason: String)

  /// The failure as the end of a sentence: "is a FIFO, not a regular file", "is larger than …".
  public func reason(limit: Int) -> String {
    switch self {
    case .notFound: return "no such file"
    case .notRegularFile(let kind): return "is \(kind), not a regular file"
    case .tooLarge(let bytes): return "is \(bytes) bytes, over the \(limit)-byte limit"
    case .failed(let reason): return reason
    }
  }
}

/// Reads regular files with POSIX calls, for articles and for every data file (rules, lexicons,
/// configuration, baselines).
///
/// The file is opened without blocking and checked with `fstat` on the open descriptor, so a FIFO,
/// socket or device never blocks the run (not even one put in place after the path was checked), and
/// a file that grows past the limit while being read is cut off with a size error.
public enum RegularFile {
  /// The most bytes a data file (rules, lexicon, configuration, baseline) may have.
  public static let dataFileLimit = 16 << 20

  /// The bytes of the regular file at `path`, at most `limit` of them.
  public static func read(path: String, limit: Int) -> Result<[UInt8], FileReadFailure> {
    let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
    if fd < 0 {
      let e = errno
      return .failure(e == ENOENT ? .notFound : .failed(reason: reason(e)))
    }
    defer { close(fd) }
    var st = stat()
    guard fstat(fd, &st) == 0 else { return .failure(.failed(reason: reason(errno))) }
    if let kind = specialKind(st.st_mode) { return .failure(.notRegularFile(kind: kind)) }
    let size = Int(st.st_size)
    if size > limit { return .failure(.tooLarge(bytes: size)) }
    // Straight into the array, in as few calls as the file allows: the size `fstat` gave and one byte
    // more, to see whether the file grew since.
    var bytes: [UInt8] = []
    var capacity = size + 1
    while true {
      var failure: Int32 = 0
      var ended = false
      let before = bytes.count
      bytes.append(contentsOf: repeatElement(0, count: capacity - before))
      let filled = bytes.withUnsafeMutableBytes { buffer -> Int in
        var n = before
        while n < buffer.count {
          let r = systemRead(fd, buffer.baseAddress! + n, buffer.count - n)
          if r == 0 { ended = true; break }
          if r < 0 {
            let e = errno
            if e == EINTR || e == EAGAIN { continue }
            failure = e
            break
          }
          n += r
        }
        return n
      }
      bytes.removeLast(bytes.count - filled)
      if failure != 0 { return .failure(.failed(reason: reason(failure))) }
      if bytes.count > limit { return .failure(.tooLarge(bytes: bytes.count)) }
      if ended { break }
      capacity = min(limit + 1, max(capacity * 2, capacity + (1 << 16)))
    }
    return .success(bytes)
  }

  /// Reads a data file, or returns the error to show for it ("rules/rules.json: error: is a FIFO, not
  /// a regular file").
  public static func readDataFile(path: String, displayPath: String, what: String = "file") -> Result<[UInt8], DataFileError> {
    read(path: path, limit: dataFileLimit).mapError { failure in
      switch failure {
      case .notFound: return DataFileError(path: displayPath, message: "no such \(what)")
      case .failed(let r): return DataFileError(path: displayPath, message: "cannot read \(what): \(r)")
      default: return DataFileError(path: displayPath, message: "cannot read \(what): it \(failure.reason(limit: dataFileLimit))")
      }
    }
  }

  /// "a directory", "a FIFO", "a socket", "a device" for anything that is not a regular file.
  public static func specialKind(_ mode: mode_t) -> String? {
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
  public static func reason(_ code: Int32) -> String {
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
