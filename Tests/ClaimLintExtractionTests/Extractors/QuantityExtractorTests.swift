import ClaimLintCore
import ClaimLintExtraction
import Testing

/// One sentence and what the figure in `text` must read as; nil fields are not checked.
struct QuantityCase: Sendable, CustomTestStringConvertible {
  var id: String
  var sentence: String
  /// The quantity phrase as written (the match's range).
  var text: String
  var value: Double? = nil
  var low: Double?? = nil
  var high: Double?? = nil
  var lowInclusive: Bool? = nil
  var highInclusive: Bool? = nil
  var qualifier: String?? = nil
  var direction: QualifierDirection? = nil
  var unit: String?? = nil
  var counted: String?? = nil
  var family: String?? = nil
  var modifiers: [String]? = nil
  var action: String?? = nil
  var actionText: String?? = nil
  var actor: String?? = nil
  var isRange: Bool? = nil
  var isVague: Bool? = nil
  var superseded: Bool? = nil
  var testDescription: String { id }
}

@Suite struct QuantityExtractorTests {
  static let numberForms: [QuantityCase] = [
    QuantityCase(id: "comma thousands", sentence: "Rescuers counted 12,400 sandbags along the levee.", text: "12,400", value: 12_400, counted: "sandbag"),
    QuantityCase(id: "space thousands", sentence: "The ministry listed 12 400 households as flooded.", text: "12 400", value: 12_400, counted: "household"),
    QuantityCase(id: "narrow no-break space", sentence: "Some 40\u{202F}000 voters stayed home.", text: "Some 40\u{202F}000", value: 40_000),
    QuantityCase(id: "decimal", sentence: "Rainfall reached 2.5 metres in the hills.", text: "2.5 metres", value: 2.5, unit: "metre", counted: .some(nil)),
    QuantityCase(id: "unit word", sentence: "Seven fishermen were still missing on Sunday.", text: "Seven", value: 7, counted: "fisherman"),
    QuantityCase(id: "teen word", sentence: "Nineteen villages lost power overnight.", text: "Nineteen", value: 19, counted: "village"),
    QuantityCase(id: "hyphenated compound", sentence: "Police questioned forty-two drivers at the checkpoint.", text: "forty-two", value: 42, counted: "driver"),
    QuantityCase(id: "three dozen", sentence: "Three dozen shops on the street stayed shut.", text: "Three dozen", value: 36, counted: "shop"),
    QuantityCase(id: "a quarter of a million", sentence: "A quarter of a million people fled the valley.", text: "A quarter of a million", value: 250_000, counted: "person", family: "person"),
    QuantityCase(id: "twelve thousand", sentence: "Twelve thousand runners took part in the race.", text: "Twelve thousand", value: 12_000, counted: "runner"),
    QuantityCase(id: "hundred and words", sentence: "Two hundred and six cases were recorded this week.", text: "Two hundred and six", value: 206),
    QuantityCase(id: "dozens of", sentence: "Dozens of families camped near the station.", text: "Dozens", low: .some(24), high: .some(nil), counted: "family", isVague: true),
    QuantityCase(id: "scores of", sentence: "Scores of students gathered outside the court.", text: "Scores", low: .some(40), counted: "student", isVague: true),
    QuantityCase(id: "hundreds of", sentence: "Hundreds of workers walked out on Tuesday.", text: "Hundreds", low: .some(200), counted: "worker", family: "worker", isVague: true),
    QuantityCase(id: "tens of thousands", sentence: "Tens of thousands of people marched in the capital.", text: "Tens of thousands", low: .some(20_000), isVague: true),
    QuantityCase(id: "billion scale", sentence: "The project cost 2.7 billion over a decade.", text: "2.7 billion", value: 2_700_000_000),
    QuantityCase(id: "bn suffix", sentence: "Exports fell to 4.5bn last quarter.", text: "4.5bn", value: 4_500_000_000),
    QuantityCase(id: "m suffix", sentence: "The club paid 9m for the striker.", text: "9m", value: 9_000_000),
    QuantityCase(id: "million scale", sentence: "About 6.1 million tourists visited the island.", text: "About 6.1 million", value: 6_100_000, counted: "tourist"),
  ]

