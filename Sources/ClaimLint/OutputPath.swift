import ClaimLintCore
import Foundation

#if canImport(Glibc)
  import Glibc
  private let systemWrite = Glibc.write
#elseif canImport(Darwin)
  import Darwin
  private let systemWrite = Darwin.write
#endif

/// Where claimlint may write: the report (`--output`) and the baseline (`--write-baseline`).
///
/// By default a written path must be relative and stay inside the working directory: no absolute path,
/// no `..` that climbs out, no directory on the way that is a symbolic link leading out, and the file
/// itself is never a symbolic link. A run in CI therefore cannot be made to overwrite files elsewhere on
/// the machine by what it is given. `--allow-output-anywhere` (command line only, never a configuration
/// file) lifts the rule for users who do want `$RUNNER_TEMP/report.sarif`.
public enum OutputPath {
  /// Why `path` may not be written, or nil when it may.
  ///
  /// - Parameters:
  ///   - path: the path as given.
  ///   - workingDirectory: the absolute working directory.
  public static func problem(_ path: String, workingDirectory: String) -> String? {
    if path.isEmpty { return "empty output path" }
    if path.hasPrefix("/") { return "output path is absolute; give a path inside the working directory" }
    var depth = 0
    for part in path.split(separator: "/") {
      if part == ".." { depth -= 1 } else if part != "." { depth += 1 }
      if depth < 0 { return "output path leaves the working directory" }
    }
    guard let base = realPath(workingDirectory) else { return "cannot resolve the working directory" }
    // The deepest directory on the way that exists, with its symbolic links resolved, must be inside.
    var parent = InputSet.normalize(workingDirectory + "/" + path)
    var isTarget = true
    while true {
      if isTarget {
        var st = stat()
        if lstat(parent, &st) == 0, st.st_mode & S_IFMT == S_IFLNK { return "output path is a symbolic link" }
        isTarget = false
      } else if let real = realPath(parent) {
        if real != base && !real.hasPrefix(base == "/" ? "/" : base + "/") {
          return "output path leads outside the working directory through a symbolic link"
        }
        return nil
      }
      guard let slash = parent.lastIndex(of: "/"), slash != parent.startIndex else { return nil }
      parent = String(parent[..<slash])
    }
  }

  /// Writes `text` to `path`; unless `followingLinks`, never through a symbolic link at the path itself
  /// (one put there after `problem(_:workingDirectory:)` looked).
  ///
  /// - Returns: nil, or the system's reason for failing ("no such file or directory", "is a directory").
  public static func write(_ text: String, to path: String, followingLinks: Bool = false) -> String? {
    write(bytes: Array(text.utf8), to: path, followingLinks: followingLinks)
  }

  /// `write(_:to:followingLinks:)` for bytes already encoded.
  public static func write(bytes: [UInt8], to path: String, followingLinks: Bool = false) -> String? {
    write(to: path, followingLinks: followingLinks) { $0(bytes) }
  }

  /// Opens `path` as `write(_:to:followingLinks:)` does and writes every chunk `produce` hands to its
  /// argument, in order; after a failure the later chunks are dropped and the reason returned.
  public static func write(
    to path: String, followingLinks: Bool = false, _ produce: (_ write: @escaping ([UInt8]) -> Void) -> Void
  ) -> String? {
    let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | (followingLinks ? 0 : O_NOFOLLOW), 0o644)
    if fd < 0 { return RegularFile.reason(errno) }
    defer { close(fd) }
    let failure = FailureBox()
    produce { chunk in
      guard failure.reason == nil else { return }
      failure.reason = writeAll(chunk, to: fd)
    }
    return failure.reason
  }

  /// Writes all of `bytes` to `fd`: nil, or the system's reason for failing.
  private static func writeAll(_ bytes: [UInt8], to fd: Int32) -> String? {
    var offset = 0
    while offset < bytes.count {
      let n = bytes[offset...].withUnsafeBytes { systemWrite(fd, $0.baseAddress, $0.count) }
      if n < 0 {
        if errno == EINTR { continue }
        return RegularFile.reason(errno)
      }
      offset += n
    }
    return nil
  }

  private static func realPath(_ path: String) -> String? {
    guard let p = realpath(path, nil) else { return nil }
    defer { free(p) }
    return String(cString: p)
  }
}

/// The first failure of a chunked write, shared with the closure that writes the chunks.
private final class FailureBox {
  var reason: String?
}
