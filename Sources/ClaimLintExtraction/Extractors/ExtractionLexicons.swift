import ClaimLintCore

/// The word lists the quantity, date and hedge extractors read, validated and indexed once.
public struct ExtractionLexicons: Sendable {
  /// Validates every row of the extraction lexicons and builds the lookup tables.
  ///
  /// - Throws: `DataFileError` naming the file, line and column of the first bad row.
  public init(_ set: LexiconSet) throws(DataFileError) {}
}
