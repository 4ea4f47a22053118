import ClaimLintCore

// The JSON report written key by key into a `JSONOutput`, with the keys of each object in sorted order.
// The `Encodable` structs of JSONReportModel.swift describe the same objects; the tests require that
// `JSONEncoder` prints them byte for byte as these functions do.

extension JSONReporter {
  /// Writes the whole report object.
  static func write(_ report: Report, options: ReportOptions, into out: inout JSONOutput) {
    out.beginObject()
    out.key("documents")
    out.beginArray()
    let kind = report.kind
    writeEntries(report.documents, into: &out, bytesPerItem: 5 * estimatedDocumentsSize(of: report) / (4 * max(1, report.documents.count))) { entry, out in writeDocument(entry.pointee, kind: kind, options: options, into: &out) }
    out.endArray()
    out.key("draft")
    out.string(report.draftPath)
    out.key("findings")
    out.beginArray()
    writeEntries(report.findings, into: &out, bytesPerItem: 1200) { finding, out in writeFinding(finding.pointee, into: &out) }
    out.endArray()
    out.key("inputErrors")
    out.beginArray()
    for problem in report.inputErrors { writeInputError(problem, into: &out) }
    out.endArray()
    out.key("kind")
    out.string(report.kind.rawValue)
    out.key("mode")
    out.string(report.draftPath == nil ? "all" : "pre-publish")
    out.key("schemaVersion")
    out.int(schemaVersion)
    out.key("summary")
    writeSummary(ReportCounts(report), into: &out)
    out.key("tool")
    out.beginObject()
    out.key("name")
    out.string(report.tool.name)
    out.key("version")
    out.string(report.tool.version)
    out.endObject()
    out.endObject()
  }

  /// Writes the entries of the open array, a few hundred at a time on every core, joined in order (the
  /// bytes are those of writing them one by one), handing the buffer to its sink between groups.
  ///
  /// `bytesPerItem` is a first guess at an entry's size, for the room of each group's buffer (later
  /// waves use the largest group of the wave before), so that the buffers rarely grow. `write` gets
  /// each entry where it lies in `items`.
  static func writeEntries<T: Sendable>(
    _ items: [T], into out: inout JSONOutput, threads: Int = ParallelMap.defaultThreads, bytesPerItem: Int = 2048,
    _ write: @escaping @Sendable (UnsafePointer<T>, inout JSONOutput) -> Void
  ) {
    let batch = 64
    // Entries are handed to `write` where they are, by address (a `for item in items` loop would copy
    // each one, and so did handing `items[i]` to the closure: every string and array of a finding or
    // document retained, then released).
    guard threads > 1, items.count > batch else {
      items.withUnsafeBufferPointer { items in
        guard let base = items.baseAddress else { return }
        for i in items.indices {
          write(base + i, &out)
          out.flushIfLarge()
        }
      }
      return
    }
    // A wave of batches at a time, so that only a wave's bytes are held at once.
    let wave = batch * threads * 4
    var start = 0
    var capacity = batch * max(64, bytesPerItem)
    while start < items.count {
      let end = min(items.count, start + wave)
      let first = start
      let starts = Array(stride(from: start, to: end, by: batch))
      // The state to go on from, without the buffer's bytes (a copy holding them would make the next
      // append copy the whole buffer).
      let state = out.continuation(capacity: 0)
      let room = capacity
      let parts = ParallelMap.map(starts, threads: threads) { s -> JSONOutput in
        var part = state.continuation(entriesBefore: s == first ? nil : true, capacity: room)
        items.withUnsafeBufferPointer { items in
          guard let base = items.baseAddress else { return }
          for i in s..<min(end, s + batch) { write(base + i, &part) }
        }
        return part
      }
      var largest = 0
      for part in parts {
        largest = max(largest, part.count)
        out.append(part)
        out.flushIfLarge()
      }
      capacity = largest + largest / 4 + 1024
      start = end
    }
  }

