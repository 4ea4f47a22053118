import ClaimLintCore
import Testing

/// Which reader a file gets from its name.
@Suite struct DocumentFormatTests {
  @Test(arguments: [
    ("wires/ap.txt", DocumentFormat.text), ("NOTES.TEXT", .text), ("desk/reuters.md", .markdown),
    ("desk/Reuters.Markdown", .markdown), ("page.html", .html), ("PAGE.HTM", .html), ("feed/story.xhtml", .html),
    (".txt", .text), ("archive.v2/ap.md", .markdown),
  ])
  func articleExtensionsAreRecognisedInAnyCase(path: String, format: DocumentFormat) {
    #expect(DocumentFormat.forPath(path) == format)
  }

  @Test(arguments: [
    "photo.jpg", "txt", "notes.txt.bak", "archive.md/readme", "story.", "story", "report.pdf", "page.html5", "café.htmlx",
    "page.shtml", "ap.tx",
  ])
  func otherNamesAreNotArticles(path: String) {
    #expect(DocumentFormat.forPath(path) == nil)
  }
}
