import Foundation

/// Generates deterministic article clusters for the benchmark: five articles a cluster, each cluster its
/// own names, places and figures, some figures drifting within a cluster, a share with comment sections
/// and page furniture, a share in Markdown and HTML.
struct CorpusGenerator {
  /// A small deterministic generator (SplitMix64), so every run writes the same corpus.
  struct RNG {
    var state: UInt64
    mutating func next() -> UInt64 {
      state &+= 0x9E37_79B9_7F4A_7C15
      var z = state
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return z ^ (z >> 31)
    }
    mutating func int(_ n: Int) -> Int { Int(next() % UInt64(n)) }
    mutating func pick<T>(_ a: [T]) -> T { a[int(a.count)] }
  }

  /// Names: enough that an official appears in a few dozen stories of a 100,000-article archive, not in
  /// thousands (a tiny pool made every name, and so every story, look alike at that size).
  static let first = [
    "Ana", "Tomas", "Mei", "Arjun", "Somchai", "Nadia", "Kofi", "Lena", "Diego", "Hana", "Min", "Ravi", "Aisha", "Bilal",
    "Carmen", "Dara", "Elif", "Farid", "Greta", "Hiro", "Ines", "Jonas", "Kamala", "Luis", "Malee", "Nikhil", "Olga", "Pablo",
    "Quynh", "Rosa", "Sanjay", "Thida", "Umar", "Vera", "Wei", "Yusuf", "Zara", "Anan", "Bao", "Chen",
  ]
  static let last = [
    "Ruiz", "Vidal", "Chen", "Patel", "Wongsakul", "Haddad", "Mensah", "Berg", "Ortega", "Sato", "Aung", "Kumar", "Novak",
    "Okafor", "Silva", "Tanaka", "Usman", "Varga", "Weber", "Yilmaz", "Zhou", "Abebe", "Boonma", "Castro", "Dlamini",
    "Eriksen", "Fonseca", "Gupta", "Horvat", "Ibrahim", "Jensen", "Kovacs", "Lim", "Moreau", "Nguyen", "Pereira", "Rahman",
    "Santos", "Tran", "Ueda",
  ]
  static let places = ["Chiang Mai", "Mae Sot", "Vientiane", "Yangon", "Hanoi", "Phnom Penh", "Kunming", "Bangkok", "Manila", "Jakarta"]
  static let countries = ["China", "Laos", "Myanmar", "Thailand", "Cambodia", "Vietnam"]
  static let nouns = ["suspects", "workers", "victims", "residents", "people", "migrants"]
  static let verbs = ["arrested", "detained", "rescued", "repatriated", "evacuated", "returned"]
  static let titles = ["Foreign Minister", "Deputy Foreign Minister", "police spokesman", "Interior Minister", "provincial governor"]
  static let weekdays = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
  /// Topic vocabulary: each cluster draws its own handful, so that articles of one story share words
  /// and articles of different stories mostly do not, as in a real archive. 69,000 made-up words of three
  /// syllables and an ending: at 100,000 articles a word still belongs to only a few stories (with 3,000
  /// words of two syllables, every word was shared by hundreds of articles at that size).
  static let topicWords: [String] = {
    let syllables = ["ka", "lo", "mer", "vin", "sa", "tor", "ul", "den", "pra", "gos", "ri", "nam", "bel", "cho", "fen",
      "dra", "mu", "sil", "quor", "the", "zan", "pol", "vek", "hu", "ast"]
    var words: [String] = []
    for a in syllables {
      for b in syllables where a != b {
        for c in syllables where c != a && c != b { for e in ["ian", "ora", "ek", "ani", "ost"] { words.append(a + b + c + e) } }
      }
    }
    return words
  }()
  static let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October"]