  /// One entry of `documents` (`JSONDocument`).
  static func writeDocument(_ entry: DocumentReport, kind: Report.Kind, options: ReportOptions, into out: inout JSONOutput) {
    out.beginObject()
    out.key("author")
    out.string(entry.document.author)
    out.key("claimCount")
    out.int(entry.claimCount)
    if kind == .claims {
      out.key("claims")
      out.beginArray()
      for (index, claim) in entry.claims.enumerated() {
        var corroboration: Int? = nil
        if let counts = entry.corroboration, index < counts.count { corroboration = counts[index] }
        writeClaim(claim, corroboration: corroboration, into: &out)
      }
      out.endArray()
    }
    out.key("date")
    out.date(entry.document.date)
    out.key("dateEvidence")
    out.string(entry.document.dateEvidence)
    out.key("format")
    out.string(entry.document.format.rawValue)
    out.key("path")
    out.string(entry.document.path)
    out.key("remarks")
    out.strings(entry.document.remarks)
    out.key("segments")
    out.beginArray()
    // Read in place: a segment copied is its text, map, author and reason retained and released.
    let lineIndex = entry.document.source.lineIndex
    let keys = SegmentKeys.shared
    entry.document.segments.withUnsafeBufferPointer { segments in
      for segment in segments.indices {
        let lines = SegmentLines(
          sourceStart: segments[segment].sourceStart, sourceEnd: segments[segment].sourceEnd, in: lineIndex)
        out.beginObject()
        out.key(keys.author)
        out.string(segments[segment].author)
        out.key(keys.endLine)
        out.int(lines.end)
        out.key(keys.kind)
        out.string(segments[segment].kind.rawValue)
        out.key(keys.reason)
        out.string(segments[segment].reason)
        out.key(keys.startLine)
        out.int(lines.start)
        if options.includeSegmentText {
          out.key("text")
          out.string(segments[segment].text)
        }
        out.endObject()
      }
    }
    out.endArray()
    out.key("title")
    out.string(entry.document.title)
    out.endObject()
  }

  /// One entry of `findings` (`JSONFinding`).
  static func writeFinding(_ finding: Finding, into out: inout JSONOutput) {
    let keys = FindingKeys.shared
    out.beginObject()
    out.key(keys.column)
    out.int(finding.span.column)
    out.key(keys.endColumn)
    out.int(finding.span.endColumn)
    out.key(keys.endLine)
    out.int(finding.span.endLine)
    out.key(keys.fingerprint)
    out.string(finding.fingerprint)
    out.key(keys.help)
    out.string(finding.help)
    out.key(keys.label)
    out.string(finding.label)
    out.key(keys.line)
    out.int(finding.span.line)
    out.key(keys.message)
    out.string(finding.message)
    out.key(keys.notes)
    out.beginArray()
    for n in finding.notes.indices { writeNote(finding.notes[n], keys: keys, into: &out) }
    out.endArray()
    out.key(keys.path)
    out.string(finding.span.path)
    out.key(keys.properties)
    out.stringObject(finding.properties)
    out.key(keys.ruleId)
    out.string(finding.ruleID)
    out.key(keys.severity)
    out.string(finding.severity.rawValue)
    out.key(keys.text)
    out.string(finding.span.text)
    out.endObject()
  }

  /// One entry of a finding's `notes`; its location is copied once (reading each of its fields
  /// through `note.span?` would copy it once a field).
  private static func writeNote(_ note: Note, keys: borrowing FindingKeys, into out: inout JSONOutput) {
    let span = note.span
    out.beginObject()
    out.key(keys.noteColumn)
    out.int(span?.column)
    out.key(keys.noteEndColumn)
    out.int(span?.endColumn)
    out.key(keys.noteEndLine)
    out.int(span?.endLine)
    out.key(keys.noteLine)
    out.int(span?.line)
    out.key(keys.noteMessage)
    out.string(note.message)
    out.key(keys.notePath)
    out.string(span?.path)
    out.key(keys.noteText)
    out.string(span?.text)
    out.endObject()
  }

