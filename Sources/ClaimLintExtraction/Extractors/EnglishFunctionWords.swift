/// The closed classes of English (articles, pronouns, prepositions, conjunctions, auxiliaries and a
/// few adverbs) that end a noun phrase after a figure and never name what is counted.
///
/// This is grammar, not a tunable word list, so it lives in code rather than in `rules/`.
enum EnglishFunctionWords {
  /// Whether `lower` is a function word.
  static func contains(_ lower: String) -> Bool { words.contains(lower) }

  /// Whether a token's lower-cased text is a function word.
  @inline(__always)
  static func contains(token t: Token) -> Bool { words.contains(token: t) }

  /// Whether a word's lower-cased text is a function word.
  @inline(__always)
  static func contains(lower w: Word) -> Bool { words.contains(lower: w) }

  /// Auxiliaries and adverbs allowed between a figure's noun and a passive participle
  /// ("40 people were reportedly arrested").
  static let auxiliaries: WordSet = [
    "were", "was", "are", "is", "have", "has", "had", "been", "being", "be", "reportedly", "allegedly", "also",
    "later", "subsequently", "then", "all", "already", "eventually", "since", "now", "who", "that", "had", "later",
    "initially", "originally", "each", "successfully", "safely", "jointly", "recently", "so", "far",
    // "seven remain missing", "10 are still trapped".
    "still", "remain", "remains", "remained",
  ]

  private static let words = WordSet(list)

  /// The function words, for tables that hold them with other words.
  static let list: [String] = [
    "the", "a", "an", "of", "in", "on", "at", "to", "from", "by", "with", "for", "and", "or", "but", "nor", "as",
    "that", "this", "these", "those", "which", "who", "whom", "whose", "was", "were", "is", "are", "be", "been",
    "being", "has", "have", "had", "will", "would", "could", "should", "may", "might", "must", "can", "shall",
    "do", "does", "did", "not", "no", "than", "then", "there", "their", "its", "his", "her", "our", "your", "my",
    "it", "they", "he", "she", "we", "you", "i", "them", "him", "us", "said", "says", "say", "according", "after",
    "before", "during", "since", "until", "into", "onto", "over", "under", "about", "across", "against", "among",
    "between", "through", "per", "each", "every", "all", "some", "any", "more", "most", "less", "least", "also",
    "only", "just", "still", "yet", "so", "such", "while", "when", "where", "whether", "if", "because", "last",
    "next", "up", "down", "out", "off", "amid", "within", "without", "including", "via", "both", "either",
    "neither", "other", "another", "ago", "later", "earlier", "here", "now", "today", "yesterday", "tomorrow",
    "local", "around", "near", "behind", "toward", "towards", "upon", "whereas", "though", "although", "unless",
    "told", "added", "reportedly", "allegedly", "respectively", "apiece", "each", "altogether", "overall", "too",
    "again", "already", "annually", "daily", "monthly", "weekly", "yearly", "total", "alone", "combined",
  ]
}
