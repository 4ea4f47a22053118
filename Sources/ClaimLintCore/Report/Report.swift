/// Everything a reporter needs, already sorted: documents, claims, findings and input problems.
///
/// Reporters render a `Report` and nothing else; they never sort, filter or change severities.
public struct Report: Sendable {
  /// What produced the report.
  public enum Kind: String, Sendable {
    case check
    case claims
    case segments
  }

  public var kind: Kind
  public var tool: ToolInfo
  public var documents: [DocumentReport]
  /// Sorted by `Finding.ordered`.
  public var findings: [Finding]
  /// Sorted by path, then message.
  public var inputErrors: [InputProblem]
  /// Every rule known to the run (enabled or not), sorted by id; SARIF's `tool.driver.rules`.
  public var rules: [RuleDescription]
  /// The exit status the run will end with (SARIF `invocations[0].exitCode`).
  public var exitStatus: Int
  /// Whether the run was a pre-publish check, and of which draft.
  public var draftPath: String?

  public init(
    kind: Kind, tool: ToolInfo, documents: [DocumentReport] = [], findings: [Finding] = [],
    inputErrors: [InputProblem] = [], rules: [RuleDescription] = [], exitStatus: Int = 0, draftPath: String? = nil
  ) {
    self.kind = kind
    self.tool = tool
    self.documents = documents
    self.findings = findings
    self.inputErrors = inputErrors
    self.rules = rules
    self.exitStatus = exitStatus
    self.draftPath = draftPath
  }

  /// The source file of a path in this report, for snippets.
  public func source(for path: String) -> SourceFile? {
    documents.first(where: { $0.document.path == path })?.document.source
  }
}

/// The tool's name, version and home.
public struct ToolInfo: Sendable, Hashable {
  public var name: String
  public var version: String
  public var informationURI: String

  public init(name: String = "claimlint", version: String, informationURI: String) {
    self.name = name
    self.version = version
    self.informationURI = informationURI
  }
}

/// One document as reported: the document, its claims, and for each claim how many independent
/// sources support it.
///
/// A large run releases what it no longer needs once a document's claims were checked (`released`):
/// the claims themselves (their number stays in `claimCount`), the segments' text, and the file's
/// bytes unless a finding quotes the file.
public struct DocumentReport: Sendable {
  public var document: Document
  public var claims: [Claim] {
    didSet { claimCount = claims.count }
  }
  /// `corroboration[i]` is the number of other independent documents that support `claims[i]`
  /// (nil when not computed). Spelled `Optional<…>`, as `Document`'s optional fields are: a `T?` stored
  /// `var` makes the initializer build the report aside and copy it into place.
  public var corroboration: Optional<[Int]>
  /// The number of claims read from the document (equal to `claims.count` until they are released).
  public private(set) var claimCount: Int
  /// Whether the claims and texts were released.
  public private(set) var isReleased = false

  public init(document: Document, claims: [Claim], corroboration: [Int]? = nil) {
    self.document = document
    self.claims = claims
    self.corroboration = corroboration
    self.claimCount = claims.count
  }

  /// The report without claims, corroboration counts and segment texts; the file's bytes are kept when
  /// `keepingSource`.
  public func released(keepingSource: Bool) -> DocumentReport {
    var r = self
    r.release(keepingSource: keepingSource)
    return r
  }

  /// Makes this report `released(keepingSource:)` in place: a run that releases thousands of reports
  /// copies none of their segments.
  public mutating func release(keepingSource: Bool) {
    document.release(keepingSource: keepingSource)
    let count = claimCount
    claims = []
    claimCount = count
    corroboration = nil
    isReleased = true
  }
}

/// A file that could not be (fully) read, or a note about one.
public struct InputProblem: Sendable, Hashable, Comparable {
  public var path: String
  public var line: Int?
  public var column: Int?
  public var message: String
  public var severity: Severity

  public init(path: String, line: Int? = nil, column: Int? = nil, message: String, severity: Severity = .error) {
    self.path = path
    self.line = line
    self.column = column
    self.message = message
    self.severity = severity
  }

  public init(_ error: InputError) {
    self.init(path: error.path, message: error.message, severity: .error)
  }

  public init(_ error: DataFileError) {
    self.init(path: error.path, line: error.line, column: error.column, message: error.message, severity: .error)
  }

  /// `path[:line[:col]]: severity: message`.
  public var description: String {
    var loc = path
    if let line {
      loc += ":\(line)"
      if let column { loc += ":\(column)" }
    }
    return "\(loc): \(severity.rawValue): \(message)"
  }

  public static func < (a: InputProblem, b: InputProblem) -> Bool {
    if a.path != b.path { return a.path < b.path }
    if (a.line ?? 0) != (b.line ?? 0) { return (a.line ?? 0) < (b.line ?? 0) }
    return a.message < b.message
  }
}