  /// Writes `articles` articles into `directory` and returns the total size in bytes.
  static func write(articles: Int, into directory: URL) throws -> Int {
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    var total = 0
    let clusters = max(1, articles / 5)
    for c in 0..<clusters {
      var rng = RNG(state: UInt64(c) &* 7919 &+ 17)
      let official = "\(rng.pick(first)) \(rng.pick(last))"
      let title = rng.pick(titles)
      let place = rng.pick(places)
      let figure = (rng.int(90) + 10) * 100
      let noun = rng.pick(nouns)
      let verb = rng.pick(verbs)
      let month = rng.int(10)
      let day = rng.int(27) + 1
      let parties = Array(Set((0..<3).map { _ in rng.pick(countries) })).sorted()
      let folder = directory.appendingPathComponent(String(format: "cluster-%06d", c))
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
      for a in 0..<5 {
        var r = RNG(state: UInt64(c * 5 + a) &* 104729 &+ 3)
        let drift = r.int(10) == 0 ? figure + 100 * (r.int(5) + 1) : figure
        let qualifier = r.pick(["more than ", "over ", "about ", "", "nearly "])
        let body = paragraphs(
          rng: &r, cluster: c, official: official, title: a == 4 && r.int(4) == 0 ? rng.pick(titles) : title, place: place,
          figure: drift, qualifier: qualifier, noun: noun, verb: a == 3 && r.int(5) == 0 ? rng.pick(verbs) : verb,
          month: month, day: day, parties: parties)
        let withComments = r.int(3) == 0
        let kind = (c + a) % 5
        let name: String
        let text: String
        let dateLine = "2024-\(String(format: "%02d", month + 1))-\(String(format: "%02d", min(28, day + 1)))"
        let headline = "\(parties.joined(separator: ", ")) step up joint action against border crime"
        if kind == 3 {
          name = "article-\(a).md"
          text = "---\ntitle: \(headline)\ndate: \(dateLine)\n---\n\n# \(headline)\n\n" + body.joined(separator: "\n\n") + "\n"
            + (withComments ? "\n## 3 Comments\n\n" + comments(&r).joined(separator: "\n\n") + "\n" : "")
        } else if kind == 4 {
          name = "article-\(a).html"
          var html = "<!doctype html><html><head><meta charset=\"utf-8\"><title>\(headline)</title>"
          html += "<meta property=\"article:published_time\" content=\"\(dateLine)T08:00:00Z\"></head><body>"
          html += "<nav><ul><li><a href=\"/\">Home</a></li><li><a href=\"/world\">World</a></li><li><a href=\"/asia\">Asia</a></li></ul></nav>"
          html += "<article><h1>\(headline)</h1><p class=\"byline\">By \(rng.pick(first)) \(rng.pick(last))</p>"
          html += body.map { "<p>\($0)</p>" }.joined(separator: "\n") + "</article>"
          if withComments {
            html += "<section id=\"comments\"><h2>3 Comments</h2><ol class=\"comment-list\">"
            for (i, cm) in comments(&r).enumerated() where i % 2 == 0 {
              html += "<li class=\"comment\"><span class=\"comment-author\">\(cm.split(separator: "\n")[0])</span><p>\(cm.split(separator: "\n").dropFirst().joined())</p></li>"
            }
            html += "</ol></section>"
          }
          html += "<aside class=\"related\"><h3>Related News</h3><ul><li><a href=\"/a\">Floods hit the north</a></li></ul></aside><footer>© 2024 Example News</footer></body></html>\n"
          name.isEmpty ? () : ()
          text = html
        } else {
          name = "article-\(a).txt"
          text = "World\n\n\(headline)\n\n\(dateLine)\n\n" + body.joined(separator: "\n\n") + "\n"
            + (withComments ? "\n3 Comments\n\n" + comments(&r).joined(separator: "\n\n") + "\n" : "\nRelated News\n\nFloods hit the north\n")
        }
        let data = Data(text.utf8)
        total += data.count
        try data.write(to: folder.appendingPathComponent(name))
      }
    }
    return total
  }

  /// Things an article counts once each in its background paragraphs.
  static let things = [
    "vehicles", "bank accounts", "phones", "SIM cards", "laptops", "passports", "buildings", "boats", "servers",
    "shell companies", "websites", "crypto wallets",
  ]

  /// What background paragraphs say is still under review, one kind a sentence.
  static let reviews = [
    "money transfers", "visa applications", "property deeds", "shipping manifests", "payroll records", "court filings",
    "hotel bookings", "flight records", "call logs", "tax returns", "import licences", "loan contracts",
  ]