  static let currencies: [QuantityCase] = [
    QuantityCase(id: "pound symbol with suffix", sentence: "The council set aside £3m for repairs.", text: "£3m", value: 3_000_000, unit: "GBP", family: "money"),
    QuantityCase(id: "yuan name", sentence: "The ring moved 10 billion yuan through shell firms.", text: "10 billion yuan", value: 10_000_000_000, unit: "CNY"),
    QuantityCase(id: "dollar symbol", sentence: "The fine was $250,000, the court said.", text: "$250,000", value: 250_000, unit: "USD"),
    QuantityCase(id: "US$ prefix", sentence: "The bank approved a US$150 million loan.", text: "US$150 million", value: 150_000_000, unit: "USD"),
    QuantityCase(id: "ISO code before", sentence: "The contract is worth USD 200 million.", text: "USD 200 million", value: 200_000_000, unit: "USD"),
    QuantityCase(id: "dollars name", sentence: "He was offered 5,000 dollars in cash.", text: "5,000 dollars", value: 5_000, unit: "USD"),
    QuantityCase(id: "RMB", sentence: "Each recruit was promised 8,000 RMB a month.", text: "8,000 RMB", value: 8_000, unit: "CNY"),
    QuantityCase(id: "baht", sentence: "Officers seized 1.2 million baht from the house.", text: "1.2 million baht", value: 1_200_000, unit: "THB"),
    QuantityCase(id: "kyat", sentence: "Villagers paid 500,000 kyat to the brokers.", text: "500,000 kyat", value: 500_000, unit: "MMK"),
    QuantityCase(id: "euro sign", sentence: "Tickets now cost €45 each.", text: "€45", value: 45, unit: "EUR"),
    QuantityCase(id: "euros name", sentence: "The grant totals 3 million euros.", text: "3 million euros", value: 3_000_000, unit: "EUR"),
    QuantityCase(id: "pounds name", sentence: "Profit rose to 361 million pounds.", text: "361 million pounds", value: 361_000_000, unit: "GBP"),
  ]

  static let percentages: [QuantityCase] = [
    QuantityCase(id: "percent word", sentence: "Turnout fell 12 percent from the last vote.", text: "12 percent", value: 12, unit: "percent"),
    QuantityCase(id: "per cent", sentence: "Prices rose by 12 per cent in March.", text: "12 per cent", value: 12, unit: "percent"),
    QuantityCase(id: "percent sign", sentence: "The party won 45% of the seats.", text: "45%", value: 45, unit: "percent"),
  ]

  static let ranges: [QuantityCase] = [
    QuantityCase(id: "between and", sentence: "Between 300 and 400 people sheltered in the school.", text: "Between 300 and 400", low: .some(300), high: .some(400), counted: "person", isRange: true),
    QuantityCase(id: "to", sentence: "The storm left 15 to 20 boats sunk in the harbour.", text: "15 to 20", low: .some(15), high: .some(20), counted: "boat", isRange: true),
    QuantityCase(id: "hyphen", sentence: "Organisers expect 8,000-9,000 spectators.", text: "8,000-9,000", low: .some(8_000), high: .some(9_000), isRange: true),
    QuantityCase(id: "money range", sentence: "Losses from the scams range between $20 billion and $40 billion a year.", text: "between $20 billion and $40 billion", low: .some(20_000_000_000), high: .some(40_000_000_000), unit: "USD", isRange: true),
    QuantityCase(id: "scale carried to the low end", sentence: "The repairs will cost 15 to 20 million dollars.", text: "15 to 20 million dollars", low: .some(15_000_000), high: .some(20_000_000), unit: "USD", isRange: true),
  ]

