// A Codable model of the part of SARIF 2.1.0 that claimlint emits, and nothing more.
//
// Optional properties are left out when nil (SARIF does not allow null for them). Property names
// follow the specification; `$schema` and `problem.severity` need explicit coding keys.

/// The root object: one log with exactly one run.
struct SARIFLog: Codable, Equatable {
  var schema: String = "https://json.schemastore.org/sarif-2.1.0.json"
  var version: String = "2.1.0"
  var runs: [SARIFRun]

  enum CodingKeys: String, CodingKey {
    case schema = "$schema"
    case version
    case runs
  }
}

/// A run: the tool, its rules, the results and how the invocation ended.
struct SARIFRun: Codable, Equatable {
  var tool: SARIFTool
  var automationDetails: SARIFAutomationDetails
  var columnKind: String
  var results: [SARIFResult]
  var invocations: [SARIFInvocation]
}

/// `run.tool`.
struct SARIFTool: Codable, Equatable {
  var driver: SARIFToolComponent
}

/// `tool.driver`.
struct SARIFToolComponent: Codable, Equatable {
  var name: String
  var semanticVersion: String
  var informationUri: String?
  var rules: [SARIFReportingDescriptor]
}

/// A rule's metadata.
struct SARIFReportingDescriptor: Codable, Equatable {
  var id: String
  var name: String
  var shortDescription: SARIFMessage
  var fullDescription: SARIFMessage
  var help: SARIFMultiformatMessage
  var helpUri: String?
  var defaultConfiguration: SARIFConfiguration
  var properties: SARIFRuleProperties
}

/// Text plus Markdown (`rule.help`).
struct SARIFMultiformatMessage: Codable, Equatable {
  var text: String
  var markdown: String?
}

/// `defaultConfiguration`.
struct SARIFConfiguration: Codable, Equatable {
  var level: String
}

/// The rule property bag GitHub reads. There is deliberately no `security-severity`.
struct SARIFRuleProperties: Codable, Equatable {
  var tags: [String]
  var precision: String
  var problemSeverity: String

  enum CodingKeys: String, CodingKey {
    case tags
    case precision
    case problemSeverity = "problem.severity"
  }
}

/// `run.automationDetails`.
struct SARIFAutomationDetails: Codable, Equatable {
  var id: String
}

/// A plain-text message, which may embed links to related locations as `[text](id)`.
struct SARIFMessage: Codable, Equatable {
  var text: String
}

/// One finding.
struct SARIFResult: Codable, Equatable {
  var ruleId: String
  var ruleIndex: Int?
  var level: String
  var message: SARIFMessage
  var locations: [SARIFLocation]
  var relatedLocations: [SARIFLocation]?
  var partialFingerprints: [String: String]
  var properties: [String: String]?
}

/// A location: a file region, with an id and message when it is a related location.
struct SARIFLocation: Codable, Equatable {
  var id: Int?
  var physicalLocation: SARIFPhysicalLocation
  var message: SARIFMessage?
}

/// A file and, when known, a region in it.
struct SARIFPhysicalLocation: Codable, Equatable {
  var artifactLocation: SARIFArtifactLocation
  var region: SARIFRegion?
}

/// A relative URI resolved against `%SRCROOT%`, the repository root.
struct SARIFArtifactLocation: Codable, Equatable {
  var uri: String
  var uriBaseId: String?
}

/// Lines and code-point columns, 1-based, `endColumn` exclusive, plus the exact text covered.
struct SARIFRegion: Codable, Equatable {
  var startLine: Int
  var startColumn: Int?
  var endLine: Int?
  var endColumn: Int?
  var snippet: SARIFArtifactContent?
}

/// `region.snippet`.
struct SARIFArtifactContent: Codable, Equatable {
  var text: String
}

/// How the run ended; one notification per input problem.
struct SARIFInvocation: Codable, Equatable {
  var executionSuccessful: Bool
  var exitCode: Int
  var toolExecutionNotifications: [SARIFNotification]?
}

/// A problem with an input file, reported by the tool rather than by a rule.
struct SARIFNotification: Codable, Equatable {
  var level: String
  var message: SARIFMessage
  var locations: [SARIFLocation]?
}
