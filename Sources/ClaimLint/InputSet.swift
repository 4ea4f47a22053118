import ClaimLintCore
import Foundation

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
    let fm = FileManager.default

    func display(_ path: String) -> String { displayPath(path, workingDirectory: workingDirectory) }

    func addFile(_ path: String, explicit: Bool) {
      let shown = display(path)
      let name = shown.split(separator: "/").last.map(String.init) ?? shown
      // A FIFO, socket or device is never opened (reading one could block the run for ever). Named on
      // the command line, or found with an article's extension, it is an error; otherwise a note below.
      if let kind = FileSystemArticleReader.specialKind(atPath: path), explicit || DocumentFormat.forPath(name) != nil {
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
      let real = (try? fm.destinationOfSymbolicLink(atPath: path)).map { _ in resolve(path) } ?? normalize(
        path.hasPrefix("/") ? path : workingDirectory + "/" + path)
      if seenReal.contains(real) { return }
      seenReal.insert(real)
      files.append(InputFile(displayPath: shown, filePath: path))
    }

    func walk(_ dir: String, visited: inout Set<String>) {
      let real = resolve(dir)
      if visited.contains(real) {
        problems.append(InputProblem(path: display(dir), message: "symbolic-link loop; directory not walked again", severity: .warning))
        return
      }
      visited.insert(real)
      guard let names = try? fm.contentsOfDirectory(atPath: dir) else {
        problems.append(InputProblem(InputError.unreadable(path: display(dir), reason: "cannot list directory")))
        return
      }
      for name in names.sorted() where !name.hasPrefix(".") {
        let child = dir.hasSuffix("/") ? dir + name : dir + "/" + name
        var isDir: ObjCBool = false
        guard fm.fileExists(atPath: child, isDirectory: &isDir) else {
          problems.append(InputProblem(InputError.unreadable(path: display(child), reason: "broken symbolic link")))
          continue
        }
        if isDir.boolValue { walk(child, visited: &visited) } else { addFile(child, explicit: false) }
      }
    }

    for p in paths {
      if p == "-" {
        files.append(InputFile(displayPath: "<stdin>", filePath: nil))
        continue
      }
      var isDir: ObjCBool = false
      guard fm.fileExists(atPath: p, isDirectory: &isDir) else {
        problems.append(InputProblem(InputError.notFound(path: display(p))))
        continue
      }
      if isDir.boolValue {
        var visited = Set<String>()
        walk(p, visited: &visited)
      } else {
        addFile(p, explicit: true)
      }
    }
    var unique: [String: InputFile] = [:]
    for f in files where unique[f.displayPath] == nil { unique[f.displayPath] = f }
    return InputSet(
      files: unique.keys.sorted().map { unique[$0]! },
      problems: problems.sorted())
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
