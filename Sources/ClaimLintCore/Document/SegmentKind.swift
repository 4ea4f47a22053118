/// What part of an article a segment is.
public enum SegmentKind: String, Sendable, Hashable, CaseIterable, Codable {
  case headline
  case dateline
  case byline
  case subheading
  case reportage
  case list
  case related
  case boilerplate
  case comment
  case commentsHeader = "comments-header"

  /// Whether claims are read from this kind of segment at all.
  public var carriesClaims: Bool {
    switch self {
    case .reportage, .list, .comment, .headline: return true
    default: return false
    }
  }

  /// The layer the claims of this segment belong to.
  public var layer: ClaimLayer { self == .comment ? .comment : .reportage }
}

/// Whether a claim comes from the article's own reporting or from a reader comment below it.
public enum ClaimLayer: String, Sendable, Hashable, Codable {
  case reportage
  case comment
}