  static let qualifiers: [QuantityCase] = [
    QuantityCase(id: "over", sentence: "Over 900 homes were damaged.", text: "Over 900", low: .some(900), high: .some(nil), lowInclusive: false, qualifier: "over", direction: .above),
    QuantityCase(id: "more than", sentence: "More than 1,200 residents were evacuated overnight.", text: "More than 1,200", low: .some(1_200), lowInclusive: false, direction: .above, counted: "resident", family: "national", action: "evacuate"),
    QuantityCase(id: "in excess of", sentence: "The damage is in excess of $5 million.", text: "in excess of $5 million", low: .some(5_000_000), qualifier: "in excess of", direction: .above, unit: "USD"),
    QuantityCase(id: "at least", sentence: "At least 14 people died in the landslide.", text: "At least 14", low: .some(14), high: .some(nil), lowInclusive: true, direction: .atLeast, action: "kill"),
    QuantityCase(id: "no fewer than", sentence: "No fewer than 30 lorries queued at the border.", text: "No fewer than 30", low: .some(30), direction: .atLeast),
    QuantityCase(id: "fewer than", sentence: "Fewer than 50 seats remain unsold.", text: "Fewer than 50", low: .some(nil), high: .some(50), highInclusive: false, direction: .below),
    QuantityCase(id: "under", sentence: "Under 20 patients were waiting.", text: "Under 20", high: .some(20), direction: .below),
    QuantityCase(id: "up to", sentence: "Up to 700 contract workers could lose their jobs.", text: "Up to 700", low: .some(nil), high: .some(700), direction: .atMost),
    QuantityCase(id: "nearly", sentence: "Nearly 900 residents left their homes.", text: "Nearly 900", low: .some(810), high: .some(900), qualifier: "nearly", direction: .atMost),
    QuantityCase(id: "almost", sentence: "Almost 1,000 migrants were rescued at sea.", text: "Almost 1,000", low: .some(900), high: .some(1_000), direction: .atMost, action: "rescue"),
    QuantityCase(id: "about", sentence: "About 900 residents were evacuated overnight.", text: "About 900", low: .some(810), high: .some(990), qualifier: "about", direction: .approximate),
    QuantityCase(id: "some", sentence: "Some 40 officers joined the search.", text: "Some 40", low: .some(36), high: .some(44), direction: .approximate),
    QuantityCase(id: "an estimated", sentence: "An estimated 3,000 workers are stranded.", text: "An estimated 3,000", low: .some(2_700), high: .some(3_300), qualifier: "an estimated", direction: .approximate),
    QuantityCase(id: "or more", sentence: "Groups of 20 or more were turned back.", text: "20 or more", low: .some(20), qualifier: "or more", direction: .atLeast),
    QuantityCase(id: "exact with trailing zeros", sentence: "The agency registered 50,000 people last year.", text: "50,000", value: 50_000, low: .some(50_000), high: .some(50_000), qualifier: .some(nil), direction: .exact, counted: "person"),
  ]

