/// The word lists the HTML reader uses to recognise parts of a page from `class`, `id` and heading text.
///
/// Class and id values are compared after normalisation: each class name (and the id) is lowercased and
/// stripped of `-`, `_` and `:`, so `article__body`, `articleBody` and `article-body` all read
/// `articlebody`. A *substring* list matches when one of its words occurs anywhere in a normalised name;
/// a *token* list matches only a whole token of the original name split at `-`, `_`, spaces and case
/// changes, which keeps short words like `ad` or `nav` from matching `header` or `canvas`.
/// Phrase lists (headings, credits) are compared case-insensitively against folded block text.
public struct HTMLMarkers: Sendable, Hashable {
  /// Substrings of class/id names that mark the article body (`entrycontent`, `articlebody`).
  public var contentSubstrings: [String]
  /// Substrings of class/id names that mark menus, share bars, cookie and newsletter prompts, ads.
  public var boilerplateSubstrings: [String]
  /// Whole tokens of class/id names that mark boilerplate (`ad`, `nav`, `share`).
  public var boilerplateTokens: [String]
  /// Substrings of class/id names that mark a reader-comment section or a single comment.
  public var commentSubstrings: [String]
  /// Substrings that cancel a comment match (`commentary`, `commentcount`).
  public var commentExclusions: [String]
  /// Substrings of class/id names that mark the comment form inside a comment section.
  public var commentFormSubstrings: [String]
  /// Substrings of class/id names that mark related-links containers.
  public var relatedSubstrings: [String]
  /// Substrings of class/id names (or `itemprop`/`rel` values) that mark bylines.
  public var bylineSubstrings: [String]
  /// Substrings of class/id/itemprop names that mark the author name inside a comment.
  public var commentAuthorSubstrings: [String]
  /// Whole tokens of class/id names that mark the author name inside a comment (`fn`, `name`).
  public var commentAuthorTokens: [String]
  /// Substrings that make a container less likely to be the article (scoring only).
  public var negativeSubstrings: [String]
  /// Substrings that make a container more likely to be the article (scoring only).
  public var positiveSubstrings: [String]
  /// Heading phrases that introduce a comment section ("comments", "leave a reply").
  public var commentHeadingPhrases: [String]
  /// Heading phrases that introduce related links ("related articles", "more stories").
  public var relatedHeadingPhrases: [String]
  /// Words in a caption that mark a photo credit ("getty", "photo:").
  public var photoCreditPhrases: [String]
  /// Trailing words removed from a comment author name ("says:", "wrote:").
  public var authorSuffixes: [String]

