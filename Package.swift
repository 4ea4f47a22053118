// swift-tools-version: 6.0
import PackageDescription

let package = Package(
  name: "claimlint",
  platforms: [.macOS(.v13)],
  products: [
    .executable(name: "claimlint", targets: ["claimlint"]),
    .library(name: "ClaimLint", targets: ["ClaimLint"]),
  ],
  targets: [
    .target(name: "ClaimLintCore"),
    .target(name: "ClaimLintHTML", dependencies: ["ClaimLintCore"]),
    .target(name: "ClaimLintExtraction", dependencies: ["ClaimLintCore", "ClaimLintHTML"]),
    .target(name: "ClaimLintRules", dependencies: ["ClaimLintCore"]),
    .target(name: "ClaimLintReporting", dependencies: ["ClaimLintCore"]),
    .target(
      name: "ClaimLint",
      dependencies: ["ClaimLintCore", "ClaimLintExtraction", "ClaimLintRules", "ClaimLintReporting"]),
    .executableTarget(name: "claimlint", dependencies: ["ClaimLint"]),
    .executableTarget(name: "claimlint-bench", dependencies: ["ClaimLint", "ClaimLintRules"]),
    .executableTarget(name: "claimlint-fuzz", dependencies: ["ClaimLint"]),
    .target(name: "ClaimLintTestSupport", dependencies: ["ClaimLint"], path: "Tests/ClaimLintTestSupport"),
    .testTarget(name: "ClaimLintCoreTests", dependencies: ["ClaimLintCore", "ClaimLintTestSupport"]),
    .testTarget(name: "ClaimLintHTMLTests", dependencies: ["ClaimLintHTML", "ClaimLintTestSupport"]),
    .testTarget(name: "ClaimLintExtractionTests", dependencies: ["ClaimLintExtraction", "ClaimLintTestSupport"]),
    .testTarget(name: "ClaimLintRulesTests", dependencies: ["ClaimLintRules", "ClaimLintTestSupport"]),
    .testTarget(
      name: "ClaimLintReportingTests", dependencies: ["ClaimLintReporting", "ClaimLintTestSupport"], exclude: ["Golden"]),
    .testTarget(name: "ClaimLintTests", dependencies: ["ClaimLint", "ClaimLintTestSupport"]),
    .testTarget(name: "claimlintCLITests", dependencies: ["claimlint", "ClaimLintTestSupport"]),
  ],
  swiftLanguageModes: [.v6]
)
