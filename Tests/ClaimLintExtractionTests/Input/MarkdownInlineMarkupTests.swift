import Testing

@testable import ClaimLintExtraction

/// The eight-bytes-at-a-time test for inline markup agrees with reading byte by byte.
@Suite struct MarkdownInlineMarkupTests {
  static func plain(_ bytes: [UInt8], from: Int, to: Int) -> Bool {
    bytes[from..<to].contains { [0x5C, 0x60, 0x5B, 0x3C, 0x2A, 0x5F, 0x7E, 0x26].contains($0) }
  }

  @Test func agreesWithByteByByteReading() {
    let line = Array("The council voted 7-2 on Tuesday (X, Y, Z: ^/>) to approve the “bridge” plan.".utf8)
    #expect(!MarkdownReader.hasInlineMarkup(line, from: 0, to: line.count))
    // Every markup byte, and bytes the eight-byte test lets through (X...^), at every position.
    for mark in Array("\\`[<*_~&XYZ]^".utf8) {
      for at in 0..<line.count {
        var bytes = line
        bytes[at] = mark
        for (from, to) in [(0, bytes.count), (at, bytes.count), (0, at), (max(0, at - 9), min(bytes.count, at + 3))] {
          #expect(
            MarkdownReader.hasInlineMarkup(bytes, from: from, to: to) == Self.plain(bytes, from: from, to: to),
            "\(mark) at \(at) in \(from)..<\(to)")
        }
      }
    }
  }
}
