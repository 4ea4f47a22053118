import Foundation

/// The word lists of `rules/lexicons/`, by file name without extension ("actions", "qualifiers").
///
/// Typed views over the tables are built by the stages that use them; this type only reads the files
/// and keeps their positions for error messages.
public struct LexiconSet: Sendable {
  public private(set) var tables: [String: LexiconTable]

  public init(tables: [String: LexiconTable] = [:]) {
    self.tables = tables
  }

  /// The table named `name`, or an empty one.
  public func table(_ name: String) -> LexiconTable {
    tables[name] ?? LexiconTable(path: "rules/lexicons/\(name).tsv", rows: [])
  }

  /// Adds (or extends) a table; rows of a later table with the same name are appended.
  public mutating func merge(_ table: LexiconTable, as name: String) {
    if let existing = tables[name] {
      tables[name] = LexiconTable(path: existing.path, rows: existing.rows + table.rows)
    } else {
      tables[name] = table
    }
  }

  /// Reads every `.tsv` and `.txt` file in `directory` (not recursive), sorted by name.
  ///
  /// - Parameter displayPrefix: how paths are shown in errors ("rules/lexicons").
  /// - Returns: the set and the errors of files that could not be read or parsed (other files still load).
  public static func load(directory: String, displayPrefix: String) -> (LexiconSet, [DataFileError]) {
    var set = LexiconSet()
    var errors: [DataFileError] = []
    let fm = FileManager.default
    guard let names = try? fm.contentsOfDirectory(atPath: directory) else {
      return (set, [DataFileError(path: displayPrefix, message: "cannot read lexicon directory")])
    }
    // The files are read and parsed side by side, and merged in name order.
    let chosen = names.sorted().filter { $0.hasSuffix(".tsv") || $0.hasSuffix(".txt") }
    let parsed = ParallelMap.map(chosen) { name -> Result<LexiconTable, DataFileError> in
      let display = displayPrefix + "/" + name
      switch RegularFile.readDataFile(path: directory + "/" + name, displayPath: display) {
      case .success(let data):
        do throws(DataFileError) {
          return .success(try LexiconTable(path: display, text: try LexiconTable.text(of: data, path: display)))
        } catch {
          return .failure(error)
        }
      case .failure(let e):
        return .failure(e)
      }
    }
    for (name, result) in zip(chosen, parsed) {
      switch result {
      case .success(let table): set.merge(table, as: String(name.prefix(upTo: name.lastIndex(of: ".")!)))
      case .failure(let e): errors.append(e)
      }
    }
    return (set, errors)
  }
}

extension LexiconTable {
  /// A table from rows that were already parsed.
  public init(path: String, rows: [Row]) {
    self.path = path
    self.rows = rows
  }
}
