import ClaimLintCore

/// Flags a draft figure whose only support among the sources is a reader comment.
///
/// Runs only in pre-publish mode. Comments below an article are not reporting; a figure found only
/// there needs its own source.
public struct CommentCitedAsReportageRule: Rule {
  public static let description = RuleDescription(
    identifier: "comment-cited-as-reportage",
    name: "Comment Cited As Reportage",
    summary: "A draft claim appears only in a reader comment of its sources",
    rationale: """
      Reader comments sit on the same page as the article and are easily copied with it. A figure that \
      only a commenter gives has no reporting behind it.
      """,
    defaultSeverity: .warning,
    prePublishOnly: true,
    tags: ["comments", "pre-publish"],
    nonTriggeringExamples: [
      RuleExample(
        [
          "draft.md": "Officials said 300 workers were rescued from the compound.\n",
          "portal.txt": """
            Police and soldiers raided the compound near the river crossing before dawn on Friday and freed 300 \
            workers held there, officials said. Many had been made to run online scams for months.

            2 Comments

            riverwatch
            I heard 300 workers were rescued, good news.

            maya_k
            Well done to the police.

            """,
        ], draft: "draft.md")
    ],
    triggeringExamples: [
      RuleExample(
        [
          "draft.md": "Officials said ↓900 workers were rescued from the compound.\n",
          "portal.txt": """
            Police and soldiers raided the compound near the river crossing before dawn on Friday and freed the \
            workers held there, officials said. Many had been made to run online scams for months.

            2 Comments

            riverwatch
            My cousin says †900 workers were rescued there.

            maya_k
            Well done to the police.

            """,
        ], draft: "draft.md")
    ]
  )

  public init() {}

  public func check(_ claims: AlignedClaims, in context: RuleContext) -> [Finding] {
    guard let draft = claims.draftIndex else { return [] }
    let support = FigureSupport(claims)
    let index = support.index()
    var findings: [Finding] = []
    for (i, c) in claims.documents[draft].claims.enumerated() where c.kind == .quantity && c.layer == .reportage {
      guard let q = c.quantity, q.value != nil else { continue }
      let r = ClaimRef(document: draft, index: i)
      let sources = support.supporting(r, in: index)
      guard !sources.isEmpty, sources.allSatisfy({ claims.claim($0).layer == .comment }) else { continue }
      let notes = sources.sorted().map { o -> Note in
        let oc = claims.claim(o)
        let seg = claims.document(o).segments.first { $0.kind == .commentsHeader }
        let start = seg.map { " in the comments section that starts at line \(claims.document(o).source.position(of: $0.sourceStart).line)" } ?? ""
        return Note(span: oc.span, message: "reader comment by '\(oc.commentAuthor ?? "unknown")'\(start)")
      }
      findings.append(
        Finding(
          ruleID: Self.description.identifier, severity: context.severity(of: Self.description),
          message: "\(ClaimText.quoted(c.span.text)) appears only in a reader comment of its sources",
          span: c.span, notes: notes, help: "find a reported source for this figure or remove it",
          label: "sourced from a comment",
          fingerprint: Fingerprint.fnv1a([Self.description.identifier, c.span.path, ClaimText.number(q.value), q.counted ?? ""]),
          properties: ["value": ClaimText.number(q.value)]))
    }
    return findings
  }
}
