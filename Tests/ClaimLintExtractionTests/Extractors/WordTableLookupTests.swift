@testable import ClaimLintExtraction
import Testing

/// `WordTable` answers as the dictionary it is made from.
@Suite struct WordTableLookupTests {
  @Test func lookupsMatchTheDictionary() {
    var words: [String: Int] = [:]
    // Words of every length, with shared prefixes and suffixes, so that slots collide.
    let stems = ["a", "an", "the", "said", "report", "police", "minister", "alleged", "x", "zz", "q1", "état"]
    for (n, s) in stems.enumerated() {
      for k in 0..<40 { words["\(s)\(k)"] = n * 100 + k }
      words[s] = n
    }
    let table = WordTable(words)
    for (k, v) in words {
      #expect(table[k] == v, "\(k)")
      #expect(table.value(hash: WordTable<Int>.hashCode(bytes: k.utf8), key: k) == v, "\(k)")
    }
    for miss in ["", "b", "the40", "said-0", "report 1", "xx", "Police", "etat", "état40", "minister399"] {
      #expect(table[miss] == nil, "\(miss)")
      #expect(table.value(hash: WordTable<Int>.hashCode(bytes: miss.utf8), key: miss) == nil, "\(miss)")
    }
  }
}