  static func paragraphs(
    rng r: inout RNG, cluster: Int, official: String, title: String, place: String, figure: Int, qualifier: String, noun: String,
    verb: String, month: Int, day: Int, parties: [String]
  ) -> [String] {
    // Each cluster its own topic (seeded by the cluster, not by its official and place, which many clusters
    // share in a large corpus).
    var topic = RNG(state: UInt64(truncatingIfNeeded: (official + place).hashValueStable) ^ (UInt64(cluster) &* 0x9E37_79B9_7F4A_7C15))
    let words = (0..<14).map { _ in topicWords[topic.int(topicWords.count)] }
    let district = words[13].capitalized
    let fig = figure >= 1000 ? "\(figure / 1000),\(String(format: "%03d", figure % 1000))" : String(figure)
    var p: [String] = []
    // Each article is written by its own outlet: its own wording of the lead, the figure and the close,
    // and its own choice and order of background paragraphs, so articles of a story are not near copies
    // of each other (which the syndication check would rightly refuse to compare).
    let parties = parties.joined(separator: ", ")
    let weekday = r.pick(weekdays)
    switch r.int(3) {
    case 0:
      p.append("\(place), \(months[month]) \(day) — \(parties) held a meeting in \(place) on \(weekday) to coordinate a crackdown on online fraud and trafficking along their shared borders, officials said.")
    case 1:
      p.append("\(place), \(months[month]) \(day) — Officials from \(parties) met in \(place) on \(weekday) to coordinate a crackdown on online fraud and trafficking along their shared borders.")
    default:
      p.append("\(place), \(months[month]) \(day) — Ministers of \(parties) gathered in \(place) on \(weekday) for talks on a joint crackdown on online fraud and human trafficking along their borders.")
    }
    if r.int(2) == 0 {
      p.append("Police \(verb) \(qualifier)\(fig) \(noun) in joint operations in the \(district) district since the start of the year, \(title) \(official) told reporters after the talks, adding that the figure was expected to rise.")
    } else {
      p.append("Since the start of the year, police have \(verb) \(qualifier)\(fig) \(noun) in joint operations in the \(district) district, \(title) \(official) said after the talks.")
    }
    p.append("\"We will not allow these networks to operate from our territory,\" \(official) said. \"The people of the region deserve to be safe from criminals who prey on them.\"")
    // Story-specific words (the same for every article of a cluster, different between clusters),
    // and one counted thing a sentence, as real background paragraphs have.
    var story = RNG(state: topic.next())
    let thingOffset = story.int(things.count)
    var background: [String] = []
    for k in 0..<8 {
      let n = story.int(900) + 12
      let weeks = story.int(10) + 2
      let cases = story.int(50) + 3
      let month = months[story.int(10)]
      let day = story.int(27) + 1
      let w1 = words[(k * 3) % words.count]
      let w2 = words[(k * 3 + 1) % words.count]
      let w3 = words[(k * 3 + 2) % words.count]
      background.append("The \(w1) inquiry into the \(w2) network found that \(n) \(things[(k + thingOffset) % things.count]) had passed through \(w3) checkpoints over the past \(weeks) weeks, and \(cases) \(reviews[(k + thingOffset) % reviews.count]) were under review, according to a statement released on \(month) \(day).")
    }
    // Four to seven of the eight, in the outlet's own order.
    for _ in 0..<(8 - (r.int(4) + 4)) { background.remove(at: r.int(background.count)) }
    for k in stride(from: background.count - 1, to: 0, by: -1) { background.swapAt(k, r.int(k + 1)) }
    p += background
    if r.int(2) == 0 {
      p.append("The ministers agreed to meet again in \(r.pick(places)) before the end of the year and to share intelligence on the movements of suspected organisers, the statement said.")
    } else {
      p.append("Another round of talks is planned in \(r.pick(places)) before the end of the year, with intelligence on suspected organisers to be shared in the meantime.")
    }
    return p
  }

  static func comments(_ r: inout RNG) -> [String] {
    (0..<3).map { _ in
      "\(r.pick(first))\(r.pick(["_k", "77", "", "Watch"]))\nI heard \(r.int(5000) + 100) people were involved. \(r.pick(["Good work by the police.", "This has gone on too long.", "About time."]))"
    }
  }
}

extension String {
  /// A hash that is the same in every run (Swift's `hashValue` is seeded per process).
  var hashValueStable: UInt64 {
    var h: UInt64 = 0xcbf2_9ce4_8422_2325
    for b in utf8 { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
    return h
  }
}