  /// Creates markers from explicit word lists; every list defaults to the built-in one.
  public init(
    contentSubstrings: [String] = HTMLMarkers.defaultContentSubstrings,
    boilerplateSubstrings: [String] = HTMLMarkers.defaultBoilerplateSubstrings,
    boilerplateTokens: [String] = HTMLMarkers.defaultBoilerplateTokens,
    commentSubstrings: [String] = HTMLMarkers.defaultCommentSubstrings,
    commentExclusions: [String] = HTMLMarkers.defaultCommentExclusions,
    commentFormSubstrings: [String] = HTMLMarkers.defaultCommentFormSubstrings,
    relatedSubstrings: [String] = HTMLMarkers.defaultRelatedSubstrings,
    bylineSubstrings: [String] = HTMLMarkers.defaultBylineSubstrings,
    commentAuthorSubstrings: [String] = HTMLMarkers.defaultCommentAuthorSubstrings,
    commentAuthorTokens: [String] = HTMLMarkers.defaultCommentAuthorTokens,
    negativeSubstrings: [String] = HTMLMarkers.defaultNegativeSubstrings,
    positiveSubstrings: [String] = HTMLMarkers.defaultPositiveSubstrings,
    commentHeadingPhrases: [String] = HTMLMarkers.defaultCommentHeadingPhrases,
    relatedHeadingPhrases: [String] = HTMLMarkers.defaultRelatedHeadingPhrases,
    photoCreditPhrases: [String] = HTMLMarkers.defaultPhotoCreditPhrases,
    authorSuffixes: [String] = HTMLMarkers.defaultAuthorSuffixes
  ) {
    func norm(_ list: [String]) -> [String] {
      list.map { w in String(w.lowercased().unicodeScalars.filter { $0 != "-" && $0 != "_" && $0 != ":" }) }
        .filter { !$0.isEmpty }
    }
    func lower(_ list: [String]) -> [String] { list.map { $0.lowercased() }.filter { !$0.isEmpty } }
    self.contentSubstrings = norm(contentSubstrings)
    self.boilerplateSubstrings = norm(boilerplateSubstrings)
    self.boilerplateTokens = lower(boilerplateTokens)
    self.commentSubstrings = norm(commentSubstrings)
    self.commentExclusions = norm(commentExclusions)
    self.commentFormSubstrings = norm(commentFormSubstrings)
    self.relatedSubstrings = norm(relatedSubstrings)
    self.bylineSubstrings = norm(bylineSubstrings)
    self.commentAuthorSubstrings = norm(commentAuthorSubstrings)
    self.commentAuthorTokens = lower(commentAuthorTokens)
    self.negativeSubstrings = norm(negativeSubstrings)
    self.positiveSubstrings = norm(positiveSubstrings)
    self.commentHeadingPhrases = lower(commentHeadingPhrases)
    self.relatedHeadingPhrases = lower(relatedHeadingPhrases)
    self.photoCreditPhrases = lower(photoCreditPhrases)
    self.authorSuffixes = lower(authorSuffixes)
  }

  /// The built-in markers.
  public static let `default` = HTMLMarkers()
}

// MARK: - Built-in lists