  /// One entry of `inputErrors` (`JSONInputError`).
  static func writeInputError(_ problem: InputProblem, into out: inout JSONOutput) {
    out.beginObject()
    out.key("column")
    out.int(problem.column)
    out.key("line")
    out.int(problem.line)
    out.key("message")
    out.string(problem.message)
    out.key("path")
    out.string(problem.path)
    out.key("severity")
    out.string(problem.severity.rawValue)
    out.endObject()
  }

  /// `summary` (`JSONSummary`).
  static func writeSummary(_ counts: ReportCounts, into out: inout JSONOutput) {
    out.beginObject()
    out.key("documents")
    out.int(counts.documents)
    out.key("errors")
    out.int(counts.errors)
    out.key("findings")
    out.int(counts.findings)
    out.key("inputErrors")
    out.int(counts.inputErrors)
    out.key("notes")
    out.int(counts.notes)
    out.key("warnings")
    out.int(counts.warnings)
    out.endObject()
  }

  /// One entry of a document's `claims` (`JSONClaim`): the common keys and those of the claim's kind,
  /// merged in sorted order.
  static func writeClaim(_ claim: Claim, corroboration: Int?, into out: inout JSONOutput) {
    out.beginObject()
    for (quoted, field) in ClaimField.sorted(for: claim.kind) {
      out.key(quoted: quoted)
      writeValue(of: field, claim: claim, corroboration: corroboration, into: &out)
    }
    out.endObject()
  }

  private static func writeValue(of field: ClaimField, claim: Claim, corroboration: Int?, into out: inout JSONOutput) {
    switch field {
    case .kind: out.string(claim.kind.rawValue)
    case .layer: out.string(claim.layer.rawValue)
    case .text: out.string(claim.span.text)
    case .line: out.int(claim.span.line)
    case .column: out.int(claim.span.column)
    case .endLine: out.int(claim.span.endLine)
    case .endColumn: out.int(claim.span.endColumn)
    case .sentence: out.string(claim.sentence)
    case .hedged: out.bool(claim.hedged)
    case .hedges: out.strings(claim.hedges)
    case .commentAuthor: out.string(claim.commentAuthor)
    case .corroboration: out.int(corroboration)
    case .value: out.number(claim.quantity?.value)
    case .low: out.number(claim.quantity?.low)
    case .high: out.number(claim.quantity?.high)
    case .lowInclusive: out.bool(claim.quantity?.lowInclusive)
    case .highInclusive: out.bool(claim.quantity?.highInclusive)
    case .qualifier: out.string(claim.quantity?.qualifier)
    case .direction: out.string(claim.quantity?.direction.rawValue)
    case .unit: out.string(claim.quantity?.unit)
    case .counted: out.string(claim.quantity?.counted)
    case .countedFamily: out.string(claim.quantity?.countedFamily)
    case .modifiers: out.strings(claim.quantity?.modifiers)
    case .action: out.string(claim.quantity?.action)
    case .actionText: out.string(claim.quantity?.actionText)
    case .actor: out.string(claim.quantity?.actor)
    case .isRange: out.bool(claim.quantity?.isRange)
    case .isVague: out.bool(claim.quantity?.isVague)
    case .superseded: out.bool(claim.quantity?.superseded)
    case .date:
      if claim.kind == .event { out.date(claim.event?.date) } else { out.date(claim.date?.resolved) }
    case .dateEnd: out.date(claim.date?.resolvedEnd)
    case .resolved: out.bool(claim.date.map { $0.resolved != nil })
    case .relative: out.bool(claim.date?.isRelative)
    case .evidence: out.string(claim.date?.evidence)
    case .statedWeekday: out.int(claim.date?.statedWeekday)
    case .granularity: out.string(claim.date?.granularity)
    case .speaker: out.string(claim.attribution?.speaker)
    case .speakerText: out.string(claim.attribution?.speakerText)
    case .verb: out.string(claim.attribution?.verb)
    case .content: out.string(claim.attribution?.content)
    case .person: out.string(claim.title?.person)
    case .title: out.string(claim.title?.title)
    case .roles: out.strings(claim.title?.roles)
    case .eventType: out.string(claim.event?.type)
    case .participants: out.strings(claim.event?.participants)
    case .place: out.string(claim.event?.place)
    }
  }
}

