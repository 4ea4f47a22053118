import ClaimLintCore

/// The words that identify what a sentence is about, for aligning dates, quotes and statements:
/// capitalised names, event words and content words, lower-cased, without stop words.
public enum Salience {
  static let stop: Set<String> = [
    "the", "a", "an", "and", "or", "of", "to", "in", "on", "at", "for", "with", "by", "from", "that", "this", "is", "was",
    "were", "are", "be", "been", "has", "have", "had", "it", "its", "as", "said", "says", "say", "he", "she", "they", "their",
    "his", "her", "also", "which", "who", "will", "would", "not", "but", "after", "before", "since", "last", "this", "than",
    "more", "over", "about", "into", "during", "while", "there", "these", "those", "them", "we", "our", "you", "i",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march", "april",
    "may", "june", "july", "august", "september", "october", "november", "december", "local", "time", "week", "day",
    "month", "year", "according", "percent", "per", "cent", "million", "billion", "thousand", "hundred", "dollar",
    "dollars", "euro", "euros", "pound", "pounds", "yuan", "baht", "one", "two", "three", "four", "five", "six", "seven",
    "eight", "nine", "ten", "ago", "years", "days", "weeks", "months", "people", "statement", "told", "reporters", "added", "on", "st", "nd", "rd", "th",
  ]

  /// Content words of a text, lower-cased, without stop words, digits or punctuation.
  public static func words(_ text: String) -> Set<String> {
    var out = Set<String>()
    var cur = ""
    for s in text.unicodeScalars {
      if s.properties.isAlphabetic {
        cur.unicodeScalars.append(s)
      } else if !cur.isEmpty {
        let w = cur.lowercased()
        if w.count > 2, !stop.contains(w) { out.insert(stem(w)) }
        cur = ""
      }
    }
    if !cur.isEmpty {
      let w = cur.lowercased()
      if w.count > 2, !stop.contains(w) { out.insert(stem(w)) }
    }
    return out
  }

  /// A crude stem so that "meeting", "meetings" and "met" are closer ("meet"), and plurals fold.
  public static func stem(_ w: String) -> String {
    if w == "met" || w == "meeting" || w == "meetings" { return "meet" }
    if w.hasSuffix("ies"), w.count > 4 { return String(w.dropLast(3)) + "y" }
    if w.hasSuffix("ing"), w.count > 5 { return String(w.dropLast(3)) }
    if w.hasSuffix("ed"), w.count > 4 { return String(w.dropLast(w.hasSuffix("ied") ? 3 : 2)) }
    if w.hasSuffix("s"), !w.hasSuffix("ss"), w.count > 3 { return String(w.dropLast()) }
    return w
  }

  /// Overlap of two sets relative to the smaller one.
  public static func containment(_ a: Set<String>, _ b: Set<String>) -> Double {
    let small = min(a.count, b.count)
    guard small > 0 else { return 0 }
    return Double(a.intersection(b).count) / Double(small)
  }

  public static func jaccard(_ a: Set<String>, _ b: Set<String>) -> Double {
    let u = a.union(b).count
    return u == 0 ? 0 : Double(a.intersection(b).count) / Double(u)
  }
}
