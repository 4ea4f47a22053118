import ClaimLintCore

/// The source files of a report by path, built once per rendering so that snippets, byte columns and
/// line hashes do not search the document list for every finding.
///
/// The dictionary is only used for lookups, never iterated, so it cannot influence output order.
struct SourceLookup {
  /// Source files by display path; the first document with a path wins, as in `Report.source(for:)`.
  private let files: [String: SourceFile]

  /// Indexes the documents of `report`.
  init(_ report: Report) {
    var files: [String: SourceFile] = [:]
    for entry in report.documents where files[entry.document.path] == nil {
      files[entry.document.path] = entry.document.source
    }
    self.files = files
  }

  /// The source file shown as `path`, or nil when the report does not hold it.
  func source(for path: String) -> SourceFile? { files[path] }
}
