import Dispatch
import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A one-line progress display on standard error (`\r[123/5000] checking path`), redrawn in place.
///
/// It appears only when standard error is a terminal, and only once the run is big (more than
/// `fileThreshold` files) or slow (longer than `delay`); `finish()` clears it. In CI logs and piped
/// output nothing is ever written.
final class ProgressLine: @unchecked Sendable {
  /// Runs over more files than this show progress at once.
  static let fileThreshold = 200
  /// Smaller runs show progress once they take longer than this many nanoseconds.
  static let delay: UInt64 = 500_000_000
  /// The line is redrawn at most this often (nanoseconds).
  static let interval: UInt64 = 80_000_000

  private let lock = NSLock()
  private let started = DispatchTime.now().uptimeNanoseconds
  private var lastDraw: UInt64 = 0
  private var drawnWidth = 0
  private let width: Int

  /// Whether a progress line may be shown at all: standard error is a terminal and `--quiet` is off.
  static func isWanted(quiet: Bool) -> Bool {
    !quiet && isatty(2) != 0 && ProcessInfo.processInfo.environment["TERM"] != "dumb"
  }

  init() {
    var w = winsize()
    if ioctl(2, UInt(TIOCGWINSZ), &w) == 0, w.ws_col > 10 {
      width = Int(w.ws_col) - 1
    } else {
      width = 79
    }
  }

  /// Reports that `done` of `total` files were read; `label` names the current work.
  func update(done: Int, total: Int, label: String) {
    lock.lock()
    defer { lock.unlock() }
    let now = DispatchTime.now().uptimeNanoseconds
    guard total > ProgressLine.fileThreshold || now - started > ProgressLine.delay else { return }
    guard drawnWidth == 0 || now - lastDraw >= ProgressLine.interval || done == total else { return }
    lastDraw = now
    draw(ProgressLine.text(done: done, total: total, label: label, width: width))
  }

  /// Shows `label` in place of the counter, if the line is already visible.
  func phase(_ label: String) {
    lock.lock()
    defer { lock.unlock() }
    guard drawnWidth > 0 else { return }
    draw(String(label.prefix(width)))
  }

  /// Clears the line, if it was drawn.
  func finish() {
    lock.lock()
    defer { lock.unlock() }
    guard drawnWidth > 0 else { return }
    write("\r" + String(repeating: " ", count: drawnWidth) + "\r")
    drawnWidth = 0
  }

  /// `[done/total] checking label`, cut to `width` code points.
  static func text(done: Int, total: Int, label: String, width: Int) -> String {
    let head = "[\(done)/\(total)] checking "
    let room = max(0, width - head.unicodeScalars.count)
    var name = label
    if name.unicodeScalars.count > room {
      name = room > 1 ? "…" + String(String.UnicodeScalarView(name.unicodeScalars.suffix(room - 1))) : ""
    }
    return head + name
  }

  private func draw(_ line: String) {
    let n = line.unicodeScalars.count
    let pad = max(0, drawnWidth - n)
    write("\r" + line + String(repeating: " ", count: pad))
    drawnWidth = max(n + pad, 1)
  }

  private func write(_ s: String) {
    FileHandle.standardError.write(Data(s.utf8))
  }
}
