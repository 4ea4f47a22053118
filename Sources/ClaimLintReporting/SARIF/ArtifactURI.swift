/// Relative file paths as URI references for SARIF `artifactLocation.uri`.
enum ArtifactURI {
  /// `path` with `\` turned into `/` and every byte outside the unreserved set and `/` percent-encoded
  /// (spaces, non-ASCII letters, `%`, `#`, `?`, `:` and brackets included), so the URI is always a
  /// valid relative reference and a first segment such as `a:b.txt` cannot be mistaken for a scheme.
  static func encode(_ path: String) -> String {
    guard !path.utf8.allSatisfy(isKept) else { return path }
    var out = ""
    for byte in path.utf8 {
      switch byte {
      case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
        UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
        UInt8(ascii: "~"), UInt8(ascii: "/"):
        out.unicodeScalars.append(Unicode.Scalar(byte))
      case UInt8(ascii: "\\"):
        out.append("/")
      default:
        let hex = String(byte, radix: 16, uppercase: true)
        out += "%" + (hex.count == 1 ? "0" + hex : hex)
      }
    }
    return out
  }

  /// Whether a byte stays as it is: an unreserved character or `/`.
  private static func isKept(_ byte: UInt8) -> Bool {
    switch byte {
    case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
      UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
      UInt8(ascii: "~"), UInt8(ascii: "/"):
      return true
    default:
      return false
    }
  }
}
