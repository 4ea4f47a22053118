import ClaimLintCore
import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// One article to read: where it comes from and how it is shown to the user.
public struct InputFile: Sendable, Hashable {
  /// The path as shown in every report: relative to the working directory when inside it, `/`-separated.
  public var displayPath: String
  /// The path to open, or nil for standard input.
  public var filePath: String?

  public init(displayPath: String, filePath: String?) {
    self.displayPath = displayPath
    self.filePath = filePath
  }
}

/// Expands the paths given on the command line into a sorted list of article files.
///
/// Directories are walked recursively (symbolic-link loops are detected); files whose extension is not
/// an article format are reported as notes when found in a directory and as errors when named
/// explicitly; README, LICENSE and CHANGELOG files met in a directory are skipped with a note.
/// FIFOs, sockets and devices are never read: named explicitly or carrying an article's extension they
/// are errors, otherwise notes like any other file that is not an article.
public struct InputSet: Sendable {
  public var files: [InputFile]
  public var problems: [InputProblem]

  /// - Parameters:
  ///   - paths: paths as given; `-` is standard input.
  ///   - workingDirectory: the absolute working directory, used to make display paths relative.
  public static func collect(_ paths: [String], workingDirectory: String) -> InputSet {
    var files: [InputFile] = []
    var problems: [InputProblem] = []
    var seenReal = Set<String>()

    func display(_ path: String) -> String { displayPath(path, workingDirectory: workingDirectory) }

    /// `entry` is what `lstat` says of `path` (one call per directory entry: a large archive has
    /// hundreds of thousands of them).
    func addFile(_ path: String, entry: Entry, explicit: Bool) {
      let shown = display(path)
      let name = shown.split(separator: "/").last.map(String.init) ?? shown
      // A FIFO, socket or device is never opened (reading one could block the run for ever). Named on
      // the command line, or found with an article's extension, it is an error; otherwise a note below.
      if let kind = entry.specialKind, explicit || DocumentFormat.forPath(name) != nil {
        problems.append(InputProblem(InputError.notRegularFile(path: shown, kind: kind)))
        return
      }
      if DocumentFormat.forPath(name) == nil {
        if explicit {
          problems.append(InputProblem(InputError.unsupportedType(path: shown)))
        } else {
          problems.append(InputProblem(path: shown, message: "not an article file type; skipped", severity: .note))
        }
        return
      }
      if !explicit {
        let upper = name.uppercased()
        if upper.hasPrefix("README") || upper.hasPrefix("LICENSE") || upper.hasPrefix("CHANGELOG") {
          problems.append(InputProblem(path: shown, message: "documentation file; skipped", severity: .note))
          return
        }
      }
      let real = entry.isLink ? resolve(path) : normalize(path.hasPrefix("/") ? path : workingDirectory + "/" + path)
      if seenReal.contains(real) { return }
      seenReal.insert(real)
      files.append(InputFile(displayPath: shown, filePath: path))
    }

    /// Directories are told apart by device and inode, so a symbolic link back up the tree is walked once.
    func walk(_ dir: String, identity: Entry.Identity, visited: inout Set<Entry.Identity>) {
      guard visited.insert(identity).inserted else {
        problems.append(InputProblem(path: display(dir), message: "symbolic-link loop; directory not walked again", severity: .warning))
        return
      }
      guard let listing = Entry.names(inDirectory: dir) else {
        problems.append(InputProblem(InputError.unreadable(path: display(dir), reason: "cannot list directory")))
        return
      }
      for name in listing.undecodable where !name.hasPrefix(".") {
        let child = dir.hasSuffix("/") ? dir + name : dir + "/" + name
        problems.append(InputProblem(InputError.unreadable(path: display(child), reason: "file name is not valid UTF-8")))
      }
      for name in listing.names.sorted() where !name.hasPrefix(".") {
        let child = dir.hasSuffix("/") ? dir + name : dir + "/" + name
        guard let entry = Entry(path: child) else {
          problems.append(InputProblem(InputError.unreadable(path: display(child), reason: "broken symbolic link")))
          continue
        }
        if entry.isDirectory { walk(child, identity: entry.identity, visited: &visited) } else { addFile(child, entry: entry, explicit: false) }
      }
    }

    for p in paths {
      if p == "-" {
        files.append(InputFile(displayPath: "<stdin>", filePath: nil))
        continue
      }
      guard let entry = Entry(path: p) else {
        problems.append(InputProblem(InputError.notFound(path: display(p))))
        continue
      }
      if entry.isDirectory {
        var visited = Set<Entry.Identity>()
        walk(p, identity: entry.identity, visited: &visited)
      } else {
        addFile(p, entry: entry, explicit: true)
      }
    }
    var unique: [String: InputFile] = [:]
    for f in files where unique[f.displayPath] == nil { unique[f.displayPath] = f }
    return InputSet(
      files: unique.keys.sorted().map { unique[$0]! },
      problems: problems.sorted())
  }

