import ClaimLintCore
import Foundation

/// A path pattern of a configuration file: `*` matches any run of characters within one path
/// component, `?` one character, and a component that is exactly `**` any number of components
/// (including none). Everything else matches itself; `/` separates components.
///
/// Matching is iterative (one backtracking point per level, no recursion and no regular
/// expressions), so it takes at most time proportional to the pattern length times the path length.
public struct Glob: Sendable, Hashable {
  /// The pattern as written.
  public let pattern: String
  /// Its components, without empty ones and `.`.
  public let components: [String]

  public init(_ pattern: String) {
    self.pattern = pattern
    components = pattern.split(separator: "/").map(String.init).filter { $0 != "." }
  }

  /// Whether a component holds `*` or `?`.
  static func isWildcard(_ component: String) -> Bool {
    component.contains("*") || component.contains("?")
  }

  /// Whether the pattern has no wildcards at all.
  public var isLiteral: Bool { !components.contains(where: Glob.isWildcard) }

  /// Whether `path` (relative, `/`-separated) matches the whole pattern.
  public func matches(_ path: String) -> Bool {
    let parts = path.split(separator: "/").map(String.init).filter { $0 != "." }
    return Glob.match(components[...], parts[...])
  }

  /// Matches path components against pattern components; `**` stands for any number of components.
  static func match(_ pattern: ArraySlice<String>, _ path: ArraySlice<String>) -> Bool {
    let pat = Array(pattern)
    let parts = Array(path)
    var p = 0
    var s = 0
    var starP = -1
    var starS = 0
    while s < parts.count {
      if p < pat.count, pat[p] == "**" {
        starP = p
        starS = s
        p += 1
      } else if p < pat.count, matchComponent(pat[p], parts[s]) {
        p += 1
        s += 1
      } else if starP >= 0 {
        p = starP + 1
        starS += 1
        s = starS
      } else {
        return false
      }
    }
    while p < pat.count, pat[p] == "**" { p += 1 }
    return p == pat.count
  }

  /// Matches one component: `*` is any run of characters, `?` exactly one.
  static func matchComponent(_ pattern: String, _ name: String) -> Bool {
    let pat = Array(pattern.unicodeScalars)
    let str = Array(name.unicodeScalars)
    var p = 0
    var s = 0
    var starP = -1
    var starS = 0
    while s < str.count {
      if p < pat.count, pat[p] == "*" {
        starP = p
        starS = s
        p += 1
      } else if p < pat.count, pat[p] == "?" || pat[p] == str[s] {
        p += 1
        s += 1
      } else if starP >= 0 {
        p = starP + 1
        starS += 1
        s = starS
      } else {
        return false
      }
    }
    while p < pat.count, pat[p] == "*" { p += 1 }
    return p == pat.count
  }

  /// The files this pattern names under `directory` (absolute), as absolute paths in sorted order.
  ///
  /// A literal pattern gives its own path when it exists (a directory is returned as is, for
  /// `InputSet` to walk). A wildcard pattern walks from its literal leading components, skips hidden
  /// files and directories, and keeps article files only (not README, LICENSE or CHANGELOG files).
  public func files(under directory: String) -> [String] {
    let fm = FileManager.default
    let literal = components.prefix { !Glob.isWildcard($0) }
    let base = InputSet.normalize(
      pattern.hasPrefix("/") ? "/" + literal.joined(separator: "/") : ([directory] + literal).joined(separator: "/"))
    if isLiteral {
      return fm.fileExists(atPath: base) ? [base] : []
    }
    let rest = Array(components[literal.count...])
    let maxDepth = rest.contains("**") ? Int.max : rest.count
    var found: [String] = []
    var visited = Set<String>()
    // Depth-first walk with an explicit stack: (directory, components below `base`).
    var stack: [(String, [String])] = [(base, [])]
    while let (dir, relative) = stack.popLast() {
      let real = URL(fileURLWithPath: dir).resolvingSymlinksInPath().path
      guard visited.insert(real).inserted, let names = try? fm.contentsOfDirectory(atPath: dir) else { continue }
      for name in names.sorted() where !name.hasPrefix(".") {
        let child = dir + "/" + name
        let childRelative = relative + [name]
        var isDir: ObjCBool = false
        guard fm.fileExists(atPath: child, isDirectory: &isDir) else { continue }
        if isDir.boolValue {
          if childRelative.count < maxDepth { stack.append((child, childRelative)) }
        } else if Glob.match(rest[...], childRelative[...]), Glob.isArticle(name) {
          found.append(child)
        }
      }
    }
    return found.sorted()
  }

  static func isArticle(_ name: String) -> Bool {
    guard DocumentFormat.forPath(name) != nil else { return false }
    let upper = name.uppercased()
    return !(upper.hasPrefix("README") || upper.hasPrefix("LICENSE") || upper.hasPrefix("CHANGELOG"))
  }
}
