import Testing

@testable import ClaimLintExtraction

/// `SourceLines.split` finds line breaks with `memchr` when the text has no carriage return and with
/// `lineBreak` otherwise; both must give the lines a byte-by-byte search gives.
@Suite struct SourceLinesTests {
  /// The line ranges found by looking at every byte (`\n`, `\r\n`, lone `\r`; a BOM skipped).
  static func plainLines(_ bytes: [UInt8]) -> [Range<Int>] {
    var out: [Range<Int>] = []
    var i = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    var start = i
    while i < bytes.count {
      let b = bytes[i]
      if b == 0x0A || b == 0x0D {
        out.append(start..<i)
        i += b == 0x0D && i + 1 < bytes.count && bytes[i + 1] == 0x0A ? 2 : 1
        start = i
      } else {
        i += 1
      }
    }
    if start < bytes.count { out.append(start..<bytes.count) }
    return out
  }

  static let texts: [String] = [
    "Flood waters rose 4 m overnight.\nResidents were told to leave.\n\n  By Ana Ruiz  \nMore to come",
    "\u{FEFF}Headline\r\nBody text of the story.\r\n\r\nSecond paragraph\rwith a lone CR.\n",
    "\n\n\nx\n",
    "One line without a break",
    "",
    "\u{FEFF}",
    String(repeating: "A wrapped line of wire copy, sixty-odd bytes long, no more.\n", count: 20) + "\n\u{201C}End\u{201D}",
    String(repeating: "Zeile mit Umlauten: Über, Größe, Fluss.\r\n", count: 12),
  ]

  @Test(arguments: texts)
  func linesMatchAByteByByteSearch(_ text: String) {
    let bytes = Array(text.utf8)
    let lines = SourceLines.split(bytes)
    #expect(lines.map { $0.start..<$0.end } == Self.plainLines(bytes))
  }
}
