import ClaimLintCore
import Foundation

/// Flags the same person given conflicting titles in different sources: a minister in one, a deputy
/// minister or a spokesman in another.
///
/// People are matched by full name, or by surname when only one person of that name appears. Titles
/// conflict when no role of one agrees with a role of the other: the same role word, the same rank
/// ("deputy", "vice", "acting", "assistant") and no contradicting portfolio. A fuller title
/// ("Chinese Foreign Minister" for "Foreign Minister") is not a conflict, nor is an old title kept
/// without "former".
public struct TitleMismatchRule: Rule {
  public static let description = RuleDescription(
    identifier: "title-mismatch",
    name: "Title Mismatch",
    summary: "A person's title differs from the title another source gives",
    rationale: """
      Promoting a deputy to minister, or calling a spokesman a minister, misstates who spoke with what \
      authority. Fuller and shorter forms of the same title are accepted.
      """,
    defaultSeverity: .warning,
    tags: ["people", "cross-source"],
    nonTriggeringExamples: [
      RuleExample([
        "a.txt": "The envoy said he never discussed former Vice President Ana Morel with the prosecutor.\n",
        "b.txt": "The envoy said Vice President Ana Morel was not a topic of the calls with the prosecutor.\n",
      ]),
      RuleExample([
        "a.txt": "Chinese Foreign Minister Ana Ruiz arrived in Bangkok on Tuesday.\n",
        "b.txt": "Foreign Minister Ana Ruiz told reporters the talks went well.\n",
      ]),
      // An abbreviated role and the role in full.
      RuleExample([
        "a.txt": "Michael Sims, CEO of Ceres Robotics, said the lander contract was a sign that small companies had a role.\n",
        "b.txt": "Michael Sims, chief executive of Ceres Robotics, said small companies had a role in the lander programme.\n",
      ]),
    ],
    triggeringExamples: [
      RuleExample([
        "a.txt": "↓Deputy Foreign Minister Ana Ruiz arrived in Bangkok on Tuesday.\n",
        "b.txt": "†Foreign Minister Ana Ruiz told reporters the talks went well.\n",
      ])
    ]
  )

  public init() {}

  static let conflictingRanks: Set<String> = ["deputy", "vice", "assistant", "acting", "former", "junior"]
  static let genericRoles: Set<String> = ["official", "leader", "head", "chief", "chair"]

