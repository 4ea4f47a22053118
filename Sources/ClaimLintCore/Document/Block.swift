/// A block of text as a reader found it, before segmentation: a paragraph, a heading, a list item.
///
/// Readers (plain text, Markdown, HTML) produce blocks with the structural hints their format gives;
/// the segmenter turns them into `Segment`s.
public struct Block: Sendable, Hashable {
  public enum Role: String, Sendable, Hashable {
    case paragraph
    case heading
    case listItem
    case quote
    case title
  }

  public var text: String
  public var map: OffsetMap
  public var role: Role
  /// Heading level when `role == .heading`.
  public var level: Int
  // The optional fields are spelled `Optional<…>`: a `T?` stored `var` is set to nil before the
  // initializer runs, and the optimizer then builds the block aside and copies it into place (its
  // strings and map retained, then released), once for every block a reader makes.
  /// A segment kind the format itself states (an HTML `<nav>` or a comments container), if any.
  public var hint: Optional<SegmentKind>
  /// For comment blocks, the author when the markup names one.
  public var author: Optional<String>
  /// Identifies the comment a block belongs to when the markup groups comments (blocks with the same
  /// group id form one comment).
  public var group: Optional<Int>
  /// Why the format gave this hint.
  public var reason: Optional<String>

  public init(
    text: String, map: OffsetMap, role: Role = .paragraph, level: Int = 0, hint: SegmentKind? = nil,
    author: String? = nil, group: Int? = nil, reason: String? = nil
  ) {
    self.text = text
    self.map = map
    self.role = role
    self.level = level
    self.hint = hint
    self.author = author
    self.group = group
    self.reason = reason
  }
}
