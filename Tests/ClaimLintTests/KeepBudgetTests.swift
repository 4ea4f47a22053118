import Testing

@testable import ClaimLint

/// What a large run's first pass keeps for its second (`KeepBudget`).
@Suite struct KeepBudgetTests {
  @Test func documentsAreKeptAsTheyAreWhenTheWholeRunWouldFit() {
    let budget = KeepBudget(1_000, files: 10)
    for _ in 0..<10 {
      #expect(budget.keepsWhole(90))
      #expect(budget.keepDocument(90))
    }
    // 100 bytes left, and no file still to come: shingles may take them.
    #expect(budget.keepShingles(100))
    #expect(!budget.keepDocument(1))
  }

  @Test func documentsAreCompactedWhenTheWholeRunWouldNotFit() {
    let budget = KeepBudget(1_000, files: 10)
    // Ten documents of 150 bytes would need 1,500: each is compacted from the first one on.
    #expect(!budget.keepsWhole(150))
    #expect(budget.keepDocument(50))
    // A run of smaller documents brings the average down again.
    for _ in 0..<4 { #expect(!budget.keepsWhole(150)) }
    #expect(budget.keepsWhole(10) == false)
    let small = KeepBudget(1_000, files: 10)
    #expect(small.keepsWhole(100))
    #expect(!small.keepsWhole(120))
    #expect(small.keepsWhole(80))
  }

  @Test func shinglesLeaveRoomForTheDocumentsStillToCome() {
    let budget = KeepBudget(1_000, files: 10)
    #expect(!budget.keepsWhole(300))
    #expect(budget.keepDocument(80))
    // Nine files to come at 80 bytes each need 720 of the 920 left: 200 bytes of shingles fit, 201 do not.
    #expect(!budget.keepShingles(201))
    #expect(budget.keepShingles(200))
    for _ in 0..<9 {
      _ = budget.keepsWhole(300)
      #expect(budget.keepDocument(80))
      #expect(!budget.keepShingles(1))
    }
    #expect(!budget.keepDocument(1))
  }

  @Test func aBudgetOfNothingKeepsNothing() {
    let budget = KeepBudget(0, files: 3)
    #expect(!budget.keepsWhole(10))
    #expect(!budget.keepDocument(10))
    #expect(!budget.keepShingles(8))
  }
}
