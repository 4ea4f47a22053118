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
    /// Where the symbolic links among `files` lead, by position in `files`.
    var linkTargets: [Int: String] = [:]
    let base = normalize(workingDirectory) + "/"

    /// A file or folder named on the command line or found in a walk: the path to open, and how it is
    /// shown. Shown relative to the working directory, it lies at `base` followed by how it is shown;
    /// shown as an absolute path, that is where it lies (without `.` and `..`, links not followed).
    struct Place {
      var path: String
      var shown: String

      /// An entry of the directory at `self` (a name without `/` that is not `.` or `..`).
      /// `base` is the normalised working directory followed by `/`.
      ///
      /// An entry of a place shown relative to the working directory is shown as its name appended,
      /// and by its very path when the place is; an entry of a place shown absolute may lie inside the
      /// working directory (the place is an ancestor of it).
      func child(_ name: String, base: String) -> Place {
        let path = Self.appending(name, to: self.path)
        let shown: String
        if self.shown.utf8.first == UInt8(ascii: "/") {
          let absolute = Self.appending(name, to: self.shown)
          shown = absolute.hasPrefix(base) ? String(absolute.dropFirst(base.count)) : absolute
        } else {
          shown = self.shown == self.path ? path : Self.appending(name, to: self.shown)
        }
        return Place(path: path, shown: shown)
      }

      /// Where the place lies: its absolute path without `.` and `..` (links not followed).
      func absolute(base: String) -> String { shown.utf8.first == UInt8(ascii: "/") ? shown : base + shown }

      static func appending(_ name: String, to path: String) -> String {
        path.utf8.last == UInt8(ascii: "/") ? path + name : path + "/" + name
      }
    }

    func place(_ path: String) -> Place {
      Place(path: path, shown: displayPath(path, workingDirectory: workingDirectory))
    }

    /// `entry` is what `lstat` says of the file (one call per directory entry: a large archive has
    /// hundreds of thousands of them).
    func addFile(_ file: Place, name: String, entry: Entry, explicit: Bool) {
      let shown = file.shown
      let format = DocumentFormat.forPath(name)
      // A FIFO, socket or device is never opened (reading one could block the run for ever). Named on
      // the command line, or found with an article's extension, it is an error; otherwise a note below.
      if let kind = entry.specialKind, explicit || format != nil {
        problems.append(InputProblem(InputError.notRegularFile(path: shown, kind: kind)))
        return
      }
      if format == nil {
        if explicit {
          problems.append(InputProblem(InputError.unsupportedType(path: shown)))
        } else {
          problems.append(InputProblem(path: shown, message: "not an article file type; skipped", severity: .note))
        }
        return
      }
      if !explicit, Self.isDocumentation(name) {
        problems.append(InputProblem(path: shown, message: "documentation file; skipped", severity: .note))
        return
      }
      // A file is listed once however it is reached: by where it lies or, through a link, where the
      // link leads. Without links, a file reached twice is shown twice the same way, and the list's
      // repeated paths are dropped after sorting; the first link met makes the list be checked by
      // where each file lies, in the order they were met.
      if entry.isLink { linkTargets[files.count] = resolve(file.path) }
      files.append(InputFile(displayPath: shown, filePath: file.path))
    }

    /// Directories are told apart by device and inode, so a symbolic link back up the tree is walked once.
    func walk(_ dir: Place, identity: Entry.Identity, visited: inout Set<Entry.Identity>) {
      guard visited.insert(identity).inserted else {
        problems.append(InputProblem(path: dir.shown, message: "symbolic-link loop; directory not walked again", severity: .warning))
        return
      }
      guard let listing = Entry.names(inDirectory: dir.path) else {
        problems.append(InputProblem(InputError.unreadable(path: dir.shown, reason: "cannot list directory")))
        return
      }
      for name in listing.undecodable where !name.hasPrefix(".") {
        problems.append(InputProblem(InputError.unreadable(path: dir.child(name, base: base).shown, reason: "file name is not valid UTF-8")))
      }
      for (name, type) in listing.names.sorted(by: { $0.name < $1.name }) where name.utf8.first != UInt8(ascii: ".") {
        let child = dir.child(name, base: base)
        // A regular file the directory listing names as such needs no `lstat` of its own.
        guard let entry = Int32(type) == Int32(DT_REG) ? Entry.regularFile : Entry(path: child.path) else {
          problems.append(InputProblem(InputError.unreadable(path: child.shown, reason: "broken symbolic link")))
          continue
        }
        if entry.isDirectory {
          walk(child, identity: entry.identity, visited: &visited)
        } else {
          addFile(child, name: name, entry: entry, explicit: false)
        }
      }
    }

    for p in paths {
      if p == "-" {
        files.append(InputFile(displayPath: "<stdin>", filePath: nil))
        continue
      }
      guard let entry = Entry(path: p) else {
        problems.append(InputProblem(InputError.notFound(path: displayPath(p, workingDirectory: workingDirectory))))
        continue
      }
      let named = place(p)
      if entry.isDirectory {
        var visited = Set<Entry.Identity>()
        walk(named, identity: entry.identity, visited: &visited)
      } else {
        addFile(named, name: String(named.shown.split(separator: "/").last ?? Substring(named.shown)), entry: entry, explicit: true)
      }
    }
    if !linkTargets.isEmpty {
      var seen = Set<String>()
      var k = 0
      files.removeAll { file in
        defer { k += 1 }
        guard file.filePath != nil else { return false }
        return !seen.insert(linkTargets[k] ?? Place(path: "", shown: file.displayPath).absolute(base: base)).inserted
      }
    }
    // Sorted by display path, each path once (its first file). A walk gives its files nearly in
    // order already (by name within each directory), which the stable sort takes in a few passes.
    files.sort { $0.displayPath < $1.displayPath }
    var unique: [InputFile] = []
    unique.reserveCapacity(files.count)
    for f in files where unique.last?.displayPath != f.displayPath { unique.append(f) }
    return InputSet(files: unique, problems: problems.sorted())
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

    /// A regular file, as a directory listing names it (no identity: only directories need one).
    static let regularFile = Entry(isLink: false, mode: S_IFREG, identity: Identity(device: 0, inode: 0))

    private init(isLink: Bool, mode: mode_t, identity: Identity) {
      self.isLink = isLink
      self.mode = mode
      self.identity = identity
    }

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

    /// The names in a directory (without `.` and `..`) with the type the listing gives them (`DT_REG`,
    /// `DT_DIR`, …, or `DT_UNKNOWN` on file systems that do not say), in no particular order, and apart
    /// the names that are not UTF-8 (shown with replacement characters: they cannot be opened by that
    /// spelling); nil when the directory cannot be listed.
    static func names(inDirectory path: String) -> (names: [(name: String, type: UInt8)], undecodable: [String])? {
      guard let dir = opendir(path) else { return nil }
      defer { closedir(dir) }
      var names: [(name: String, type: UInt8)] = []
      var undecodable: [String] = []
      while let e = readdir(dir) {
        let (name, exact) = withUnsafeBytes(of: e.pointee.d_name) { raw -> (String, Bool) in
          let bytes = raw.prefix { $0 != 0 }
          let name = String(decoding: bytes, as: UTF8.self)
          return (name, name.utf8.elementsEqual(bytes))
        }
        if name == "." || name == ".." { continue }
        if exact { names.append((name, e.pointee.d_type)) } else { undecodable.append(name) }
      }
      return (names, undecodable)
    }
  }

  private static let documentationPrefixes = ["readme", "license", "changelog"]

  /// README, LICENSE and CHANGELOG files (any case, any extension): skipped when met in a directory.
  static func isDocumentation(_ name: String) -> Bool {
    for prefix in documentationPrefixes {
      let bytes = name.utf8
      guard bytes.count >= prefix.utf8.count else { continue }
      if zip(bytes, prefix.utf8).allSatisfy({ ($0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0) == $1 }) { return true }
    }
    return false
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