  public func check(_ claims: AlignedClaims, in context: RuleContext) -> [Finding] {
    // Each claim is read in place (a `Claim` is never copied).
    let refs = claims.claimRefs { c in
      guard c.pointee.kind == .title, c.pointee.layer == .reportage, let t = c.pointee.title else { return false }
      return !t.roles.isEmpty
    }
    // Full names by document, to resolve surnames.
    var byKey: [String: [ClaimRef]] = [:]
    for r in refs {
      let person = claims.documents[r.document].claims.withUnsafeBufferPointer { $0[r.index].title!.person }
      byKey[personKey(person, claims), default: []].append(r)
    }
    var findings: [Finding] = []
    var comparable = ComparableDocuments(claims)
    // The roles of every claim of a group, one run per position in the group (`roleStart[x]..<roleStart[x + 1]`),
    // and whether all of a position's roles are generic (`compatible` with anything). Buffers kept from
    // group to group.
    var roleList: [Role] = []
    var startList: [Int] = []
    var genericList: [Bool] = []
    for key in byKey.keys.sorted() {
      let group = byKey[key]!
      // More than one document: the group lists its claims in document order (`claimRefs`, appended
      // in order), so its first and last claims tell (no set of documents made per key).
      guard group[0].document != group[group.count - 1].document else { continue }
      // Each claim's roles, parsed once per process (`parsedRoles`), by its position in the group.
      roleList.removeAll(keepingCapacity: true)
      startList.removeAll(keepingCapacity: true)
      genericList.removeAll(keepingCapacity: true)
      Self.parsedRoles.withTable { table in
        for r in group {
          startList.append(roleList.count)
          var generic = true
          claims.documents[r.document].claims.withUnsafeBufferPointer { cs in
            let roles = cs[r.index].title!.roles
            for k in roles.indices {
              let role = table.parse(roles[k]) { parse($0) }
              if !role.isGeneric { generic = false }
              roleList.append(role)
            }
          }
          genericList.append(generic)
        }
        startList.append(roleList.count)
      }
      let roles = roleList
      let roleStart = startList
      let allGeneric = genericList
      // Items are positions in the group, whose order is the order of the claims (`claimRefs`): what is
      // known of each is kept in arrays, not hashed by claim.
      // Recorded straight into the shared storage of `MinoritySide` (no arrays per claim). The roles are
      // read through a buffer, by position: `roles[x]` of an array of arrays copies the position's list.
      var sides = MinoritySide<Int>(claims, count: group.count, document: { group[$0].document }) { (x: Int, recorder: inout MinoritySide<Int>.Recorder) in
        roles.withUnsafeBufferPointer { all in
          let a = UnsafeBufferPointer(rebasing: all[roleStart[x]..<roleStart[x + 1]])
          for y in group.indices where comparable(group[x].document, group[y].document) {
            // Roles that are all generic agree with any (`compatible`).
            if allGeneric[x] || allGeneric[y] || compatible(a, UnsafeBufferPointer(rebasing: all[roleStart[y]..<roleStart[y + 1]])) {
              recorder.agree(group[y].document)
            } else {
              recorder.conflict(y)
            }
          }
        }
      }
      for x in group.indices where claims.isDraftSide(group[x]) {
        guard let notePositions = sides.notes(for: x) else { continue }
        let r = group[x]
        let notesRefs = notePositions.map { group[$0] }
        let c = claims.claim(r)
        let a = c.title!
        findings.append(
          Finding(
            ruleID: Self.description.identifier, severity: context.severity(of: Self.description),
            message: "title of \(ClaimText.quoted(a.person)) differs from \(ClaimText.sources(notesRefs.count)): \(ClaimText.quoted(a.title)) here",
            span: c.span,
            notes: notesRefs.map { o in
              let oc = claims.claim(o)
              return Note(span: oc.span, message: "source calls \(ClaimText.quoted(oc.title!.person)) \(ClaimText.quoted(oc.title!.title))")
            },
            help: "use the title the original source gives",
            label: "title here: \(a.title)",
            fingerprint: Fingerprint.fnv1a(
              [Self.description.identifier, key, a.roles.joined(separator: ",")]
                + notesRefs.map { claims.claim($0).title!.roles.joined(separator: ",") }.sorted()
                + ([c.span.path] + notesRefs.map { claims.claim($0).span.path }).sorted()),
            properties: ["person": a.person, "title": a.title]))
      }
    }
    return findings
  }

  /// A key that is the same for "Ana Ruiz" in every document, and for "Ruiz" when only one person with
  /// that surname appears anywhere.
  private func personKey(_ name: String, _ claims: AlignedClaims) -> String {
    name.lowercased()
  }

  /// Every role parsed so far, by its text, shared by every story of every run in the process: `parse`
  /// depends on the text alone, and the same roles ("foreign minister") recur in every story.
  private static let parsedRoles = ParsedRoles()

  /// Roles by their text, behind a lock (the threads that check stories share it); the lock is taken
  /// once per group of claims.
  final class ParsedRoles: @unchecked Sendable {
    private let lock = NSLock()
    private var table: Table

    /// The table lives as long as the process, and a program that checks articles for ever (the
    /// library in a server) must not grow it without bound: at most `limit` roles are kept, and roles
    /// past it are parsed each time they are asked for.
    init(limit: Int = 50_000) { table = Table(limit: limit) }

    struct Table {
      private var roles: [String: Role] = [:]
      let limit: Int

      init(limit: Int) { self.limit = limit }

      /// The role of `text`, parsed by `parse` the first time it is asked for (every time once the
      /// table holds `limit` roles).
      mutating func parse(_ text: String, with parse: (String) -> Role) -> Role {
        if let known = roles[text] { return known }
        let p = parse(text)
        if roles.count < limit { roles[text] = p }
        return p
      }
    }

    /// Runs `body` on the table, the lock held.
    func withTable<R>(_ body: (inout Table) -> R) -> R {
      lock.lock()
      defer { lock.unlock() }
      return body(&table)
    }
  }