  /// What the file system says of one path, following a symbolic link to what it names.
  struct Entry {
    /// A directory's identity: its device and inode.
    struct Identity: Hashable {
      var device: UInt64
      var inode: UInt64
    }

    /// Whether the path itself is a symbolic link.
    var isLink: Bool
    /// The mode of what the path names (after following a link).
    var mode: mode_t
    var identity: Identity

    /// nil when nothing is there (a broken symbolic link, a missing path).
    init?(path: String) {
      var st = stat()
      guard lstat(path, &st) == 0 else { return nil }
      isLink = (st.st_mode & S_IFMT) == S_IFLNK
      if isLink { guard stat(path, &st) == 0 else { return nil } }
      mode = st.st_mode
      identity = Identity(device: UInt64(st.st_dev), inode: UInt64(st.st_ino))
    }

    var isDirectory: Bool { (mode & S_IFMT) == S_IFDIR }
    /// "a FIFO", "a device", …; nil for a regular file.
    var specialKind: String? { RegularFile.specialKind(mode) }

    /// The names in a directory (without `.` and `..`), in no particular order, and apart the names
    /// that are not UTF-8 (shown with replacement characters: they cannot be opened by that spelling);
    /// nil when the directory cannot be listed.
    static func names(inDirectory path: String) -> (names: [String], undecodable: [String])? {
      guard let dir = opendir(path) else { return nil }
      defer { closedir(dir) }
      var names: [String] = []
      var undecodable: [String] = []
      while let e = readdir(dir) {
        let (name, exact) = withUnsafeBytes(of: e.pointee.d_name) { raw -> (String, Bool) in
          let bytes = raw.prefix { $0 != 0 }
          let name = String(decoding: bytes, as: UTF8.self)
          return (name, name.utf8.elementsEqual(bytes))
        }
        if name == "." || name == ".." { continue }
        if exact { names.append(name) } else { undecodable.append(name) }
      }
      return (names, undecodable)
    }
  }

  /// How `path` is shown in reports: relative to `workingDirectory` when inside it, else absolute.
  public static func displayPath(_ path: String, workingDirectory: String) -> String {
    let abs = normalize(path.hasPrefix("/") ? path : workingDirectory + "/" + path)
    let base = normalize(workingDirectory)
    if abs.hasPrefix(base + "/") { return String(abs.dropFirst(base.count + 1)) }
    return abs
  }

  private static func resolve(_ path: String) -> String {
    URL(fileURLWithPath: path).resolvingSymlinksInPath().path
  }

  /// Removes `.` and `..` components and duplicate slashes.
  static func normalize(_ path: String) -> String {
    var parts: [Substring] = []
    for c in path.split(separator: "/", omittingEmptySubsequences: true) {
      if c == "." { continue }
      if c == "..", !parts.isEmpty, parts.last != ".." {
        parts.removeLast()
        continue
      }
      parts.append(c)
    }
    return (path.hasPrefix("/") ? "/" : "") + parts.joined(separator: "/")
  }
}
