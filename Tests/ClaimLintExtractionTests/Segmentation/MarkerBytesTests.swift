import Testing

@testable import ClaimLintExtraction

/// Marker matching on a block's bytes (`SegmentationLexicons.match(block:)`) gives what normalizing
/// the block to a string and matching that gives, and its shortcuts (eight bytes at a time in
/// `normalizeASCII`, the window test of `mayContain`) agree with the plain readings.
@Suite struct MarkerBytesTests {
  static let builtIn = SegmentationLexicons.builtIn

  /// Short blocks as the segmenter meets them, with white space of every kind.
  static let texts: [String] = [
    "Advertisement", "ADVERTISEMENT:", "Share this article", "Related stories »", "Readers’ comments",
    "6 Comments", "Comments (12)", "No comments", "By Jane Doe, Reuters", "Photo:  Linh Pham",
    "© 2025 The Harbour Times. All rights reserved.", "Click here to subscribe to our newsletter",
    "We use cookies. Accept cookies?", "Read our Privacy Policy and Terms of Use.", "Cookie\u{A0}policy",
    "terms of\tuse", "The council voted on Tuesday to delay the bridge handover.", "Bridge handover delayed",
    "Wednesday, 12 February 2025", "  leading and trailing  ", "tabs\tand\nnewlines\r\nhere",
    "ÉDITORIAL: Café société", "Реклама", "広告 Anzeige", "\u{212A}m", "Privacy  policy", "allrightsreserved",
    "Home | World | Business | Sport", "Kommentare (3)", "Read more: Ferries resume …", "x", "",
  ]

  /// Every text above, each prefix of it, and each with a capital or white space run put in front, so
  /// the eight-byte steps meet every alignment.
  static var variants: [String] {
    var out: [String] = []
    for text in texts {
      let scalars = Array(text.unicodeScalars)
      for k in 0...scalars.count {
        var s = String.UnicodeScalarView()
        s.append(contentsOf: scalars[..<k])
        out.append(String(s))
      }
      out += ["A" + text, "  " + text, "\t" + text + " ", text.uppercased(), text.split(separator: " ", omittingEmptySubsequences: false).joined(separator: "  ")]
    }
    return out
  }

  /// The byte loop `normalizeASCII` had before it copied eight bytes at a time.
  static func plainNormalize(_ u: [UInt8], stripTrailing: Bool) -> ([UInt8], Bool) {
    var out: [UInt8] = []
    var unicode = false
    var pendingSpace = false
    var i = 0
    while i < u.count {
      let b = u[i]
      if b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || (b == 0xC2 && i + 1 < u.count && u[i + 1] == 0xA0) {
        pendingSpace = !out.isEmpty
        i += b == 0xC2 ? 2 : 1
        continue
      }
      if pendingSpace {
        out.append(0x20)
        pendingSpace = false
      }
      if b >= 0xC3 && b <= 0xD4 { unicode = true }
      out.append(b >= 0x41 && b <= 0x5A ? b + 32 : b)
      i += 1
    }
    if stripTrailing {
      while let last = out.last {
        let n = out.count
        if last == 0x3A || last == 0x2E || last == 0x21 || last == 0x20 {
          out.removeLast()
        } else if n >= 2, out[n - 2] == 0xC2, last == 0xBB {
          out.removeLast(2)
        } else if n >= 3, out[n - 3] == 0xE2, out[n - 2] == 0x80, last == 0xBA || last == 0xA6 {
          out.removeLast(3)
        } else {
          break
        }
      }
    }
    return (out, unicode)
  }

  @Test func normalizeCopiesEightBytesAsTheByteLoopWould() {
    for text in Self.variants {
      for strip in [true, false] {
        let u = Array(text.utf8)
        let expected = Self.plainNormalize(u, stripTrailing: strip)
        let got = u.withUnsafeBufferPointer { u in
          [UInt8](unsafeUninitializedCapacity: max(1, u.count)) { out, count in
            let (n, unicode) = SegmentationLexicons.normalizeASCII(u, into: out, stripTrailing: strip)
            count = n
            #expect(unicode == expected.1, "\(text)")
          }
        }
        #expect(got == expected.0, "\(text)")
      }
    }
  }

  @Test func blockBytesMatchAsTheNormalizedString() {
    var texts = Self.variants
    for m in Self.builtIn.markers where m.mode != .word {
      texts += [m.phrase, m.phrase.uppercased(), "See " + m.phrase + " here", m.phrase + ": more", "3 " + m.phrase]
    }
    var matched = 0
    for text in texts {
      let a = Self.builtIn.match(normalized: SegmentationLexicons.normalize(text))
      var copy = text
      let b = copy.withUTF8 { Self.builtIn.match(block: $0) }
      #expect(a?.marker == b?.marker && a?.count == b?.count, "\(text)")
      if a != nil { matched += 1 }
    }
    #expect(matched > 100)
  }

  /// Every `contains` phrase, at every offset in prose, passes the window test; prose without one
  /// mostly does not.
  @Test func windowTestPassesEveryContainedPhrase() {
    let prose = "the council voted on tuesday to delay the bridge handover by two weeks, officials said"
    let phrases = Self.builtIn.markers.filter { $0.mode == .contains }.map(\.phrase)
    #expect(phrases.count >= 6)
    for phrase in phrases {
      for offset in 0...20 {
        for tail in [0, 1, 5, 9] {
          let text = Array(prose.utf8.prefix(offset)) + Array(phrase.utf8) + Array(prose.utf8.prefix(tail))
          #expect(text.withUnsafeBufferPointer { Self.builtIn.mayContain($0) }, "\(phrase) at \(offset)")
        }
      }
    }
    let ordinary = [prose, "bridge handover delayed", "wednesday, 12 february 2025", "by jane doe, reuters"]
    for text in ordinary {
      #expect(!Array(text.utf8).withUnsafeBufferPointer { Self.builtIn.mayContain($0) }, "\(text)")
    }
    // A phrase shorter than 11 bytes turns the test off.
    let short = SegmentationLexicons(
      markers: [.init(kind: .boilerplate, mode: .contains, phrase: "cookies")], languageNames: [])
    #expect(Array("nothing here".utf8).withUnsafeBufferPointer { short.mayContain($0) })
  }
}
