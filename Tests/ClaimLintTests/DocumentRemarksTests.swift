import ClaimLintCore
import ClaimLintTestSupport
import Testing

@testable import ClaimLint

/// The remarks a document carries from its reader and its segmenter, each once.
@Suite struct DocumentRemarksTests {
  static let pipeline = DocumentPipeline(configuration: TestSupport.configuration)

  /// A page without article markup: the HTML reader chooses the body by text density and says so;
  /// its lead dateline has no year, which the segmenter remarks on.
  static let page = """
    <html><body>
    <div id="top"><a href="/">Home</a> | <a href="/politics">Politics</a> | <a href="/business">Business</a></div>
    <table><tr>
    <td class="left"><a href="/a">Port strike enters day three</a><br><a href="/b">Wheat prices fall</a></td>
    <td class="middle">
      <div class="box">
        <h2>Dockworkers reject pay offer</h2>
        <p>Harbour Times, Da Nang, July 2 (Reporter Ngo Bao) Dockworkers at the northern port rejected a 4.5 percent pay offer on Wednesday, extending a strike that has left 60 ships waiting offshore.</p>
        <p>The union said the offer did not cover inflation, which reached 6.1 percent last year, and asked for talks to resume under a mediator.</p>
      </div>
    </td>
    </tr></table>
    </body></html>
    """

  @Test func aReadersRemarkIsShownOnce() {
    let doc = Self.pipeline.segment(SourceFile(path: "docks.html", text: Self.page), format: .html)
    let density = doc.remarks.filter { $0.contains("text density") }
    #expect(density.count == 1, "\(doc.remarks)")
    // No remark at all is repeated, the segmenter's own among them.
    #expect(Set(doc.remarks).count == doc.remarks.count, "\(doc.remarks)")
    #expect(doc.remarks.filter { $0.contains("has no year") }.count == 1, "\(doc.remarks)")
  }

  /// The reader's remarks come first, then the segmenter's, as the segmenter orders them.
  @Test func theReadersRemarksComeBeforeTheSegmentersOwn() {
    let doc = Self.pipeline.segment(SourceFile(path: "docks.html", text: Self.page), format: .html)
    guard let density = doc.remarks.firstIndex(where: { $0.contains("text density") }),
      let date = doc.remarks.firstIndex(where: { $0.contains("has no year") })
    else {
      Issue.record("expected a reader remark and a date remark: \(doc.remarks)")
      return
    }
    #expect(density < date)
  }
}