extension HTMLMarkers {
  /// Built-in article-body class/id words.
  public static let defaultContentSubstrings = [
    "entry-content", "article-body", "articlebody", "article-content", "article-text", "articletext",
    "post-content", "post-body", "postbody", "story-body", "storybody", "story-content", "story-text",
    "main-content", "content-body", "body-text", "bodytext", "article__content", "entry-body",
    "news-text", "newstext", "text-content", "artikel-text", "article-main", "single-content",
    "blog-post-content", "post-entry", "entrytext", "td-post-content", "richtext", "rich-text",
  ]
  /// Built-in boilerplate class/id substrings.
  public static let defaultBoilerplateSubstrings = [
    "navigation", "navbar", "menu", "breadcrumb", "sharing", "share-", "sharebar", "shareb", "social",
    "cookie", "consent", "gdpr", "newsletter", "subscribe", "subscription", "advert", "sponsor",
    "promo", "sidebar", "widget", "toolbar", "signup", "sign-up", "paywall", "outbrain", "taboola",
    "popup", "modal", "skiplink", "skip-link", "pagination", "pager", "masthead", "site-footer",
    "sitefooter", "site-header", "siteheader", "copyright", "disclaimer", "banner", "teaser-list",
    "tag-list", "taglist", "post-tags", "entry-tags", "article-tags", "tagcloud", "follow-us",
    "print-only", "visually-hidden", "screen-reader", "sr-only", "offscreen", "author-bio", "authorbio",
    "post-navigation", "postnav", "entry-meta", "post-meta", "adsense", "dfp-", "adslot", "ad-slot",
    "ad-container", "ad-wrapper", "newsticker", "ticker", "login", "lightbox", "overlay",
  ]
  /// Built-in boilerplate class/id tokens.
  public static let defaultBoilerplateTokens = [
    "ad", "ads", "adv", "nav", "share", "shares", "tags", "tag", "footer",
    "social", "promo", "sponsored", "rss", "search",
  ]
  /// Built-in comment-section class/id substrings.
  public static let defaultCommentSubstrings = [
    "comment", "disqus", "respond", "discussion", "kommentar", "commentaire", "comentario", "reactions",
    "leserbrief", "usercomment", "talkback", "dsq-", "replies", "reply",
  ]
  /// Built-in exclusions for comment words.
  public static let defaultCommentExclusions = [
    "commentary", "commentcount", "commentscount", "commentnumber", "commentsnumber", "commentlink",
    "commentslink", "commentbutton", "commentsbutton", "commenticon", "commentbubble", "nocomment",
    "commentsclosed", "countcomment", "kommentarzahl", "kommentareanzahl", "replycount", "commenttotal", "recentcomment",
    "latestcomment", "lastcomment", "aktuellekommentar", "letztekommentar", "neuestekommentar", "topcomment",
    "popularcomment", "mostcomment", "meistkommentiert", "commentsrss", "commentrss",
  ]
  /// Built-in comment-form class/id substrings.
  public static let defaultCommentFormSubstrings = [
    "respond", "commentform", "comment-form", "replyform", "reply-form", "postcomment", "post-comment",
    "addcomment", "add-comment", "writecomment", "newcomment", "new-comment", "cancel-comment",
  ]
  /// Built-in related-links class/id substrings.
  public static let defaultRelatedSubstrings = [
    "related", "recommended", "recommendation", "more-stories", "morestories", "more-articles",
    "morearticles", "you-may-also", "youmayalso", "also-read", "alsoread", "readmore", "read-more",
    "mostread", "most-read", "mostpopular", "most-popular", "trending", "recirc", "further-reading",
    "weitere-artikel", "mehr-zum-thema", "similar", "other-posts", "otherposts",
  ]
  /// Built-in byline class/id substrings.
  public static let defaultBylineSubstrings = ["author", "byline", "credit", "dateline", "autor"]
  /// Built-in comment-author class/id substrings.
  public static let defaultCommentAuthorSubstrings = [
    "author", "username", "user-name", "nickname", "commenter", "poster", "autor", "displayname",
    "display-name", "user-link", "userlink", "profile-name", "person",
  ]
  /// Built-in comment-author class/id tokens.
  public static let defaultCommentAuthorTokens = ["fn", "name", "user", "nick", "by", "from"]
  /// Built-in negative scoring words.
  public static let defaultNegativeSubstrings = [
    "hidden", "banner", "combx", "comment", "contact", "foot", "footer", "footnote", "masthead", "media",
    "meta", "outbrain", "promo", "related", "scroll", "shoutbox", "sidebar", "skyscraper", "sponsor",
    "shopping", "tags", "tool", "widget", "teaser", "nav", "menu", "social", "share", "recommend",
  ]
  /// Built-in positive scoring words.
  public static let defaultPositiveSubstrings = [
    "article", "body", "content", "entry", "hentry", "main", "page", "pagination", "post", "text", "blog",
    "story", "artikel", "inhalt",
  ]
  /// Built-in comment-heading phrases.
  public static let defaultCommentHeadingPhrases = [
    "comment", "leave a reply", "leave a comment", "join the discussion", "join the conversation",
    "what do you think", "responses", "reader reactions", "kommentar", "antworten", "schreibe einen",
    "hinterlasse", "commentaire", "comentario", "discussion", "reactions", "diskussion",
  ]
  /// Built-in related-heading phrases.
  public static let defaultRelatedHeadingPhrases = [
    "related", "more stories", "more from", "more news", "you may also like", "you might also like",
    "read more", "read next", "recommended", "also read", "most read", "most popular", "trending",
    "mehr zum thema", "lesen sie auch", "das könnte sie auch interessieren", "weitere artikel",
    "auch interessant", "ähnliche beiträge", "verwandte", "à lire aussi", "sur le même sujet",
    "te puede interesar", "popular posts", "recent posts", "latest news", "top stories",
  ]
  /// Built-in photo-credit phrases.
  public static let defaultPhotoCreditPhrases = [
    "photo:", "photo by", "photograph:", "credit", "getty", "reuters", "afp", "ap photo", "foto:",
    "bild:", "image:", "©", "shutterstock", "dpa", "epa", "keystone", "imago",
  ]
  /// Built-in author-name suffixes.
  public static let defaultAuthorSuffixes = [
    "says:", "says", "said:", "wrote:", "writes:", "sagt:", "sagt", "schreibt:", "meint:", "dit :", "dit:",
    "a écrit :", "dice:", "escribió:",
  ]
}