  static let nouns: [QuantityCase] = [
    QuantityCase(id: "alleged criminals", sentence: "Officials said 300 alleged criminals were sent home.", text: "300", counted: "criminal", family: "offender", modifiers: ["alleged"]),
    QuantityCase(id: "criminal suspects", sentence: "Police held 75 criminal suspects overnight.", text: "75", counted: "suspect", family: "offender", modifiers: ["criminal"]),
    QuantityCase(id: "Chinese nationals", sentence: "The embassy helped 120 Chinese nationals home.", text: "120", counted: "national", family: "national", modifiers: ["chinese"]),
    QuantityCase(id: "foreign workers", sentence: "Inspectors found 64 foreign workers on the site.", text: "64", counted: "worker", family: "worker", modifiers: ["foreign"]),
    QuantityCase(id: "individuals", sentence: "The court heard from 11 individuals on Monday.", text: "11", counted: "individual", family: "person"),
    QuantityCase(id: "victims", sentence: "The charity supported 85 victims and their families.", text: "85", counted: "victim", family: "victim"),
    QuantityCase(id: "irregular plural", sentence: "The boat carried 40 women and children.", text: "40", counted: "woman", family: "person"),
    QuantityCase(id: "regular -ies", sentence: "The clash left 9 casualties.", text: "9", counted: "casualty", family: "victim"),
    QuantityCase(id: "money counts money", sentence: "The fund lost $2 million.", text: "$2 million", unit: "USD", counted: .some(nil), family: "money"),
    QuantityCase(id: "possessive before the noun", sentence: "The strike closed 300 of the company's workshops.", text: "300", counted: "workshop"),
    QuantityCase(id: "possessive before another figure", sentence: "Voters in 12 of the country's 77 districts went to the polls.", text: "12", counted: .some(nil)),
    // What a sum of money is (rules/lexicons/money-nouns.tsv).
    QuantityCase(id: "aid package", sentence: "Donors approved a $5 million aid package on Friday.", text: "$5 million", unit: "USD", counted: "aid", family: "aid"),
    QuantityCase(id: "in compensation", sentence: "The firm paid 3 billion baht in compensation to the families.", text: "3 billion baht", unit: "THB", counted: "compensation", family: "compensation"),
    QuantityCase(id: "fine of", sentence: "The court imposed a fine of 20,000 euros.", text: "20,000 euros", unit: "EUR", counted: "penalty", family: "penalty"),
    QuantityCase(id: "losses estimated at", sentence: "Economic losses were estimated at $3.2 billion.", text: "$3.2 billion", unit: "USD", counted: "loss", family: "loss"),
    QuantityCase(id: "unnamed purpose", sentence: "Donors pledged US$ 12 million for reconstruction.", text: "US$ 12 million", unit: "USD", counted: .some(nil), family: "money"),
    // Units of measure (rules/lexicons/units.tsv): the figure counts what follows "of".
    QuantityCase(id: "tonnes of a drug", sentence: "Customs officers seized 4.5 tonnes of crystal methamphetamine.", text: "4.5 tonnes", unit: "tonne", counted: "crystal methamphetamine", family: "methamphetamine", action: "seize"),
    QuantityCase(id: "kilograms", sentence: "Police found 120 kg of heroin in the truck.", text: "120 kg", unit: "kilogram", counted: "heroin"),
    QuantityCase(id: "range with a unit", sentence: "The storm brought 150 to 200 millimetres of rain.", text: "150 to 200 millimetres", unit: "millimetre", counted: "rain"),
    QuantityCase(id: "distance without a noun", sentence: "The convoy drove 300 km overnight.", text: "300 km", unit: "kilometre", counted: .some(nil)),
  ]

