import ClaimLintCore

/// The claim matrix of the HTML report: one column per document, one row per aligned fact.
///
/// Rows come from the report as it is. Each finding is a row holding its primary span and every note
/// that has a span, each in the column of its file. Then come the corroborated claims (those whose
/// `corroboration` count is above zero), grouped so that one fact stated in several documents is one
/// row: quantities by value, unit, counted noun and action; dates by the resolved day (and end); quotes
/// and attributions by speaker; titles by person and title; events by type and participants. Groups are
/// ordered by their first appearance (column, then position in the file), and within a cell spans keep
/// the report's order, so the same report always gives the same matrix.
struct ClaimMatrix {
  /// One document column.
  struct Column: Equatable {
    /// The path as the report shows it.
    let path: String
    /// Whether this is the draft of a pre-publish check.
    let isDraft: Bool
    /// The document's own date, when it has one.
    let date: CalendarDate?
  }

  /// What one span in a cell stands for.
  enum Role: Equatable {
    /// The finding's primary location.
    case primary
    /// A note of the finding: the conflicting source, with the note's message.
    case conflict(String)
    /// A claim that agrees with at least one other document.
    case agrees
  }

  /// One span shown in a cell.
  struct Entry: Equatable {
    let span: SourceSpan
    let role: Role
  }

  /// What a row is about.
  enum Fact: Equatable {
    /// A finding (its index in `report.findings`).
    case finding(index: Int)
    /// A group of corroborated claims: the claim kind's label ("date", "speaker" …) and the value.
    case agreement(kind: String, value: String)
  }

  /// One row: the fact and, for each column, the spans shown there.
  struct Row: Equatable {
    let fact: Fact
    var cells: [[Entry]]
  }

  let columns: [Column]
  let rows: [Row]

  /// Builds the matrix of `report`; finding rows only when `includeFindings` (check reports).
  init(_ report: Report, includeFindings: Bool) {
    var columns: [Column] = []
    var index: [String: Int] = [:]  // lookups only, never iterated
    func add(_ path: String, isDraft: Bool, date: CalendarDate?) {
      guard index[path] == nil else { return }
      index[path] = columns.count
      columns.append(Column(path: path, isDraft: isDraft, date: date))
    }
    if let draft = report.draftPath {
      let document = report.documents.first { $0.document.path == draft }?.document
      add(draft, isDraft: true, date: document?.date)
    }
    for entry in report.documents { add(entry.document.path, isDraft: false, date: entry.document.date) }
    if includeFindings {
      var extra: [String] = []
      for finding in report.findings {
        for path in [finding.span.path] + finding.notes.compactMap({ $0.span?.path }) where index[path] == nil {
          if !extra.contains(path) { extra.append(path) }
        }
      }
      for path in extra.sorted() { add(path, isDraft: false, date: nil) }
    }

    var rows: [Row] = []
    let empty = Array(repeating: [Entry](), count: columns.count)
    if includeFindings {
      for (i, finding) in report.findings.enumerated() {
        var cells = empty
        if let c = index[finding.span.path] { cells[c].append(Entry(span: finding.span, role: .primary)) }
        for note in finding.notes {
          guard let span = note.span, let c = index[span.path] else { continue }
          cells[c].append(Entry(span: span, role: .conflict(note.message)))
        }
        rows.append(Row(fact: .finding(index: i), cells: cells))
      }
    }

    var groups: [Group] = []
    var groupIndex: [String: Int] = [:]  // lookups only, never iterated
    for entry in report.documents {
      guard let counts = entry.corroboration, let c = index[entry.document.path] else { continue }
      for (i, claim) in entry.claims.enumerated() where i < counts.count && counts[i] > 0 {
        guard let key = AgreementKey(claim) else { continue }
        let g: Int
        if let found = groupIndex[key.id] {
          g = found
        } else {
          g = groups.count
          groupIndex[key.id] = g
          groups.append(Group(key: key, cells: empty))
        }
        groups[g].cells[c].append(Entry(span: claim.span, role: .agrees))
      }
    }
    let ordered = groups.sorted { a, b in
      let x = a.firstAppearance
      let y = b.firstAppearance
      if x.column != y.column { return x.column < y.column }
      if x.offset != y.offset { return x.offset < y.offset }
      return a.key.id < b.key.id
    }
    rows += ordered.map { Row(fact: .agreement(kind: $0.key.kind, value: $0.key.value), cells: $0.cells) }
    self.columns = columns
    self.rows = rows
  }

  /// Corroborated claims that share one key, as they are collected.
  private struct Group {
    let key: AgreementKey
    var cells: [[Entry]]

    /// The first column holding a span, and that span's start offset.
    var firstAppearance: (column: Int, offset: Int) {
      for (c, entries) in cells.enumerated() {
        if let offset = entries.map({ $0.span.startOffset }).min() { return (c, offset) }
      }
      return (Int.max, Int.max)
    }
  }
}

/// The key that puts the same fact in several documents into one matrix row, and the row's label.
struct AgreementKey: Equatable {
  /// The grouping key: kind plus normalised value.
  let id: String
  /// The kind shown in the row header ("quantity", "date", "speaker", "title", "event").
  let kind: String
  /// The normalised value shown in the row header ("600 suspect, arrest", "2024-08-16").
  let value: String

  /// The key of `claim`, or nil when the claim has no value to group by.
  init?(_ claim: Claim) {
    switch claim.kind {
    case .quantity:
      guard let q = claim.quantity, let number = q.value ?? q.low ?? q.high else { return nil }
      let value = NumberText.format(number)
      let unit = q.unit ?? ""
      let counted = q.counted ?? ""
      let action = q.action ?? ""
      id = ["quantity", value, unit, counted, action].joined(separator: "\u{1F}")
      kind = "quantity"
      var label = HTMLText.grouped(number)
      if unit == "percent" { label += "%" } else if !unit.isEmpty { label += " " + unit }
      if !counted.isEmpty { label += " " + counted }
      if !action.isEmpty { label += ", " + action }
      self.value = label
    case .date:
      guard let d = claim.date, let resolved = d.resolved else { return nil }
      let end = d.resolvedEnd.map { $0.description } ?? ""
      id = ["date", resolved.description, end].joined(separator: "\u{1F}")
      kind = "date"
      value = end.isEmpty ? resolved.description : resolved.description + " to " + end
    case .attribution, .quote:
      guard let a = claim.attribution, !a.speaker.isEmpty else { return nil }
      id = ["speaker", a.speaker.lowercased()].joined(separator: "\u{1F}")
      kind = "speaker"
      value = a.speaker
    case .title:
      guard let t = claim.title, !t.person.isEmpty else { return nil }
      id = ["title", t.person.lowercased(), t.title.lowercased()].joined(separator: "\u{1F}")
      kind = "title"
      value = t.title.isEmpty ? t.person : t.person + ", " + t.title
    case .event:
      guard let e = claim.event else { return nil }
      let participants = e.participants.sorted()
      id = ["event", e.type.lowercased(), participants.joined(separator: "\u{1E}").lowercased()].joined(separator: "\u{1F}")
      kind = "event"
      value = participants.isEmpty ? e.type : e.type + ": " + participants.joined(separator: ", ")
    }
  }
}
