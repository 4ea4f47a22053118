import ClaimLint
import ClaimLintCore
import ClaimLintReporting
import ClaimLintTestSupport
import Foundation
import Testing

/// Issue #8: claimlint never touches the network, and nothing an article names is ever fetched.
@Suite struct NoNetworkTests {
  /// Every API through which Swift on Linux or macOS can reach the network, or load a URL's contents.
  static let networkAPIs = [
    "URLSession", "FoundationNetworking", "import Network", "NSURLConnection", "CFNetwork", "URLRequest",
    "getaddrinfo", "gethostbyname", "socket(", "connect(", "Data(contentsOf", "String(contentsOf", "NSData(contentsOf",
    "contentsOf: URL", "XMLParser(contentsOf",
  ]

  @Test func issue8NoSourceFileUsesANetworkAPI() throws {
    let root = TestSupport.repositoryRoot + "/Sources"
    let files = try #require(FileManager.default.subpathsOfDirectory(atPath: root).filter { $0.hasSuffix(".swift") })
    #expect(files.count > 50, "the sources were found")
    var hits: [String] = []
    for file in files.sorted() {
      let text = try String(contentsOfFile: root + "/" + file, encoding: .utf8)
      for api in Self.networkAPIs where text.contains(api) { hits.append("\(file): \(api)") }
    }
    #expect(hits.isEmpty, "network APIs in the sources: \(hits)")
  }

  /// A page that names remote resources is read like any other, and the HTML report links only to the
  /// checked files and to places in itself.
  @Test func issue8RemoteResourcesInAPageAreNeverReferenced() throws {
    let page = """
      <html><head><base href="http://tracker.invalid/">
      <link rel="stylesheet" href="http://tracker.invalid/style.css">
      <script src="http://tracker.invalid/app.js"></script></head>
      <body><article><h1>Flood</h1><img src="http://tracker.invalid/pixel.gif">
      <iframe src="http://tracker.invalid/frame"></iframe>
      <p>Officials said 1,200 residents were evacuated overnight.</p></article></body></html>
      """
    let checker = TestSupport.checker()
    let report = checker.check(
      checker.processTexts([
        (name: "wire.html", text: page),
        (name: "radio.txt", text: "2024-04-12\n\nOfficials said 900 residents were evacuated overnight.\n"),
      ]), draftPath: nil)
    #expect(report.documents.count == 2)
    #expect(!report.findings.isEmpty, "the page was read")
    let html = try #require(Reporters.named("html")).render(report, options: ReportOptions(color: false, snippets: true))
    for attribute in ["src=\"http", "href=\"http", "src='http", "href='http", "url(http", "@import"] {
      #expect(!html.contains(attribute), "the HTML report loads '\(attribute)…'")
    }
  }
}