  static let actions: [QuantityCase] = [
    QuantityCase(id: "left homeless", sentence: "The floods left 4,000 families homeless, and thousands left homeless were sheltering in schools.", text: "thousands", action: "displace"),
    QuantityCase(id: "others take the noun before and their own participle", sentence: "Seventeen workers were killed and 40 others injured in the fire.", text: "40", counted: "worker", action: "injure"),
    QuantityCase(id: "ordinal is not a noun", sentence: "Her margin narrowed to 298 votes from the 312 first reported.", text: "312", counted: .some(nil), superseded: true),
    QuantityCase(id: "belong is a verb", sentence: "Of 4,000 pilots, about 3,200 belong to the union.", text: "about 3,200", counted: .some(nil)),
    QuantityCase(id: "money is not killed", sentence: "Families of the dead will receive 200,000 taka each.", text: "200,000 taka", unit: "BDT", action: .some(nil)),
    QuantityCase(id: "handed out", sentence: "Officials handed out more than 5 million face masks to pupils.", text: "more than 5 million", counted: "mask", action: "distribute"),
    QuantityCase(id: "distance is not killed", sentence: "The hunter had killed a rabbit before he was flown to a hospital around 185 miles away.", text: "around 185 miles", unit: "mile", action: .some(nil)),
    QuantityCase(id: "charging is not a charge", sentence: "The car supports 150 kW charging at public stations.", text: "150 kW", unit: "kilowatt", action: .some(nil)),
    QuantityCase(id: "head is the last plural", sentence: "Two United States service members died in the crash.", text: "Two", counted: "member"),
    QuantityCase(id: "job cuts", sentence: "The carmaker plans to cut 400 jobs at the plant.", text: "400", counted: "job", action: "cut"),
    QuantityCase(id: "percent with its noun", sentence: "The offer is a 32 percent premium to the last closing price.", text: "32 percent", unit: "percent", counted: "premium"),
    QuantityCase(id: "noun of a percent", sentence: "The offer carries a premium of 32% to Friday's price.", text: "32%", unit: "percent", counted: "premium"),
    QuantityCase(id: "percent of voters", sentence: "Turnout reached 61 percent of registered voters.", text: "61 percent", unit: "percent", counted: "voter"),
    QuantityCase(id: "bare percent move", sentence: "Shares closed up 26 percent at 14.05 euros.", text: "26 percent", unit: "percent", counted: .some(nil)),
    QuantityCase(id: "cut takes only the next figure", sentence: "Thailand cut electricity and fuel supplies to five areas of the border.", text: "five", counted: "area", action: .some(nil)),
    QuantityCase(id: "added jobs", sentence: "The airline added 400 jobs at its hub.", text: "400", counted: "job", action: "create"),
    QuantityCase(id: "tested positive", sentence: "Nineteen patients have tested positive for the bacterium.", text: "Nineteen", counted: "patient", action: "infect"),
    QuantityCase(id: "lev", sentence: "He was found guilty of embezzling 3.4 million lev.", text: "3.4 million lev", unit: "BGN", action: .some(nil)),
    QuantityCase(id: "span of time takes no action", sentence: "Police detained 12 people in the past 24 hours.", text: "24", counted: "hour", action: .some(nil)),
    QuantityCase(id: "seized goods", sentence: "Officers intercepted 6.8 tonnes of pangolin scales at the port.", text: "6.8 tonnes", action: "seize"),
    QuantityCase(id: "seized people", sentence: "Troops seized 40 suspects in the raid.", text: "40", counted: "suspect", action: "arrest"),
    QuantityCase(id: "seized money", sentence: "Police seized $2 million in cash.", text: "$2 million", action: "seize"),
    QuantityCase(id: "captured", sentence: "Soldiers captured more than 600 suspects in the raid.", text: "more than 600", action: "arrest", actionText: "captured", actor: "Soldiers"),
    QuantityCase(id: "apprehended", sentence: "Border guards apprehended over 600 suspects near the river.", text: "over 600", action: "arrest", actionText: "apprehended", actor: "Border guards"),
    QuantityCase(id: "arrest verb", sentence: "Since January the agencies have worked together to arrest more than 50,000 people linked to betting rings.", text: "more than 50,000", action: "arrest", actionText: "arrest"),
    QuantityCase(id: "return nominalisation over purpose clause", sentence: "The accord led to the return of over 50,000 alleged fraudsters to stand trial at home.", text: "over 50,000", counted: "fraudster", action: "repatriate", actionText: "return of"),
    QuantityCase(id: "facilitated the return", sentence: "The ministry says it facilitated the return of 2,000 workers to face charges.", text: "2,000", action: "repatriate"),
    QuantityCase(id: "capture of", sentence: "The operation ended with the capture of 149 gang members.", text: "149", counted: "gang member", family: "offender", action: "arrest", actionText: "capture of"),
    QuantityCase(id: "passive after", sentence: "Forty people were arrested by Thai police at the crossing.", text: "Forty", action: "arrest", actionText: "arrested", actor: "Thai police"),
    QuantityCase(id: "active actor", sentence: "Thai police arrested 38 men at the crossing.", text: "38", action: "arrest", actor: "Thai police"),
    QuantityCase(id: "transferred", sentence: "Myanmar has transferred 261 victims to Thai authorities.", text: "261", counted: "victim", action: "repatriate", actionText: "transferred", actor: "Myanmar"),
    QuantityCase(id: "rescue", sentence: "Volunteers rescued 57 hostages from the compound.", text: "57", action: "rescue"),
    QuantityCase(id: "sentenced", sentence: "A court sentenced 16 defendants to prison.", text: "16", action: "convict"),
    QuantityCase(id: "executed", sentence: "The state executed 11 members of the gang.", text: "11", action: "execute"),
    QuantityCase(id: "death toll", sentence: "The death toll rose to 43 on Thursday.", text: "43", action: "kill"),
    QuantityCase(id: "participle right after", sentence: "The blast left 12 dead and 30 injured.", text: "30", action: "injure"),
    QuantityCase(id: "no action", sentence: "The two ministers met for 90 minutes.", text: "90", action: .some(nil)),
  ]

