import ClaimLintTestSupport
import Foundation
import Testing

/// `claimlint` ends a run with `exit` without freeing its report (`run()` in main.swift). These tests
/// check that nothing is lost by that: a report far larger than a pipe's buffer, read through a pipe
/// while it is written, arrives whole and byte-identical to the same report written with `--output`.
@Suite struct PipedOutputTests {
  /// 300 articles in 60 stories of five. Each story has its own invented names and figures; one outlet in
  /// each story gives a different figure, so every story has a finding.
  private func corpus() throws -> URL {
    let syllables = ["ka", "lo", "mer", "tan", "vi", "so", "ren", "du", "pa", "gor", "li", "na"]
    func name(_ n: Int) -> String {
      var n = n
      var s = ""
      for _ in 0..<3 {
        s += syllables[n % syllables.count]
        n /= syllables.count
      }
      return s.prefix(1).uppercased() + s.dropFirst()
    }
    let places = ["Chiang Mai", "Vientiane", "Mandalay", "Kunming", "Luang Prabang", "Yangon", "Bangkok", "Nanning"]
    var files: [String: [UInt8]] = [:]
    for story in 0..<60 {
      let (crossing, river, spokesman) = (name(story * 3 + 7), name(story * 3 + 208), name(story * 3 + 509))
      let place = places[story % places.count]
      for outlet in 0..<5 {
        let figure = 1_200 + story * 37 + (outlet == 4 ? 300 : 0)
        let text = """
          2024-08-\(10 + outlet)

          Police in \(place) detained \(figure) migrants at the \(crossing) border crossing on Monday, spokesman \(spokesman) said.

          The \(crossing) crossing lies on the \(river) river, according to \(spokesman).

          """
        files["story\(story)/outlet\(outlet).txt"] = Array(text.utf8)
      }
    }
    return try CLI.folder(files)
  }

  @Test(arguments: ["json", "sarif", "text"])
  func aLargeReportReadThroughAPipeIsComplete(format: String) throws {
    let dir = try corpus()
    let piped = try CLI.run(["check", ".", "--format", format], in: dir)
    let written = try CLI.run(["check", ".", "--format", format, "--output", "report.out"], in: dir)
    #expect(piped.status == 1, "\(piped.stderr)")
    #expect(written.status == 1, "\(written.stderr)")
    // JSON and SARIF fill a pipe's 64 KiB buffer several times, so the writer waited on the reader.
    #expect(piped.stdout.utf8.count > (format == "text" ? 32_768 : 4 * 65_536), "\(piped.stdout.utf8.count) bytes")
    let file = try Data(contentsOf: dir.appendingPathComponent("report.out"))
    #expect(Data(piped.stdout.utf8) == file, "the piped \(format) report differs from the one written to a file")
    if format != "text" {
      let object = try JSONSerialization.jsonObject(with: Data(piped.stdout.utf8)) as? [String: Any]
      #expect(object != nil)
    }
    if format == "json", let object = try JSONSerialization.jsonObject(with: Data(piped.stdout.utf8)) as? [String: Any] {
      let documents = object["documents"] as? [Any] ?? []
      let findings = object["findings"] as? [Any] ?? []
      #expect(documents.count == 300)
      #expect(findings.count >= 60, "\(findings.count) findings")
    }
  }
}
