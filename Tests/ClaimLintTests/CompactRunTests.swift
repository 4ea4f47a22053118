import ClaimLintCore
import ClaimLintExtraction
import ClaimLintRules
import ClaimLintTestSupport
import Testing

@testable import ClaimLint

/// The memory savings of large runs (compact claims, story words as sorted hashes, syndication
/// shingles computed only for bucket candidates) must not change what is found.
struct CompactRunTests {
  static let wire = """
    Flood waters forced the evacuation of 1,200 residents from low-lying districts of Riverton on Tuesday, \
    the regional emergency office said. Rescue crews used boats to reach families stranded on rooftops \
    along the Marsh Road embankment, and two temporary shelters were opened in school gymnasiums.
    """

  static func pipeline() throws -> DocumentPipeline {
    DocumentPipeline(configuration: TestSupport.configuration)
  }

  @Test func compactedClaimsEqualTheExtractedOnes() throws {
    let pipeline = try Self.pipeline()
    let text = Self.wire + "\n\nOfficials reportedly said about 300 homes were damaged, according to the mayor's office.\n"
    let output = pipeline.process(bytes: Array(text.utf8), displayPath: "wire.txt")
    let report = try #require(output.report)
    let extractor = ClaimExtractor(
      lexicons: pipeline.configuration.lexicons, extraction: pipeline.configuration.extraction)
    let extracted = extractor.claims(in: report.document)
    #expect(!extracted.isEmpty)
    #expect(report.claims == extracted)
    #expect(DocumentPipeline.compacted(extracted) == extracted)
  }

  @Test func syndicatedCopiesAreGroupedAndOthersLeftAlone() throws {
    let pipeline = try Self.pipeline()
    let copy = Self.wire + " Republished with permission."
    let other = """
      The city council approved a budget of 48 million dollars for road repairs on Thursday after a \
      three-hour debate, with nine members voting in favour and four against the proposal.
      """
    let documents = [("a/wire.txt", Self.wire), ("b/copy.txt", copy), ("c/council.txt", other)].map { path, text in
      pipeline.segment(SourceFile(path: path, text: text), format: .text)
    }
    #expect(Syndication.groups(documents) == [0, 0, 2])
  }

  @Test func sortedHashArraysShareAsManyWordsAsSets() {
    let a = Salience.wordHashes("Rescue crews reached stranded families along the embankment").sorted()
    let b = Salience.wordHashes("Families stranded on rooftops were reached by rescue boats").sorted()
    #expect(Salience.sharedCount(a, b) == Salience.sharedCount(Set(a), Set(b)))
    #expect(Salience.sharedCount(a, b) >= 3)
    #expect(Salience.sharedCount(a, []) == 0)
  }

  @Test func salienceWordsDropStopWordsOnly() {
    let words = Salience.words("The ministers met in Chiang Mai and agreed to widen the crackdown")
    #expect(words.contains("minister"))
    #expect(words.contains("meet"))
    #expect(words.contains("crackdown"))
    #expect(!words.contains("the"))
    #expect(!words.contains("and"))
  }
}