/// The keys of a claim object; each kind's list is sorted once.
enum ClaimField: String, CaseIterable {
  case kind, layer, text, line, column, endLine, endColumn, sentence, hedged, hedges, commentAuthor, corroboration
  case value, low, high, lowInclusive, highInclusive, qualifier, direction, unit, counted, countedFamily, modifiers
  case action, actionText, actor, isRange, isVague, superseded
  case date, dateEnd, resolved, relative, evidence, statedWeekday, granularity
  case speaker, speakerText, verb, content
  case person, title, roles
  case eventType, participants, place

  /// The keys every claim has.
  static let common: [ClaimField] = [
    .kind, .layer, .text, .line, .column, .endLine, .endColumn, .sentence, .hedged, .hedges, .commentAuthor, .corroboration,
  ]

  /// The keys of one kind's payload.
  static func payload(of kind: Claim.Kind) -> [ClaimField] {
    switch kind {
    case .quantity:
      return [
        .value, .low, .high, .lowInclusive, .highInclusive, .qualifier, .direction, .unit, .counted, .countedFamily,
        .modifiers, .action, .actionText, .actor, .isRange, .isVague, .superseded,
      ]
    case .date: return [.date, .dateEnd, .resolved, .relative, .evidence, .statedWeekday, .granularity]
    case .attribution, .quote: return [.speaker, .speakerText, .verb, .content]
    case .title: return [.person, .title, .roles]
    case .event: return [.eventType, .participants, .place, .date]
    }
  }

  /// Each kind's keys with their quoted spelling, sorted; indexed as `Claim.Kind.allCases`.
  private static let sortedByKind: [[(quoted: [UInt8], field: ClaimField)]] = Claim.Kind.allCases.map { kind in
    (common + payload(of: kind)).sorted { $0.rawValue < $1.rawValue }.map { (Array("\"\($0.rawValue)\"".utf8), $0) }
  }

  /// All keys of a claim of `kind` in sorted order, each with its quoted spelling.
  static func sorted(for kind: Claim.Kind) -> [(quoted: [UInt8], field: ClaimField)] {
    let index: Int
    switch kind {
    case .quantity: index = 0
    case .date: index = 1
    case .attribution: index = 2
    case .quote: index = 3
    case .title: index = 4
    case .event: index = 5
    }
    return sortedByKind[index]
  }
}

/// The keys of a segment object, at its depth in the report (`JSONOutput.key(_: KeyRun)`).
struct SegmentKeys {
  let author = KeyRun("author", depth: 5, first: true)
  let endLine = KeyRun("endLine", depth: 5)
  let kind = KeyRun("kind", depth: 5)
  let reason = KeyRun("reason", depth: 5)
  let startLine = KeyRun("startLine", depth: 5)

  static let shared = SegmentKeys()
}

/// The keys of a finding object and of its notes, at their depths in the report.
struct FindingKeys {
  let column = KeyRun("column", depth: 3, first: true)
  let endColumn = KeyRun("endColumn", depth: 3)
  let endLine = KeyRun("endLine", depth: 3)
  let fingerprint = KeyRun("fingerprint", depth: 3)
  let help = KeyRun("help", depth: 3)
  let label = KeyRun("label", depth: 3)
  let line = KeyRun("line", depth: 3)
  let message = KeyRun("message", depth: 3)
  let notes = KeyRun("notes", depth: 3)
  let path = KeyRun("path", depth: 3)
  let properties = KeyRun("properties", depth: 3)
  let ruleId = KeyRun("ruleId", depth: 3)
  let severity = KeyRun("severity", depth: 3)
  let text = KeyRun("text", depth: 3)
  let noteColumn = KeyRun("column", depth: 5, first: true)
  let noteEndColumn = KeyRun("endColumn", depth: 5)
  let noteEndLine = KeyRun("endLine", depth: 5)
  let noteLine = KeyRun("line", depth: 5)
  let noteMessage = KeyRun("message", depth: 5)
  let notePath = KeyRun("path", depth: 5)
  let noteText = KeyRun("text", depth: 5)

  static let shared = FindingKeys()
}