  /// A role read into its head noun, its ranks and its portfolio.
  struct Role: Equatable {
    var head: String
    /// The ranks of `conflictingRanks` it holds other than "former", one bit each (`rankBits`):
    /// "former" is never compared (see `compatible`), so it is left out once here, not per pair.
    var ranks: UInt8
    var portfolio: Set<String>
    /// Whether the head is one of `genericRoles`.
    var isGeneric: Bool
  }

  /// A bit for each conflicting rank other than "former".
  private static let rankBits: [String: UInt8] = {
    var bits: [String: UInt8] = [:]
    for (k, r) in conflictingRanks.subtracting(["former"]).sorted().enumerated() { bits[r] = 1 << UInt8(k) }
    return bits
  }()

  private func parse(_ role: String) -> Role { parse(role, onBytes: role.utf8.allSatisfy { $0 < 0x80 }) }

  /// `parse(_:)`, the role cut on its bytes when `onBytes` (for an ASCII role: there each character is
  /// one byte, but for a CR-LF pair, which is neither a bracket nor a space, so the bytes give the same
  /// pieces as the characters, and a search by character is many times slower), else by characters.
  func parse(_ role: String, onBytes ascii: Bool) -> Role {
    var s = role
    var portfolio = Set<String>()
    func words(_ t: Substring) -> [String] {
      ascii ? t.utf8.split(separator: 0x20).map { String(decoding: $0, as: UTF8.self) } : t.split(separator: " ").map(String.init)
    }
    let open = ascii ? s.utf8.firstIndex(of: 0x5B) : s.firstIndex(of: "[")
    let close = ascii ? s.utf8.firstIndex(of: 0x5D) : s.firstIndex(of: "]")
    if let open, let close {
      portfolio = Set(words(s[s.index(after: open)..<close]))
      s = String(s[..<open]).trimmingSpaces
    }
    var ranks: UInt8 = 0
    var head: [String] = []
    for w in words(s[...]) {
      if Self.conflictingRanks.contains(w) { ranks |= Self.rankBits[w] ?? 0 } else if ["union", "state", "senior", "first"].contains(w) && head.isEmpty {
        continue
      } else {
        head.append(w)
      }
    }
    let joined = head.joined(separator: " ")
    let name = Self.abbreviatedRoles[joined] ?? joined
    return Role(head: name, ranks: ranks, portfolio: portfolio, isGeneric: Self.genericRoles.contains(name))
  }

  /// Roles written as an abbreviation or in full ("CEO", "chief executive", "chief executive officer"),
  /// mapped to one form.
  static let abbreviatedRoles: [String: String] = [
    "ceo": "chief executive", "chief executive officer": "chief executive", "cfo": "chief financial officer",
    "coo": "chief operating officer", "cto": "chief technology officer", "cmo": "chief marketing officer",
  ]

  func compatible(_ a: [String], _ b: [String]) -> Bool { compatible(a.map(parse), b.map(parse)) }

  /// `compatible` on parsed roles.
  private func compatible(_ pa: [Role], _ pb: [Role]) -> Bool {
    pa.withUnsafeBufferPointer { a in pb.withUnsafeBufferPointer { b in compatible(a, b) } }
  }

  /// `compatible` on parsed roles, read in place.
  ///
  /// The roles are read in place by index: iterating them (`for x in pa`, `allSatisfy`) copies each
  /// role, its head and its portfolio retained and released, at every pair.
  private func compatible(_ pa: UnsafeBufferPointer<Role>, _ pb: UnsafeBufferPointer<Role>) -> Bool {
    func allGeneric(_ roles: UnsafeBufferPointer<Role>) -> Bool {
      for k in roles.indices where !roles[k].isGeneric { return false }
      return true
    }
    if allGeneric(pa) || allGeneric(pb) {
      return true
    }
    for x in pa.indices {
      // "former" is kept out: outlets keep an old title as an honorific ("Vice President Biden" after
      // he left office), and an article cannot tell when the office ended.
      for y in pb.indices where pa[x].ranks == pb[y].ranks && pa[x].head == pb[y].head {
        if pa[x].portfolio.isEmpty || pb[y].portfolio.isEmpty || !pa[x].portfolio.isDisjoint(with: pb[y].portfolio) { return true }
      }
    }
    return false
  }
}

extension String {
  var trimmingSpaces: String {
    var s = Substring(self)
    while s.first == " " { s = s.dropFirst() }
    while s.last == " " { s = s.dropLast() }
    return String(s)
  }
}