  static let superseded: [QuantityCase] = [
    QuantityCase(id: "initially", sentence: "Officials initially put the toll at 40 but later raised it.", text: "40", superseded: true),
    QuantityCase(id: "earlier reports said", sentence: "Earlier reports said 25 people had been hurt.", text: "25", superseded: true),
    QuantityCase(id: "first reported", sentence: "The agency first reported 18 arrests.", text: "18", superseded: true),
    QuantityCase(id: "current figure", sentence: "The toll now stands at 52.", text: "52", superseded: false),
  ]

  static func check(_ c: QuantityCase) throws {
    let extractor = QuantityExtractor(lexicons: try ExtractionFixture.lexicons())
    let matches = extractor.extract(from: c.sentence)
    let found = matches.first { ExtractionFixture.text(c.sentence, $0.range) == c.text }
    guard let m = found else {
      Issue.record("no quantity '\(c.text)' in \(matches.map { ExtractionFixture.text(c.sentence, $0.range) })")
      return
    }
    let q = m.quantity
    if let v = c.value { #expect(q.value == v) }
    if let v = c.low { #expect(q.low == v) }
    if let v = c.high { #expect(q.high == v) }
    if let v = c.lowInclusive { #expect(q.lowInclusive == v) }
    if let v = c.highInclusive { #expect(q.highInclusive == v) }
    if let v = c.qualifier { #expect(q.qualifier == v) }
    if let v = c.direction { #expect(q.direction == v) }
    if let v = c.unit { #expect(q.unit == v) }
    if let v = c.counted { #expect(q.counted == v) }
    if let v = c.family { #expect(q.countedFamily == v) }
    if let v = c.modifiers { #expect(q.modifiers == v) }
    if let v = c.action { #expect(q.action == v) }
    if let v = c.actionText { #expect(q.actionText == v) }
    if let v = c.actor { #expect(q.actor == v) }
    if let v = c.isRange { #expect(q.isRange == v) }
    if let v = c.isVague { #expect(q.isVague == v) }
    if let v = c.superseded { #expect(q.superseded == v) }
  }

  @Test(arguments: numberForms) func numberForm(_ c: QuantityCase) throws { try Self.check(c) }
  @Test(arguments: currencies) func currency(_ c: QuantityCase) throws { try Self.check(c) }
  @Test(arguments: percentages) func percentage(_ c: QuantityCase) throws { try Self.check(c) }
  @Test(arguments: ranges) func range(_ c: QuantityCase) throws { try Self.check(c) }
  @Test(arguments: qualifiers) func qualifier(_ c: QuantityCase) throws { try Self.check(c) }
  @Test(arguments: nouns) func countedNoun(_ c: QuantityCase) throws { try Self.check(c) }
  @Test(arguments: actions) func action(_ c: QuantityCase) throws { try Self.check(c) }
  @Test(arguments: superseded) func supersededFigure(_ c: QuantityCase) throws { try Self.check(c) }

  /// "captured more than 600 suspects" and "apprehended over 600 suspects" describe one action.
  @Test func captureAndApprehensionAreOneClass() throws {
    let extractor = QuantityExtractor(lexicons: try ExtractionFixture.lexicons())
    let a = extractor.extract(from: "Joint patrols captured more than 600 suspects in the economic zone.")
    let b = extractor.extract(from: "Joint patrols apprehended over 600 suspects in the economic zone.")
    #expect(a.count == 1 && b.count == 1)
    #expect(a.first?.quantity.action == "arrest")
    #expect(a.first?.quantity.action == b.first?.quantity.action)
    #expect(a.first?.quantity.counted == b.first?.quantity.counted)
  }

  /// "arrest more than 50,000 people" and "the return of over 50,000 suspects to stand trial"
  /// are different actions: the purpose clause does not turn a return into a prosecution or an arrest.
  @Test func arrestAndReturnAreDifferentClasses() throws {
    let extractor = QuantityExtractor(lexicons: try ExtractionFixture.lexicons())
    let arrest = extractor.extract(from: "Since last spring the four governments have cooperated to arrest more than 50,000 people tied to online fraud.")
    let returned = extractor.extract(from: "Beijing has overseen the return of over 50,000 alleged fraudsters, who will stand trial at home.")
    let a = arrest.first { $0.quantity.value == 50_000 }?.quantity
    let r = returned.first { $0.quantity.value == 50_000 }?.quantity
    #expect(a?.action == "arrest")
    #expect(r?.action == "repatriate")
    #expect(r?.actionText == "return of")
    #expect(r?.countedFamily == "offender")
    #expect(a?.countedFamily == "person")
    #expect(a?.action != r?.action)
  }

  /// Sentences where the marked number is not a figure.
  static let notQuantities: [(id: String, sentence: String, number: String)] = [
    ("standalone year", "The agreement was signed in 2023 after long talks.", "2023"),
    ("possessive year", "2023's harvest was the worst in a decade.", "2023"),
    ("day of month", "The ministers met on the 16th in Chiang Mai.", "16"),
    ("ordinal", "It was the 3rd meeting of the group.", "3"),
    ("month day", "The talks began on 16 August in the northern city.", "16"),
    ("ISO date", "The statement is dated 2024-08-17.", "17"),
    ("clock time", "The ferry left at 10:30 a.m. on Friday.", "10"),
    ("clock with am", "The curfew starts at 9 pm.", "9"),
    ("aircraft name", "An A-10 flew over the border town.", "10"),
    ("model number", "The airline grounded its Boeing 737 fleet.", "737"),
    ("rule number", "The players broke Rule 9 of the code.", "9"),
    ("virus name", "Cases of H5N1 were found on two farms.", "5"),
    ("disease name", "The COVID-19 wards were closed.", "19"),
    ("group name", "Leaders gathered for the G20 summit.", "20"),
    ("road name", "Traffic was stopped on Route 66 overnight.", "66"),
    ("list numbering", "1. The ministers agreed to share intelligence.", "1"),
    ("phone number", "Call the hotline on +66-2-555-0100 for help.", "555"),
    ("phone with area code", "Residents can reach the centre at (555) 123-4567 until noon.", "123"),
    ("phone with area code, area", "Residents can reach the centre at (555) 123-4567 until noon.", "555"),
    ("age between commas", "Noel, 31, is charged with five counts of falsifying records.", "31"),
    ("age after a dash", "Her manager, Braun, 38 – who also reps other artists – declined to comment.", "38"),
    ("age of", "The actor died on Friday at the age of 96.", "96"),
    ("aged", "A man aged 64 was taken to hospital.", "64"),
    ("vote", "The Supreme Court ruled 7-4 that the budget was lawful.", "4"),
    ("vote, first side", "The Supreme Court ruled 7-4 that the budget was lawful.", "7"),
    ("score", "The visitors won 3-1 after extra time.", "1"),
    ("round the clock", "The clinic now runs 24/7 with volunteer staff.", "24"),
    ("ratio", "About 1 in 5 adults in the district smoke.", "5"),
    ("ratio, first side", "About 1 in 5 adults in the district smoke.", "1"),
    ("local phone number", "The shelter's desk answers on 555-1234 around the clock.", "555"),
    ("local phone, zero group", "Families may ring 555-0199 for news of relatives.", "0199"),
    ("dotted phone number", "Tips go to 202.555.0147, the agency said.", "202"),
    // Phone numbers joined by three-byte dashes (en dash, non-breaking hyphen).
    ("phone number, en dashes", "Call the hotline on +66\u{2013}2\u{2013}555\u{2013}0100 for help.", "555"),
    ("phone number, non-breaking hyphens", "Call the hotline on +66\u{2011}2\u{2011}555\u{2011}0100 for help.", "0100"),
    ("spaced phone after cue", "For help, call 202 555 0147 at any hour.", "0147"),
    ("international spaced", "The embassy's number is +1 202 555 0147.", "202"),
    ("page furniture comments", "6 Comments", "6"),
    ("page furniture articles", "Read more: 58 Articles", "58"),
    ("version number", "The app was updated to version 2.4.1 last week.", "2"),
    ("unit written on the digits", "The 180ml bottles were recalled.", "180"),
    ("compound modifier", "A 10-year-old boy was found safe.", "10"),
  ]

  @Test(arguments: notQuantities.indices)
  func notAQuantity(_ index: Int) throws {
    let c = Self.notQuantities[index]
    let extractor = QuantityExtractor(lexicons: try ExtractionFixture.lexicons())
    let texts = extractor.extract(from: c.sentence).map { ExtractionFixture.text(c.sentence, $0.range) }
    #expect(!texts.contains { $0.contains(c.number) }, "\(c.id): \(texts)")
  }

  /// Digit groups that look a little like phone numbers but are figures.
  static let phoneLookAlikes: [(sentence: String, text: String, low: Double, high: Double?)] = [
    ("Between 500-1000 workers were laid off.", "500-1000", 500, 1000),
    ("The dam holds 1 250 000 cubic metres.", "1 250 000", 1_250_000, 1_250_000),
    ("The fund lent 1\u{202F}234\u{202F}567.89 euros.", "1\u{202F}234\u{202F}567.89 euros", 1_234_567.89, 1_234_567.89),
    ("Rooms cost 300-1200 baht a night.", "300-1200 baht", 300, 1200),
    ("The army sent 8,000-9,000 troops to the border.", "8,000-9,000", 8000, 9000),
    ("Police called in 2,000 officers.", "2,000", 2000, 2000),
  ]

  @Test(arguments: phoneLookAlikes.indices)
  func phoneLookAlikeIsAFigure(_ index: Int) throws {
    let c = Self.phoneLookAlikes[index]
    let matches = QuantityExtractor(lexicons: try ExtractionFixture.lexicons()).extract(from: c.sentence)
    let m = try #require(matches.first { ExtractionFixture.text(c.sentence, $0.range).hasSuffix(c.text) }, "\(c.sentence)")
    #expect(m.quantity.low == c.low)
    #expect(m.quantity.high == c.high)
  }

  @Test func rangesAreUTF8OffsetsAfterMultibyteText() throws {
    let sentence = "Über 300 Ärzte — more than 40 nurses — joined the strike."
    let matches = QuantityExtractor(lexicons: try ExtractionFixture.lexicons()).extract(from: sentence)
    #expect(matches.map { ExtractionFixture.text(sentence, $0.range) } == ["300", "more than 40"])
  }

  @Test func neverCrashesOnOddInput() throws {
    let extractor = QuantityExtractor(lexicons: try ExtractionFixture.lexicons())
    for s in ["", ".", "$", "between", "more than", "1,", ",000", "£", "- 5 -", "9999999999999999999999999", "½ ¾", "1.2.", "the 16"] {
      _ = extractor.extract(from: s)
    }
  }
}
